package io.qtrade.core.margin;

/**
 * Binance's published liquidation price formulas, one-way mode.
 *
 * <p>USDⓈ-M (linear; Binance FAQ "How to Calculate Liquidation Price of USDⓈ-M Futures Contracts",
 * https://www.binance.com/en/support/faq/b3c689c1f50a44cabb3a84e663b81d93, formula as transcribed on
 * https://dev.binance.vision/t/how-to-calculate-cumb-while-calculating-liquidation-price/883):
 * <pre>{@code
 * LP = (WB - TMM1 + UPNL1 + cum - side * Q * EP) / (Q * MMR - side * Q)
 * }</pre>
 * with {@code WB} the wallet balance (the cross wallet balance, or in isolated mode the position's isolated wallet
 * balance), {@code TMM1} and {@code UPNL1} the maintenance margin and unrealised PnL of all <em>other</em> cross
 * positions (both 0 in isolated mode), {@code cum} and {@code MMR} the maintenance amount and rate of the position's
 * bracket, {@code side} +1 long / -1 short, {@code Q} the absolute position size in base units and {@code EP} its
 * entry price. It solves {@code WB - TMM1 + UPNL1 + side * Q * (LP - EP) = Q * LP * MMR - cum}: margin balance equals
 * maintenance margin at the mark price {@code LP}.
 *
 * <p>COIN-M (inverse; Binance FAQ "How to Calculate Liquidation Price of COIN-M Futures Contracts",
 * https://www.binance.com/en/support/faq/46a6d40a26e5411cb2c4a1e5dbc64a59), derived the same way with margin in the
 * base coin:
 * <pre>{@code
 * LP = (S * MMR + side * S) / (WB + cum + side * S / EP),   S = |contracts| * contract value (quote currency)
 * }</pre>
 * solving {@code WB + side * S * (1/EP - 1/LP) = S / LP * MMR - cum}.
 *
 * <p>Brackets: the MMR and cum are those of the bracket of the notional <em>at the liquidation price</em>; Binance's
 * FAQ: if the notional at the computed price falls in another bracket, recompute with that bracket. The
 * {@code *Bracketed} methods return the price of the one bracket {@code k} whose own price {@code LP_k} satisfies
 * {@code floor_k <= notional(LP_k) < cap_k}, searched outwards from the bracket of the entry notional; when no
 * bracket is consistent (a price at or below 0: the position cannot be liquidated) the entry bracket's price.
 */
public final class LiquidationPrice {

    private LiquidationPrice() {
    }

    /** Binance's USDⓈ-M formula for one bracket; isolated mode is {@code tmm1 = upnl1 = 0}, {@code wb} isolated. */
    public static double linear(double wb, double tmm1, double upnl1, double cum, int side, double qty, double entryPrice,
                                double mmr) {
        return (wb - tmm1 + upnl1 + cum - side * qty * entryPrice) / (qty * mmr - side * qty);
    }

    /** The COIN-M formula for one bracket; {@code size} = |contracts| x contract value, quote currency. */
    public static double inverse(double wb, double cum, int side, double size, double entryPrice, double mmr) {
        return (size * mmr + side * size) / (wb + cum + side * size / entryPrice);
    }

    /**
     * The isolated liquidation price of a linear position with Binance's bracket rule.
     *
     * @param wb         the isolated wallet balance, quote currency
     * @param side       +1 long, -1 short
     * @param qty        absolute size in base units (contracts x multiplier), {@code > 0}
     * @param entryPrice average entry price
     * @param brackets   the symbol's bracket table
     */
    public static double isolatedLinear(double wb, int side, double qty, double entryPrice, LeverageBrackets brackets) {
        return crossLinear(wb, 0, 0, side, qty, entryPrice, brackets);
    }

    /**
     * The cross-margin liquidation price of a linear position: {@code wb} the cross wallet balance, {@code tmm1} and
     * {@code upnl1} the maintenance margin and unrealised PnL of the other cross positions.
     */
    public static double crossLinear(double wb, double tmm1, double upnl1, int side, double qty, double entryPrice,
                                     LeverageBrackets brackets) {
        checkSide(side);
        int start = indexOf(brackets, qty * entryPrice);
        LeverageBracket b0 = brackets.get(start);
        double atEntry = linear(wb, tmm1, upnl1, b0.cum(), side, qty, entryPrice, b0.maintMarginRate());
        for (int d = 0; d < brackets.size(); d++) {
            for (int k : new int[] {start - d, start + d}) {
                if (k < 0 || k >= brackets.size() || (d == 0 && k != start)) {
                    continue;
                }
                LeverageBracket b = brackets.get(k);
                double lp = linear(wb, tmm1, upnl1, b.cum(), side, qty, entryPrice, b.maintMarginRate());
                if (lp > 0 && b.contains(qty * lp)) {
                    return lp;
                }
            }
        }
        return atEntry;
    }

    /** The isolated liquidation price of an inverse position with the bracket rule (brackets by base-coin notional). */
    public static double isolatedInverse(double wb, int side, double size, double entryPrice,
                                         LeverageBrackets brackets) {
        checkSide(side);
        int start = indexOf(brackets, size / entryPrice);
        LeverageBracket b0 = brackets.get(start);
        double atEntry = inverse(wb, b0.cum(), side, size, entryPrice, b0.maintMarginRate());
        for (int d = 0; d < brackets.size(); d++) {
            for (int k : new int[] {start - d, start + d}) {
                if (k < 0 || k >= brackets.size() || (d == 0 && k != start)) {
                    continue;
                }
                LeverageBracket b = brackets.get(k);
                double lp = inverse(wb, b.cum(), side, size, entryPrice, b.maintMarginRate());
                if (lp > 0 && b.contains(size / lp)) {
                    return lp;
                }
            }
        }
        return atEntry;
    }

    private static int indexOf(LeverageBrackets brackets, double notional) {
        LeverageBracket b = brackets.forNotional(notional);
        for (int i = 0; i < brackets.size(); i++) {
            if (brackets.get(i) == b) {
                return i;
            }
        }
        throw new IllegalStateException("bracket not in its table");
    }

    private static void checkSide(int side) {
        if (side != 1 && side != -1) {
            throw new IllegalArgumentException("liquidation price: side must be +1 (long) or -1 (short), was " + side);
        }
    }
}
