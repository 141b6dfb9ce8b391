/**
 * Bars built from ticks: {@link io.qtrade.bars.ticks.TickBars} runs the features module's
 * {@link io.qtrade.features.bars.BarAggregator} over the trades of any {@link io.qtrade.core.market.EventSource} (the
 * tick store, an importer, the synthetic market) and hands the bar engine a {@link io.qtrade.core.bar.BarSource}.
 */
package io.qtrade.bars.ticks;
