package io.qtrade.bars.cost;

/**
 * The borrow fee of short positions, accrued between bar times on the short market value (actual/365):
 * <pre>{@code
 * fee = annualRateBps / 10_000 * |qty * close * multiplier| * days / 365      for qty < 0, debited from cash
 * days = (t - t_prev) / 86_400 s
 * }</pre>
 *
 * @param annualRateBps annual borrow rate, basis points, {@code >= 0}
 */
public record ShortBorrow(double annualRateBps) {

    /** No borrow fee. */
    public static final ShortBorrow NONE = new ShortBorrow(0.0);

    public ShortBorrow {
        Costs.requireNonNegative("short borrow", "annualRateBps", annualRateBps);
    }

    /** The fee for holding {@code shortMarketValue} (its absolute value is used) for {@code days}. */
    public double fee(double shortMarketValue, double days) {
        return annualRateBps * 1e-4 * Math.abs(shortMarketValue) * days / 365.0;
    }
}
