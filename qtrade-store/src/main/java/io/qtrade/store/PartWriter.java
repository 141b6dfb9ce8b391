package io.qtrade.store;

import io.qtrade.core.market.MarketEvent;

import java.nio.file.Path;

/**
 * Writes one part file of one instrument under its hidden in-progress name; {@link #commit()} makes it visible
 * with an atomic rename, {@link #abort()} deletes it. Until the commit no reader sees the part, and an interrupted
 * write leaves every earlier part as it was.
 */
interface PartWriter {

    /** Appends one event; its {@code exch_ts} must not be below the previous one's. */
    void write(MarketEvent event);

    /** Rows written so far. */
    long rows();

    /** Flushes, syncs to disk and renames the part to its final name, which is returned. */
    Path commit();

    /** Closes and deletes the in-progress file; the final name never appears. */
    void abort();
}
