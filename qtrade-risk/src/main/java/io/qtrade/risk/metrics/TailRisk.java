package io.qtrade.risk.metrics;

/**
 * A value-at-risk and expected-shortfall estimator at one confidence level. Both are per-period returns reported as
 * positive numbers for losses: {@code VaR_a = -Q_{1-a}(r)}, {@code ES_a = -E[r | r <= Q_{1-a}(r)]}, with the quantile
 * and the tail mean estimated the implementation's way.
 */
public interface TailRisk {

    /** The confidence level {@code a}, in (0, 1). */
    double confidence();

    /**
     * The value at risk of a return sample.
     *
     * @param returns per-period returns, finite, at least one (not modified)
     */
    double valueAtRisk(double[] returns);

    /**
     * The expected shortfall (conditional VaR) of a return sample.
     *
     * @param returns per-period returns, finite, at least one (not modified)
     */
    double expectedShortfall(double[] returns);

    /** Checks a confidence level. */
    static double requireConfidence(double confidence) {
        if (!(confidence > 0.0 && confidence < 1.0)) {
            throw new IllegalArgumentException("confidence = " + confidence + ", expected in (0, 1)");
        }
        return confidence;
    }
}
