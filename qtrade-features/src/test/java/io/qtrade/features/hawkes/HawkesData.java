package io.qtrade.features.hawkes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Test inputs under {@code /refcases/}: the simulated events and the Bitstamp trade times. */
final class HawkesData {

    private HawkesData() {
    }

    static List<String> lines(String resource) {
        String path = "/refcases/" + resource;
        try (InputStream raw = HawkesData.class.getResourceAsStream(path)) {
            if (raw == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** hawkes_sim_uni_events.csv, column t. */
    static double[] simulatedEvents() {
        List<String> l = lines("hawkes_sim_uni_events.csv");
        double[] t = new double[l.size() - 1];
        for (int i = 1; i < l.size(); i++) {
            t[i - 1] = Double.parseDouble(l.get(i).trim());
        }
        return t;
    }

    /** Bitstamp trade times in seconds since the first trade (the first {@code limit} trades). */
    static double[] bitstampSeconds(int limit) {
        List<String> l = lines("bitstamp_btcusd_trades_20131125_20131201.csv.gz");
        int n = Math.min(limit, l.size() - 1);
        double[] t = new double[n];
        long t0 = Long.parseLong(l.get(1).split(",")[0]);
        for (int i = 0; i < n; i++) {
            t[i] = Long.parseLong(l.get(i + 1).split(",")[0]) - t0;
        }
        return t;
    }

    /** Bitstamp trades split by sign of the price change (buy: uptick, sell: downtick; zero ticks carry over). */
    static double[][] bitstampBuySell(int limit) {
        List<String> l = lines("bitstamp_btcusd_trades_20131125_20131201.csv.gz");
        int n = Math.min(limit, l.size() - 1);
        long t0 = Long.parseLong(l.get(1).split(",")[0]);
        double[] buy = new double[n];
        double[] sell = new double[n];
        int nb = 0;
        int ns = 0;
        double prev = Double.NaN;
        int sign = 0;
        for (int i = 0; i < n; i++) {
            String[] f = l.get(i + 1).split(",");
            double p = Double.parseDouble(f[1]);
            if (p > prev) {
                sign = 1;
            } else if (p < prev) {
                sign = -1;
            }
            prev = p;
            double t = Long.parseLong(f[0]) - t0;
            if (sign > 0) {
                buy[nb++] = t;
            } else if (sign < 0) {
                sell[ns++] = t;
            }
        }
        return new double[][] {java.util.Arrays.copyOf(buy, nb), java.util.Arrays.copyOf(sell, ns)};
    }
}
