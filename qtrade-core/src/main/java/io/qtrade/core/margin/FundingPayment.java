package io.qtrade.core.margin;

import io.qtrade.core.Instrument;

/**
 * One funding settlement of one position (Binance FAQ "Introduction to Binance Futures Funding Rates",
 * https://www.binance.com/en/support/faq/360033525031: "Funding Amount = Nominal Value of Positions x Funding
 * Rate", nominal value = mark price x position size; a positive rate: longs pay shorts):
 * <pre>{@code
 * linear:   paid = qty * m * markPrice * rate          (quote currency)
 * inverse:  paid = qty * m / markPrice * rate          (base coin; m = contract value in quote)
 * income = -paid                                       (Binance's FUNDING_FEE income sign)
 * }</pre>
 * with {@code qty} the signed position (long positive) held at the funding time.
 *
 * @param instrument  the contract
 * @param fundingTime the funding time, epoch nanoseconds
 * @param qty         the signed position at the funding time, contracts
 * @param markPrice   the mark price at the funding time
 * @param rate        the funding rate, a fraction per interval
 * @param paid        what the account paid, settlement asset (negative: received)
 */
public record FundingPayment(Instrument instrument, long fundingTime, double qty, double markPrice, double rate,
                             double paid) {

    /** {@code -paid}: the account's funding income. */
    public double income() {
        return -paid;
    }

    /** The formula above for {@code instrument}'s kind. */
    public static double paid(Instrument instrument, double qty, double markPrice, double rate) {
        return instrument.settlementNotional(markPrice, qty) * rate;
    }
}
