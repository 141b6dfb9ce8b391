/**
 * The {@link io.qtrade.core.strategy.Strategy} API: callbacks for books, trades, order updates, fills and timers,
 * and the {@link io.qtrade.core.strategy.StrategyContext} through which a strategy trades. Backtests, paper trading
 * and live adapters all drive strategies through these two interfaces, so a strategy never depends on the engine
 * that runs it. {@link io.qtrade.core.strategy.Timers} is the deterministic timer queue engines share.
 */
package io.qtrade.core.strategy;
