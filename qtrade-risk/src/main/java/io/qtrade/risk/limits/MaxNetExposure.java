package io.qtrade.risk.limits;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.RiskDecision;

/**
 * Caps a strategy's net exposure across instruments, with {@link #REASON_CODE}:
 * <pre>{@code
 * net   = |sum_i q_i * p_i * m_i|         (q_i the position after the order, m_i the contract multiplier)
 * reject if netAfter > maxNetExposure and netAfter > netNow
 * }</pre>
 * Each position is valued at the latest mid of the engine's market data ({@code p_i}), else at the portfolio's mark,
 * else at its average entry price; the ordered instrument at its mid, else at the order's limit price (a market
 * order without a mid is rejected: its value is unknown). Resting orders are not counted (see {@link MaxPosition}
 * for a worst-case cap); an order that lowers the exposure passes even above the limit.
 */
public final class MaxNetExposure implements PreTradeCheck {

    /** The reason code of its rejections. */
    public static final String REASON_CODE = "MAX_NET_EXPOSURE";

    private final double maxNetExposure;
    private final MidTable mids = new MidTable();
    private final double[] scratch = new double[2];
    private final ExposureCalc calc = new ExposureCalc();

    /** @param maxNetExposure the limit, quote currency, finite and {@code > 0} */
    public MaxNetExposure(double maxNetExposure) {
        this.maxNetExposure = Limits.positive("max net exposure", "maxNetExposure", maxNetExposure);
    }

    /** The limit, quote currency. */
    public double maxNetExposure() {
        return maxNetExposure;
    }

    @Override
    public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
        double price = ExposureCalc.orderPrice(request, mids);
        if (Double.isNaN(price)) {
            return RiskDecision.reject(REASON_CODE, "market order on " + request.instrument().id()
                    + " before any mid: its exposure is unknown (strategy " + strategyId + ")");
        }
        calc.exposure(portfolio, request, price, mids, false, scratch);
        double now = Math.abs(scratch[ExposureCalc.NOW]);
        double after = Math.abs(scratch[ExposureCalc.AFTER]);
        if (after > maxNetExposure && after > now) {
            return RiskDecision.reject(REASON_CODE, "net exposure would reach " + after + " > limit "
                    + maxNetExposure + " (now " + now + ", order " + request.instrument().id() + " "
                    + request.side() + " " + request.qty() + " valued at " + price + ", strategy " + strategyId + ")");
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
        return "MaxNetExposure[maxNetExposure=" + maxNetExposure + "]";
    }
}
