package io.qtrade.risk.sizing;

import io.qtrade.core.Instrument;

/**
 * Volatility targeting: scale the position so that its forecast volatility equals a target (Moreira and Muir,
 * "Volatility-Managed Portfolios", Journal of Finance 72(4), 2017; Harvey et al., "The Impact of Volatility
 * Targeting", Journal of Portfolio Management 45(1), 2018):
 * <pre>{@code
 * notional = targetVol / forecastVol * capital
 * qty      = notional / (price * contractMultiplier)          rounded down to the lot
 * }</pre>
 * Both volatilities annualised (or both per the same period). The forecast comes from the caller (EWMA, GARCH or
 * HAR-RV of {@code qtrade-features}). No leverage cap is applied: a very low forecast gives a large position, which
 * the caller caps explicitly if it wants one. Immutable.
 */
public final class VolatilityTarget {

    private final double targetVolAnnualised;

    /** @param targetVolAnnualised the target volatility, annualised, finite and {@code > 0} (0.10 for 10 %) */
    public VolatilityTarget(double targetVolAnnualised) {
        if (!(targetVolAnnualised > 0) || Double.isInfinite(targetVolAnnualised)) {
            throw new IllegalArgumentException("volatility target: targetVolAnnualised must be finite and > 0, was "
                    + targetVolAnnualised);
        }
        this.targetVolAnnualised = targetVolAnnualised;
    }

    /** The target volatility, annualised. */
    public double targetVolAnnualised() {
        return targetVolAnnualised;
    }

    /** {@code targetVol / forecastVol * capital}, quote currency. */
    public double notional(double capital, double forecastVolAnnualised) {
        if (!(capital > 0) || Double.isInfinite(capital)) {
            throw new IllegalArgumentException("volatility target: capital must be finite and > 0, was " + capital);
        }
        if (!(forecastVolAnnualised > 0) || Double.isInfinite(forecastVolAnnualised)) {
            throw new IllegalArgumentException("volatility target: forecastVolAnnualised must be finite and > 0, was "
                    + forecastVolAnnualised);
        }
        return targetVolAnnualised / forecastVolAnnualised * capital;
    }

    /** The quantity of {@code instrument} at {@code price} worth {@link #notional}, rounded down to the lot. */
    public double qty(Instrument instrument, double capital, double price, double forecastVolAnnualised) {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("volatility target: price must be finite and > 0, was " + price);
        }
        return instrument.roundDownToLot(notional(capital, forecastVolAnnualised)
                / (price * instrument.contractMultiplier()));
    }

    @Override
    public String toString() {
        return "VolatilityTarget[targetVolAnnualised=" + targetVolAnnualised + "]";
    }
}
