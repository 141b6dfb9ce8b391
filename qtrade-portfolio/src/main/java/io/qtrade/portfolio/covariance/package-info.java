/**
 * Covariance estimators over a {@code T x N} return matrix (rows are dates): {@link
 * io.qtrade.portfolio.covariance.SampleCovariance} (ddof 1), {@link io.qtrade.portfolio.covariance.LedoitWolf}
 * (sklearn's shrinkage to a scaled identity), {@link io.qtrade.portfolio.covariance.EwmaCovariance} (RiskMetrics) and
 * {@link io.qtrade.portfolio.covariance.FactorModelCovariance} (PCA factors plus diagonal specific risk).
 */
package io.qtrade.portfolio.covariance;
