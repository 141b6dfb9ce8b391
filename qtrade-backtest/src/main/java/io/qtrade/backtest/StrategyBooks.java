package io.qtrade.backtest;

/**
 * How the engine keeps the strategies' book of an L2 instrument: its venue book as it stood after the last row the
 * strategy side received (the venue's book delayed by the feed latency). Both give the same books, so the same
 * orders, fills and results, to the bit ({@code StrategyBooksTest}); they differ only in cost. The default is
 * {@link #SHARED_WITH_VENUE}; {@link #SEPARATE} is there to compare and measure against.
 */
public enum StrategyBooks {
    /**
     * The venue's book, read as it is when no row of the instrument is pending, rewound through the pending rows when
     * some are, and a copy fed every row only after a row that changes several levels at once (see
     * {@code DelayedBook}): about one book update per row instead of two. A row that the strategy side receives
     * before anything else happens (nothing else pending, no order message, timer or mark due first) is delivered in
     * the same loop step as the venue processed it, with no undo entry.
     */
    SHARED_WITH_VENUE,
    /**
     * A second book fed every row at its {@code localTs}: two book updates per row, and every row delivered in a loop
     * step of its own (the engine's path until 0.2).
     */
    SEPARATE
}
