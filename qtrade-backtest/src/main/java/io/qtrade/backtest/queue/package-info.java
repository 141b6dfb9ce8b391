/**
 * Queue position models: where a simulated resting order stands in the venue's FIFO queue at its price level, and
 * how that estimate moves when the level's quantity changes. {@link io.qtrade.backtest.queue.RiskAverseQueue} and
 * {@link io.qtrade.backtest.queue.ProbabilisticQueue} estimate it from aggregated (L2) depth;
 * {@link io.qtrade.backtest.queue.FifoQueue} marks an instrument whose market-by-order (L3) feed gives it exactly.
 */
package io.qtrade.backtest.queue;
