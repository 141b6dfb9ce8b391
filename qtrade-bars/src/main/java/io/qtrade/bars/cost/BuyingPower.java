package io.qtrade.bars.cost;

/**
 * The leverage limit checked before each fill; a fill beyond it is rejected with the reason (the order is
 * rejected, the strategy told through {@code onOrderUpdate}):
 * <pre>{@code
 * gross_after  = sum_i |qty_i after the fill| * price_i * m_i     (price: the fill price for the filled instrument,
 *                                                                  the latest close for the others)
 * equity_after = equity - fee
 * reject when   gross_after > maxGrossLeverage * equity_after  and the fill increases the gross exposure
 * reject when   !allowShort and the fill leaves a negative position
 * }</pre>
 * A fill that reduces gross exposure is never rejected, so a strategy can always close.
 *
 * @param maxGrossLeverage gross exposure allowed as a multiple of equity, {@code > 0} (infinite: no limit)
 * @param allowShort       whether positions may go negative
 */
public record BuyingPower(double maxGrossLeverage, boolean allowShort) {

    /** No limit, shorts allowed. */
    public static final BuyingPower UNLIMITED = new BuyingPower(Double.POSITIVE_INFINITY, true);
    /** A cash account: gross exposure at most equity, no shorts. */
    public static final BuyingPower CASH_ACCOUNT = new BuyingPower(1.0, false);

    public BuyingPower {
        if (!(maxGrossLeverage > 0)) {
            throw new IllegalArgumentException("buying power: maxGrossLeverage must be > 0, was " + maxGrossLeverage);
        }
    }

    /** A margin account: gross exposure up to {@code leverage} times equity, shorts allowed (Reg T: 2). */
    public static BuyingPower margin(double leverage) {
        return new BuyingPower(leverage, true);
    }
}
