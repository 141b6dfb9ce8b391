package io.qtrade.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the reference cases copied from {@code ../shared/refcases/cases} into {@code src/test/resources/refcases}
 * (see the README there): returns CSVs and expected JSONs.
 */
public final class RefCases {

    /** The two visible cases. */
    public static final List<String> CASES = List.of("dj10_1999_2000", "dj15_1995_1996");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RefCases() {
    }

    /** The {@code T x N} returns of a case (header: date, tickers). */
    public static double[][] returns(String caseName) {
        String path = "/refcases/portfolio_" + caseName + "_returns.csv";
        try (InputStream in = RefCases.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            List<double[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                double[] row = new double[f.length - 1];
                for (int i = 1; i < f.length; i++) {
                    row[i - 1] = Double.parseDouble(f[i]);
                }
                rows.add(row);
            }
            return rows.toArray(new double[0][]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A whole expected JSON file, e.g. {@code "covariance"} for {@code portfolio_covariance_expected.json}. */
    public static JsonNode json(String fileName) {
        String path = "/refcases/" + fileName;
        try (InputStream in = RefCases.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case node {@code cases.<caseName>} of an expected JSON. */
    public static JsonNode expected(String fileName, String caseName) {
        return json(fileName).path("cases").path(caseName);
    }

    /** A JSON array of numbers. */
    public static double[] vector(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("not an array: " + node);
        }
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = node.get(i).asDouble();
        }
        return v;
    }

    /** A JSON array of arrays of numbers. */
    public static double[][] matrix(JsonNode node) {
        double[][] m = new double[node.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(node.get(i));
        }
        return m;
    }

    /** The largest |a - b| / max(|b|, scale) over all entries. */
    public static double maxRelativeError(double[][] a, double[][] b, double scale) {
        double worst = 0.0;
        for (int i = 0; i < b.length; i++) {
            worst = Math.max(worst, maxRelativeError(a[i], b[i], scale));
        }
        return worst;
    }

    /** The largest |a - b| / max(|b|, scale). */
    public static double maxRelativeError(double[] a, double[] b, double scale) {
        if (a.length != b.length) {
            throw new AssertionError("length " + a.length + " != " + b.length);
        }
        double worst = 0.0;
        for (int i = 0; i < b.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), scale));
        }
        return worst;
    }

    /** The largest |a - b|. */
    public static double maxAbsError(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new AssertionError("length " + a.length + " != " + b.length);
        }
        double worst = 0.0;
        for (int i = 0; i < b.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }
}
