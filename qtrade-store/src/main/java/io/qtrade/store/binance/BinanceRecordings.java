package io.qtrade.store.binance;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import io.qtrade.store.TimeMergedSource;
import io.qtrade.store.binance.BinanceDepthRecordingSource.ChainState;
import io.qtrade.store.binance.BinanceDepthRecordingSource.Settings;
import io.qtrade.store.binance.BinanceDepthRecordingSource.Stream;
import io.qtrade.store.ingest.ClockSkew;
import io.qtrade.store.ingest.ClockSkewReport;
import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.store.ingest.LineReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A chain of Binance WebSocket recordings of one instrument (one file per day or per recorder run, in either line
 * format of {@link BinanceDepthRecordingSource}) read as one source holding every stream asked for, merged by
 * {@code exchTs}.
 *
 * <ul>
 *   <li><b>Order.</b> Files are chained by the local time of their first line (ties keep the given order).</li>
 *   <li><b>Continuation files.</b> One {@link BinanceDepthSynchronizer} serves the whole chain: a file that
 *       continues the update-id chain of the file before it, with no snapshot of its own (a recorder restarted
 *       without a REST call, or a file cut at midnight), carries on from the book the file before it left. Diffs still
 *       waiting for a snapshot at the end of the chain are dropped and counted; in strict mode any dropped depth row
 *       is an {@link ImportException} ({@link BinanceDepthSynchronizer#finish}).</li>
 *   <li><b>Streams.</b> Each stream (depth, trades, bookTicker) is read by its own pass over the chain, each in its
 *       own time order (a trade's {@code T} precedes the {@code E} of the depth diff that holds its effect, so the
 *       streams interleave only when merged by {@code exchTs}); the passes are merged by {@link TimeMergedSource}.
 *       The files are read once per stream, one file open per stream at a time.</li>
 *   <li><b>Clock skew.</b> {@link #measuredSkew()} is the feed latency {@code localTs - E} over every message with a
 *       venue time; {@link ClockSkew} says what is written: local times kept, shifted by one constant estimated over
 *       the whole chain ({@link ClockSkew#offsetNanos}, an extra pass before reading), or clamped.</li>
 * </ul>
 */
public final class BinanceRecordings implements EventSource {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceRecordings.class);

    private final Instrument instrument;
    private final List<Path> files;
    private final ClockSkew skew;
    private final long offsetNanos;
    private final ClockSkewReport measured;
    private final List<Pass> passes = new ArrayList<>();
    private final ClockSkewReport.Accumulator recorded = new ClockSkewReport.Accumulator();
    private final EventSource merged;

    private BinanceRecordings(List<Path> files, Instrument instrument, BinanceMarket market, ImportOptions options,
                              ClockSkew skew, Set<Stream> streams) {
        this.instrument = instrument;
        this.files = files;
        this.skew = skew;
        ClockSkewReport pre = null;
        long offset = 0;
        if (skew.policy() == ClockSkew.Policy.REMOVE_OFFSET) {
            pre = estimate(files);
            offset = skew.offsetNanos(pre);
            LOG.info("{}: {}; local times shifted by {} ns (clock_skew=remove_offset, min feed latency {} ns)",
                    instrument.id(), pre.describe(), offset, skew.minFeedLatencyNanos());
        }
        this.measured = pre;
        this.offsetNanos = offset;
        boolean first = true;
        for (Stream s : EnumSet.copyOf(streams)) {
            passes.add(new Pass(s, first, market, options));
            first = false;
        }
        this.merged = passes.size() == 1 ? passes.get(0)
                : new TimeMergedSource(passes, 1024, options.backwardsToleranceNanos());
    }

    /**
     * Opens a chain of recordings.
     *
     * @param files      the recordings, any order; at least one
     * @param instrument the instrument (its symbol must match the streams' {@code s})
     * @param market     spot or USD-M futures rules
     * @param options    strict or lenient, time tolerance, assumed latency, staging size
     * @param skew       what to do with the recorder's clock skew
     * @param streams    the streams to emit, at least one
     */
    public static BinanceRecordings open(List<Path> files, Instrument instrument, BinanceMarket market,
                                         ImportOptions options, ClockSkew skew, Set<Stream> streams) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no recordings given");
        }
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("no stream chosen: expected some of " + List.of(Stream.values()));
        }
        List<Path> sorted = new ArrayList<>(files);
        List<Long> firsts = new ArrayList<>();
        for (Path f : files) {
            firsts.add(firstLocalTs(f));
        }
        sorted.sort(Comparator.comparingLong(f -> firsts.get(files.indexOf(f))));
        return new BinanceRecordings(List.copyOf(sorted), Objects.requireNonNull(instrument, "instrument"),
                Objects.requireNonNull(market, "market"), Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(skew, "skew"), streams);
    }

    /** The local time of the first line with one ({@code Long.MAX_VALUE} for none): the chain's order. */
    static long firstLocalTs(Path file) {
        try (LineReader r = new LineReader(file)) {
            for (int i = 0; i < 1000; i++) {
                String line = r.next();
                if (line == null) {
                    break;
                }
                int space = line.indexOf(' ');
                if (!line.isEmpty() && Character.isDigit(line.charAt(0)) && space > 0) {
                    try {
                        return Long.parseLong(line, 0, space, 10);
                    } catch (NumberFormatException e) {
                        continue;
                    }
                }
                int at = line.indexOf("\"localTs\":");
                if (at >= 0) {
                    int from = at + "\"localTs\":".length();
                    int to = from;
                    while (to < line.length() && Character.isDigit(line.charAt(to))) {
                        to++;
                    }
                    if (to > from) {
                        return Long.parseLong(line, from, to, 10);
                    }
                }
            }
        }
        return Long.MAX_VALUE;
    }

    /**
     * The feed latency over every message with a venue time of every file (the REMOVE_OFFSET pre-pass): the local
     * time and {@code E} are read from the text of each line, without parsing the JSON (bad lines are the reading
     * pass's to report).
     */
    private static ClockSkewReport estimate(List<Path> files) {
        ClockSkewReport.Accumulator all = new ClockSkewReport.Accumulator();
        for (Path f : files) {
            try (LineReader r = new LineReader(f)) {
                for (String line; (line = r.next()) != null; ) {
                    long local = BinanceDepthRecordingSource.localTimeOf(line);
                    long e = BinanceDepthRecordingSource.venueTimeOf(line);
                    if (local != Long.MIN_VALUE && e != Long.MIN_VALUE) {
                        all.add(local - e);
                    }
                }
            }
        }
        return all.report();
    }

    /** The skew measured before reading (REMOVE_OFFSET), else {@code null}: see {@link #clockSkew()}. */
    public ClockSkewReport measuredSkew() {
        return measured;
    }

    /**
     * The feed latency as recorded: over the whole chain when measured before reading (REMOVE_OFFSET), else over the
     * messages of every stream read so far.
     */
    public ClockSkewReport clockSkew() {
        return measured != null ? measured : recorded.report();
    }

    /** The constant added to every local time (REMOVE_OFFSET), ns. */
    public long offsetNanos() {
        return offsetNanos;
    }

    /** The depth synchroniser of the chain, or {@code null} when depth is not read. */
    public BinanceDepthSynchronizer synchronizer() {
        for (Pass p : passes) {
            if (p.stream == Stream.DEPTH) {
                return p.chain.synchronizer();
            }
        }
        return null;
    }

    /** Bad lines skipped in lenient mode, over every pass. */
    public long skipped() {
        long n = 0;
        for (Pass p : passes) {
            n += p.skipped + (p.current == null ? 0 : p.current.skipped());
        }
        return n;
    }

    /** Lines skipped in lenient mode per reason, over every pass and file. */
    public java.util.Map<String, Long> skipReasons() {
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (Pass p : passes) {
            merge(out, p.reasons);
            if (p.current != null) {
                merge(out, p.current.skipReasons());
            }
        }
        return out;
    }

    private static void merge(java.util.Map<String, Long> into, java.util.Map<String, Long> more) {
        for (java.util.Map.Entry<String, Long> e : more.entrySet()) {
            into.merge(e.getKey(), e.getValue(), Long::sum);
        }
    }

    /** What was read: per stream its rows' counters, the depth synchroniser's, and the clock skew and its handling. */
    public List<String> diagnostics() {
        List<String> out = new ArrayList<>();
        for (Pass p : passes) {
            switch (p.stream) {
                case DEPTH -> {
                    BinanceDepthSynchronizer y = p.chain.synchronizer();
                    out.add(String.format(Locale.ROOT, "depth: gaps=%d, resyncs=%d, droppedBeforeSync=%d"
                                    + " (rows covered by a snapshot %d), staleSnapshots=%d, staleDiffs=%d,"
                                    + " bufferOverflows=%d, unappliedAtEnd=%d, rowsDropped=%d, final state %s",
                            y.gaps(), y.resyncs(), y.droppedBeforeSync(), y.rowsCoveredBySnapshot(),
                            y.staleSnapshots(), y.staleDiffs(), y.bufferOverflows(), y.unappliedAtEnd(),
                            y.rowsDropped(), y.state()));
                }
                case TRADE -> out.add("trades: " + p.count);
                case MARK_PRICE -> out.add("markPrice updates: " + p.count);
                default -> out.add("bookTicker updates: " + p.count);
            }
        }
        ClockSkewReport r = clockSkew();
        String handling = switch (skew.policy()) {
            case KEEP -> r.skewed() ? "kept as recorded (clock_skew=keep): a backtest refuses an event seen before"
                    + " the venue sent it; clock_skew=remove_offset or clamp corrects it" : "kept as recorded";
            case REMOVE_OFFSET -> "local times shifted by " + offsetNanos + " ns (clock_skew=remove_offset, min"
                    + " feed latency " + skew.minFeedLatencyNanos() + " ns)";
            case CLAMP -> "local times raised to at least exchTs + " + skew.minFeedLatencyNanos()
                    + " ns (clock_skew=clamp)";
        };
        out.add("clock skew: " + r.describe() + "; " + handling);
        return out;
    }

    @Override
    public List<Instrument> instruments() {
        return List.of(instrument);
    }

    @Override
    public boolean readBatch(EventBatch into) {
        return merged.readBatch(into);
    }

    @Override
    public void close() {
        merged.close();
    }

    @Override
    public String toString() {
        return "BinanceRecordings[" + instrument.id() + ", files=" + files + ", passes=" + passes.size() + ", skew="
                + skew + "]";
    }

    /** One stream read over the chain, file after file. */
    private final class Pass implements EventSource {
        final Stream stream;
        final boolean reportsUnknown;
        final BinanceMarket market;
        final ImportOptions options;
        final ChainState chain;
        int next;
        BinanceDepthRecordingSource current;
        long skipped;
        final java.util.Map<String, Long> reasons = new java.util.LinkedHashMap<>();
        long count;
        long lastExchTs = Long.MIN_VALUE;
        String lastFile;
        boolean firstBatch;

        Pass(Stream stream, boolean reportsUnknown, BinanceMarket market, ImportOptions options) {
            this.stream = stream;
            this.reportsUnknown = reportsUnknown;
            this.market = market;
            this.options = options;
            this.chain = new ChainState(market, instrument, files.get(0).getFileName().toString());
        }

        @Override
        public List<Instrument> instruments() {
            return List.of(instrument);
        }

        @Override
        public boolean readBatch(EventBatch into) {
            while (true) {
                if (current == null) {
                    if (next == files.size()) {
                        into.clear();
                        return false;
                    }
                    Path f = files.get(next++);
                    current = BinanceDepthRecordingSource.open(f, instrument, market, options, new Settings(
                            EnumSet.of(stream), reportsUnknown, BinanceRecordings.this.skew, offsetNanos, chain));
                    current.latencySink(recorded);
                    firstBatch = true;
                }
                if (current.readBatch(into)) {
                    if (firstBatch && lastFile != null && into.exchTs(0) < lastExchTs - options.backwardsToleranceNanos()) {
                        throw new IllegalArgumentException("recording " + files.get(next - 1) + " starts its "
                                + stream + " stream at exchTs " + into.exchTs(0) + ", before " + lastFile
                                + " ended it at " + lastExchTs + ": the files overlap in time; give each period once");
                    }
                    firstBatch = false;
                    lastExchTs = Math.max(lastExchTs, into.exchTs(into.size() - 1));
                    return true;
                }
                finishFile();
            }
        }

        private void finishFile() {
            skipped += current.skipped();
            merge(reasons, current.skipReasons());
            count += stream == Stream.TRADE ? current.trades()
                    : stream == Stream.MARK_PRICE ? current.markUpdates() : current.quotes();
            long lastLine = current.lines();
            current.close();
            lastFile = files.get(next - 1).toString();
            current = null;
            if (next == files.size() && stream == Stream.DEPTH) {
                chain.synchronizer().finish(lastFile, lastLine, !options.lenient());
            }
        }

        @Override
        public void close() {
            if (current != null) {
                current.close();
                current = null;
            }
        }

        @Override
        public String toString() {
            return "BinanceRecordings.Pass[" + instrument.id() + ", " + stream + "]";
        }
    }
}
