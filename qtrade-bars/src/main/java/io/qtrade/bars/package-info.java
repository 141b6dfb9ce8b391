/**
 * The bar engine: {@link io.qtrade.bars.BarBacktest} runs any {@link io.qtrade.core.strategy.Strategy} over bars of
 * many instruments, one slice per bar time ({@link io.qtrade.core.strategy.Strategy#onBars}), with bar orders,
 * target-weight rebalancing, costs, corporate actions and survivorship; strategies reach the bar-specific order entry
 * through {@link io.qtrade.bars.BarContext}; {@link io.qtrade.bars.BarResult} holds the tick engine's result tables
 * plus the bar-only cash flows, refusals and the benchmark. One strategy on one instrument runs in a one-series loop
 * (same results to the bit), where a {@link io.qtrade.bars.SeriesStrategy} takes each bar in place, without a slice.
 *
 * <p>Timestamps are {@code long} nanoseconds since the Unix epoch, UTC; a bar time is a bar's end time.
 */
package io.qtrade.bars;
