/**
 * Volatility: realized measures from intraday prices (realized variance, bipower variation, subsampled RV, with
 * previous-tick sampling on a time grid), the HAR-RV model (levels and both log forms), GARCH(1,1) by maximum
 * likelihood (estimated, zero or fixed mean; fGarch and tseries likelihood conventions), GJR-GARCH and EGARCH(1,1)
 * ({@link io.qtrade.features.volatility.AsymmetricGarch11}) and EWMA
 * (RiskMetrics) volatility.
 *
 * <p>Timestamps are {@code long} epoch nanoseconds, UTC. Returns are log returns unless a class says otherwise.
 * Every variance is per period (per session, per day, per return interval) unless its name says
 * {@code Annualised}; {@link io.qtrade.features.volatility.Annualisation} converts, with the periods per year always
 * given by the caller. Streaming forms ({@link io.qtrade.features.volatility.RealizedVarianceOnGrid},
 * {@link io.qtrade.features.volatility.SubsampledRealizedVarianceOnGrid},
 * {@link io.qtrade.features.volatility.HarRvComponents}, {@link io.qtrade.features.volatility.Garch11Filter},
 * {@link io.qtrade.features.volatility.EwmaVolatility}) are O(1) and allocation-free per update and give the same
 * numbers as the batch forms.
 */
package io.qtrade.features.volatility;
