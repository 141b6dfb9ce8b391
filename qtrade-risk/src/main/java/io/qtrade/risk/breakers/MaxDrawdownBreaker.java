package io.qtrade.risk.breakers;

import io.qtrade.core.order.Fill;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.RiskDecision;
import io.qtrade.risk.killswitch.EngagementCause;
import io.qtrade.risk.killswitch.KillSwitch;

import java.util.Objects;

/**
 * Engages a {@link KillSwitch} (cause {@link EngagementCause#CIRCUIT_BREAKER}) when total equity falls too far from
 * its peak:
 * <pre>{@code
 * E(t)        = sum over strategies of Portfolio.equity() at their latest observation
 * peak(t)     = max(sum of initial cash, max_{s <= t} E(s))
 * drawdown(t) = peak(t) - E(t)                               amount, quote currency
 * trip if drawdown(t) > maxDrawdown                          (ofAmount)
 *      or drawdown(t) / peak(t) > maxDrawdownFraction        (ofFraction; peak must be > 0)
 * }</pre>
 * (drawdown from the running peak, as in Magdon-Ismail and Atiya, "Maximum drawdown", Risk 17(10), 2004). Equity is
 * observed at the engine's equity marks and after each fill; a drawdown exactly at the limit does not trip.
 */
public final class MaxDrawdownBreaker implements PreTradeCheck {

    private final KillSwitch killSwitch;
    private final double maxDrawdown;
    private final boolean fraction;
    private final TotalEquity equity = new TotalEquity();
    private double peak = Double.NEGATIVE_INFINITY;

    private MaxDrawdownBreaker(KillSwitch killSwitch, double maxDrawdown, boolean fraction) {
        this.killSwitch = Objects.requireNonNull(killSwitch, "max drawdown breaker: killSwitch must not be null");
        this.maxDrawdown = maxDrawdown;
        this.fraction = fraction;
    }

    /**
     * Trips when the drawdown in quote currency exceeds {@code maxDrawdown}.
     *
     * @param maxDrawdown quote currency, finite and {@code > 0}
     */
    public static MaxDrawdownBreaker ofAmount(KillSwitch killSwitch, double maxDrawdown) {
        if (!(maxDrawdown > 0) || Double.isInfinite(maxDrawdown)) {
            throw new IllegalArgumentException("max drawdown breaker: maxDrawdown must be finite and > 0, was "
                    + maxDrawdown);
        }
        return new MaxDrawdownBreaker(killSwitch, maxDrawdown, false);
    }

    /**
     * Trips when the drawdown as a fraction of the peak exceeds {@code maxDrawdownFraction}.
     *
     * @param maxDrawdownFraction in (0, 1)
     */
    public static MaxDrawdownBreaker ofFraction(KillSwitch killSwitch, double maxDrawdownFraction) {
        if (!(maxDrawdownFraction > 0 && maxDrawdownFraction < 1)) {
            throw new IllegalArgumentException("max drawdown breaker: maxDrawdownFraction must be in (0, 1), was "
                    + maxDrawdownFraction);
        }
        return new MaxDrawdownBreaker(killSwitch, maxDrawdownFraction, true);
    }

    /** The peak of total equity so far, quote currency; -infinity before any observation. */
    public double peakEquity() {
        return peak;
    }

    /** {@code peak - E}, quote currency, at the latest observation; 0 before any. */
    public double drawdown() {
        return equity.size() == 0 ? 0.0 : peak - equity.total();
    }

    @Override
    public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
        return RiskDecision.ACCEPT;
    }

    @Override
    public void onMark(String strategyId, Portfolio portfolio, long nowNanos) {
        observe(strategyId, portfolio, nowNanos);
    }

    @Override
    public void onFill(String strategyId, Fill fill, Portfolio portfolio, long nowNanos) {
        observe(strategyId, portfolio, nowNanos);
    }

    private void observe(String strategyId, Portfolio portfolio, long nowNanos) {
        equity.update(strategyId, portfolio);
        double e = equity.total();
        peak = Math.max(Math.max(peak, equity.totalInitialCash()), e);
        double dd = peak - e;
        if (fraction && !(peak > 0)) {
            throw new IllegalStateException("max drawdown breaker: peak equity " + peak
                    + " is not > 0, a fractional drawdown is undefined; use ofAmount");
        }
        boolean trip = fraction ? dd / peak > maxDrawdown : dd > maxDrawdown;
        if (trip && !killSwitch.isEngaged()) {
            String what = fraction ? "drawdown " + dd / peak + " of peak " + peak + " > limit " + maxDrawdown
                    : "drawdown " + dd + " from peak " + peak + " > limit " + maxDrawdown;
            killSwitch.engage(EngagementCause.CIRCUIT_BREAKER, what + " (equity " + e + ", after strategy "
                    + strategyId + ")", nowNanos);
        }
    }

    @Override
    public String toString() {
        return "MaxDrawdownBreaker[" + (fraction ? "maxDrawdownFraction=" : "maxDrawdown=") + maxDrawdown + "]";
    }
}
