package io.qtrade.research.sweep;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;

import java.util.List;

/**
 * One run's cursor over a partition's decoded batches, shared read-only with the partition's other runs (on other
 * threads): {@link #readBatch} copies the next rows into the engine's batch (column by column, {@link
 * EventBatch#addRange}), so the engine sees the rows the reader gave, in order; batch boundaries may differ, which
 * changes no result. {@link #origin} answers as the reader's source did (the part file of an event, for messages).
 */
final class SharedEventSource implements EventSource {

    private final List<Instrument> instruments;
    private final List<EventBatch> batches;
    private final EventSource origin;
    private int batch;
    private int row;

    SharedEventSource(List<Instrument> instruments, List<EventBatch> batches, EventSource origin) {
        this.instruments = instruments;
        this.batches = batches;
        this.origin = origin;
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public boolean readBatch(EventBatch into) {
        into.clear();
        while (batch < batches.size() && into.size() < into.capacity()) {
            EventBatch from = batches.get(batch);
            int n = Math.min(from.size() - row, into.capacity() - into.size());
            into.addRange(from, row, n);
            row += n;
            if (row == from.size()) {
                batch++;
                row = 0;
            }
        }
        return !into.isEmpty();
    }

    @Override
    public String origin(int instrument, long exchTs) {
        return origin == null ? null : origin.origin(instrument, exchTs);
    }

    @Override
    public String toString() {
        return "SharedEventSource[instruments=" + instruments.size() + ", batches=" + batches.size() + "]";
    }
}
