/**
 * The backtest report: {@link io.qtrade.backtest.report.HtmlReport} writes one self-contained HTML file (inline SVG
 * charts drawn by {@link io.qtrade.backtest.report.chart}, inline CSS, no script or font from the network) with the
 * summary metrics per strategy, the equity curve, drawdown, inventory over time, PnL attribution and execution
 * quality. {@link io.qtrade.backtest.report.EquityCurve} is a strategy's equity from the result's equity table,
 * resampled to a regular grid for the return-based metrics of {@link io.qtrade.risk.metrics}.
 */
package io.qtrade.backtest.report;
