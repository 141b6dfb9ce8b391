package io.qtrade.backtest;

/**
 * How the engine keeps the strategies' book of an L2 instrument (its venue book delayed by the feed latency). Both give
 * the same books, to the bit; see {@link DelayedBook}.
 */
enum StrategyBooks {
    /** The venue's book, rewound through the rows not yet received when read (the default). */
    SHARED_WITH_VENUE,
    /** A second book fed every row at its {@code localTs} (the engine's path before the shared view). */
    SEPARATE
}
