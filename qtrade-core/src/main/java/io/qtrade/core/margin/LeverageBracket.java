package io.qtrade.core.margin;

/**
 * One tier of a leverage bracket table, as Binance publishes it ({@code GET /fapi/v1/leverageBracket}: fields
 * {@code bracket}, {@code notionalFloor}, {@code notionalCap}, {@code maintMarginRatio}, {@code cum},
 * {@code initialLeverage}; https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Notional-and-Leverage-Brackets).
 *
 * <p>A position whose notional (settlement asset: quote for linear, base coin for inverse contracts) lies in
 * {@code floor <= notional < cap} has
 * <pre>{@code
 * maintenance margin = notional * maintMarginRate - cum            (Binance FAQ "How to Calculate Liquidation Price
 *                                                                    of USDⓈ-M Futures Contracts")
 * initial margin     = notional / leverage,  leverage <= maxLeverage
 * cum_n = floor_n * (mmr_n - mmr_{n-1}) + cum_{n-1},   cum_1 = 0     (the "maintenance amount", same FAQ)
 * }</pre>
 *
 * @param bracket         the tier's number, 1 for the lowest
 * @param floor           lowest notional of the tier (inclusive), {@code >= 0}
 * @param cap             notional the tier ends at (exclusive), {@code > floor}
 * @param maintMarginRate maintenance margin rate (MMR), a fraction in {@code [0, 1)}
 * @param cum             maintenance amount, settlement asset
 * @param maxLeverage     the highest leverage allowed in the tier, {@code >= 1}
 */
public record LeverageBracket(int bracket, double floor, double cap, double maintMarginRate, double cum,
                              double maxLeverage) {

    public LeverageBracket {
        if (!(floor >= 0) || !(cap > floor)) {
            throw new IllegalArgumentException("leverage bracket " + bracket + ": need 0 <= floor < cap, was floor "
                    + floor + ", cap " + cap);
        }
        if (!(maintMarginRate >= 0 && maintMarginRate < 1)) {
            throw new IllegalArgumentException("leverage bracket " + bracket + ": maintMarginRate must be in [0, 1), was "
                    + maintMarginRate);
        }
        if (!Double.isFinite(cum)) {
            throw new IllegalArgumentException("leverage bracket " + bracket + ": cum must be finite, was " + cum);
        }
        if (!(maxLeverage >= 1) || Double.isInfinite(maxLeverage)) {
            throw new IllegalArgumentException("leverage bracket " + bracket + ": maxLeverage must be finite and >= 1,"
                    + " was " + maxLeverage);
        }
    }

    /** Whether {@code floor <= notional < cap}. */
    public boolean contains(double notional) {
        return notional >= floor && notional < cap;
    }

    /** {@code notional * maintMarginRate - cum}. */
    public double maintenanceMargin(double notional) {
        return notional * maintMarginRate - cum;
    }
}
