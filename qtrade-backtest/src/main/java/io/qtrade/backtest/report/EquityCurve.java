package io.qtrade.backtest.report;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.core.Instrument;
import io.qtrade.risk.metrics.Conventions;
import io.qtrade.risk.metrics.PerformanceMetrics;
import io.qtrade.risk.metrics.PerformanceSummary;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.Objects;

/**
 * One strategy's equity over time: {@code capital + strategy_net_pnl} at each mark of the result's equity table.
 *
 * <p>Return-based metrics need returns on a regular grid (Sharpe's {@code sqrt(periodsPerYear)} annualisation
 * assumes equal periods), but the equity table is marked at an interval and possibly at fills. {@link #resample}
 * takes the last equity at or before each grid time {@code t0, t0 + step, ...} (previous-tick sampling, the value a
 * risk system would have seen then) up to the last mark, which is always included as the final point. The grid's
 * periods per year are {@code 365 days / step}: a venue that trades around the clock; use
 * {@link Conventions#withPeriodsPerYear} for another calendar.
 *
 * <p>Capital: the curve starts at {@code capital}. {@link #of(BacktestResult, String)} uses the strategy's initial
 * cash; a strategy that started without cash (the backtester's default) has no natural base for returns, so it
 * takes the peak gross exposure over the marks, {@code max_t sum_i |position_i,t x mark_i,t x multiplier_i|}, and
 * says so in {@link #capitalSource()}.
 */
public final class EquityCurve {

    private final String strategyId;
    private final long[] ts;
    private final double[] equity;
    private final double capital;
    private final String capitalSource;

    private EquityCurve(String strategyId, long[] ts, double[] equity, double capital, String capitalSource) {
        this.strategyId = strategyId;
        this.ts = ts;
        this.equity = equity;
        this.capital = capital;
        this.capitalSource = capitalSource;
    }

    /**
     * A hand-made curve.
     *
     * @param ts     times, strictly increasing (copied)
     * @param equity equity at those times (copied)
     */
    public static EquityCurve of(String strategyId, long[] ts, double[] equity, double capital) {
        if (ts.length != equity.length) {
            throw new IllegalArgumentException("equity curve of " + strategyId + ": " + ts.length + " times and "
                    + equity.length + " values");
        }
        for (int k = 1; k < ts.length; k++) {
            if (ts[k] <= ts[k - 1]) {
                throw new IllegalArgumentException("equity curve of " + strategyId + ": ts[" + k + "] = " + ts[k]
                        + " is not after ts[" + (k - 1) + "] = " + ts[k - 1]);
            }
        }
        return new EquityCurve(strategyId, ts.clone(), equity.clone(), capital, "given");
    }

    /** The strategy's curve on its initial cash (or, without cash, its peak gross exposure; see the class comment). */
    public static EquityCurve of(BacktestResult result, String strategyId) {
        double cash = result.portfolio(strategyId).initialCash();
        if (cash > 0.0) {
            return of(result, strategyId, cash, "initial cash");
        }
        return of(result, strategyId, peakGrossExposure(result, strategyId), "peak gross exposure (no initial cash)");
    }

    /**
     * The strategy's curve on a given capital: {@code capital + strategy_net_pnl} at each mark.
     *
     * @param capital > 0
     */
    public static EquityCurve of(BacktestResult result, String strategyId, double capital) {
        return of(result, strategyId, capital, "given");
    }

