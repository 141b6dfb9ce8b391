package io.qtrade.risk.killswitch;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.OrderView;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.RiskActions;
import io.qtrade.risk.RiskDecision;

/** A check whose rejections engage a kill switch; see {@link KillSwitch#engageOnBreach}. */
final class EngageOnBreach implements PreTradeCheck {

    private final KillSwitch killSwitch;
    private final PreTradeCheck check;

    EngageOnBreach(KillSwitch killSwitch, PreTradeCheck check) {
        this.killSwitch = killSwitch;
        this.check = check;
    }

    @Override
    public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
        RiskDecision d = check.check(strategyId, request, portfolio, nowNanos);
        if (!d.accepted()) {
            killSwitch.engage(EngagementCause.LIMIT_BREACH, "strategy " + strategyId + ": " + d.reason(), nowNanos);
        }
        return d;
    }

    @Override
    public void bind(RiskActions actions) {
        check.bind(actions);
    }

    @Override
    public boolean needsMarketData() {
        return check.needsMarketData();
    }

    @Override
    public void onMarketData(Instrument instrument, double mid, long nowNanos) {
        check.onMarketData(instrument, mid, nowNanos);
    }

    @Override
    public void onOrderAccepted(String strategyId, OrderView order, long nowNanos) {
        check.onOrderAccepted(strategyId, order, nowNanos);
    }

    @Override
    public void onOrderDone(String strategyId, OrderView order, long nowNanos) {
        check.onOrderDone(strategyId, order, nowNanos);
    }

    @Override
    public void onFill(String strategyId, Fill fill, Portfolio portfolio, long nowNanos) {
        check.onFill(strategyId, fill, portfolio, nowNanos);
    }

    @Override
    public void onMark(String strategyId, Portfolio portfolio, long nowNanos) {
        check.onMark(strategyId, portfolio, nowNanos);
    }

    @Override
    public boolean needsWakeUps() {
        return check.needsWakeUps();
    }

    @Override
    public long wakeAtNanos() {
        return check.wakeAtNanos();
    }

    @Override
    public void onWake(long nowNanos) {
        check.onWake(nowNanos);
    }

    @Override
    public String toString() {
        return "EngageOnBreach[" + check + "]";
    }
}
