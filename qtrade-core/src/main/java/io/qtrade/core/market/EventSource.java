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

    /**
     * Where an event of instrument {@code instrument} at {@code exchTs} comes from (a file, a part of a tick store),
     * for error messages that must name the data at fault; {@code null} when the source cannot say (the default).
     *
     * @param instrument an index into {@link #instruments()}
     * @param exchTs     the event's venue time, epoch nanoseconds
     */
    default String origin(int instrument, long exchTs) {
        return null;
    }

    /** Releases files or connections; the default has nothing to release. */
    @Override
    default void close() {
    }
}
