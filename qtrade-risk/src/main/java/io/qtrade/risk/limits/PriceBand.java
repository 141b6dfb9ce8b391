package io.qtrade.risk.limits;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.RiskDecision;

/**
 * The fat-finger check: rejects a limit order priced too far from the reference mid, with {@link #REASON_CODE}:
 * <pre>{@code
 * deviationBps = |price - mid| / |mid| * 10_000
 * reject if deviationBps > maxDeviationBps
 * }</pre>
 * The reference is the latest mid of the engine's market data for the order's instrument. A limit order on an
 * instrument without a mid yet, or whose mid is 0 (no relative deviation), is rejected; market orders carry no price
 * and pass (cap their size with {@link MaxOrderQty} or {@link MaxOrderNotional}).
 */
public final class PriceBand implements PreTradeCheck {

    /** The reason code of its rejections. */
    public static final String REASON_CODE = "PRICE_BAND";

    private final double maxDeviationBps;
    private final MidTable mids = new MidTable();

    /** @param maxDeviationBps the largest distance from the mid, basis points of the mid, finite and {@code > 0} */
    public PriceBand(double maxDeviationBps) {
        this.maxDeviationBps = Limits.positive("price band", "maxDeviationBps", maxDeviationBps);
    }

    /** The largest distance from the mid, basis points. */
    public double maxDeviationBps() {
        return maxDeviationBps;
    }

    @Override
    public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
        if (request.isMarket()) {
            return RiskDecision.ACCEPT;
        }
        Instrument inst = request.instrument();
        double mid = mids.mid(inst);
        if (Double.isNaN(mid) || mid == 0.0) {
            return RiskDecision.reject(REASON_CODE, "no reference mid for " + inst.id() + " (mid " + mid
                    + "): cannot check limit price " + request.price() + " (strategy " + strategyId + ")");
        }
        double deviationBps = Math.abs(request.price() - mid) / Math.abs(mid) * 10_000.0;
        if (deviationBps > maxDeviationBps) {
            return RiskDecision.reject(REASON_CODE, "price " + request.price() + " is " + deviationBps
                    + " bps from mid " + mid + " > limit " + maxDeviationBps + " bps (" + inst.id() + " "
                    + request.side() + ", strategy " + strategyId + ")");
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
        return "PriceBand[maxDeviationBps=" + maxDeviationBps + "]";
    }
}
