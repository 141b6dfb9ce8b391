package io.qtrade.risk.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the performance reference case copied from {@code refcases} into the test resources. */
final class RefCase {

    static final String RETURNS = "/refcases/perf_aapl2013_simple_returns.csv";
    static final String EXPECTED = "/refcases/performance_metrics_expected.json";

    private RefCase() {
    }

    /** Column {@code r} of the returns file (header {@code date,r}). */
    static double[] returns() {
        List<Double> out = new ArrayList<>();
        try (BufferedReader in = reader(RETURNS)) {
            String header = in.readLine();
            if (!"date,r".equals(header)) {
                throw new IllegalStateException(RETURNS + ": header '" + header + "', expected 'date,r'");
            }
            String line;
            while ((line = in.readLine()) != null) {
                out.add(Double.parseDouble(line.substring(line.indexOf(',') + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] r = new double[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
    }

    /**
     * The number under {@code "key":} in the expected JSON, searched after the first occurrence of each
     * {@code sections} key in turn (the file is small and flat enough for that).
     */
    static double expected(String key, String... sections) {
        String json = text(EXPECTED);
        int from = 0;
        for (String s : sections) {
            from = json.indexOf("\"" + s + "\"", from);
            if (from < 0) {
                throw new IllegalStateException(EXPECTED + ": no section '" + s + "'");
            }
        }
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*([-+0-9.eE]+)").matcher(json);
        if (!m.find(from)) {
            throw new IllegalStateException(EXPECTED + ": no key '" + key + "' after " + List.of(sections));
        }
        return Double.parseDouble(m.group(1));
    }

    private static String text(String resource) {
        try (InputStream in = RefCase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedReader reader(String resource) {
        InputStream in = RefCase.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
