package io.qtrade.risk.margin;

import io.qtrade.core.Instrument;
import io.qtrade.core.margin.LeverageBrackets;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.RiskActions;
import io.qtrade.risk.RiskDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A circuit breaker that acts before the venue's liquidation: when a strategy's margin ratio reaches
 * {@code triggerRatio} it asks the engine to stop the strategy ({@link RiskActions#stopStrategy}: cancel its orders
 * and close its positions with market orders), and rejects its new orders that add margin until the ratio is back
 * below the trigger.
 * <pre>{@code
 * marginRatio = sum_i MM_i / equity      (Binance "Margin Ratio"; the venue liquidates a cross account at 1)
 * trip when marginRatio >= triggerRatio  (e.g. 0.8: reduce at 80 % of the way to liquidation)
 * }</pre>
 * Evaluated on every market event (it {@link #needsMarketData()}), at each equity mark and after each fill, with the
 * positions valued at the latest mids. The margin ratio it sees is the portfolio's (mids), not the venue's (mark
 * price): a gap between them is the breaker's blind spot. Each trip is recorded ({@link #trips()}).
 */
public final class MarginRatioBreaker implements PreTradeCheck {

    /** The reason code of its rejections. */
    public static final String REASON_CODE = "MARGIN_RATIO_BREAKER";

    /** One trip: when, which strategy, and the ratio. */
    public record Trip(String strategyId, long nowNanos, double marginRatio) {
    }

    private final double triggerRatio;
    private final MarginCalc calc;
    private final double[] gross = new double[2];
    private final double[] mm = new double[2];
    /** The strategies seen so far and their portfolios, by index (iterated per event without an iterator). */
    private final List<String> ids = new ArrayList<>();
    private final List<Portfolio> portfolios = new ArrayList<>();
    private final List<Boolean> tripped = new ArrayList<>();
    private final List<Trip> trips = new ArrayList<>();
    private RiskActions actions = RiskActions.NONE;

    /**
     * @param triggerRatio the margin ratio at which it acts, in {@code (0, 1)}
     * @param brackets     the leverage brackets of each margined instrument
     */
    public MarginRatioBreaker(double triggerRatio, Map<Instrument, LeverageBrackets> brackets) {
        if (!(triggerRatio > 0 && triggerRatio < 1)) {
            throw new IllegalArgumentException("margin ratio breaker: triggerRatio must be in (0, 1), was "
                    + triggerRatio);
        }
        this.triggerRatio = triggerRatio;
        this.calc = new MarginCalc(brackets);
    }

    /** The margin ratio of {@code portfolio} at the latest mids. */
    public double marginRatio(Portfolio portfolio) {
        calc.measure(portfolio, null, Double.NaN, gross, mm);
        return MaxMarginUsage.ratio(mm[MarginCalc.NOW], calc.equity(portfolio));
    }

    /** Every trip so far. */
    public List<Trip> trips() {
        return List.copyOf(trips);
    }

    @Override
    public void bind(RiskActions actions) {
        this.actions = Objects.requireNonNull(actions, "actions");
    }

    @Override
    public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
        int k = index(strategyId, portfolio);
        if (!tripped.get(k)) {
            return RiskDecision.ACCEPT;
        }
        double price = calc.orderPrice(request);
        if (Double.isNaN(price)) {
            price = request.price();
        }
        calc.measure(portfolio, request, price, gross, mm);
        if (mm[MarginCalc.AFTER] > mm[MarginCalc.NOW]) {
            return RiskDecision.reject(REASON_CODE, "strategy " + strategyId + " is stopped by the margin ratio"
                    + " breaker (trigger " + triggerRatio + ", ratio " + marginRatio(portfolio) + "): "
                    + request.instrument().id() + " " + request.side() + " " + request.qty() + " would add margin");
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
        for (int k = 0, n = ids.size(); k < n; k++) {
            evaluate(k, nowNanos);
        }
    }

    @Override
    public void onMark(String strategyId, Portfolio portfolio, long nowNanos) {
        evaluate(index(strategyId, portfolio), nowNanos);
    }

    @Override
    public void onFill(String strategyId, Fill fill, Portfolio portfolio, long nowNanos) {
        evaluate(index(strategyId, portfolio), nowNanos);
    }

    private int index(String strategyId, Portfolio portfolio) {
        int k = ids.indexOf(strategyId);
        if (k < 0) {
            ids.add(strategyId);
            portfolios.add(portfolio);
            tripped.add(Boolean.FALSE);
            k = ids.size() - 1;
        }
        return k;
    }

    private void evaluate(int k, long nowNanos) {
        String strategyId = ids.get(k);
        double ratio = marginRatio(portfolios.get(k));
        boolean was = tripped.get(k);
        if (ratio >= triggerRatio && !was) {
            tripped.set(k, Boolean.TRUE);
            trips.add(new Trip(strategyId, nowNanos, ratio));
            actions.stopStrategy(strategyId, "margin ratio " + ratio + " >= trigger " + triggerRatio, nowNanos);
        } else if (ratio < triggerRatio && was) {
            tripped.set(k, Boolean.FALSE);
        }
    }

    @Override
    public String toString() {
        return "MarginRatioBreaker[triggerRatio=" + triggerRatio + "]";
    }
}
