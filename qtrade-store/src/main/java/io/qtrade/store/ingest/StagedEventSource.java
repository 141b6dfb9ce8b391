package io.qtrade.store.ingest;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;

import java.util.List;

/**
 * The base of every streaming importer: the subclass expands whole venue messages into a fixed-size staging batch
 * ({@link #fill}), and {@link #readBatch} copies staged rows into the caller's batch, so a message larger than the
 * caller's batch (a 1,000-level snapshot) still arrives whole and in order across calls. Memory is the staging batch
 * plus the subclass's parse state, whatever the file size.
 */
public abstract class StagedEventSource implements EventSource {

    private final List<Instrument> instruments;
    private final EventBatch staging;
    private int drained;
    private boolean exhausted;

    /**
     * @param instruments the instruments the rows refer to, by index
     * @param stagingRows the most rows one message may expand to
     */
    protected StagedEventSource(List<Instrument> instruments, int stagingRows) {
        this.instruments = List.copyOf(instruments);
        if (this.instruments.isEmpty()) {
            throw new IllegalArgumentException("at least one instrument is needed");
        }
        this.staging = new EventBatch(stagingRows);
    }

    @Override
    public final List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public final boolean readBatch(EventBatch into) {
        into.clear();
        while (!into.isFull()) {
            if (drained == staging.size()) {
                if (exhausted) {
                    break;
                }
                staging.clear();
                drained = 0;
                if (!fill(staging)) {
                    exhausted = true;
                }
                continue;
            }
            into.addFrom(staging, drained++, 0);
        }
        return !into.isEmpty();
    }

    /**
     * Appends the rows of one or more whole messages to the empty {@code staging} batch. A subclass adds a message
     * only when all its rows fit ({@code staging.capacity() - staging.size()}); it may add none and return
     * {@code true} (a skipped line), and is called again.
     *
     * @return {@code false} at the end of the input (rows added in the same call are still delivered)
     */
    protected abstract boolean fill(EventBatch staging);
}
