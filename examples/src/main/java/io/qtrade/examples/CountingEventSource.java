package io.qtrade.examples;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;

import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * An {@link EventSource} that passes another's batches through unchanged and reports the running count of events
 * read after each batch: what a progress bar needs (the {@code qtrade} launcher's), at the cost of one call per batch.
 */
public final class CountingEventSource implements EventSource {

    private final EventSource source;
    private final LongConsumer eventsRead;
    private long count;

    /**
     * @param source     the source read
     * @param eventsRead told the events read so far after each non-empty batch
     */
    public CountingEventSource(EventSource source, LongConsumer eventsRead) {
        this.source = Objects.requireNonNull(source, "counting source: source");
        this.eventsRead = Objects.requireNonNull(eventsRead, "counting source: eventsRead");
    }

    @Override
    public List<Instrument> instruments() {
        return source.instruments();
    }

    @Override
    public boolean readBatch(EventBatch into) {
        boolean more = source.readBatch(into);
        if (more) {
            count += into.size();
            eventsRead.accept(count);
        }
        return more;
    }

    @Override
    public String origin(int instrument, long exchTs) {
        return source.origin(instrument, exchTs);
    }

    /** Events read so far. */
    public long count() {
        return count;
    }

    @Override
    public void close() {
        source.close();
    }

    @Override
    public String toString() {
        return "CountingEventSource[" + count + " events read of " + source + "]";
    }
}
