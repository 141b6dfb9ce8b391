package io.qtrade.core.book;

/**
 * What a book does with an update that would leave it crossed ({@code bestBid > bestAsk}) or locked
 * ({@code bestBid == bestAsk}). Either way the book is never left crossed or locked after an update.
 */
public enum CrossedBookPolicy {
    /**
     * The newest update wins: the opposite-side levels it crosses or locks are taken to be stale (their deletes were
     * missed or are still in flight) and removed; the book counts the update in {@code crossedUpdates()}. This is
     * what hftbacktest's depth implementations do for feeds that miss deletes. The default.
     */
    PRUNE_STALE,
    /** The update is refused with a {@link CrossedBookException}, and the book is left as it was. */
    THROW
}
