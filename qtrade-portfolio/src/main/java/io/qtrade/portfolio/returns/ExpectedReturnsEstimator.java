package io.qtrade.portfolio.returns;

/**
 * Estimates a vector of N expected returns per period from a {@code T x N} return matrix (rows are dates, oldest
 * first). Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface ExpectedReturnsEstimator {

    /**
     * @param returns {@code T x N} simple returns, not modified
     * @return a new vector of N expected returns, in the returns' units (per period)
     */
    double[] estimate(double[][] returns);
}
