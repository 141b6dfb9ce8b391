/**
 * Unit-root and cointegration tests and mean-reversion measures for pairs and baskets: the augmented
 * Dickey-Fuller test ({@link io.qtrade.features.cointegration.AugmentedDickeyFuller}), the Engle-Granger two-step
 * test with its hedge ratio and spread ({@link io.qtrade.features.cointegration.EngleGranger}), the Johansen
 * trace and maximum-eigenvalue tests ({@link io.qtrade.features.cointegration.Johansen}), MacKinnon p-values and
 * critical values ({@link io.qtrade.features.cointegration.MacKinnon}), the Ornstein-Uhlenbeck half-life
 * ({@link io.qtrade.features.cointegration.OrnsteinUhlenbeckHalfLife}) and a rolling z-score
 * ({@link io.qtrade.features.cointegration.RollingZScore}).
 *
 * <p>The tests follow the conventions of statsmodels 0.13.5 ({@code adfuller}, {@code coint},
 * {@code coint_johansen}) so that results can be compared number for number; each class says where it differs.
 */
package io.qtrade.features.cointegration;
