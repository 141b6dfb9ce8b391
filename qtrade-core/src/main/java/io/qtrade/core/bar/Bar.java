package io.qtrade.core.bar;

/**
 * A read-only view of one bar (OHLCV candle), implemented by {@link BarCursor} over a {@link BarBatch}: valid until
 * the view moves, so copy the values you keep. Times are epoch nanoseconds, UTC; the bar covers
 * {@code [startTs, endTs)} and is known at {@code endTs}.
 */
public interface Bar {

    /** Index of the instrument in the source's (or engine's) instrument list. */
    int instrument();

    long startTs();

    long endTs();

    double open();

    double high();

    double low();

    double close();

    /** Traded quantity, instrument units. */
    double volume();

    /** Volume-weighted average price, {@link BarBatch#NO_VWAP} (NaN) when the source has none. */
    double vwap();

    /** Number of trades, {@link BarBatch#NO_TRADE_COUNT} (-1) when the source has none. */
    long tradeCount();
}
