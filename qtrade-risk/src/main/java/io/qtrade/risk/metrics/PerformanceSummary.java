package io.qtrade.risk.metrics;

/**
 * The performance of one return series under a set of {@link Conventions}; see
 * {@link PerformanceMetrics#ofReturns(double[], Conventions)} for every formula. Returns, volatilities, VaR and ES
 * are fractions (0.01 = 1 %); VaR and ES are per period and positive for losses. A ratio whose denominator is 0 is
 * NaN (a flat series has no Sharpe ratio), never infinite.
 *
 * @param conventions              the conventions used
 * @param periods                  number of returns n
 * @param totalReturn              {@code prod(1 + r) - 1}
 * @param annualisedReturn         {@code (1 + total)^(periodsPerYear / n) - 1}
 * @param meanReturn               arithmetic mean per period
 * @param volatility               {@code std(r, ddof)} per period
 * @param annualisedVolatility     {@code volatility * sqrt(periodsPerYear)}
 * @param sharpe                   annualised Sharpe ratio of the excess over the risk-free return
 * @param sortino                  annualised Sortino ratio, downside deviation over all n periods
 * @param sortinoNegativeOnly      annualised Sortino variant: std (ddof 1) of the below-MAR excess returns only
 * @param downsideDeviation        {@code sqrt(sum min(r - mar, 0)^2 / n)} per period
 * @param calmar                   {@code annualisedReturn / drawdown.maxDrawdown}
 * @param drawdown                 compounded drawdown, wealth from 1
 * @param skewness                 population skewness {@code m3 / m2^1.5}
 * @param excessKurtosis           population excess kurtosis {@code m4 / m2^2 - 3}
 * @param winRate                  {@code count(r > 0) / count(r != 0)}
 * @param profitFactor             {@code sum(r > 0) / -sum(r < 0)}
 * @param historicalVar            historical VaR at the conventions' confidence and quantile rule
 * @param historicalEs             mean loss at or below that quantile
 * @param gaussianVar              normal VaR with {@code std(r, ddof)}
 * @param gaussianEs               normal ES
 * @param cornishFisherVar         modified VaR
 * @param cornishFisherEs          modified ES
 */
public record PerformanceSummary(Conventions conventions, int periods, double totalReturn, double annualisedReturn,
                                 double meanReturn, double volatility, double annualisedVolatility, double sharpe,
                                 double sortino, double sortinoNegativeOnly, double downsideDeviation, double calmar,
                                 Drawdown drawdown, double skewness, double excessKurtosis, double winRate,
                                 double profitFactor, double historicalVar, double historicalEs, double gaussianVar,
                                 double gaussianEs, double cornishFisherVar, double cornishFisherEs) {
}
