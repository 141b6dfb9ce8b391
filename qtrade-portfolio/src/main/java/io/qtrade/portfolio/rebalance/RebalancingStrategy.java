package io.qtrade.portfolio.rebalance;

import io.qtrade.bars.BarContext;
import io.qtrade.bars.order.Rebalance;
import io.qtrade.core.bar.BarSlice;
import io.qtrade.core.order.Fill;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A bar-engine {@link Strategy} that rebalances a fixed universe (every instrument of the run) to the weights of an
 * {@link AllocationRule} (estimator + optimiser) on a {@link RebalanceSchedule}, through
 * {@link BarContext#rebalanceToWeights} (lot-rounded target-weight orders).
 * <pre>{@code
 * at each bar time T whose instruments all have a price (a bar now or earlier):
 *   p_T,i = lastClose_i * adjustmentFactor_i                     (total-return price, no look-ahead)
 *   append p_T to a rolling window of the last L + 1 rows;  r_k,i = p_k+1,i / p_k,i - 1   (L x N returns)
 *   held_i = position_i * lastClose_i * multiplier_i / equity
 *   first decision: once the window is full (L + 1 price rows);
 *   later: when schedule.rebalanceToday(previous date, date, bar times since the last decision, held, lastTarget)
 *   on a decision: w = rule.targetWeights(window, held);  target = investedFraction * w;
 *                  rebalanceToWeights(target, execution)
 * }</pre>
 * The window holds only closes the strategy has seen, so the weights decided at {@code T} use data up to
 * {@code T}'s close and trade at {@code T}'s close ({@link Rebalance#THIS_CLOSE}) or the next open
 * ({@link Rebalance#NEXT_OPEN}). Between decisions the strategy sends no order. A bar time where some instrument
 * has no price yet adds no row; an instrument missing a bar at a bar time carries its last close (return 0). The
 * date of a bar time {@code T} is the {@code zone}'s date of {@code T - 1 ns} (the last instant a daily bar covers).
 *
 * <p>It also measures what it did: the decisions ({@link #rebalances()}), the traded notional, the fees and the
 * implementation shortfall of the fills against the decision's closes
 * ({@code sum side * (fillPrice - decisionClose) * qty * multiplier}; with {@code THIS_CLOSE} that is the slippage).
 * One instance per run (it keeps state); not thread-safe, like every strategy.
 *
 * <p>Reference: the walk-forward scheme of {@link Rebalancer}, which does the same on a returns matrix with a
 * linear cost; here costs, lots and fills are the bar engine's.
 */
public final class RebalancingStrategy implements Strategy {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final AllocationRule rule;
    private final RebalanceSchedule schedule;
    private final int lookback;
    private final double investedFraction;
    private final Rebalance execution;
    private final ZoneId zone;

    private BarContext bars;
    private int n;
    private double[][] prices;      // ring buffer, lookback + 1 rows
    private int rows;               // price rows appended so far
    private double[] held;
    private double[] lastTarget;
    private double[] decisionClose;
    private LocalDate previousDate;
    private int sinceDecision;
    private int barIndex = -1;
    private final List<StrategyRebalance> rebalances = new ArrayList<>();
    private double tradedNotional;
    private double fees;
    private double shortfall;
    private double tradedWeight;
    private double decisionEquity;

    /**
     * @param rule             estimator + optimiser
     * @param schedule         when to rebalance after the first decision
     * @param lookback         L, returns in the estimation window, {@code >= 2}
     * @param investedFraction scales the rule's weights (e.g. 0.98 keeps 2% cash for costs and rounding),
     *                         in {@code (0, 1]}
     * @param execution        when the orders trade ({@link Rebalance#THIS_CLOSE}, {@link Rebalance#NEXT_OPEN})
     * @param zone             the zone whose calendar dates the schedule sees
     */
    public RebalancingStrategy(AllocationRule rule, RebalanceSchedule schedule, int lookback, double investedFraction,
                               Rebalance execution, ZoneId zone) {
        this.rule = Objects.requireNonNull(rule, "rebalancing strategy: rule");
        this.schedule = Objects.requireNonNull(schedule, "rebalancing strategy: schedule");
        this.execution = Objects.requireNonNull(execution, "rebalancing strategy: execution");
        this.zone = Objects.requireNonNull(zone, "rebalancing strategy: zone");
        if (lookback < 2) {
            throw new IllegalArgumentException("rebalancing strategy: lookback " + lookback + ", expected >= 2");
        }
        if (!(investedFraction > 0.0 && investedFraction <= 1.0)) {
            throw new IllegalArgumentException("rebalancing strategy: investedFraction " + investedFraction
                    + ", expected in (0, 1]");
        }
        this.lookback = lookback;
        this.investedFraction = investedFraction;
    }

    /** Fully invested, trading at the decision bar's close, dates in UTC. */
    public static RebalancingStrategy of(AllocationRule rule, RebalanceSchedule schedule, int lookback) {
        return new RebalancingStrategy(rule, schedule, lookback, 1.0, Rebalance.THIS_CLOSE, ZoneId.of("UTC"));
    }

    @Override
    public void onStart(StrategyContext context) {
        bars = BarContext.of(context);
        n = bars.instruments().size();
        prices = new double[lookback + 1][n];
        held = new double[n];
        lastTarget = new double[n];
        decisionClose = new double[n];
    }

    @Override
    public void onBars(BarSlice slice) {
        barIndex++;
        double[] row = prices[rows % (lookback + 1)];
        for (int i = 0; i < n; i++) {
            double c = bars.lastClose(i);
            if (Double.isNaN(c)) {
                return; // no price yet for some instrument: no row, no decision
            }
            row[i] = c * bars.adjustmentFactor(i);
        }
        rows++;
        long ts = slice.endTs();
        LocalDate date = Instant.ofEpochSecond(Math.floorDiv(ts - 1, NANOS_PER_SECOND),
                Math.floorMod(ts - 1, NANOS_PER_SECOND)).atZone(zone).toLocalDate();
        heldWeights();
        boolean decide;
        if (rebalances.isEmpty()) {
            decide = rows >= lookback + 1;
        } else {
            sinceDecision++;
            decide = schedule.rebalanceToday(previousDate, date, sinceDecision, held, lastTarget);
        }
        previousDate = date;
        if (decide) {
            decide(ts, date);
        }
    }

    private void heldWeights() {
        double equity = bars.equity();
        for (int i = 0; i < n; i++) {
            double q = bars.position(i).qty();
            held[i] = q == 0.0 ? 0.0
                    : q * bars.lastClose(i) * bars.instruments().get(i).contractMultiplier() / equity;
        }
    }

    private void decide(long ts, LocalDate date) {
        double[][] window = new double[lookback][n];
        int oldest = rows - (lookback + 1);
        for (int k = 0; k < lookback; k++) {
            double[] a = prices[(oldest + k) % (lookback + 1)];
            double[] b = prices[(oldest + k + 1) % (lookback + 1)];
            for (int i = 0; i < n; i++) {
                window[k][i] = b[i] / a[i] - 1.0;
            }
        }
        double[] w = rule.targetWeights(window, held.clone());
        if (w.length != n) {
            throw new IllegalStateException("rebalancing strategy '" + bars.strategyId() + "': the rule returned "
                    + w.length + " weights on " + date + ", expected " + n);
        }
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(w[i])) {
                throw new IllegalStateException("rebalancing strategy '" + bars.strategyId() + "': the rule returned"
                        + " weight " + w[i] + " for " + bars.instruments().get(i).id() + " on " + date);
            }
            target[i] = investedFraction * w[i];
            decisionClose[i] = bars.lastClose(i);
        }
        decisionEquity = bars.equity();
        int orders = bars.rebalanceToWeights(target, execution);
        rebalances.add(new StrategyRebalance(barIndex, ts, date, held, target, orders));
        System.arraycopy(target, 0, lastTarget, 0, n);
        sinceDecision = 0;
    }

    @Override
    public void onFill(Fill fill) {
        int i = bars.instruments().indexOf(fill.instrument());
        double m = fill.instrument().contractMultiplier();
        double notional = Math.abs(fill.price() * fill.qty() * m);
        tradedNotional += notional;
        tradedWeight += notional / decisionEquity;
        fees += fill.fee();
        shortfall += fill.side().sign() * (fill.price() - decisionClose[i]) * fill.qty() * m;
    }

    /** Every decision so far, in time order (unmodifiable). */
    public List<StrategyRebalance> rebalances() {
        return Collections.unmodifiableList(rebalances);
    }

    /** Sum of {@code |price * qty * multiplier|} over the fills, quote currency. */
    public double tradedNotional() {
        return tradedNotional;
    }

    /** Executed turnover: the sum over fills of the traded notional over the equity at its decision. */
    public double tradedWeight() {
        return tradedWeight;
    }

    /** Fees of the fills, quote currency. */
    public double fees() {
        return fees;
    }

    /** Implementation shortfall of the fills against the decision closes, quote currency (positive: a cost). */
    public double shortfall() {
        return shortfall;
    }
}
