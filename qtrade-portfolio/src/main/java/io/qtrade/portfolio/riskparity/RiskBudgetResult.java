package io.qtrade.portfolio.riskparity;

/**
 * A risk-budgeting portfolio.
 *
 * @param unnormalised  Spinu's x* (before dividing by its sum)
 * @param risk          the weights {@code w = x* / sum(x*)} and their risk contributions
 * @param iterations    Newton iterations used
 * @param gradientNorm  {@code max_i |(Sigma x)_i - b_i/x_i|} at x*
 */
public record RiskBudgetResult(double[] unnormalised, RiskContributions risk, int iterations, double gradientNorm) {

    /** The weights. */
    public double[] weights() {
        return risk.weights();
    }
}
