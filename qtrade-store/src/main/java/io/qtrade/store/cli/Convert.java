package io.qtrade.store.cli;

import io.qtrade.store.binance.BinanceRecordings;
import io.qtrade.store.CatalogEntry;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickStore;
import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarInterval;
import io.qtrade.core.bar.BarSource;
import io.qtrade.core.market.EventSource;
import io.qtrade.store.bars.BarStore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Converts any registered input format into the tick store:
 * <pre>{@code
 * Convert --from FORMAT --to STORE_ROOT [--format parquet|csv] [key=value ...] [INPUT ...]
 *
 * Convert --from synthetic --to data/ticks events=200000 seed=7
 * Convert --from csv --to data/parquet data/csv-store
 * Convert --from binance-trades --to data/ticks tick_size=0.01 lot_size=0.00001 \
 *     BTCUSDT-trades-2024-01-01.csv BTCUSDT-trades-2024-01-02.csv
 * Convert --from lobster --to data/ticks tick_size=0.01 AAPL_2012-06-21_34200000_57600000_message_10.csv
 * Convert --from bars-csv --to data exchange=NYSE tick_size=0.01 yahoo-daily/
 * Convert --from binance-klines --to data tick_size=0.01 lot_size=0.00001 BTCUSDT-1m-2024-01-01.csv
 * }</pre>
 * The bar formats ({@code bars-csv}, {@code binance-klines}, {@code kite-candles}, see {@link BarFormats}) write the
 * store's bars dataset ({@link BarStore}, {@code STORE_ROOT/bars/interval=I/...}) instead of ticks.
 * Arguments with {@code =} are options of the input format, the others are input paths. It prints the parts written
 * and the store's catalog; exit status 0 on success, 2 on a usage error, 1 when the conversion failed. A conversion
 * whose new parts would be read back out of time order after the parts a date already holds is undone and refused
 * (exit 2, see {@link AppendCheck}).
 */
public final class Convert {

    private final InputFormats formats;

    /** A converter over {@code formats}. */
    public Convert(InputFormats formats) {
        this.formats = Objects.requireNonNull(formats, "formats");
    }

