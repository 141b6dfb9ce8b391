/**
 * Queue position models: where a simulated resting order stands in the venue's FIFO queue at its price level, and
 * how that estimate moves when the level's quantity changes. {@link io.qtrade.backtest.queue.RiskAverseQueue} and
 * {@link io.qtrade.backtest.queue.ProbabilisticQueue} estimate it from aggregated (L2) depth;
 * {@link io.qtrade.backtest.queue.FifoQueue} marks an instrument whose market-by-order (L3) feed gives it exactly;
 * {@link io.qtrade.backtest.queue.L3ArrivalQueue} one whose depth rows come with the level's own L3 messages (orders
 * resting before the data starts count as ahead). The accuracy of each against exact FIFO on real L3 data is measured
 * in {@code io.qtrade.backtest.queue.study}.
 */
package io.qtrade.backtest.queue;
