package io.qtrade.core.market;

import io.qtrade.core.Instrument;

import java.util.List;
import java.util.Objects;

/**
 * Serves the rows of one {@link EventBatch} held in memory, a slice at a time: for tests, small hand-built
 * scenarios and benchmarks that must not measure I/O. The batch is read, never modified; {@link #rewind()} starts
 * over.
 */
public final class InMemoryEventSource implements EventSource {

    private final List<Instrument> instruments;
    private final EventBatch events;
    private int next;

    public InMemoryEventSource(List<Instrument> instruments, EventBatch events) {
        this.instruments = List.copyOf(instruments);
        this.events = Objects.requireNonNull(events, "events");
        for (int row = 0; row < events.size(); row++) {
            if (events.instrument(row) >= this.instruments.size()) {
                throw new IllegalArgumentException("row " + row + " refers to instrument " + events.instrument(row)
                        + " but only " + this.instruments.size() + " instruments were given");
            }
        }
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public boolean readBatch(EventBatch into) {
        into.clear();
        int end = Math.min(events.size(), next + into.capacity());
        into.addRange(events, next, end - next);
        next = end;
        return !into.isEmpty();
    }

    /** Starts the stream over from the first row. */
    public void rewind() {
        next = 0;
    }

    @Override
    public String toString() {
        return "InMemoryEventSource[instruments=" + instruments.size() + ", events=" + events.size() + "]";
    }
}
