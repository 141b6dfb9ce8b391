package io.qtrade.core.margin;

import io.qtrade.core.Instrument;

/**
 * The delivery of one position in a dated future at its expiry ({@link MarginAccount#deliver}): the position is closed
 * at the delivery price, without a fee, its PnL realised and its margin released.
 *
 * <pre>{@code
 * linear:   realizedPnl = qty * m * (deliveryPrice - entryPrice)                 (settlement asset: the quote)
 * inverse:  realizedPnl = qty * m * (1 / entryPrice - 1 / deliveryPrice)         (settlement asset: the base coin)
 * releasedMargin = the isolated wallet of an isolated position (back to the cross wallet), 0 for a cross position
 * }</pre>
 * Binance, "Delivery &amp; Settlement of Quarterly Futures" (https://www.binance.com/en/support/faq/a3401595e1734084959c61491bc0dbe3):
 * quarterly contracts settle at 08:00 UTC on the expiry date at a settlement price that is the average of the price
 * index sampled every second over the last 30 minutes before delivery (1,800 values; one hour before 11 November
 * 2024); how a backtest forms that price from its {@code INDEX_PRICE} rows is the backtest's to say.
 *
 * @param instrument     the contract
 * @param mode           the position's margin mode
 * @param exchTs         venue time of the delivery (the contract's expiry), epoch nanoseconds
 * @param qty            the delivered position, signed contracts (long positive)
 * @param entryPrice     its average entry price
 * @param deliveryPrice  the delivery (settlement) price
 * @param realizedPnl    the PnL the delivery realised, settlement asset
 * @param releasedMargin the isolated margin released to the cross wallet, settlement asset (0 in cross mode)
 */
public record Delivery(Instrument instrument, MarginMode mode, long exchTs, double qty, double entryPrice,
                       double deliveryPrice, double realizedPnl, double releasedMargin) {
}
