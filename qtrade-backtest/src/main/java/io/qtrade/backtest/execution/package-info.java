/**
 * Execution quality of a backtest's orders and fills: slippage against the arrival mid, the interval VWAP of the
 * market's trades and the TWAP of the mid, in basis points signed so that a positive number is a cost, and Perold's
 * implementation shortfall with its delay, trading, fee and opportunity-cost parts.
 *
 * <p>{@link io.qtrade.backtest.execution.MarketTape} holds the market's mid and trades over time (replayed from any
 * {@link io.qtrade.core.market.EventSource}, by venue time {@code exchTs}, epoch nanoseconds);
 * {@link io.qtrade.backtest.execution.ExecutionQuality#of} measures every order of a
 * {@link io.qtrade.backtest.BacktestResult} against it, and
 * {@link io.qtrade.backtest.execution.ExecutionQuality#measure} one hand-built
 * {@link io.qtrade.backtest.execution.ParentOrder}. Batch analysis after a run: it allocates freely.
 */
package io.qtrade.backtest.execution;
