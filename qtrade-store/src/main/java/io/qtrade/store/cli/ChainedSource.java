package io.qtrade.store.cli;

import io.qtrade.store.binance.BinanceCsvSource;
import io.qtrade.store.binance.BinanceDepthRecordingSource;
import io.qtrade.store.binance.BinanceDepthSynchronizer;
import io.qtrade.store.binance.BinanceRecordings;
import io.qtrade.store.lobster.LobsterSource;
import io.qtrade.store.tardis.TardisCsvSource;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.time.Timestamps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Several input files of one kind and one instrument (consecutive days, say) read one after the other as a single
 * source, in time order.
 *
 * <p>The order is found by opening each file, reading its first event and closing it again: files are chained by
 * that event's {@code exchTs} (ties keep the command-line order; an empty file goes last). While reading, each
 * file's first event must not be earlier than the latest {@code exchTs} of the files before it: two files that
 * overlap in time (the same day given twice, a day inside a week file) are refused with an
 * {@link IllegalArgumentException} naming both files and both times, never merged or deduplicated silently. At
 * most one file is open at a time.
 */
final class ChainedSource implements EventSource {

    /** One input: a label for messages (the file name) and how to open it. */
    record Input(String label, Supplier<? extends EventSource> opener) {
    }

    private final List<Instrument> instruments;
    private final List<Input> inputs;
    private int next;
    private EventSource current;
    private String currentLabel;
    private boolean firstBatch;
    private String previousLabel;
    private long previousMaxTs = Long.MIN_VALUE;
    private long currentMaxTs = Long.MIN_VALUE;
    private long skipped;
    private final List<String> diagnostics = new ArrayList<>();
    private final java.util.Map<String, Long> reasons = new java.util.LinkedHashMap<>();

    private ChainedSource(List<Instrument> instruments, List<Input> inputs) {
        this.instruments = List.copyOf(instruments);
        this.inputs = List.copyOf(inputs);
    }

    /**
     * The inputs as one source, in time order (a single input is not opened ahead).
     *
     * @param instruments the instrument list every input's source has
     * @throws IllegalArgumentException for no inputs or the same label twice
     */
    static EventSource of(List<Instrument> instruments, List<Input> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input files");
        }
        Set<String> labels = new HashSet<>();
        for (Input in : inputs) {
            if (!labels.add(in.label())) {
                throw new IllegalArgumentException("input " + in.label() + " is given twice");
            }
        }
        if (inputs.size() == 1) {
            return new ChainedSource(instruments, inputs);
        }
        long[] first = new long[inputs.size()];
        EventBatch one = new EventBatch(1);
        for (int i = 0; i < first.length; i++) {
            try (EventSource s = inputs.get(i).opener().get()) {
                first[i] = s.readBatch(one) ? one.exchTs(0) : Long.MAX_VALUE;
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < first.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> first[i]).thenComparingInt(i -> i));
        List<Input> sorted = new ArrayList<>();
        for (int i : order) {
            sorted.add(inputs.get(i));
        }
        return new ChainedSource(instruments, sorted);
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public boolean readBatch(EventBatch into) {
        while (true) {
            if (current == null) {
                if (next == inputs.size()) {
                    into.clear();
                    return false;
                }
                Input in = inputs.get(next++);
                current = in.opener().get();
                currentLabel = in.label();
                firstBatch = true;
                if (!current.instruments().equals(instruments)) {
                    throw new IllegalStateException(currentLabel + " has instruments " + current.instruments()
                            + ", the chain " + instruments);
                }
            }
            if (current.readBatch(into)) {
                long max = currentMaxTs;
                for (int i = 0; i < into.size(); i++) {
                    max = Math.max(max, into.exchTs(i));
                }
                if (firstBatch) {
                    firstBatch = false;
                    long first = into.exchTs(0);
                    if (first < previousMaxTs) {
                        throw new IllegalArgumentException("input " + currentLabel + " starts at " + iso(first)
                                + ", before " + previousLabel + " ends at " + iso(previousMaxTs)
                                + ": the files overlap in time; give each period once");
                    }
                }
                currentMaxTs = max;
                return true;
            }
            finishCurrent();
        }
    }

