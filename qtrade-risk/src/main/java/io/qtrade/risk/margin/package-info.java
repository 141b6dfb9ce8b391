/**
 * Risk limits for derivatives on margin: {@link io.qtrade.risk.margin.MaxLeverage} (gross notional over equity),
 * {@link io.qtrade.risk.margin.MaxMarginUsage} (maintenance margin over equity, Binance's margin ratio, from leverage
 * brackets) and the {@link io.qtrade.risk.margin.MarginRatioBreaker}, which stops a strategy (or reduces its positions
 * with reduce-only market orders) before the venue would liquidate it.
 */
package io.qtrade.risk.margin;
