package io.qtrade.portfolio.optimize;

import java.util.Arrays;

/**
 * An optimiser's portfolio with its statistics, in the units of the inputs (per period).
 *
 * @param weights        N weights, summing to 1, in the asset order of the inputs
 * @param expectedReturn {@code mu'w} (NaN when no expected returns were given)
 * @param variance       {@code w' Sigma w}
 * @param volatility     {@code sqrt(variance)}
 * @param sharpeRatio    {@code (mu'w - rf) / volatility}, per period (NaN without expected returns)
 * @param turnover       {@code sum |w_i - w0_i|} against the current weights (NaN when none were given)
 * @param cost           {@code sum c_i |w_i - w0_i|} (0 without a cost penalty)
 */
public record OptimalPortfolio(double[] weights, double expectedReturn, double variance, double volatility,
                               double sharpeRatio, double turnover, double cost) {

    /** Weight of asset i. */
    public double weight(int i) {
        return weights[i];
    }

    @Override
    public String toString() {
        return "OptimalPortfolio[weights=" + Arrays.toString(weights) + ", expectedReturn=" + expectedReturn
                + ", volatility=" + volatility + ", sharpeRatio=" + sharpeRatio + ", turnover=" + turnover + ", cost="
                + cost + "]";
    }
}