    private void finishCurrent() {
        skipped += skippedLines(current);
        addReasons(reasons, skipReasons(current));
        String d = diagnostics(current);
        if (d != null) {
            diagnostics.add(currentLabel + ": " + d);
        }
        current.close();
        current = null;
        if (currentMaxTs != Long.MIN_VALUE) {
            previousMaxTs = currentMaxTs;
            previousLabel = currentLabel;
        }
    }

    private static String iso(long nanos) {
        return Timestamps.toInstant(nanos) + " (" + nanos + " ns)";
    }

    /** Bad lines skipped in lenient mode by the files finished so far and the open one. */
    long skipped() {
        return skipped + (current == null ? 0 : skippedLines(current));
    }

    /** What the importers of the files finished so far report beyond their rows (gaps, resyncs, halts), per file. */
    List<String> diagnostics() {
        return List.copyOf(diagnostics);
    }

    /** The counters of a depth recording or a LOBSTER replay, or {@code null} for other sources. */
    static String diagnostics(EventSource s) {
        if (s instanceof BinanceDepthRecordingSource d) {
            BinanceDepthSynchronizer y = d.synchronizer();
            return "gaps=" + y.gaps() + ", resyncs=" + y.resyncs() + ", droppedBeforeSync=" + y.droppedBeforeSync()
                    + ", staleSnapshots=" + y.staleSnapshots() + ", staleDiffs=" + y.staleDiffs()
                    + ", bufferOverflows=" + y.bufferOverflows() + ", final state " + y.state();
        }
        if (s instanceof LobsterSource l) {
            return "messages=" + l.messagesRead() + ", halts=" + l.halts() + ", quoteResumes=" + l.quoteResumes()
                    + ", tradeResumes=" + l.tradeResumes() + ", orderbook rows matched=" + l.rowsMatched() + " of "
                    + l.rowsChecked() + ", bookMismatches=" + l.bookMismatches() + ", levels entering from below="
                    + l.levelsReconciled() + ", executions of unseen orders=" + l.executionsOfUnseenOrders();
        }
        return null;
    }

    /** Adds {@code more}'s counts into {@code into}. */
    static void addReasons(java.util.Map<String, Long> into, java.util.Map<String, Long> more) {
        for (java.util.Map.Entry<String, Long> e : more.entrySet()) {
            into.merge(e.getKey(), e.getValue(), Long::sum);
        }
    }

    /** Skips per reason of an importer, a chain of them or a recording chain; empty for other sources. */
    static java.util.Map<String, Long> skipReasons(EventSource s) {
        if (s instanceof ChainedSource c) {
            java.util.Map<String, Long> out = new java.util.LinkedHashMap<>(c.reasons);
            if (c.current != null) {
                addReasons(out, skipReasons(c.current));
            }
            return out;
        }
        if (s instanceof BinanceRecordings r) {
            return r.skipReasons();
        }
        if (s instanceof BinanceCsvSource b) {
            return b.skipReasons();
        }
        if (s instanceof BinanceDepthRecordingSource d) {
            return d.skipReasons();
        }
        if (s instanceof TardisCsvSource t) {
            return t.skipReasons();
        }
        if (s instanceof LobsterSource l) {
            return l.skipReasons();
        }
        return java.util.Map.of();
    }

    /**
     * Bad input lines an importer skipped in lenient mode: its {@code skipped()} count, 0 for a source that is not
     * one of the vendor importers.
     */
    static long skippedLines(EventSource s) {
        if (s instanceof ChainedSource c) {
            return c.skipped();
        }
        if (s instanceof BinanceRecordings r) {
            return r.skipped();
        }
        if (s instanceof BinanceCsvSource b) {
            return b.skipped();
        }
        if (s instanceof BinanceDepthRecordingSource d) {
            return d.skipped();
        }
        if (s instanceof TardisCsvSource t) {
            return t.skipped();
        }
        if (s instanceof LobsterSource l) {
            return l.skipped();
        }
        return 0;
    }

    @Override
    public void close() {
        if (current != null) {
            finishCurrent();
        }
        next = inputs.size();
    }

    @Override
    public String toString() {
        List<String> labels = new ArrayList<>();
        for (Input in : inputs) {
            labels.add(in.label());
        }
        return "ChainedSource" + labels;
    }
}
