package io.qtrade.risk.metrics;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Parametric (variance-covariance) value at risk and expected shortfall under a normal distribution fitted by its
 * sample mean and standard deviation.
 *
 * <pre>{@code
 * z     = Phi^{-1}(1 - a)                         (negative for a > 1/2)
 * VaR_a = -(mu + sigma z)
 * ES_a  = -mu + sigma phi(z) / (1 - a)
 * mu = mean(r),  sigma = std(r, ddof)
 * }</pre>
 *
 * <p>Reference: P. Jorion (2006), <i>Value at Risk</i>, 3rd ed., ch. 5; the ES closed form is the normal tail mean
 * {@code E[X | X <= mu + sigma z] = mu - sigma phi(z) / (1 - a)} (e.g. McNeil, Frey and Embrechts (2015),
 * <i>Quantitative Risk Management</i>, example 2.14). Normal quantile and density from commons-math3.
 */
public final class GaussianVar implements TailRisk {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0.0, 1.0);

    private final double confidence;
    private final int ddof;

    /**
     * A Gaussian estimator.
     *
     * @param confidence the confidence level, in (0, 1)
     * @param ddof       delta degrees of freedom of sigma: 1 (sample) or 0 (population)
     */
    public GaussianVar(double confidence, int ddof) {
        this.confidence = TailRisk.requireConfidence(confidence);
        if (ddof != 0 && ddof != 1) {
            throw new IllegalArgumentException("ddof = " + ddof + ", expected 0 or 1");
        }
        this.ddof = ddof;
    }

    @Override
    public double confidence() {
        return confidence;
    }

    /** The ddof of sigma. */
    public int ddof() {
        return ddof;
    }

    @Override
    public double valueAtRisk(double[] returns) {
        double mu = PerformanceMetrics.mean(returns);
        double sigma = PerformanceMetrics.std(returns, ddof);
        return -(mu + sigma * STANDARD_NORMAL.inverseCumulativeProbability(1.0 - confidence));
    }

    @Override
    public double expectedShortfall(double[] returns) {
        double mu = PerformanceMetrics.mean(returns);
        double sigma = PerformanceMetrics.std(returns, ddof);
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1.0 - confidence);
        return -mu + sigma * STANDARD_NORMAL.density(z) / (1.0 - confidence);
    }

    @Override
    public String toString() {
        return "GaussianVar[confidence=" + confidence + ", ddof=" + ddof + "]";
    }
}
