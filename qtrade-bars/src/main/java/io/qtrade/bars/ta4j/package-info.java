/**
 * Runs ta4j strategies (entry and exit {@code Rule}s over ta4j's indicators) in the bar engine, on one or many
 * instruments: {@link io.qtrade.bars.ta4j.Ta4jAdapter}; {@link io.qtrade.bars.ta4j.Ta4jSeries} turns qtrade bars into
 * a ta4j {@code BarSeries}. With the ta4j convention (trade at the signal bar's close) the adapter makes exactly the
 * trades of ta4j's own {@code BarSeriesManager}.
 */
package io.qtrade.bars.ta4j;
