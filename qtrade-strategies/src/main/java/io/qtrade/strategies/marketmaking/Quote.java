package io.qtrade.strategies.marketmaking;

/**
 * An unrounded two-sided quote from a {@link QuoteModel}: prices in quote currency per unit, before tick rounding
 * and the controls of {@link MarketMaker}. A side the model does not quote is {@link QuoteModel#NO_QUOTE}
 * ({@code NaN}).
 *
 * @param mid              the reference price {@code s} the quote was computed at
 * @param reservationPrice the model's indifference price {@code r}
 * @param bid              the bid price {@code s - bidDepth}, NaN when no bid
 * @param ask              the ask price {@code s + askDepth}, NaN when no ask
 */
public record Quote(double mid, double reservationPrice, double bid, double ask) {

    /** {@code mid - bid}, NaN when no bid. */
    public double bidDepth() {
        return mid - bid;
    }

    /** {@code ask - mid}, NaN when no ask. */
    public double askDepth() {
        return ask - mid;
    }

    /** {@code ask - bid}, NaN when a side is off. */
    public double spread() {
        return ask - bid;
    }

    /** Whether the model quotes a bid. */
    public boolean hasBid() {
        return bid == bid;
    }

    /** Whether the model quotes an ask. */
    public boolean hasAsk() {
        return ask == ask;
    }
}
