/**
 * Market-making diagnostics of a backtest: {@link io.qtrade.backtest.marketmaking.MarketMakingDiagnostics} computes,
 * from a {@link io.qtrade.backtest.BacktestResult} and the market it ran on (a
 * {@link io.qtrade.backtest.marketmaking.TouchTape}: best bid and ask over venue time), each fill's markouts at fixed
 * horizons and spread capture, the time the strategy's quotes spent at the touch, and the time-weighted inventory
 * histogram; {@link io.qtrade.backtest.marketmaking.MarketMakingSection} renders them (with a price chart showing the
 * own fills) as a {@link io.qtrade.backtest.report.ReportSection} for the HTML report. All times are epoch
 * nanoseconds; prices in the instrument's quote currency.
 */
package io.qtrade.backtest.marketmaking;
