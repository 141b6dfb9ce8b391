package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.market.OutOfOrderEventException;
import io.qtrade.core.market.TimeKey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The time merge of a store read over several instruments: the same stream as core's
 * {@link io.qtrade.core.market.MergedEventSource} with {@code TimeKey.EXCH} (stable: equal {@code exchTs} keep each
 * source's order and, across sources, the source listed first goes first; instrument indices renumbered by
 * concatenating the sources' lists; a source whose {@code exchTs} goes back is an {@link OutOfOrderEventException}),
 * with no priority-queue update per row. Two sources (the common case: two instruments) go through core's
 * {@link EventBatch#addMerged}, which picks each row by a mask rather than a branch, since with interleaved
 * instruments which source goes next is as good as random. Three or more go in runs: the source with the earliest
 * head passes on every row up to the earliest head of the others (inclusive for sources listed after it, exclusive
 * for those before), copied column by column ({@link EventBatch#addRange(EventBatch, int, int, int)}). Each refill
 * of a source's buffer is checked for time order and instrument range once, in one pass with no branch per row
 * (docs/benchmarks.md, issue 22).
 */
final class InstrumentMergedSource implements EventSource {

    private final EventSource[] sources;
    private final EventBatch[] buffers;
    private final int[] position;
    private final int[] offset;
    private final int[] count;
    private final long[] lastTs;
    private final long[] rowsRead;
    private final boolean[] done;
    private final List<Instrument> instruments;

    InstrumentMergedSource(List<? extends EventSource> sources, int bufferRows) {
        int k = sources.size();
        this.sources = sources.toArray(new EventSource[0]);
        this.buffers = new EventBatch[k];
        this.position = new int[k];
        this.offset = new int[k];
        this.count = new int[k];
        this.lastTs = new long[k];
        this.rowsRead = new long[k];
        this.done = new boolean[k];
        List<Instrument> all = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            offset[s] = all.size();
            count[s] = this.sources[s].instruments().size();
            all.addAll(this.sources[s].instruments());
            buffers[s] = new EventBatch(bufferRows);
            lastTs[s] = Long.MIN_VALUE;
        }
        this.instruments = Collections.unmodifiableList(all);
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    /** Whether source {@code s} has a row at {@code position[s]}, refilling its buffer when it is used up. */
    private boolean ready(int s) {
        if (position[s] < buffers[s].size()) {
            return true;
        }
        if (done[s]) {
            return false;
        }
        position[s] = 0;
        EventBatch b = buffers[s];
        if (!sources[s].readBatch(b) || b.isEmpty()) {
            b.clear();
            done[s] = true;
            return false;
        }
        // Every row of the refill checked here, once, so that the merge loops below need no per-row test: one pass
        // with no branch per row, and the row located only when it found one.
        long last = lastTs[s];
        boolean ordered = true;
        int maxInstrument = 0;
        for (int r = 0, n = b.size(); r < n; r++) {
            long ts = b.exchTs(r);
            ordered &= ts >= last;
            last = ts;
            maxInstrument = Math.max(maxInstrument, b.instrument(r));
        }
        if (ordered && maxInstrument < count[s]) {
            lastTs[s] = last;
            rowsRead[s] += b.size();
            return true;
        }
        last = lastTs[s];
        for (int r = 0, n = b.size(); r < n; r++) {
            long ts = b.exchTs(r);
            if (ts < last) {
                throw new OutOfOrderEventException("source " + s + " (" + sources[s] + "), event "
                        + (rowsRead[s] + r) + ": EXCH timestamp " + ts + " is " + (last - ts)
                        + " ns before the previous event's " + last);
            }
            last = ts;
            if (b.instrument(r) >= count[s]) {
                throw new IllegalArgumentException("source " + s + " (" + sources[s] + "), event "
                        + (rowsRead[s] + r) + ": instrument index " + b.instrument(r) + " is outside the source's "
                        + count[s] + " instruments");
            }
        }
        lastTs[s] = last;
        rowsRead[s] += b.size();
        return true;
    }

    @Override
    public boolean readBatch(EventBatch into) {
        into.clear();
        int k = sources.length;
        if (k == 2) {
            return readTwo(into);
        }
        while (!into.isFull()) {
            int best = -1;
            long bestTs = 0;
            for (int s = 0; s < k; s++) {
                if (ready(s)) {
                    long ts = buffers[s].exchTs(position[s]);
                    if (best < 0 || ts < bestTs) {
                        best = s;
                        bestTs = ts;
                    }
                }
            }
            if (best < 0) {
                break;
            }
            // The last exchTs this source may pass on before another source's head must go first.
            long bound = Long.MAX_VALUE;
            for (int s = 0; s < k; s++) {
                if (s != best && position[s] < buffers[s].size()) {
                    long head = buffers[s].exchTs(position[s]);
                    bound = Math.min(bound, s < best ? head - 1 : head); // head > bestTs for s < best
                }
            }
            EventBatch b = buffers[best];
            int r = position[best];
            int from = r;
            int end = Math.min(b.size(), r + into.capacity() - into.size());
            while (r < end && b.exchTs(r) <= bound) {
                r++;
            }
            into.addRange(b, from, r - from, offset[best]);
            position[best] = r;
        }
        return !into.isEmpty();
    }

    /**
     * Two sources: core's branch-free two-way merge ({@link EventBatch#addMerged}) from both buffers, and the rest of
     * one source copied column by column once the other is used up.
     */
    private boolean readTwo(EventBatch into) {
        EventBatch b0 = buffers[0];
        EventBatch b1 = buffers[1];
        while (!into.isFull()) {
            boolean has0 = ready(0);
            boolean has1 = ready(1);
            if (!has0 || !has1) {
                if (!has0 && !has1) {
                    break;
                }
                int s = has0 ? 0 : 1;
                int r = position[s];
                int n = Math.min(buffers[s].size() - r, into.capacity() - into.size());
                into.addRange(buffers[s], r, n, offset[s]);
                position[s] = r + n;
                continue;
            }
            int before = into.size();
            int took0 = into.addMerged(TimeKey.EXCH, b0, position[0], offset[0], b1, position[1], offset[1]);
            position[0] += took0;
            position[1] += into.size() - before - took0;
        }
        return !into.isEmpty();
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (EventSource source : sources) {
            try {
                source.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Asks the source that holds {@code instrument}. */
    @Override
    public String origin(int instrument, long exchTs) {
        for (int s = 0; s < sources.length; s++) {
            if (instrument >= offset[s] && instrument < offset[s] + count[s]) {
                return sources[s].origin(instrument - offset[s], exchTs);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "InstrumentMergedSource[sources=" + sources.length + ", instruments=" + instruments.size() + "]";
    }
}
