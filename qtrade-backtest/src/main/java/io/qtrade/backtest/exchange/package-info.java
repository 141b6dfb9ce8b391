/**
 * The simulated exchange: one {@link io.qtrade.backtest.exchange.SimulatedExchange} per instrument keeps the
 * market book at venue time ({@code exchTs}), the strategies' resting orders with their queue positions, and
 * matches: resting orders fill from trades and from the market moving through them, arriving orders cross the
 * visible book level by level. {@link io.qtrade.backtest.exchange.ExchangeSettings} gathers an instrument's latency,
 * queue and fee models; results go out through an {@link io.qtrade.backtest.exchange.ExecutionSink}.
 */
package io.qtrade.backtest.exchange;
