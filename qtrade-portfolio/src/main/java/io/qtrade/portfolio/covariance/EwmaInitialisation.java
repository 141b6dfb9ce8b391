package io.qtrade.portfolio.covariance;

/** How an {@link EwmaCovariance} starts its recursion. */
public enum EwmaInitialisation {
    /**
     * Seed with the zero-mean average outer product of the first m returns, {@code Sigma_m = 1/m sum_{t<=m} r_t r_t'},
     * then {@code Sigma_t = lambda Sigma_{t-1} + (1 - lambda) r_t r_t'} for t = m+1..T (RiskMetrics 1996 recursion).
     */
    SEEDED_RECURSIVE,
    /**
     * No seed: the finite-window weights normalised to sum to one,
     * {@code Sigma = sum_{i=0..T-1} (1 - lambda) lambda^i / (1 - lambda^T) r_{T-i} r_{T-i}'}.
     */
    NORMALISED_WEIGHTS
}
