/**
 * Performance and tail-risk metrics of a return or equity series: total and annualised return, volatility, Sharpe,
 * Sortino, Calmar, drawdown with its peak, trough and duration, win rate, profit factor, turnover, and value at risk
 * and expected shortfall (historical under any {@link io.qtrade.risk.metrics.QuantileMethod}, Gaussian,
 * Cornish-Fisher).
 *
 * <p>Every convention is explicit in {@link io.qtrade.risk.metrics.Conventions}: periods per year, the degrees of
 * freedom of the standard deviation, the risk-free rate and the minimum acceptable return per period, the VaR
 * confidence and the quantile rule. Returns are simple returns {@code p_t / p_{t-1} - 1} per period; VaR and expected
 * shortfall are positive numbers for losses. {@link io.qtrade.risk.metrics.PerformanceMetrics} computes a
 * {@link io.qtrade.risk.metrics.PerformanceSummary}; the single measures are public static methods there and in the
 * {@link io.qtrade.risk.metrics.TailRisk} implementations. Batch computations on arrays: they allocate (a sorted copy
 * for the quantiles) and never modify their inputs. Checked against numpy in {@code refcases}.
 */
package io.qtrade.risk.metrics;
