package io.qtrade.backtest.marketmaking;

import io.qtrade.core.Side;
import io.qtrade.core.order.Liquidity;

/**
 * One fill's spread capture and markouts, signed by its side ({@code s = +1} buy, {@code -1} sell), in the quote
 * currency per unit and in basis points of the mid the fill met:
 * <pre>{@code
 * midAtFill          = mid strictly before the fill's venue time (the book it met)
 * spreadCapture      = s (midAtFill - price)                       > 0: bought below / sold above the mid
 * markout(h)         = s (mid(exchTs + h) - price)                 the fill's PnL per unit if marked h later
 * ...Bps             = value / midAtFill * 1e4
 * }</pre>
 * A markout is NaN when {@code exchTs + h} is after the tape's last event (not enough data) or the mid is undefined.
 *
 * @param horizonsNanos the horizons, in the order of {@link #markout(int)}'s index (shared, not to be modified)
 */
public record FillMarkout(String strategyId, long orderId, int instrument, String symbol, Side side,
                          Liquidity liquidity, long exchTs, double price, double qty, double midAtFill,
                          double spreadCapture, double spreadCaptureBps, long[] horizonsNanos, double[] markouts,
                          double[] markoutsBps) {

    /** The markout at horizon {@code k} (of {@link #horizonsNanos()}), quote currency per unit. */
    public double markout(int k) {
        return markouts[k];
    }

    /** The markout at horizon {@code k}, in basis points of {@link #midAtFill()}. */
    public double markoutBps(int k) {
        return markoutsBps[k];
    }
}
