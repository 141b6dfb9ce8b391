package io.qtrade.risk.margin;

import io.qtrade.core.Instrument;
import io.qtrade.core.margin.LeverageBrackets;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.RiskDecision;
import java.util.Map;

/**
 * Caps the margin ratio an order may take a strategy to, with {@link #REASON_CODE}:
 * <pre>{@code
 * marginRatio = sum_i MM_i / equity,   MM_i = |notional_i| * MMR - cum of its bracket   (Binance "Margin Ratio",
 *                                      cross margin; liquidation at 1)
 * reject if marginRatioAfter > maxMarginRatio and marginRatioAfter > marginRatioNow
 * }</pre>
 * Brackets come per instrument (instruments without one count no margin), valued as {@link MaxLeverage} values them.
 */
public final class MaxMarginUsage implements PreTradeCheck {

    /** The reason code of its rejections. */
    public static final String REASON_CODE = "MAX_MARGIN_USAGE";

    private final double maxMarginRatio;
    private final MarginCalc calc;
    private final double[] gross = new double[2];
    private final double[] mm = new double[2];

    /**
     * @param maxMarginRatio the largest maintenance margin per unit of equity, in {@code (0, 1]}
     * @param brackets       the leverage brackets of each margined instrument
     */
    public MaxMarginUsage(double maxMarginRatio, Map<Instrument, LeverageBrackets> brackets) {
        if (!(maxMarginRatio > 0 && maxMarginRatio <= 1)) {
            throw new IllegalArgumentException("max margin usage: maxMarginRatio must be in (0, 1], was "
                    + maxMarginRatio);
        }
        this.maxMarginRatio = maxMarginRatio;
        this.calc = new MarginCalc(brackets);
    }

    @Override
    public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
        double price = calc.orderPrice(request);
        if (Double.isNaN(price)) {
            return RiskDecision.reject(REASON_CODE, "market order on " + request.instrument().id()
                    + " before any mid: its margin is unknown (strategy " + strategyId + ")");
        }
        calc.measure(portfolio, request, price, gross, mm);
        double equity = calc.equity(portfolio);
        double now = ratio(mm[MarginCalc.NOW], equity);
        double after = ratio(mm[MarginCalc.AFTER], equity);
        if (after > maxMarginRatio && after > now) {
            return RiskDecision.reject(REASON_CODE, "margin ratio would reach " + after + " > limit " + maxMarginRatio
                    + " (maintenance margin " + mm[MarginCalc.AFTER] + " / equity " + equity + ", now " + now
                    + "; order " + request.instrument().id() + " " + request.side() + " " + request.qty()
                    + " valued at " + price + ", strategy " + strategyId + ")");
        }
        return RiskDecision.ACCEPT;
    }

    static double ratio(double mm, double equity) {
        if (mm == 0) {
            return 0;
        }
        return equity <= 0 ? Double.POSITIVE_INFINITY : mm / equity;
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
        return "MaxMarginUsage[maxMarginRatio=" + maxMarginRatio + "]";
    }
}
