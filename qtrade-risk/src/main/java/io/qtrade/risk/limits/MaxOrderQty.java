package io.qtrade.risk.limits;

import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.RiskDecision;

/**
 * Rejects an order whose quantity exceeds a limit: {@code qty > maxQty} is rejected with {@link #REASON_CODE}.
 * Stateless and immutable.
 */
public final class MaxOrderQty implements PreTradeCheck {

    /** The reason code of its rejections. */
    public static final String REASON_CODE = "MAX_ORDER_QTY";

    private final double maxQty;

    /** @param maxQty the largest quantity of one order, instrument units, finite and {@code > 0} */
    public MaxOrderQty(double maxQty) {
        this.maxQty = Limits.positive("max order qty", "maxQty", maxQty);
    }

    /** The largest quantity of one order, instrument units. */
    public double maxQty() {
        return maxQty;
    }

    @Override
    public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
        if (request.qty() > maxQty) {
            return RiskDecision.reject(REASON_CODE, "qty " + request.qty() + " > limit " + maxQty + " ("
                    + request.instrument().id() + " " + request.side() + ", strategy " + strategyId + ")");
        }
        return RiskDecision.ACCEPT;
    }

    @Override
    public String toString() {
        return "MaxOrderQty[maxQty=" + maxQty + "]";
    }
}