    /**
     * Runs with {@link InputFormats#standard()}; exits with the status of {@link #run} when it is not 0 (and returns
     * normally on success, so it can run inside Maven's JVM through {@code exec:java}).
     */
    public static void main(String[] args) {
        int status = new Convert(InputFormats.standard()).run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Parses {@code args}, converts, and reports on {@code out} (errors on {@code err}).
     *
     * @return 0 on success, 2 on a usage error, 1 when reading or writing failed
     */
    public int run(String[] args, PrintStream out, PrintStream err) {
        String from = null;
        String to = null;
        TickFormat format = TickFormat.PARQUET;
        Map<String, String> options = new LinkedHashMap<>();
        List<Path> inputs = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--from" -> from = value(args, ++i, a);
                    case "--to" -> to = value(args, ++i, a);
                    case "--format" -> format = TickFormat.parse(value(args, ++i, a));
                    case "--help", "-h" -> {
                        usage(out);
                        return 0;
                    }
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown flag " + a);
                        }
                        int eq = a.indexOf('=');
                        if (eq > 0) {
                            options.put(a.substring(0, eq), a.substring(eq + 1));
                        } else {
                            inputs.add(Path.of(a));
                        }
                    }
                }
            }
            if (from == null || to == null) {
                throw new IllegalArgumentException("--from and --to are required");
            }
        } catch (IllegalArgumentException e) {
            err.println("convert: " + e.getMessage());
            usage(err);
            return 2;
        }
        if (BarFormats.has(from)) {
            return convertBars(from, Path.of(to), format, options, inputs, out, err);
        }
        try {
            InputFormat input = formats.get(from);
            FormatOptions formatOptions = new FormatOptions(options);
            EventSource source = input.open(inputs, formatOptions);
            if (!formatOptions.unused().isEmpty()) {
                source.close();
                err.println("convert: options " + formatOptions.unused() + " are not options of the " + from
                        + " format (" + input.description() + ")");
                return 2;
            }
            TickStore store = TickStore.at(Path.of(to));
            long started = System.nanoTime();
            TickStore.WriteSummary summary = store.write(source, format);
            double seconds = (System.nanoTime() - started) / 1e9;
            String conflict = AppendCheck.firstConflict(summary.parts());
            if (conflict != null) {
                for (Path part : summary.parts()) {
                    Files.deleteIfExists(part);
                }
                err.println("convert: " + conflict + "; the " + summary.parts().size() + " parts of this call were"
                        + " removed");
                return 2;
            }
            out.printf(Locale.ROOT, "wrote %,d events into %d %s parts under %s in %.2f s%n", summary.rows(),
                    summary.parts().size(), format.extension(), store.root(), seconds);
            if (source instanceof ChainedSource chain) {
                for (String line : chain.diagnostics()) {
                    out.println("  " + line);
                }
            }
            if (source instanceof BinanceRecordings recordings) {
                for (String line : recordings.diagnostics()) {
                    out.println("  " + line);
                }
            }
            long skipped = ChainedSource.skippedLines(source);
            if (skipped > 0 || formatOptions.booleanValue("lenient", false)) {
                // printed here, not only logged: a quiet build (mvn -q) hides the WARN lines
                out.printf(Locale.ROOT, "skipped %,d bad input lines (lenient=true; each also logged at WARN)%s%n",
                        skipped, skipped > 0 ? ", by reason:" : "");
                for (Map.Entry<String, Long> r : ChainedSource.skipReasons(source).entrySet()) {
                    out.printf(Locale.ROOT, "  %,8d  %s%n", r.getValue(), r.getKey());
                }
            }
            for (CatalogEntry e : store.catalog()) {
                out.printf(Locale.ROOT, "  venue=%s symbol=%s %s..%s (%d dates) %,d rows, %d parquet + %d csv parts,"
                                + " %,d bytes%n", e.venue(), e.symbol(), e.firstDate(), e.lastDate(), e.dates(),
                        e.rows(), e.parquetParts(), e.csvParts(), e.bytes());
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("convert: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("convert failed: " + e);
            return 1;
        } catch (RuntimeException e) {
            err.println("convert failed: " + e);
            return 1;
        }
    }

    /**
     * A bar format into the store's bars dataset. After writing, every symbol written is read back whole: a symbol
     * whose bars no longer follow each other in time (the same file converted twice, or files converted out of
     * order) has this call's parts removed and is refused (exit 2).
     */
    private static int convertBars(String from, Path to, TickFormat format, Map<String, String> options,
                                   List<Path> inputs, PrintStream out, PrintStream err) {
        List<Path> parts = List.of();
        try {
            FormatOptions formatOptions = new FormatOptions(options);
            BarFormats.Opened opened = BarFormats.open(from, inputs, formatOptions);
            if (!formatOptions.unused().isEmpty()) {
                err.println("convert: options " + formatOptions.unused() + " are not options of the " + from
                        + " format (" + BarFormats.descriptions().get(from) + ")");
                return 2;
            }
            BarStore store = BarStore.at(to);
            BarSource source = opened.source().get();
            List<Instrument> instruments = source.instruments();
            CountingBarSource counted = new CountingBarSource(source);
            long started = System.nanoTime();
            parts = store.write(counted, opened.interval(), format);
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] rows = new long[instruments.size()];
            for (int i = 0; i < instruments.size(); i++) {
                rows[i] = readBack(store, opened.interval(), instruments.get(i));
            }
            out.printf(Locale.ROOT, "wrote %,d bars into %d %s parts under %s in %.2f s%n", counted.rows(),
                    parts.size(), format.extension(), store.dataset(opened.interval()), seconds);
            for (int i = 0; i < instruments.size(); i++) {
                out.printf(Locale.ROOT, "  venue=%s symbol=%s: %,d bars in the store%n", instruments.get(i).venue(),
                        instruments.get(i).symbol(), rows[i]);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            removeParts(parts);
            err.println("convert: " + e.getMessage() + (parts.isEmpty() ? "" : "; the " + parts.size()
                    + " parts of this call were removed"));
            return 2;
        } catch (RuntimeException e) {
            removeParts(parts);
            err.println("convert failed: " + e);
            return 1;
        }
    }

    /** Reads one symbol's bars back whole (refusing bars out of time order); returns how many there are. */
    private static long readBack(BarStore store, BarInterval interval, Instrument instrument) {
        long n = 0;
        BarBatch batch = new BarBatch(4096);
        try (BarSource s = store.read(interval, List.of(instrument))) {
            while (s.readBatch(batch)) {
                n += batch.size();
            }
        }
        return n;
    }

    private static void removeParts(List<Path> parts) {
        for (Path part : parts) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // reported by the caller's message: the parts were meant to be removed
            }
        }
    }

    /** Counts the bars a source gives. */
    private static final class CountingBarSource implements BarSource {
        private final BarSource delegate;
        private long rows;

        CountingBarSource(BarSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<Instrument> instruments() {
            return delegate.instruments();
        }

        @Override
        public boolean readBatch(BarBatch into) {
            boolean more = delegate.readBatch(into);
            rows += into.size();
            return more;
        }

        @Override
        public void close() {
            delegate.close();
        }

        long rows() {
            return rows;
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private void usage(PrintStream s) {
        s.println("usage: Convert --from FORMAT --to STORE_ROOT [--format parquet|csv] [key=value ...] [INPUT ...]");
        s.println("formats:");
        for (InputFormat f : formats.all()) {
            s.println("  " + f.name() + ": " + f.description());
        }
        s.println(VendorFormats.SHARED_OPTIONS + ".");
        s.println("bar formats (into STORE_ROOT/bars/interval=I/venue=V/symbol=S/year=Y/):");
        for (Map.Entry<String, String> f : BarFormats.descriptions().entrySet()) {
            s.println("  " + f.getKey() + ": " + f.getValue());
        }
        s.println("The Kite instruments dump gives any importer its tick and lot size: instruments=PATH (the"
                + " symbol's row; venue=EXCHANGE when listed on several).");
    }

    @Override
    public String toString() {
        return "Convert[" + formats + "]";
    }
}
