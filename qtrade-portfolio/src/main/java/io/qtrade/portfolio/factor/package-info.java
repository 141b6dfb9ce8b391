/**
 * Alphalens-style factor research: {@link io.qtrade.portfolio.factor.FactorAnalysis} (IC per date, decay, quantile
 * returns and turnover, rank autocorrelation) over {@link io.qtrade.portfolio.factor.FactorData} (Tablesaw in), and
 * {@link io.qtrade.portfolio.factor.FactorTearSheet} (Tablesaw out and a section of the backtest HTML report).
 */
package io.qtrade.portfolio.factor;
