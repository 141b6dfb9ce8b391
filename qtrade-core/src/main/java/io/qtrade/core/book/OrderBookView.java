package io.qtrade.core.book;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;

/**
 * The read-only face of an L2 book: what a strategy, a feature or a report may ask of a book without being able to
 * change it. {@link OrderBook} implements it; {@link MboBook#levels()} and the {@code Strategy} API hand out books as
 * this type, so only the code that owns a book (the engine, the L3 book) updates it.
 *
 * <p>Prices are integer ticks of {@link #instrument()} ({@code *Ticks} methods) or doubles converted exactly from
 * them. An empty side has best bid {@link OrderBook#NO_BID} or best ask {@link OrderBook#NO_ASK} in ticks, {@code NaN}
 * as a price and quantity 0.
 */
public interface OrderBookView {

    Instrument instrument();

    /** The best bid in ticks, {@link OrderBook#NO_BID} when there are no bids. */
    long bestBidTicks();

    /** The best ask in ticks, {@link OrderBook#NO_ASK} when there are no asks. */
    long bestAskTicks();

    /** The best bid price, {@code NaN} when there are no bids. */
    double bestBid();

    /** The best ask price, {@code NaN} when there are no asks. */
    double bestAsk();

    /** The quantity at the best bid, 0 when there are no bids. */
    double bestBidQty();

    /** The quantity at the best ask, 0 when there are no asks. */
    double bestAskQty();

    /** The quantity resting at {@code priceTicks} on {@code side}, 0 when there is no level there. */
    double qtyAt(Side side, long priceTicks);

    /**
     * Writes up to {@code maxLevels} levels of {@code side}, best first, into {@code priceTicks} and {@code qtys}
     * (both modified) and returns how many were written.
     */
    int depth(Side side, long[] priceTicks, double[] qtys, int maxLevels);

    /** The number of price levels on {@code side}. */
    int levelCount(Side side);

    /** Whether {@code side} has no levels. */
    boolean isEmpty(Side side);

    /** {@code (bestBid + bestAsk) / 2}, {@code NaN} when a side is empty. */
    double mid();

    /** {@code bestAsk - bestBid} in price, {@code NaN} when a side is empty. */
    double spread();

    /** {@code bestAskTicks - bestBidTicks}, {@link OrderBook#NO_SPREAD_TICKS} when a side is empty. */
    long spreadTicks();

    /**
     * The size-weighted mid {@code (bestBid * askQty + bestAsk * bidQty) / (bidQty + askQty)}, {@code NaN} when a side
     * is empty.
     */
    double microprice();

    /** Whether {@code bestBid >= bestAsk} (crossed or locked). */
    boolean isCrossed();

    /** The venue timestamp of the last event applied to the book, {@link OrderBook#NO_TIMESTAMP} before any. */
    long lastExchTs();

    /** The local receive timestamp of the last event applied to the book, {@link OrderBook#NO_TIMESTAMP} before any. */
    long lastLocalTs();
}
