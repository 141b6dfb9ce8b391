package io.qtrade.core.bar;

import io.qtrade.core.Instrument;

import java.util.List;

/**
 * A stream of bars delivered in batches the caller owns, so that memory stays bounded whatever the length of the
 * stream: a Parquet or CSV file, an importer, a generator.
 *
 * <p>Bars come ordered by {@code endTs}, then by instrument index, at most one per instrument and end time (a bar
 * engine refuses anything else, naming the bar). Each bar's {@code instrument} column is an index into
 * {@link #instruments()}.
 */
public interface BarSource extends AutoCloseable {

    /** The instruments this source's bars refer to, by index. */
    List<Instrument> instruments();

    /**
     * Clears {@code into} and fills it with up to {@code into.capacity()} of the next bars.
     *
     * @return {@code false} when the source is exhausted and {@code into} is left empty
     */
    boolean readBatch(BarBatch into);

    /** Releases files; the default has nothing to release. */
    @Override
    default void close() {
    }
}
