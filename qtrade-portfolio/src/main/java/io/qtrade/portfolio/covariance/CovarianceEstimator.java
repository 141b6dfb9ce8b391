package io.qtrade.portfolio.covariance;

/**
 * Estimates an {@code N x N} covariance matrix from a {@code T x N} return matrix (rows are dates, oldest first), in
 * the returns' own units (per period squared). Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface CovarianceEstimator {

    /**
     * @param returns {@code T x N} simple returns, not modified
     * @return a new symmetric {@code N x N} matrix
     */
    double[][] estimate(double[][] returns);
}
