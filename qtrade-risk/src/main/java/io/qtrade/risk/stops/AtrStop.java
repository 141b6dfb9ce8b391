package io.qtrade.risk.stops;

import io.qtrade.core.Side;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.ATRIndicator;

import java.util.Objects;

/**
 * A stop {@code k} average true ranges away from a reference price (Wilder, "New Concepts in Technical Trading
 * Systems", 1978, the volatility stop):
 * <pre>{@code
 * TR_i  = max(high_i - low_i, |high_i - close_{i-1}|, |low_i - close_{i-1}|)      (TR_0 = high_0 - low_0)
 * ATR_i = ATR_{i-1} + (TR_i - ATR_{i-1}) / n                                     (Wilder's smoothing, ATR_0 = TR_0)
 * long  stop = reference - k * ATR_i
 * short stop = reference + k * ATR_i
 * }</pre>
 * The ATR is ta4j's {@link ATRIndicator} over the caller's bar series (for example
 * {@code io.qtrade.features.bars.OhlcvBars.toBarSeries}); it is not computed again here. Before ta4j's unstable bars
 * ({@link ATRIndicator#getUnstableBars()}, {@code n}) have passed the ATR means little and NaN is returned. Values at
 * bar {@code i} read only bars {@code 0..i}.
 */
public final class AtrStop {

    private final ATRIndicator atr;
    private final int barCount;
    private final double atrMultiple;

    /**
     * @param bars        the bar series (read, not modified; bars added later are seen)
     * @param barCount    the ATR's smoothing length {@code n}, {@code >= 1}
     * @param atrMultiple {@code k}, finite and {@code > 0}
     */
    public AtrStop(BarSeries bars, int barCount, double atrMultiple) {
        Objects.requireNonNull(bars, "ATR stop: bars must not be null");
        if (barCount < 1) {
            throw new IllegalArgumentException("ATR stop: barCount must be >= 1, was " + barCount);
        }
        if (!(atrMultiple > 0) || Double.isInfinite(atrMultiple)) {
            throw new IllegalArgumentException("ATR stop: atrMultiple must be finite and > 0, was " + atrMultiple);
        }
        this.atr = new ATRIndicator(bars, barCount);
        this.barCount = barCount;
        this.atrMultiple = atrMultiple;
    }

    /** Bars before which {@link #atr} is NaN: ta4j's unstable bars of the ATR. */
    public int warmUpBars() {
        return atr.getUnstableBars();
    }

    /** ta4j's ATR at bar {@code index}, quote currency per unit; NaN during the warm-up. */
    public double atr(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("ATR stop: bar index must be >= 0, was " + index);
        }
        return index < warmUpBars() ? Double.NaN : atr.getValue(index).doubleValue();
    }

    /**
     * The stop of a position on {@code positionSide} at bar {@code index}: {@code reference -+ k * ATR}.
     *
     * @param positionSide {@link Side#BUY} for a long position (stop below), {@link Side#SELL} for a short (above)
     * @param reference    the price the distance is measured from (entry price, or the bar's close)
     * @return the stop price; NaN during the warm-up
     */
    public double stopPrice(int index, Side positionSide, double reference) {
        double distance = atrMultiple * atr(index);
        return positionSide == Side.BUY ? reference - distance : reference + distance;
    }

    @Override
    public String toString() {
        return "AtrStop[barCount=" + barCount + ", atrMultiple=" + atrMultiple + "]";
    }
}
