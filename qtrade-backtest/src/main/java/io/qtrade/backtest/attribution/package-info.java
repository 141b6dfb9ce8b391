/**
 * PnL attribution of a backtest: by strategy, by instrument and by UTC hour of the day, each split into trading PnL
 * (gross: realized plus unrealized), fees paid, rebates received and net PnL, reconciling with the result's
 * {@code totals} table. {@link io.qtrade.backtest.attribution.PnlAttribution#of} reads a
 * {@link io.qtrade.backtest.BacktestResult} through its public tables and records.
 */
package io.qtrade.backtest.attribution;
