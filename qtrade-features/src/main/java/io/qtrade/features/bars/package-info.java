/**
 * Bars from trades: time, tick, volume and dollar bars ({@link io.qtrade.features.bars.BarSpec},
 * {@link io.qtrade.features.bars.BarAggregator}) into a columnar {@link io.qtrade.features.bars.OhlcvBars}, which
 * converts to a ta4j {@code BarSeries} (so that ta4j's indicators run on qtrade data) and to a Tablesaw
 * {@code Table}.
 *
 * <p>Timestamps are epoch nanoseconds, UTC ({@code exchTs} of the trades). Streaming aggregation is {@code O(1)} per
 * trade; the batch forms over arrays and tables give the same bars.
 */
package io.qtrade.features.bars;
