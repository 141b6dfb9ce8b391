/**
 * Paper trading: the unchanged backtest engine and simulated exchange driven by a live feed on the wall clock.
 * {@link io.qtrade.connectors.paper.PaperTrading} is built like a {@code Backtest} (strategies, exchange settings, a
 * risk gate) over a {@link io.qtrade.connectors.live.LiveEventSource} that the live clients feed; the same
 * {@code Strategy} object runs in a backtest, in paper trading and live. A lost feed connection engages the kill
 * switch, which cancels every simulated open order.
 *
 * <p>Timestamps are {@code long} epoch nanoseconds UTC; durations carry their unit in their name.
 */
package io.qtrade.connectors.paper;