    private static EquityCurve of(BacktestResult result, String strategyId, double capital, String source) {
        Objects.requireNonNull(result, "equity curve: result");
        result.portfolio(strategyId); // names the known strategies if this one is unknown
        Table t = result.equity();
        LongColumn tsCol = t.longColumn("ts");
        StringColumn strategy = t.stringColumn("strategy");
        DoubleColumn net = t.doubleColumn("strategy_net_pnl");
        long[] ts = new long[t.rowCount()];
        double[] eq = new double[t.rowCount()];
        int n = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            if (!strategy.get(r).equals(strategyId)) {
                continue;
            }
            long time = tsCol.getLong(r);
            if (n > 0 && ts[n - 1] == time) {
                eq[n - 1] = capital + net.getDouble(r);
            } else {
                ts[n] = time;
                eq[n] = capital + net.getDouble(r);
                n++;
            }
        }
        return new EquityCurve(strategyId, Arrays.copyOf(ts, n), Arrays.copyOf(eq, n), capital, source);
    }

    /** {@code max_t sum_i |position x mark x multiplier|} over the strategy's marks; 0 if it never held anything. */
    static double peakGrossExposure(BacktestResult result, String strategyId) {
        Table t = result.equity();
        LongColumn tsCol = t.longColumn("ts");
        StringColumn strategy = t.stringColumn("strategy");
        StringColumn symbol = t.stringColumn("symbol");
        DoubleColumn position = t.doubleColumn("position");
        DoubleColumn mark = t.doubleColumn("mark_price");
        double peak = 0.0;
        double current = 0.0;
        long at = Long.MIN_VALUE;
        for (int r = 0; r < t.rowCount(); r++) {
            if (!strategy.get(r).equals(strategyId)) {
                continue;
            }
            if (tsCol.getLong(r) != at) {
                peak = Math.max(peak, current);
                current = 0.0;
                at = tsCol.getLong(r);
            }
            double m = mark.getDouble(r);
            if (!Double.isNaN(m)) {
                current += Math.abs(position.getDouble(r) * m * multiplier(result, symbol.get(r)));
            }
        }
        return Math.max(peak, current);
    }

    private static double multiplier(BacktestResult result, String symbol) {
        for (Instrument i : result.instruments()) {
            if (i.id().equals(symbol)) {
                return i.contractMultiplier();
            }
        }
        throw new IllegalArgumentException("equity table names instrument '" + symbol + "', not in the result");
    }

    /**
     * The curve on a regular grid of {@code stepNanos} from its first time (previous-tick values), ending with the
     * last mark.
     *
     * @param stepNanos > 0
     */
    public EquityCurve resample(long stepNanos) {
        if (stepNanos <= 0) {
            throw new IllegalArgumentException("resample: stepNanos = " + stepNanos + ", expected > 0");
        }
        if (ts.length == 0) {
            return this;
        }
        long first = ts[0];
        long last = ts[ts.length - 1];
        long steps = (last - first) / stepNanos;
        if (steps > 50_000_000L) {
            throw new IllegalArgumentException("resample: " + steps + " steps of " + stepNanos
                    + " ns between " + first + " and " + last + ", expected at most 50,000,000");
        }
        int n = (int) steps + 1 + ((last - first) % stepNanos == 0 ? 0 : 1);
        long[] gt = new long[n];
        double[] ge = new double[n];
        int k = 0;
        for (int g = 0; g < n; g++) {
            long t = g == n - 1 ? last : first + g * stepNanos;
            while (k + 1 < ts.length && ts[k + 1] <= t) {
                k++;
            }
            gt[g] = t;
            ge[g] = equity[k];
        }
        return new EquityCurve(strategyId, gt, ge, capital, capitalSource);
    }

    /**
     * Performance metrics of this curve's returns ({@link PerformanceMetrics#ofEquity}); resample first.
     *
     * @throws IllegalArgumentException with fewer than 3 points, or a non-positive equity
     */
    public PerformanceSummary performance(Conventions conventions) {
        return PerformanceMetrics.ofEquity(equity, conventions);
    }

    /** The strategy. */
    public String strategyId() {
        return strategyId;
    }

    /** Times, epoch nanoseconds (a copy). */
    public long[] ts() {
        return ts.clone();
    }

    /** Equity (a copy). */
    public double[] equity() {
        return equity.clone();
    }

    /** Number of points. */
    public int size() {
        return ts.length;
    }

    /** The capital the curve starts from. */
    public double capital() {
        return capital;
    }

    /** Where the capital came from: "initial cash", "given" or "peak gross exposure (no initial cash)". */
    public String capitalSource() {
        return capitalSource;
    }

    /** The drawdown at each point, {@code 1 - E_t / max_{s<=t} E_s} (a new array). */
    public double[] drawdown() {
        double[] dd = new double[equity.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < equity.length; k++) {
            peak = Math.max(peak, equity[k]);
            dd[k] = peak > 0.0 ? 1.0 - equity[k] / peak : Double.NaN;
        }
        return dd;
    }

    @Override
    public String toString() {
        return "EquityCurve[strategyId=" + strategyId + ", points=" + ts.length + ", capital=" + capital + " ("
                + capitalSource + ")]";
    }
}
