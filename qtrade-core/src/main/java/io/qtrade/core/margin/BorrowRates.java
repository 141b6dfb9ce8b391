package io.qtrade.core.margin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hourly borrow interest rates per asset for spot margin, loaded from a file, piecewise constant in time.
 *
 * <p>Binance cross/isolated margin charges interest every hour on what is borrowed, at the asset's hourly rate (its
 * daily rate / 24): "interest = borrowed amount x hourly interest rate", charged at the start of each hour for the
 * amount borrowed then (Binance FAQ "Margin Trading Interest Rates", https://www.binance.com/en/support/faq/360030157812).
 *
 * <p>CSV file, header naming {@code asset} and one of {@code hourly_rate} or {@code daily_rate} (a fraction: 0.0002 =
 * 0.02 % per day), and optionally {@code from_utc} (ISO-8601 {@code 2024-03-01T00:00:00}, UTC; the rate applies from
 * then until the asset's next row; without it from the beginning of time). {@code #} starts a comment line.
 * Immutable.
 */
public final class BorrowRates {

    private final Map<String, long[]> fromNanos;
    private final Map<String, double[]> hourly;

    private BorrowRates(Map<String, long[]> fromNanos, Map<String, double[]> hourly) {
        this.fromNanos = fromNanos;
        this.hourly = hourly;
    }

    /** One constant hourly rate per asset. */
    public static BorrowRates constant(Map<String, Double> hourlyRates) {
        Map<String, long[]> f = new HashMap<>();
        Map<String, double[]> h = new HashMap<>();
        for (Map.Entry<String, Double> e : hourlyRates.entrySet()) {
            f.put(e.getKey(), new long[] {Long.MIN_VALUE});
            h.put(e.getKey(), new double[] {check(e.getValue(), e.getKey(), "constant rates")});
        }
        return new BorrowRates(f, h);
    }

    /**
     * The hourly rate of {@code asset} at {@code timeNanos}.
     *
     * @throws IllegalArgumentException if the file has no rate for the asset at that time
     */
    public double hourlyRate(String asset, long timeNanos) {
        long[] from = fromNanos.get(asset);
        if (from == null) {
            throw new IllegalArgumentException("borrow rates: no rate for asset " + asset + "; assets: "
                    + fromNanos.keySet());
        }
        int k = -1;
        for (int i = 0; i < from.length && from[i] <= timeNanos; i++) {
            k = i;
        }
        if (k < 0) {
            throw new IllegalArgumentException("borrow rates: no rate for asset " + asset + " at " + timeNanos
                    + " ns: its first row starts at " + from[0]);
        }
        return hourly.get(asset)[k];
    }

    /**
     * Loads a CSV file (see the class Javadoc).
     *
     * @throws IllegalArgumentException naming the file and line of a malformed row
     */
    public static BorrowRates load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("borrow rates: cannot read " + file, e);
        }
        return parse(lines, file.toString());
    }

    /** {@link #load} from lines; {@code source} names them in messages. */
    public static BorrowRates parse(List<String> lines, String source) {
        int asset = -1;
        int rate = -1;
        int from = -1;
        boolean daily = false;
        Map<String, List<long[]>> rows = new HashMap<>();
        Map<String, List<Double>> rates = new HashMap<>();
        boolean header = false;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            if (!header) {
                header = true;
                for (int i = 0; i < f.length; i++) {
                    switch (f[i].strip().toLowerCase(Locale.ROOT)) {
                        case "asset" -> asset = i;
                        case "hourly_rate" -> rate = i;
                        case "daily_rate" -> {
                            rate = i;
                            daily = true;
                        }
                        case "from_utc" -> from = i;
                        default -> {
                        }
                    }
                }
                if (asset < 0 || rate < 0) {
                    throw new IllegalArgumentException("borrow rates: " + source + " line " + (n + 1)
                            + ": header must name 'asset' and 'hourly_rate' or 'daily_rate', was " + line);
                }
                continue;
            }
            try {
                String a = f[asset].strip();
                double r = Double.parseDouble(f[rate].strip());
                r = check(daily ? r / 24 : r, a, source + " line " + (n + 1));
                long t = from < 0 || f.length <= from || f[from].isBlank() ? Long.MIN_VALUE : nanos(f[from].strip());
                rows.computeIfAbsent(a, k -> new ArrayList<>()).add(new long[] {t});
                rates.computeIfAbsent(a, k -> new ArrayList<>()).add(r);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("borrow rates: " + source + " line " + (n + 1) + ": " + e.getMessage(),
                        e);
            }
        }
        Map<String, long[]> f = new HashMap<>();
        Map<String, double[]> h = new HashMap<>();
        for (String a : rows.keySet()) {
            List<long[]> t = rows.get(a);
            long[] times = new long[t.size()];
            double[] r = new double[t.size()];
            for (int i = 0; i < times.length; i++) {
                times[i] = t.get(i)[0];
                r[i] = rates.get(a).get(i);
                if (i > 0 && times[i] <= times[i - 1]) {
                    throw new IllegalArgumentException("borrow rates: " + source + ": rows of asset " + a
                            + " must be in increasing from_utc order");
                }
            }
            f.put(a, times);
            h.put(a, r);
        }
        return new BorrowRates(f, h);
    }

    private static long nanos(String iso) {
        Instant i = iso.endsWith("Z") ? Instant.parse(iso) : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static double check(double r, String asset, String where) {
        if (!(r >= 0) || Double.isInfinite(r)) {
            throw new IllegalArgumentException("borrow rate of " + asset + " (" + where + ") must be finite and >= 0,"
                    + " was " + r);
        }
        return r;
    }

    @Override
    public String toString() {
        return "BorrowRates" + fromNanos.keySet();
    }
}
