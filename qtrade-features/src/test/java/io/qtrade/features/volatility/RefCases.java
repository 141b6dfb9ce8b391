package io.qtrade.features.volatility;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the reference inputs copied from shared/refcases into src/test/resources/refcases. */
final class RefCases {

    private RefCases() {
    }

    /** One numeric column of a CSV with a header row. */
    static double[] column(String resource, String name) {
        List<String> lines = lines(resource);
        int col = Arrays.asList(lines.get(0).split(",")).indexOf(name);
        if (col < 0) {
            throw new IllegalArgumentException(resource + ": no column '" + name + "' in " + lines.get(0));
        }
        double[] out = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            out[i - 1] = Double.parseDouble(lines.get(i).split(",")[col]);
        }
        return out;
    }

    /** Bitstamp trades: timestamps in epoch nanoseconds and prices, in file order. */
    static Trades bitstampTrades() {
        List<String> lines = lines("bitstamp_btcusd_trades_20131125_20131201.csv.gz");
        int n = lines.size() - 1;
        long[] ts = new long[n];
        double[] px = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            ts[i] = Long.parseLong(f[0]) * 1_000_000_000L;
            px[i] = Double.parseDouble(f[1]);
        }
        return new Trades(ts, px);
    }

    record Trades(long[] tsNanos, double[] prices) {
    }

    private static List<String> lines(String resource) {
        String path = "/refcases/" + resource;
        try (InputStream raw = RefCases.class.getResourceAsStream(path)) {
            if (raw == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank()) {
                        out.add(line.strip());
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}
