/**
 * Bar orders and the intrabar fill rules: {@link io.qtrade.bars.order.BarOrder} (market on open or close, limit,
 * stop, stop-limit, take-profit, trailing stop), {@link io.qtrade.bars.order.Bracket} (an entry with an OCO
 * stop-loss and take-profit), {@link io.qtrade.bars.order.Rebalance} (target weights or quantities) and
 * {@link io.qtrade.bars.order.IntrabarRules}, which decides from a bar's open, high and low whether and at what
 * price a working order fills. A bar does not say in which order its high and low traded, so the rules are
 * conservative: see {@link io.qtrade.bars.order.IntrabarRules}.
 */
package io.qtrade.bars.order;
