package io.qtrade.backtest.marketmaking;

/**
 * One strategy's market-making figures on one instrument: fill counts and quantity, quantity-weighted means of the
 * spread capture and of the markout at each horizon (over the fills whose markout is defined), in basis points, and
 * its quote time at the touch.
 *
 * @param markoutBps the quantity-weighted mean markout per horizon of {@link #horizonsNanos()}, NaN without data
 */
public record MarketMakingSummary(String strategyId, int instrument, String symbol, int fills, int makerFills,
                                  double qty, double spreadCaptureBps, long[] horizonsNanos, double[] markoutBps,
                                  QuoteTime quoteTime) {

    /** The quantity-weighted mean markout at horizon {@code k}, basis points. */
    public double markoutBps(int k) {
        return markoutBps[k];
    }
}
