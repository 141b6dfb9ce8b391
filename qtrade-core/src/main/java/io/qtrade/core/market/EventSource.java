package io.qtrade.core.market;

import io.qtrade.core.Instrument;

import java.util.List;

/**
 * A stream of market events delivered in batches the caller owns, so that memory stays bounded whatever the length
 * of the stream: a Parquet or CSV file, an importer, the synthetic generator or a live feed.
 *
 * <p>Events come in time order (by the key the source documents, normally both timestamps are non-decreasing).
 * Each event's {@code instrument} column is an index into {@link #instruments()}.
 */
public interface EventSource extends AutoCloseable {

    /** The instruments this source's events refer to, by index. */
    List<Instrument> instruments();

    /**
     * Clears {@code into} and fills it with up to {@code into.capacity()} of the next events.
     *
     * @return {@code false} when the source is exhausted and {@code into} is left empty
     */
    boolean readBatch(EventBatch into);

    /** Releases files or connections; the default has nothing to release. */
    @Override
    default void close() {
    }
}
