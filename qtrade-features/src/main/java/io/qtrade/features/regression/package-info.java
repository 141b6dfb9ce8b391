/**
 * Linear regression shared by the features: ordinary least squares with ordinary (homoskedastic) and
 * Newey-West (heteroskedasticity and autocorrelation consistent, Bartlett kernel) standard errors.
 *
 * <p>{@link io.qtrade.features.regression.OrdinaryLeastSquares} fits; {@link io.qtrade.features.regression.OlsFit}
 * holds the coefficients, residuals and the covariance estimators. The numbers match statsmodels' {@code OLS}
 * ({@code cov_type="nonrobust"} and {@code cov_type="HAC"} without the small-sample factor).
 */
package io.qtrade.features.regression;
