/**
 * Order latency models: how long a strategy's request takes to reach the venue (entry latency) and how long the
 * venue's response takes to come back (response latency), each a {@link io.qtrade.backtest.latency.LatencyModel}.
 * Feed latency is not modelled here: it is each market event's {@code localTs - exchTs}. All times are epoch
 * nanoseconds; durations end in {@code Nanos}.
 */
package io.qtrade.backtest.latency;
