/**
 * Fill-probability rules that sit beside the queue model: {@link io.qtrade.backtest.fill.TradeThroughFill} decides
 * whether a print at a price worse than a resting order (a trade through it) fills the order;
 * {@link io.qtrade.backtest.fill.PenetrationFill} asks the print to be a number of ticks through and fills with a
 * seeded probability. Chosen per instrument in {@link io.qtrade.backtest.exchange.ExchangeSettings}.
 */
package io.qtrade.backtest.fill;
