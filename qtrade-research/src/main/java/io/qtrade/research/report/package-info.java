/**
 * Research results in the backtest's HTML report: {@link io.qtrade.research.report.SweepHeatMap} draws a
 * two-parameter sweep's ranking metric as a heat map (inline SVG), and {@link io.qtrade.research.report.ResearchReport}
 * turns a sweep, a walk-forward run and a Monte Carlo into {@link io.qtrade.backtest.report.ReportSection}s for
 * {@link io.qtrade.backtest.report.ReportOptions.Builder#section(io.qtrade.backtest.report.ReportSection)}.
 */
package io.qtrade.research.report;
