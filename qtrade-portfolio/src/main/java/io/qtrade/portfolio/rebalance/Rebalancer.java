package io.qtrade.portfolio.rebalance;

import io.qtrade.portfolio.covariance.Covariances;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Walk-forward rebalancing on a returns matrix: an {@link AllocationRule} (estimator + optimiser) over a rolling
 * window of {@code lookback} dates, a {@link RebalanceSchedule}, and a linear cost per unit of weight traded.
 * <pre>{@code
 * start s = lookback - 1: the first target uses returns[0..s]; trading happens at the close of the rebalance date
 * at each later date t: r_p = sum_i w_i r_ti;  w_i <- w_i (1 + r_ti) / (1 + r_p)   (drift);  wealth *= 1 + r_p
 * then, if the schedule fires: target = rule(returns[t-L+1..t], w);  turnover = sum |target - w|;
 *   cost = costRate * turnover;  wealth *= 1 - cost;  w = target
 * }</pre>
 * No look-ahead: the weights set at t's close earn t+1's returns. This is the pure component the bar engine's
 * target-weight orders will call; it assumes trading at the close at no market impact beyond the linear cost.
 *
 * @param rule           the allocation rule
 * @param schedule       when to rebalance after the first
 * @param lookback       L, dates in the estimation window, >= 2
 * @param costRate       cost per unit of weight traded (0.001 = 10 bp), >= 0
 * @param periodsPerYear for annualised figures (252 for daily data)
 */
public record Rebalancer(AllocationRule rule, RebalanceSchedule schedule, int lookback, double costRate,
                         double periodsPerYear) {

    /** Validates. */
    public Rebalancer {
        if (rule == null || schedule == null) {
            throw new IllegalArgumentException("rebalancer: rule and schedule are required");
        }
        if (lookback < 2) {
            throw new IllegalArgumentException("rebalancer: lookback " + lookback + ", expected >= 2");
        }
        if (!(costRate >= 0.0) || !Double.isFinite(costRate)) {
            throw new IllegalArgumentException("rebalancer: costRate " + costRate + ", expected finite and >= 0");
        }
        if (!(periodsPerYear > 0.0)) {
            throw new IllegalArgumentException("rebalancer: periodsPerYear " + periodsPerYear + ", expected > 0");
        }
    }

    /**
     * @param dates   T increasing dates, one per row of returns
     * @param returns {@code T x N} simple returns (row t: from the close of t-1 to the close of t), not modified
     */
    public RebalanceResult run(LocalDate[] dates, double[][] returns) {
        int n = Covariances.checkReturns("rebalancer", returns, lookback + 1);
        int t = returns.length;
        if (dates.length != t) {
            throw new IllegalArgumentException("rebalancer: " + dates.length + " dates for " + t + " return rows");
        }
        int start = lookback - 1;
        int len = t - start;
        LocalDate[] outDates = Arrays.copyOfRange(dates, start, t);
        double[] net = new double[len];
        double[] wealth = new double[len];
        List<RebalanceEvent> events = new ArrayList<>();
        double[] w = new double[n];
        double value = 1.0;
        double[] target = rebalance(start, dates[start], returns, w, events);
        value *= 1.0 - events.get(0).cost();
        net[0] = value - 1.0;
        wealth[0] = value;
        w = target;
        int since = 0;
        for (int k = start + 1; k < t; k++) {
            double rp = 0.0;
            for (int i = 0; i < n; i++) {
                rp += w[i] * returns[k][i];
            }
            double[] drifted = new double[n];
            for (int i = 0; i < n; i++) {
                drifted[i] = w[i] * (1.0 + returns[k][i]) / (1.0 + rp);
            }
            double before = value;
            value *= 1.0 + rp;
            since++;
            w = drifted;
            if (schedule.rebalanceToday(dates[k - 1], dates[k], since, drifted, target)) {
                target = rebalance(k, dates[k], returns, drifted, events);
                value *= 1.0 - events.get(events.size() - 1).cost();
                w = target;
                since = 0;
            }
            net[k - start] = value / before - 1.0;
            wealth[k - start] = value;
        }
        return new RebalanceResult(outDates, net, wealth, List.copyOf(events), periodsPerYear);
    }

    private double[] rebalance(int k, LocalDate date, double[][] returns, double[] held, List<RebalanceEvent> events) {
        double[][] window = Arrays.copyOfRange(returns, k - lookback + 1, k + 1);
        double[] target = rule.targetWeights(window, held.clone());
        if (target.length != held.length) {
            throw new IllegalStateException("rebalancer: the rule returned " + target.length + " weights on " + date
                    + ", expected " + held.length);
        }
        double turnover = 0.0;
        for (int i = 0; i < held.length; i++) {
            if (!Double.isFinite(target[i])) {
                throw new IllegalStateException("rebalancer: the rule returned weight " + i + " = " + target[i]
                        + " on " + date);
            }
            turnover += Math.abs(target[i] - held[i]);
        }
        events.add(new RebalanceEvent(k, date, held.clone(), target.clone(), turnover, costRate * turnover));
        return target.clone();
    }
}
