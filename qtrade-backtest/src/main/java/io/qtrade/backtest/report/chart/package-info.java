/**
 * Charts as inline SVG for the HTML reports: {@link io.qtrade.backtest.report.chart.XyChart} (lines, steps, areas
 * and points against UTC time or numbers), {@link io.qtrade.backtest.report.chart.BarChart} (grouped bars and
 * histograms) and {@link io.qtrade.backtest.report.chart.HeatMap} (labelled colour grids with a legend).
 *
 * <p>Written here rather than taken from a charting library because the Java ones that render SVG are GPL or LGPL
 * (JFreeChart is LGPL-2.1, JFreeSVG GPL-3.0), which an Apache-2.0 SDK cannot depend on. The output is plain SVG 1.1:
 * no script, no external font or image, every id prefixed by the chart's own id so that many charts share a page.
 */
package io.qtrade.backtest.report.chart;
