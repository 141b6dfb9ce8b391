package io.qtrade.risk.sizing;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * The Kelly fraction: the share of equity to stake that maximises the expected log growth of equity (Kelly, "A New
 * Interpretation of Information Rate", Bell System Technical Journal 35, 1956; Thorp, "The Kelly criterion in
 * blackjack, sports betting and the stock market", Handbook of Asset and Liability Management, 2006):
 * <pre>{@code
 * bet won with probability p pays b per unit staked, lost otherwise:   f* = p - (1 - p) / b
 * returns with mean mu and variance sigma^2 per period (Thorp 2006, sec. 7, continuous approximation):
 *                                                                      f* = mu / sigma^2
 * fractional Kelly:                                                    f  = multiplier * f*
 * }</pre>
 * {@code f*} can be negative (the bet has negative edge: do not take it; for returns, the short side has the edge)
 * or above 1 (leverage). Full Kelly is very aggressive when {@code p}, {@code b} or {@code mu} are estimated, hence
 * fractional Kelly (half Kelly: {@code multiplier = 0.5}).
 *
 * @param fullFraction {@code f*}, the full Kelly fraction of equity
 */
public record Kelly(double fullFraction) {

    /** Checks that {@code fullFraction} is finite. */
    public Kelly {
        if (!Double.isFinite(fullFraction)) {
            throw new IllegalArgumentException("Kelly: fullFraction must be finite, was " + fullFraction);
        }
    }

    /**
     * Kelly for a bet won with probability {@code winRate} paying {@code payoffRatio} per unit staked (average win
     * over average loss), lost otherwise.
     *
     * @param winRate     {@code p} in [0, 1]
     * @param payoffRatio {@code b}, finite and {@code > 0}
     */
    public static Kelly fromWinRate(double winRate, double payoffRatio) {
        if (!(winRate >= 0 && winRate <= 1)) {
            throw new IllegalArgumentException("Kelly: winRate must be in [0, 1], was " + winRate);
        }
        if (!(payoffRatio > 0) || Double.isInfinite(payoffRatio)) {
            throw new IllegalArgumentException("Kelly: payoffRatio must be finite and > 0, was " + payoffRatio);
        }
        return new Kelly(winRate - (1 - winRate) / payoffRatio);
    }

    /**
     * Kelly for returns with mean {@code meanReturn} (in excess of the financing rate) and variance
     * {@code returnVariance}, both per the same period.
     *
     * @param returnVariance finite and {@code > 0}
     */
    public static Kelly fromMoments(double meanReturn, double returnVariance) {
        if (!Double.isFinite(meanReturn)) {
            throw new IllegalArgumentException("Kelly: meanReturn must be finite, was " + meanReturn);
        }
        if (!(returnVariance > 0) || Double.isInfinite(returnVariance)) {
            throw new IllegalArgumentException("Kelly: returnVariance must be finite and > 0, was " + returnVariance);
        }
        return new Kelly(meanReturn / returnVariance);
    }

    /**
     * Kelly from a sample of per-period excess returns: their mean over their sample variance (divisor
     * {@code n - 1}), both by commons-math3.
     *
     * @param returns at least 2 finite returns, not all equal (read, not modified)
     */
    public static Kelly fromReturns(double[] returns) {
        if (returns.length < 2) {
            throw new IllegalArgumentException("Kelly: need at least 2 returns for a variance, got " + returns.length);
        }
        for (int i = 0; i < returns.length; i++) {
            if (!Double.isFinite(returns[i])) {
                throw new IllegalArgumentException("Kelly: returns[" + i + "] must be finite, was " + returns[i]);
            }
        }
        double variance = new Variance(true).evaluate(returns);
        if (!(variance > 0)) {
            throw new IllegalArgumentException("Kelly: the " + returns.length
                    + " returns are all equal (variance 0): the Kelly fraction is unbounded");
        }
        return fromMoments(new Mean().evaluate(returns), variance);
    }

    /**
     * The fractional Kelly fraction {@code multiplier * f*}.
     *
     * @param multiplier in (0, 1] (0.5 for half Kelly)
     */
    public double fraction(double multiplier) {
        if (!(multiplier > 0 && multiplier <= 1)) {
            throw new IllegalArgumentException("Kelly: multiplier must be in (0, 1], was " + multiplier);
        }
        return multiplier * fullFraction;
    }

    /** The stake {@code multiplier * f* * equity}, quote currency (negative: the other side). */
    public double notional(double equity, double multiplier) {
        if (!Double.isFinite(equity)) {
            throw new IllegalArgumentException("Kelly: equity must be finite, was " + equity);
        }
        return fraction(multiplier) * equity;
    }
}
