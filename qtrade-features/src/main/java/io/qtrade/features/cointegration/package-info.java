/**
 * Unit-root and cointegration tests and mean-reversion measures for pairs and baskets: the augmented
 * Dickey-Fuller test ({@link io.qtrade.features.cointegration.AugmentedDickeyFuller}), the Engle-Granger two-step
 * test with its hedge ratio and spread ({@link io.qtrade.features.cointegration.EngleGranger}), the Johansen
 * trace and maximum-eigenvalue tests with urca's and statsmodels' deterministic options
 * ({@link io.qtrade.features.cointegration.Johansen}, {@link io.qtrade.features.cointegration.JohansenDeterministic},
 * {@link io.qtrade.features.cointegration.JohansenTable}), the VECM of a chosen rank
 * ({@link io.qtrade.features.cointegration.Vecm}), MacKinnon p-values and
 * critical values ({@link io.qtrade.features.cointegration.MacKinnon}), the Ornstein-Uhlenbeck half-life
 * ({@link io.qtrade.features.cointegration.OrnsteinUhlenbeckHalfLife}) and a rolling z-score
 * ({@link io.qtrade.features.cointegration.RollingZScore}).
 *
 * <p>The tests follow the conventions of statsmodels 0.13.5 ({@code adfuller}, {@code coint},
 * {@code coint_johansen}, {@code VECM}) and R urca ({@code ca.jo}, {@code cajorls}) so that results can be compared
 * number for number; each class says where it differs. Series are columns ({@code double[]} per variable), the
 * dependent one first, in every estimator.
 */
package io.qtrade.features.cointegration;
