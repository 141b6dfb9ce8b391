package io.qtrade.backtest.fill;

/**
 * Whether a trade print at a price worse than a resting order (a sell print below a resting buy, a buy print above a
 * resting sell: the market traded through the order) fills it. When it does, the order fills from the print's
 * quantity (the exchange's rule 4); when it does not, the print leaves the order as it was.
 *
 * <p>{@link #ANY_PRINT} (the default) fills on every print at least one tick through, as hftbacktest's exchanges do;
 * {@link PenetrationFill} asks for a deeper print and fills with a probability, the conservative choice for data where
 * a print one tick through may not have reached the order (hidden liquidity, prints from another venue, stale
 * depth).
 */
public interface TradeThroughFill {

    /** Every print at least one tick through the order's price fills it (qtrade's rule 4, hftbacktest's). */
    TradeThroughFill ANY_PRINT = new TradeThroughFill() {
        @Override
        public boolean fills(long orderId, long ticksThrough, long exchTs) {
            return true;
        }

        @Override
        public String toString() {
            return "TradeThroughFill.ANY_PRINT";
        }
    };

    /**
     * Whether this print fills the order. Must be a pure function of its arguments (so that a backtest stays
     * bit-reproducible) and allocate nothing.
     *
     * @param orderId      the resting order's id
     * @param ticksThrough how many ticks the print is through the order's price, {@code >= 1}
     * @param exchTs       the print's venue time, epoch nanoseconds
     */
    boolean fills(long orderId, long ticksThrough, long exchTs);
}
