package io.qtrade.risk.breakers;

import io.qtrade.core.order.Fill;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.RiskDecision;
import io.qtrade.risk.killswitch.EngagementCause;
import io.qtrade.risk.killswitch.KillSwitch;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Engages a {@link KillSwitch} (cause {@link EngagementCause#CIRCUIT_BREAKER}) when the day's loss of all strategies
 * together exceeds a limit:
 * <pre>{@code
 * day(t)        = floor(t / 86_400e9)                                   the UTC day of engine time t
 * dayStartEq    = sum of the strategies' equity at their last observation before day(t) began
 *                 (their initial cash on the first day)
 * dailyPnl(t)   = totalEquity(t) - dayStartEq
 * trip if -dailyPnl(t) > maxDailyLoss
 * }</pre>
 * Equity is each strategy's {@code Portfolio.equity()} (cash plus positions at the engine's latest marks), observed
 * at the engine's equity marks and after each fill; a loss exactly at the limit does not trip. Resetting the switch
 * while the day's loss is still beyond the limit lets the next observation trip it again. A strategy first seen
 * during a day contributes its initial cash to that day's start.
 */
public final class DailyLossLimit implements PreTradeCheck {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final long NO_DAY = Long.MIN_VALUE;

    private final KillSwitch killSwitch;
    private final double maxDailyLoss;
    private final TotalEquity equity = new TotalEquity();
    private double[] dayStart = new double[4];
    private long day = NO_DAY;

    /**
     * @param killSwitch   the switch to engage
     * @param maxDailyLoss the largest allowed loss over one UTC day, quote currency, finite and {@code > 0}
     */
    public DailyLossLimit(KillSwitch killSwitch, double maxDailyLoss) {
        this.killSwitch = Objects.requireNonNull(killSwitch, "daily loss limit: killSwitch must not be null");
        if (!(maxDailyLoss > 0) || Double.isInfinite(maxDailyLoss)) {
            throw new IllegalArgumentException("daily loss limit: maxDailyLoss must be finite and > 0, was "
                    + maxDailyLoss);
        }
        this.maxDailyLoss = maxDailyLoss;
    }

    /** The largest allowed loss over one UTC day, quote currency. */
    public double maxDailyLoss() {
        return maxDailyLoss;
    }

    /** The day's PnL of all strategies at their latest observation, quote currency; 0 before any. */
    public double dailyPnl() {
        double start = 0.0;
        for (int i = 0; i < equity.size(); i++) {
            start += dayStart[i];
        }
        return equity.total() - start;
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
        long today = Math.floorDiv(nowNanos, NANOS_PER_DAY);
        if (day != NO_DAY && today > day) {
            // A new day starts from the equity last seen before it.
            for (int i = 0; i < equity.size(); i++) {
                dayStart[i] = equity.equity(i);
            }
        }
        day = day == NO_DAY ? today : Math.max(day, today);
        int before = equity.size();
        int i = equity.update(strategyId, portfolio);
        if (i == before) {
            if (i == dayStart.length) {
                dayStart = java.util.Arrays.copyOf(dayStart, 2 * i);
            }
            dayStart[i] = equity.initialCash(i);
        }
        double pnl = dailyPnl();
        if (-pnl > maxDailyLoss && !killSwitch.isEngaged()) {
            killSwitch.engage(EngagementCause.CIRCUIT_BREAKER, "daily loss " + (-pnl) + " > limit " + maxDailyLoss
                    + " on " + LocalDate.ofEpochDay(today) + " UTC (after strategy " + strategyId + ")", nowNanos);
        }
    }

    @Override
    public String toString() {
        return "DailyLossLimit[maxDailyLoss=" + maxDailyLoss + "]";
    }
}
