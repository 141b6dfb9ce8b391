package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Several sources that may hold the <em>same</em> instruments (depth and trades of one instrument-day, in separate
 * parts or files; two stores with the same symbols) merged into one stream ordered by {@code exchTs}. Unlike core's
 * {@link io.qtrade.core.market.MergedEventSource}, which gives every source's instruments their own indices, an
 * instrument listed by several sources (equal {@link Instrument}s) is one instrument of the merge: the merged list is
 * the union in order of first appearance, and each row's index is mapped onto it.
 *
 * <p>The merge is stable: equal {@code exchTs} keep each source's order, and across sources the one listed first goes
 * first (so a venue message's rows, which share one {@code exchTs}, stay together). Each source is read through its
 * own reused batch: memory is {@code k * bufferRows} rows. A source whose {@code exchTs} goes back by more than
 * {@code maxBackwardsNanos} raises an {@link IllegalStateException} naming the source and both times; within the
 * tolerance the row is passed on as it is.
 */
public final class TimeMergedSource implements EventSource {

    private final List<Instrument> instruments;
    private final EventSource[] sources;
    private final EventBatch[] buffers;
    private final int[] position;
    private final boolean[] done;
    private final long[] lastTs;
    private final long maxBackwardsNanos;
    private final int[][] indexMap;

    /**
     * @param sources           at least one
     * @param bufferRows        rows read at a time from each source, positive
     * @param maxBackwardsNanos how far one source's {@code exchTs} may step back, {@code >= 0}
     * @throws IllegalArgumentException for no sources or bad sizes
     */
    public TimeMergedSource(List<? extends EventSource> sources, int bufferRows, long maxBackwardsNanos) {
        Objects.requireNonNull(sources, "sources");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a merge needs at least one source");
        }
        if (bufferRows <= 0 || maxBackwardsNanos < 0) {
            throw new IllegalArgumentException("bufferRows must be positive and maxBackwardsNanos >= 0, were "
                    + bufferRows + " and " + maxBackwardsNanos);
        }
        List<Instrument> union = new ArrayList<>();
        int k = sources.size();
        this.indexMap = new int[k][];
        for (int s = 0; s < k; s++) {
            List<Instrument> own = sources.get(s).instruments();
            indexMap[s] = new int[own.size()];
            for (int i = 0; i < own.size(); i++) {
                int at = union.indexOf(own.get(i));
                if (at < 0) {
                    at = union.size();
                    union.add(own.get(i));
                }
                indexMap[s][i] = at;
            }
        }
        this.instruments = List.copyOf(union);
        this.sources = sources.toArray(new EventSource[0]);
        this.buffers = new EventBatch[k];
        for (int i = 0; i < k; i++) {
            buffers[i] = new EventBatch(bufferRows);
        }
        this.position = new int[k];
        this.done = new boolean[k];
        this.lastTs = new long[k];
        java.util.Arrays.fill(lastTs, Long.MIN_VALUE);
        this.maxBackwardsNanos = maxBackwardsNanos;
    }

    /** The sources, in merge order. */
    public List<EventSource> sources() {
        return List.of(sources);
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    /** Whether source {@code s} has a row at {@code position[s]}, refilling its buffer if needed. */
    private boolean ready(int s) {
        if (done[s]) {
            return false;
        }
        if (position[s] < buffers[s].size()) {
            return true;
        }
        position[s] = 0;
        if (!sources[s].readBatch(buffers[s]) || buffers[s].isEmpty()) {
            buffers[s].clear();
            done[s] = true;
            return false;
        }
        return true;
    }

    @Override
    public boolean readBatch(EventBatch into) {
        into.clear();
        while (!into.isFull()) {
            int best = -1;
            long bestTs = Long.MAX_VALUE;
            for (int s = 0; s < sources.length; s++) {
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
            if (bestTs < lastTs[best] - maxBackwardsNanos) {
                throw new IllegalStateException(sources[best] + ": exchTs goes back from " + lastTs[best] + " to "
                        + bestTs + " ns, more than the tolerance of " + maxBackwardsNanos + " ns");
            }
            lastTs[best] = Math.max(lastTs[best], bestTs);
            // a whole run of rows with the same exchTs from one source stays together
            EventBatch b = buffers[best];
            int[] map = indexMap[best];
            do {
                int r = position[best]++;
                into.add(map[b.instrument(r)], b.exchTs(r), b.localTs(r), b.kind(r), b.sideCode(r), b.price(r),
                        b.qty(r), b.orderId(r), b.flags(r));
            } while (!into.isFull() && position[best] < b.size() && b.exchTs(position[best]) == bestTs);
        }
        return !into.isEmpty();
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (EventSource s : sources) {
            try {
                s.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (EventSource s : sources) {
            names.add(s.toString());
        }
        return "TimeMergedSource" + names;
    }
}
