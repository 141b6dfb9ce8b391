package io.qtrade.risk.limits;

import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.OrderView;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.RiskDecision;

/**
 * A token bucket on the engine's clock, shared by every strategy behind the gate (one session to the venue),
 * rejecting with {@link #REASON_CODE} when empty:
 * <pre>{@code
 * tokens(t) = min(burst, tokens(t0) + (t - t0) * ordersPerSecond / 1e9)     refilled continuously from the last send t0
 * reject if tokens(t) < 1;  an accepted order takes one token
 * }</pre>
 * (the generic cell rate algorithm in its token form; Turner, "New directions in communications", IEEE Comm. Mag.
 * 1986). The bucket starts full. Tokens are only taken when the whole gate accepted the order
 * ({@link #onOrderAccepted}); orders the engine sends to flatten a stopped strategy take one too (they use the same
 * session), and may drive the bucket below zero.
 */
public final class OrderRateLimit implements PreTradeCheck {

    /** The reason code of its rejections. */
    public static final String REASON_CODE = "ORDER_RATE";

    private final double burst;
    private final double ordersPerSecond;
    private final double tokensPerNano;
    private double tokens;
    private long lastNanos = Long.MIN_VALUE;

    /**
     * @param burst           bucket size: orders that may go at once, {@code >= 1}
     * @param ordersPerSecond sustained rate, orders per second of engine time, finite and {@code > 0}
     */
    public OrderRateLimit(int burst, double ordersPerSecond) {
        this.burst = Limits.positive("order rate limit", "burst", burst);
        this.ordersPerSecond = Limits.positive("order rate limit", "ordersPerSecond", ordersPerSecond);
        this.tokensPerNano = ordersPerSecond / 1e9;
        this.tokens = burst;
    }

    /** Tokens in the bucket at {@code nowNanos} (not before the last accepted order). */
    public double tokens(long nowNanos) {
        if (lastNanos == Long.MIN_VALUE || nowNanos <= lastNanos) {
            return tokens;
        }
        return Math.min(burst, tokens + (nowNanos - lastNanos) * tokensPerNano);
    }

    @Override
    public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
        double available = tokens(nowNanos);
        if (available < 1.0) {
            return RiskDecision.reject(REASON_CODE, "rate limit " + ordersPerSecond + " orders/s, burst " + (int) burst
                    + ": " + available + " tokens at " + nowNanos + " (" + request.instrument().id()
                    + ", strategy " + strategyId + ")");
        }
        return RiskDecision.ACCEPT;
    }

    @Override
    public void onOrderAccepted(String strategyId, OrderView order, long nowNanos) {
        tokens = tokens(nowNanos) - 1.0;
        lastNanos = Math.max(lastNanos, nowNanos);
    }

    @Override
    public String toString() {
        return "OrderRateLimit[burst=" + (int) burst + ", ordersPerSecond=" + ordersPerSecond + "]";
    }
}
