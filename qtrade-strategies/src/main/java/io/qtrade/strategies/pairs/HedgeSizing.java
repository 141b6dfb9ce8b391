package io.qtrade.strategies.pairs;

/**
 * How the two legs of a pair position are sized, for a y-leg notional {@code N} at entry prices {@code p_y, p_x}
 * and hedge ratio {@code beta} (quantities rounded down to whole lots):
 * <pre>{@code
 * DOLLAR_NEUTRAL: q_y = N / p_y,  q_x = q_y p_y / p_x      equal notional legs (x matches y's rounded notional)
 * BETA_NEUTRAL:   q_y = N / p_y,  q_x = |beta| * q_y       the spread y - beta x is held exactly
 * }</pre>
 * The x leg trades against y when {@code beta > 0} (sell x while long y) and with it when {@code beta < 0}.
 */
public enum HedgeSizing {
    /** Equal notional on both legs. */
    DOLLAR_NEUTRAL,
    /** x quantity = beta times y quantity. */
    BETA_NEUTRAL;

    /**
     * The x-leg quantity (unsigned, before lot rounding) for a y-leg quantity {@code qtyY}.
     *
     * @param qtyY  y-leg quantity, instrument units
     * @param notionalY y-leg notional {@code q_y p_y}, quote currency
     * @param priceX x price
     * @param beta  hedge ratio
     */
    public double qtyX(double qtyY, double notionalY, double priceX, double beta) {
        return this == DOLLAR_NEUTRAL ? notionalY / priceX : Math.abs(beta) * qtyY;
    }
}
