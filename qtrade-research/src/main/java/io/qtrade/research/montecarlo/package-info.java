/**
 * Monte Carlo of backtest results: i.i.d. and stationary block bootstrap of trade PnLs or returns, the
 * distributions and confidence intervals of final PnL, Sharpe ratio and maximum drawdown, and the probabilistic and
 * deflated Sharpe ratios that account for the length of the sample, its skew and kurtosis and the number of parameter
 * sets tried.
 */
package io.qtrade.research.montecarlo;
