package io.qtrade.risk.sizing;

import io.qtrade.core.Instrument;

/**
 * Fixed-fractional sizing: risk the same fraction of equity on every trade, the risk being the loss if the stop is
 * hit (Vince, "Portfolio Management Formulas", Wiley 1990, ch. 4):
 * <pre>{@code
 * qty = riskFraction * equity / (|entry - stop| * contractMultiplier)
 * }</pre>
 * rounded down to the instrument's lot. Immutable.
 */
public final class FixedFractional {

    private final double riskFraction;

    /** @param riskFraction the fraction of equity lost at the stop, in (0, 1] */
    public FixedFractional(double riskFraction) {
        if (!(riskFraction > 0 && riskFraction <= 1)) {
            throw new IllegalArgumentException("fixed fractional: riskFraction must be in (0, 1], was " + riskFraction);
        }
        this.riskFraction = riskFraction;
    }

    /** The fraction of equity lost at the stop. */
    public double riskFraction() {
        return riskFraction;
    }

    /**
     * The quantity whose loss at the stop is {@code riskFraction * equity}, rounded down to {@code instrument}'s lot.
     *
     * @param equity     quote currency, finite and {@code > 0}
     * @param entryPrice the entry price
     * @param stopPrice  the stop price, different from the entry
     */
    public double qty(Instrument instrument, double equity, double entryPrice, double stopPrice) {
        if (!(equity > 0) || Double.isInfinite(equity)) {
            throw new IllegalArgumentException("fixed fractional: equity must be finite and > 0, was " + equity);
        }
        if (!Double.isFinite(entryPrice) || !Double.isFinite(stopPrice) || entryPrice == stopPrice) {
            throw new IllegalArgumentException("fixed fractional: entryPrice " + entryPrice + " and stopPrice "
                    + stopPrice + " must be finite and different (the risk per unit is their distance)");
        }
        double riskPerUnit = Math.abs(entryPrice - stopPrice) * instrument.contractMultiplier();
        return instrument.roundDownToLot(riskFraction * equity / riskPerUnit);
    }

    @Override
    public String toString() {
        return "FixedFractional[riskFraction=" + riskFraction + "]";
    }
}
