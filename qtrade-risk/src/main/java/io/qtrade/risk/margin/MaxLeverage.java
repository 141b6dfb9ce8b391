package io.qtrade.risk.margin;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.RiskDecision;
import java.util.Map;

/**
 * Caps a strategy's effective leverage, with {@link #REASON_CODE}:
 * <pre>{@code
 * leverage = sum_i |q_i * p_i * m_i| / equity       (gross notional over equity; Binance "effective leverage")
 * reject if leverageAfter > maxLeverage and leverageAfter > leverageNow   (or equity <= 0 and the order adds exposure)
 * }</pre>
 * Positions are valued at the latest mid (else the portfolio's mark, else the entry price); the ordered instrument at
 * its mid, else the limit price; a market order before any mid is rejected. Equity is the portfolio's cash plus its
 * positions at those prices (for linear contracts the margin balance). An order that lowers the exposure passes.
 */
public final class MaxLeverage implements PreTradeCheck {

    /** The reason code of its rejections. */
    public static final String REASON_CODE = "MAX_LEVERAGE";

    private final double maxLeverage;
    private final MarginCalc calc = new MarginCalc(Map.of());
    private final double[] gross = new double[2];
    private final double[] mm = new double[2];

    /** @param maxLeverage the largest gross notional per unit of equity, finite and {@code > 0} */
    public MaxLeverage(double maxLeverage) {
        if (!(maxLeverage > 0) || Double.isInfinite(maxLeverage)) {
            throw new IllegalArgumentException("max leverage: maxLeverage must be finite and > 0, was " + maxLeverage);
        }
        this.maxLeverage = maxLeverage;
    }

    public double maxLeverage() {
        return maxLeverage;
    }

    @Override
    public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
        double price = calc.orderPrice(request);
        if (Double.isNaN(price)) {
            return RiskDecision.reject(REASON_CODE, "market order on " + request.instrument().id()
                    + " before any mid: its leverage is unknown (strategy " + strategyId + ")");
        }
        calc.measure(portfolio, request, price, gross, mm);
        if (gross[MarginCalc.AFTER] <= gross[MarginCalc.NOW]) {
            return RiskDecision.ACCEPT;
        }
        double equity = calc.equity(portfolio);
        double after = equity <= 0 ? Double.POSITIVE_INFINITY : gross[MarginCalc.AFTER] / equity;
        if (after > maxLeverage) {
            return RiskDecision.reject(REASON_CODE, "leverage would reach " + after + " > limit " + maxLeverage
                    + " (gross notional " + gross[MarginCalc.AFTER] + " / equity " + equity + "; order "
                    + request.instrument().id() + " " + request.side() + " " + request.qty() + " valued at " + price
                    + ", strategy " + strategyId + ")");
        }
        return RiskDecision.ACCEPT;
    }

    @Override
    public boolean needsMarketData() {
        return true;
    }

    @Override
    public void onMarketData(Instrument instrument, double mid, long nowNanos) {
        calc.mid(instrument, mid);
    }

    @Override
    public String toString() {
        return "MaxLeverage[maxLeverage=" + maxLeverage + "]";
    }
}
