/**
 * The event-driven backtester: {@link io.qtrade.backtest.Backtest} replays market events (one or many instruments)
 * through a simulated venue per instrument and drives one or many {@link io.qtrade.core.strategy.Strategy}s on two
 * timelines: the venue acts at {@code exchTs}, strategies see data at {@code localTs}, orders travel with entry and
 * response latency. {@link io.qtrade.backtest.BacktestResult} holds orders, fills, equity series and totals as
 * Tablesaw tables. Timestamps are epoch nanoseconds, UTC.
 */
package io.qtrade.backtest;
