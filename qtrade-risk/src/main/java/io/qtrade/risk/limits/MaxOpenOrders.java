package io.qtrade.risk.limits;

import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.OrderView;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.RiskDecision;

import java.util.HashMap;

/**
 * Caps the number of a strategy's open orders (accepted and not yet terminal, all instruments), rejecting with
 * {@link #REASON_CODE}:
 * <pre>{@code
 * reject if openOrders + 1 > maxOpenOrders
 * }</pre>
 * The count is kept from the engine's hooks: accepted adds one, a terminal state (filled, cancelled, rejected by the
 * venue, expired) removes one.
 */
public final class MaxOpenOrders implements PreTradeCheck {

    /** The reason code of its rejections. */
    public static final String REASON_CODE = "MAX_OPEN_ORDERS";

    private final int maxOpenOrders;
    private final HashMap<String, int[]> open = new HashMap<>();

    /** @param maxOpenOrders the most open orders per strategy, {@code >= 1} */
    public MaxOpenOrders(int maxOpenOrders) {
        this.maxOpenOrders = Limits.positive("max open orders", "maxOpenOrders", maxOpenOrders);
    }

    /** The most open orders per strategy (the limit). */
    public int maxOpenOrders() {
        return maxOpenOrders;
    }

    /** The number of open orders of {@code strategyId} as counted from the hooks. */
    public int openOrders(String strategyId) {
        int[] n = open.get(strategyId);
        return n == null ? 0 : n[0];
    }

    @Override
    public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
        int n = openOrders(strategyId);
        if (n + 1 > maxOpenOrders) {
            return RiskDecision.reject(REASON_CODE, n + " open orders, limit " + maxOpenOrders + " (order "
                    + request.instrument().id() + " " + request.side() + ", strategy " + strategyId + ")");
        }
        return RiskDecision.ACCEPT;
    }

    @Override
    public void onOrderAccepted(String strategyId, OrderView order, long nowNanos) {
        int[] n = open.get(strategyId);
        if (n == null) {
            n = new int[1];
            open.put(strategyId, n);
        }
        n[0]++;
    }

    @Override
    public void onOrderDone(String strategyId, OrderView order, long nowNanos) {
        int[] n = open.get(strategyId);
        if (n == null || n[0] == 0) {
            throw new IllegalStateException("max open orders: order " + order.orderId() + " of strategy '"
                    + strategyId + "' ended but no open order was counted for it (hooks out of order)");
        }
        n[0]--;
    }

    @Override
    public String toString() {
        return "MaxOpenOrders[maxOpenOrders=" + maxOpenOrders + "]";
    }
}
