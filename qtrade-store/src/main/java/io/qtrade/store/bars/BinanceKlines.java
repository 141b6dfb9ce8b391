package io.qtrade.store.bars;

import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.InMemoryBarSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Binance's public kline files (data.binance.vision, spot and USD-M futures, {@code SYMBOL-INTERVAL-DATE.csv}):
 * <pre>
 * open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore
 * 1704067200000,42283.58,42554.57,42261.02,42475.23,1271.68108,1704070799999,53957248.97,47134,682.57,28958.9,0
 * </pre>
 * USD-M files have that header line, spot files none (both are accepted). Times are milliseconds, or microseconds
 * in spot files from 2025 on: the unit is told per row by the magnitude ({@code open_time >= 1e14}: microseconds).
 * A bar covers {@code [open_time, close_time + 1 unit)}; {@code vwap = quote_volume / volume} when the volume is
 * positive and the quotient lies within [low, high] (else none), {@code trade_count = count}.
 *
 * <p>Bad input is refused with the file, line and field: a wrong field count, a non-numeric field, an invalid bar
 * (high below low, close outside the range, negative volume), a bar not after the previous one. With
 * {@code lenient} such lines are skipped and counted ({@link Result#skipped()}).
 */
public final class BinanceKlines {

    /**
     * The bars of one file.
     *
     * @param bars    instrument index 0
     * @param skipped lines skipped in lenient mode
     */
    public record Result(BarBatch bars, int skipped) {
    }

    private static final String[] FIELDS = {"open_time", "open", "high", "low", "close", "volume", "close_time",
            "quote_volume", "count", "taker_buy_volume", "taker_buy_quote_volume", "ignore"};

    private BinanceKlines() {
    }

    /** Reads one kline file. */
    public static Result read(Path file, boolean lenient) {
        List<String> lines;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = in.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kline file " + file, e);
        }
        BarBatch out = new BarBatch(Math.max(1, lines.size()));
        int skipped = 0;
        long lastEnd = Long.MIN_VALUE;
        for (int l = 0; l < lines.size(); l++) {
            String line = lines.get(l).trim();
            if (line.isEmpty() || l == 0 && line.startsWith("open_time")) {
                continue;
            }
            String where = file + ":" + (l + 1);
            try {
                String[] f = line.split(",", -1);
                if (f.length != FIELDS.length) {
                    throw new IllegalArgumentException(where + ": " + f.length + " fields, a kline has "
                            + FIELDS.length);
                }
                long openTime = longField(where, f, 0);
                long closeTime = longField(where, f, 6);
                long unitNanos = openTime >= 100_000_000_000_000L ? 1_000L : 1_000_000L;
                long start = openTime * unitNanos;
                long end = (closeTime + 1) * unitNanos;
                double open = doubleField(where, f, 1);
                double high = doubleField(where, f, 2);
                double low = doubleField(where, f, 3);
                double close = doubleField(where, f, 4);
                double volume = doubleField(where, f, 5);
                double quote = doubleField(where, f, 7);
                long count = longField(where, f, 8);
                double vwap = volume > 0 ? quote / volume : BarBatch.NO_VWAP;
                if (!(vwap >= low && vwap <= high)) {
                    vwap = BarBatch.NO_VWAP;
                }
                String problem = BarBatch.check(0, start, end, open, high, low, close, volume, vwap, count);
                if (problem != null) {
                    throw new IllegalArgumentException(where + ": " + problem);
                }
                if (end <= lastEnd) {
                    throw new IllegalArgumentException(where + ": field 'close_time' " + closeTime
                            + " is not after the previous kline's (duplicate or out of order)");
                }
                out.add(0, start, end, open, high, low, close, volume, vwap, count);
                lastEnd = end;
            } catch (IllegalArgumentException e) {
                if (!lenient) {
                    throw e;
                }
                skipped++;
            }
        }
        return new Result(out, skipped);
    }

    /** Several files of one symbol, in the order given (they must follow each other in time), as a source. */
    public static InMemoryBarSource source(Instrument instrument, List<Path> files, boolean lenient) {
        List<BarBatch> parts = new ArrayList<>();
        int rows = 0;
        for (Path f : files) {
            BarBatch b = read(f, lenient).bars();
            parts.add(b);
            rows += b.size();
        }
        BarBatch all = new BarBatch(Math.max(1, rows));
        for (BarBatch b : parts) {
            all.addRange(b, 0, b.size());
        }
        return new InMemoryBarSource(List.of(instrument), all);
    }

    private static long longField(String where, String[] f, int k) {
        try {
            return Long.parseLong(f[k].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": field '" + FIELDS[k] + "' is not an integer: '" + f[k] + "'");
        }
    }

    private static double doubleField(String where, String[] f, int k) {
        try {
            return Double.parseDouble(f[k].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": field '" + FIELDS[k] + "' is not a number: '" + f[k] + "'");
        }
    }
}
