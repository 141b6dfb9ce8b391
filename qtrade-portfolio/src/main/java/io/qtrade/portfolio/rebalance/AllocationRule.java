package io.qtrade.portfolio.rebalance;

/**
 * Turns a window of past returns into target weights: an estimator plus an optimiser. Built with the factories of
 * {@link AllocationRules}, or any lambda. Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface AllocationRule {

    /**
     * @param window  {@code L x N} returns, the last L dates up to and including the rebalance date, not modified
     * @param current the N weights held just before the rebalance (after drift; all 0 before the first), not modified
     * @return N target weights
     */
    double[] targetWeights(double[][] window, double[] current);
}
