package io.qtrade.risk;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.OrderView;
import io.qtrade.core.portfolio.Portfolio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A {@link RiskGate} made of {@link PreTradeCheck}s run in the order they were added: the first rejection is the
 * answer (later checks are not asked), and an order all of them accept is {@link RiskDecision#ACCEPT} with no
 * allocation. Every lifecycle hook is forwarded to every check, in the same order (market data only to the checks
 * that need it, wake-ups only to those that use them); {@link #needsMarketData()} and {@link #needsWakeUps()} are true
 * when any check says so, {@link #wakeAtNanos()} is the earliest wake-up of any check.
 *
 * <pre>{@code
 * KillSwitch killSwitch = new KillSwitch();
 * RiskGate gate = PreTradeRiskGate.builder()
 *         .check(killSwitch)                                    // first: nothing passes while engaged
 *         .check(new HeartbeatMonitor(killSwitch, 5_000_000_000L))
 *         .check(new MaxOrderQty(10))
 *         .check(new PriceBand(50))                             // 50 bps from the mid
 *         .check(new OrderRateLimit(20, 10))                    // burst 20, 10 orders per second
 *         .build();
 * }</pre>
 */
public final class PreTradeRiskGate implements RiskGate {

    private final PreTradeCheck[] checks;
    /** The checks that need market data, and those that need wake-ups: the per-event hooks loop over these only. */
    private final PreTradeCheck[] marketDataChecks;
    private final PreTradeCheck[] timedChecks;

    private PreTradeRiskGate(List<PreTradeCheck> checks) {
        this.checks = checks.toArray(new PreTradeCheck[0]);
        List<PreTradeCheck> market = new ArrayList<>();
        List<PreTradeCheck> timed = new ArrayList<>();
        for (PreTradeCheck c : this.checks) {
            if (c.needsMarketData()) {
                market.add(c);
            }
            if (c.needsWakeUps()) {
                timed.add(c);
            }
        }
        this.marketDataChecks = market.toArray(new PreTradeCheck[0]);
        this.timedChecks = timed.toArray(new PreTradeCheck[0]);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A gate running {@code checks} in this order. */
    public static PreTradeRiskGate of(PreTradeCheck... checks) {
        Builder b = builder();
        for (PreTradeCheck c : checks) {
            b.check(c);
        }
        return b.build();
    }

    /** The checks, in the order they run. */
    public List<PreTradeCheck> checks() {
        return List.of(checks);
    }

    @Override
    public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
        for (PreTradeCheck c : checks) {
            RiskDecision d = c.check(strategyId, request, portfolio, nowNanos);
            if (!d.accepted()) {
                return d;
            }
        }
        return RiskDecision.ACCEPT;
    }

    @Override
    public void bind(RiskActions actions) {
        for (PreTradeCheck c : checks) {
            c.bind(actions);
        }
    }

    @Override
    public boolean needsMarketData() {
        return marketDataChecks.length > 0;
    }

    @Override
    public boolean needsWakeUps() {
        return timedChecks.length > 0;
    }

    @Override
    public void onMarketData(Instrument instrument, double mid, long nowNanos) {
        for (PreTradeCheck c : marketDataChecks) {
            c.onMarketData(instrument, mid, nowNanos);
        }
    }

    @Override
    public void onOrderAccepted(String strategyId, OrderView order, long nowNanos) {
        for (PreTradeCheck c : checks) {
            c.onOrderAccepted(strategyId, order, nowNanos);
        }
    }

    @Override
    public void onOrderDone(String strategyId, OrderView order, long nowNanos) {
        for (PreTradeCheck c : checks) {
            c.onOrderDone(strategyId, order, nowNanos);
        }
    }

    @Override
    public void onFill(String strategyId, Fill fill, Portfolio portfolio, long nowNanos) {
        for (PreTradeCheck c : checks) {
            c.onFill(strategyId, fill, portfolio, nowNanos);
        }
    }

    @Override
    public void onMark(String strategyId, Portfolio portfolio, long nowNanos) {
        for (PreTradeCheck c : checks) {
            c.onMark(strategyId, portfolio, nowNanos);
        }
    }

    @Override
    public long wakeAtNanos() {
        long at = NO_WAKE;
        for (PreTradeCheck c : timedChecks) {
            at = Math.min(at, c.wakeAtNanos());
        }
        return at;
    }

    @Override
    public void onWake(long nowNanos) {
        for (PreTradeCheck c : timedChecks) {
            if (c.wakeAtNanos() <= nowNanos) {
                c.onWake(nowNanos);
            }
        }
    }

    @Override
    public String toString() {
        return "PreTradeRiskGate" + Arrays.toString(checks);
    }

    /** Collects the checks of a {@link PreTradeRiskGate} in the order they will run. */
    public static final class Builder {
        private final List<PreTradeCheck> checks = new ArrayList<>();

        private Builder() {
        }

        /** Adds {@code check}, run after the ones already added. */
        public Builder check(PreTradeCheck check) {
            checks.add(Objects.requireNonNull(check, "pre-trade risk gate: check #" + checks.size()
                    + " must not be null"));
            return this;
        }

        /**
         * The gate.
         *
         * @throws IllegalArgumentException if no check was added, or one was added twice (its state would be
         *                                  updated twice per hook)
         */
        public PreTradeRiskGate build() {
            if (checks.isEmpty()) {
                throw new IllegalArgumentException("pre-trade risk gate: no check (add one with check(...),"
                        + " or use RiskGate.NONE)");
            }
            for (int i = 0; i < checks.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (checks.get(i) == checks.get(j)) {
                        throw new IllegalArgumentException("pre-trade risk gate: check #" + i + " (" + checks.get(i)
                                + ") is the same object as check #" + j);
                    }
                }
            }
            return new PreTradeRiskGate(checks);
        }
    }
}
