/**
 * Expected-return estimators over a {@code T x N} return matrix: {@link io.qtrade.portfolio.returns.HistoricalMean},
 * {@link io.qtrade.portfolio.returns.EwmaMean}, {@link io.qtrade.portfolio.returns.CapmReturns} and
 * {@link io.qtrade.portfolio.returns.GivenReturns}.
 */
package io.qtrade.portfolio.returns;
