package io.qtrade.risk.limits;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.RiskDecision;

/**
 * Rejects an order whose notional exceeds a limit, with {@link #REASON_CODE}:
 * <pre>{@code
 * notional = |price * qty * contractMultiplier|      price = the limit price, or for a market order the latest mid
 * reject if notional > maxNotional
 * }</pre>
 * A market order on an instrument without a mid yet is rejected (its notional is unknown). Keeps the latest mid per
 * instrument from the engine's market data.
 */
public final class MaxOrderNotional implements PreTradeCheck {

    /** The reason code of its rejections. */
    public static final String REASON_CODE = "MAX_ORDER_NOTIONAL";

    private final double maxNotional;
    private final MidTable mids = new MidTable();

    /** @param maxNotional the largest notional of one order, quote currency, finite and {@code > 0} */
    public MaxOrderNotional(double maxNotional) {
        this.maxNotional = Limits.positive("max order notional", "maxNotional", maxNotional);
    }

    /** The largest notional of one order, quote currency. */
    public double maxNotional() {
        return maxNotional;
    }

    @Override
    public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
        Instrument inst = request.instrument();
        double price = request.isMarket() ? mids.mid(inst) : request.price();
        if (Double.isNaN(price)) {
            return RiskDecision.reject(REASON_CODE, "market order on " + inst.id()
                    + " before any mid: its notional is unknown (strategy " + strategyId + ")");
        }
        double notional = Math.abs(inst.notional(price, request.qty()));
        if (notional > maxNotional) {
            return RiskDecision.reject(REASON_CODE, "notional " + notional + " > limit " + maxNotional + " ("
                    + inst.id() + " " + request.side() + " " + request.qty() + " @ " + price + ", strategy "
                    + strategyId + ")");
        }
        return RiskDecision.ACCEPT;
    }

    @Override
    public boolean needsMarketData() {
        return true;
    }

    @Override
    public void onMarketData(Instrument instrument, double mid, long nowNanos) {
        mids.update(instrument, mid);
    }

    @Override
    public String toString() {
        return "MaxOrderNotional[maxNotional=" + maxNotional + "]";
    }
}
