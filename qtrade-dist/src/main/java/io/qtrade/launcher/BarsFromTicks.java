package io.qtrade.launcher;

import io.qtrade.bars.ticks.TickBars;
import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarInterval;
import io.qtrade.core.bar.BarSource;
import io.qtrade.core.bar.InMemoryBarSource;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.time.Timestamps;
import io.qtrade.features.bars.BarSpec;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickQuery;
import io.qtrade.store.TickStore;
import io.qtrade.store.bars.BarStore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code bars-from-ticks} command: time bars of a tick store's trades (qtrade-bars' {@link TickBars}: OHLCV, VWAP
 * and trade count per clock interval) written into a bars dataset ({@link BarStore}, {@code ROOT/bars/interval=I/...}),
 * where the bar engine, DuckDB and Spark read them. It lives in the launcher because it needs both the tick store
 * (qtrade-store, a test-only dependency of qtrade-bars) and the bar builder (qtrade-bars).
 *
 * <pre>{@code
 * qtrade bars-from-ticks --from TICK_STORE [--to BAR_STORE] [--format parquet|csv] interval=1m
 *                        [venue=V] [symbols=A,B] [start=2024-01-02T00:00:00Z] [end=2024-01-03]
 * }</pre>
 * <ul>
 *   <li>{@code --from}: the tick store root; {@code --to}: the store root the bars go into (default: the same root,
 *       beside the ticks); {@code --format}: {@code parquet} (default) or {@code csv};</li>
 *   <li>{@code interval} (required): seconds, minutes, hours or days ({@code 30s}, {@code 1m}, {@code 1h},
 *       {@code 1d}); a bar covers {@code [k * interval, (k + 1) * interval)} of UTC epoch time, so {@code 1d} bars
 *       are UTC days (for an exchange's sessions, convert its daily files with {@code convert --from bars-csv});</li>
 *   <li>{@code venue}, {@code symbols} (comma separated): which instruments (default every one);
 *       {@code start}, {@code end}: the trades' {@code exch_ts} range {@code [start, end)}, an ISO instant
 *       ({@code 2024-01-02T09:30:00Z}) or a date (its UTC midnight).</li>
 * </ul>
 * Only trades count (quotes and book updates are skipped); an instrument with no trade has no bars; the last, partial
 * bar of each instrument is kept. After writing, each instrument's bars are read back whole: bars that do not follow
 * the ones already in the dataset (the same range converted twice) have this call's parts removed and are refused.
 * Exit status 0 on success, 2 on bad arguments or a refused write (the message names it), 1 when reading or
 * writing failed.
 */
final class BarsFromTicks {

    /** The usage line, after the command's name. */
    static final String USAGE = "--from TICK_STORE [--to BAR_STORE] [--format parquet|csv] interval=1m"
            + " [venue=V] [symbols=A,B] [start=T] [end=T]";

    private BarsFromTicks() {
    }

    /** What one call asks for. */
    record Request(Path from, Path to, TickFormat format, BarInterval interval, TickQuery query) {
    }

    /**
     * Parses {@code args}, builds the bars, writes them and reports on {@code out} (errors on {@code err}).
     *
     * @return 0 on success, 2 on bad arguments or a refused write, 1 when reading or writing failed
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Request request;
        try {
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                usage(out);
                return 0;
            }
            request = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("bars-from-ticks: " + e.getMessage());
            usage(err);
            return 2;
        }
        List<Path> parts = List.of();
        try {
            long started = System.nanoTime();
            InMemoryBarSource bars;
            try (EventSource ticks = TickStore.at(request.from()).read(request.query())) {
                bars = TickBars.build(ticks, BarSpec.time(request.interval().nominalDuration()));
            }
            List<Instrument> instruments = bars.instruments();
            long[] counts = new long[instruments.size()];
            long total = countBars(bars, counts);
            bars.rewind();
            BarStore store = BarStore.at(request.to());
            parts = store.write(bars, request.interval(), request.format());
            for (int i = 0; i < instruments.size(); i++) {
                if (counts[i] > 0) {
                    readBack(store, request.interval(), instruments.get(i));
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "wrote %,d %s bars into %d %s parts under %s in %.2f s%n", total,
                    request.interval(), parts.size(), request.format().extension(),
                    store.dataset(request.interval()), seconds);
            for (int i = 0; i < instruments.size(); i++) {
                out.printf(Locale.ROOT, "  venue=%s symbol=%s: %,d bars%n", instruments.get(i).venue(),
                        instruments.get(i).symbol(), counts[i]);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("bars-from-ticks: " + e.getMessage() + partsNote(parts));
            return 2;
        } catch (RuntimeException e) {
            err.println("bars-from-ticks failed: " + e + partsNote(parts));
            return 1;
        }
    }

    /**
     * The request of a command line.
     *
     * @throws IllegalArgumentException naming the argument that is missing, unknown or invalid
     */
    static Request parse(String[] args) {
        Path from = null;
        Path to = null;
        TickFormat format = TickFormat.PARQUET;
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--from" -> from = Path.of(value(args, ++i, a));
                case "--to" -> to = Path.of(value(args, ++i, a));
                case "--format" -> format = TickFormat.parse(value(args, ++i, a));
                default -> {
                    int eq = a.indexOf('=');
                    if (a.startsWith("--") || eq <= 0) {
                        throw new IllegalArgumentException("unknown argument '" + a + "'");
                    }
                    if (options.put(a.substring(0, eq), a.substring(eq + 1)) != null) {
                        throw new IllegalArgumentException("option " + a.substring(0, eq) + " is given twice");
                    }
                }
            }
        }
        if (from == null) {
            throw new IllegalArgumentException("--from TICK_STORE is required");
        }
        if (!Files.isDirectory(from)) {
            throw new IllegalArgumentException("--from " + from + " is not a directory (a tick store root)");
        }
        String intervalLabel = options.remove("interval");
        if (intervalLabel == null) {
            throw new IllegalArgumentException("interval=LABEL is required (e.g. interval=1m)");
        }
        BarInterval interval = BarInterval.parse(intervalLabel);
        if (interval.unit().compareTo(BarInterval.Unit.DAY) > 0) {
            throw new IllegalArgumentException("interval " + interval + ": time bars of seconds, minutes, hours or"
                    + " days only (a week or month of clock time is not a trading week or month)");
        }
        TickQuery query = TickQuery.all();
        String symbols = options.remove("symbols");
        if (symbols != null) {
            List<String> list = Arrays.stream(symbols.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .toList();
            if (list.isEmpty()) {
                throw new IllegalArgumentException("symbols= names no symbol");
            }
            query = TickQuery.symbols(list.toArray(new String[0]));
        }
        String venue = options.remove("venue");
        if (venue != null) {
            query = query.withVenue(venue);
        }
        String start = options.remove("start");
        String end = options.remove("end");
        if (start != null || end != null) {
            long s = start == null ? Long.MIN_VALUE : time("start", start);
            long e = end == null ? Long.MAX_VALUE : time("end", end);
            if (e <= s) {
                throw new IllegalArgumentException("end " + end + " is not after start " + start);
            }
            query = query.withRange(s, e);
        }
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + options.keySet() + "; the options are interval,"
                    + " venue, symbols, start, end");
        }
        return new Request(from, to == null ? from : to, format, interval, query);
    }

    /** An ISO instant or a date (its UTC midnight), as epoch nanoseconds. */
    static long time(String name, String text) {
        try {
            return text.length() == 10 ? Timestamps.startOfDay(LocalDate.parse(text))
                    : Timestamps.toEpochNanos(Instant.parse(text));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException(name + "=" + text + " is neither an ISO instant"
                    + " (2024-01-02T09:30:00Z) nor a date (2024-01-02)");
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    /** Counts the bars of {@code source}, per instrument into {@code counts}; returns the total. */
    private static long countBars(BarSource source, long[] counts) {
        BarBatch batch = new BarBatch(4096);
        long total = 0;
        while (source.readBatch(batch)) {
            for (int r = 0; r < batch.size(); r++) {
                counts[batch.instrument(r)]++;
            }
            total += batch.size();
        }
        return total;
    }

    /** Reads one instrument's bars back whole: the store refuses bars out of time order. */
    private static void readBack(BarStore store, BarInterval interval, Instrument instrument) {
        BarBatch batch = new BarBatch(4096);
        try (BarSource s = store.read(interval, List.of(instrument))) {
            while (s.readBatch(batch)) {
                batch.clear();
            }
        }
    }

    /** Deletes the parts this call wrote; returns what could not be deleted (empty when all were). */
    private static String removeParts(List<Path> parts) {
        StringBuilder left = new StringBuilder();
        for (Path part : parts) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                left.append(left.isEmpty() ? "" : ", ").append(part).append(" (").append(e.getMessage()).append(')');
            }
        }
        return left.toString();
    }

    /** The end of an error message about the parts of a failed call: removed, or which are left behind. */
    private static String partsNote(List<Path> parts) {
        if (parts.isEmpty()) {
            return "";
        }
        String left = removeParts(parts);
        return left.isEmpty() ? "; the " + parts.size() + " parts of this call were removed"
                : "; these parts of this call could not be removed: " + left;
    }

    private static void usage(PrintStream s) {
        s.println("usage: bars-from-ticks " + USAGE);
        s.println("  time bars (OHLCV, VWAP, trade count) of a tick store's trades into the bars dataset");
        s.println("  interval: 30s, 1m, 5m, 1h, 1d (UTC days); start/end: ISO instants or dates, [start, end)");
    }
}
