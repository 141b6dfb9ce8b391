package io.qtrade.backtest.marketmaking;

/**
 * How long one strategy's orders on one instrument stood at the touch, as fractions of the instrument's tape window
 * (first to last event, venue time):
 * <pre>{@code
 * at the touch (bid side) at t  <=>  some own buy order works at the venue at t with price >= market best bid(t)
 *                                     (or the market has no bid)
 * bidAtTouch  = |union of those t| / window        askAtTouch likewise (price <= best ask)
 * bothAtTouch = |t at the touch on both sides| / window
 * }</pre>
 * An order works at the venue from its arrival there to its last fill, cancel or expiry there
 * ({@link io.qtrade.backtest.OrderRecord#exchEndTs()}); the market's touch excludes the simulated orders.
 */
public record QuoteTime(String strategyId, int instrument, String symbol, long windowNanos, double bidAtTouch,
                        double askAtTouch, double bothAtTouch) {
}
