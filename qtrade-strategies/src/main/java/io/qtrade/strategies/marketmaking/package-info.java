/**
 * Market making: the quote models of Avellaneda and Stoikov (2008) ({@link
 * io.qtrade.strategies.marketmaking.AvellanedaStoikov}) and of Gueant, Lehalle and Fernandez-Tapia (2013) with
 * inventory bounds ({@link io.qtrade.strategies.marketmaking.GueantLehalleFernandezTapia}) as pure functions behind
 * {@link io.qtrade.strategies.marketmaking.QuoteModel}; the horizon modes ({@link
 * io.qtrade.strategies.marketmaking.FiniteHorizon}, {@link io.qtrade.strategies.marketmaking.RollingHorizon}); the
 * online fit of the fill intensity {@code A exp(-k delta)} ({@link
 * io.qtrade.strategies.marketmaking.TradeIntensityEstimator}); and the strategy that quotes with them under desk
 * controls ({@link io.qtrade.strategies.marketmaking.MarketMaker}: tick rounding, never crossing the touch, requote
 * threshold, order size, inventory limit, OFI skew, pause on a crossed, one-sided or stale book).
 *
 * <p>Units: prices in quote currency per unit of the instrument; inventory {@code q} in orders (position divided by
 * the order size); sigma in price units per sqrt(second); {@code tau} in seconds; {@code A} per second and per side,
 * {@code k} per price unit; timestamps epoch nanoseconds, UTC.
 */
package io.qtrade.strategies.marketmaking;
