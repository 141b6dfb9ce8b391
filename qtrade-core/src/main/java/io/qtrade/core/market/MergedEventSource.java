package io.qtrade.core.market;

import io.qtrade.core.Instrument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A k-way merge of several time-ordered event sources into one time-ordered stream.
 *
 * <p>The merge is stable: events with equal timestamps keep their order within a source, and across sources the
 * source listed first comes first. An {@link EarliestFirstQueue} of source indices, keyed by {@code (timestamp, source index)},
 * picks the next event in {@code O(log k)}; each source is read through its own reused batch, so memory stays at
 * {@code k * bufferCapacity} rows whatever the length of the streams.
 *
 * <p>Instrument indices are renumbered: the merged {@link #instruments()} list is the sources' lists concatenated
 * in order, and an event of source {@code s} gets its index plus the sizes of the lists before {@code s}.
 *
 * <p>Every source is checked as it is read: an event whose instrument index is outside its source's list raises an
 * {@link IllegalArgumentException} (it would otherwise land on another source's instrument), and an event whose
 * timestamp (by the chosen {@link TimeKey}) is earlier than
 * the previous event of the same source raises an {@link OutOfOrderEventException} naming the source, the event's
 * position in it and both timestamps. Nothing is reordered silently.
 */
public final class MergedEventSource implements EventSource {

    /** Rows buffered per source when no capacity is given. */
    public static final int DEFAULT_BUFFER_CAPACITY = 4096;

    private final EventSource[] sources;
    private final TimeKey key;
    private final EventBatch[] buffers;
    private final int[] position;
    private final int[] instrumentOffset;
    private final int[] instrumentCount;
    private final long[] headTs;
    private final long[] eventsRead;
    private final EarliestFirstQueue next;
    private boolean started;
    private final List<Instrument> instruments;

    /** Merges {@code sources} by {@code key} with {@link #DEFAULT_BUFFER_CAPACITY} rows buffered per source. */
    public MergedEventSource(TimeKey key, List<? extends EventSource> sources) {
        this(key, sources, DEFAULT_BUFFER_CAPACITY);
    }

    /**
     * @param key            the timestamp that orders the merged stream
     * @param sources        the streams, each already in order by {@code key}; their order breaks ties
     * @param bufferCapacity rows read at a time from each source, positive
     * @throws IllegalArgumentException for no sources or a non-positive {@code bufferCapacity}
     */
    public MergedEventSource(TimeKey key, List<? extends EventSource> sources, int bufferCapacity) {
        this.key = Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sources, "sources");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a merge needs at least one source");
        }
        if (bufferCapacity <= 0) {
            throw new IllegalArgumentException("bufferCapacity must be positive, was " + bufferCapacity);
        }
        int k = sources.size();
        this.sources = sources.toArray(new EventSource[0]);
        this.buffers = new EventBatch[k];
        this.position = new int[k];
        this.instrumentOffset = new int[k];
        this.instrumentCount = new int[k];
        this.headTs = new long[k];
        this.eventsRead = new long[k];
        this.next = new EarliestFirstQueue(k);
        List<Instrument> all = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            EventSource source = Objects.requireNonNull(this.sources[s], "source " + s);
            instrumentOffset[s] = all.size();
            instrumentCount[s] = source.instruments().size();
            all.addAll(source.instruments());
            buffers[s] = new EventBatch(bufferCapacity);
        }
        this.instruments = Collections.unmodifiableList(all);
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    /** The timestamp that orders this merge. */
    public TimeKey key() {
        return key;
    }

    @Override
    public boolean readBatch(EventBatch into) {
        if (!started) {
            start();
        }
        into.clear();
        while (!next.isEmpty() && !into.isFull()) {
            int s = next.peekId();
            into.addFrom(buffers[s], position[s], instrumentOffset[s]);
            if (advance(s)) {
                next.updateHeadTime(headTs[s]);
            } else {
                next.removeHead();
            }
        }
        return !into.isEmpty();
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (EventSource source : sources) {
            try {
                source.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing a merged event source failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void start() {
        started = true;
        for (int s = 0; s < sources.length; s++) {
            position[s] = -1;
            headTs[s] = Long.MIN_VALUE;
            if (advance(s)) {
                next.add(s, headTs[s]);
            }
        }
    }

    /** Moves source {@code s} to its next event, refilling its buffer; {@code false} when it is exhausted. */
    private boolean advance(int s) {
        EventBatch buffer = buffers[s];
        int next = position[s] + 1;
        if (next >= buffer.size()) {
            if (!sources[s].readBatch(buffer) || buffer.isEmpty()) {
                return false;
            }
            next = 0;
        }
        position[s] = next;
        long ts = buffer.timestamp(key, next);
        if (ts < headTs[s]) {
            throw new OutOfOrderEventException("source " + s + " " + describe(s) + ", event " + eventsRead[s]
                    + ": " + key + " timestamp " + ts + " is " + (headTs[s] - ts)
                    + " ns before the previous event's " + headTs[s]);
        }
        int instrument = buffer.instrument(next);
        if (instrument >= instrumentCount[s]) {
            throw new IllegalArgumentException("source " + s + " " + describe(s) + ", event " + eventsRead[s]
                    + ": instrument index " + instrument + " is outside the source's " + instrumentCount[s]
                    + " instruments");
        }
        headTs[s] = ts;
        eventsRead[s]++;
        return true;
    }

    private String describe(int s) {
        List<Instrument> list = sources[s].instruments();
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < list.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(list.get(i).id());
        }
        return sb.append(')').toString();
    }

    /** Asks the source that holds {@code instrument}. */
    @Override
    public String origin(int instrument, long exchTs) {
        for (int s = 0; s < sources.length; s++) {
            if (instrument >= instrumentOffset[s] && instrument < instrumentOffset[s] + instrumentCount[s]) {
                return sources[s].origin(instrument - instrumentOffset[s], exchTs);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "MergedEventSource[key=" + key + ", sources=" + sources.length + ", instruments=" + instruments.size()
                + ", bufferCapacity=" + buffers[0].capacity() + "]";
    }
}
