package io.qtrade.research.montecarlo;

import io.qtrade.risk.metrics.PerformanceMetrics;
import io.qtrade.risk.metrics.QuantileMethod;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;

/**
 * The resampled distributions of a {@link MonteCarlo}: final value, Sharpe ratio and maximum drawdown, with
 * percentile confidence intervals (sample quantiles by {@link QuantileMethod#LINEAR}, numpy's default and R's type 7;
 * resamples whose Sharpe ratio is undefined, a constant resample, are left out of its distribution).
 */
public final class MonteCarloResult {

    /** A statistic of a path. */
    public enum Statistic {
        /** The final value: total PnL, or total return. */
        FINAL,
        /** The Sharpe ratio. */
        SHARPE,
        /** The maximum drawdown (positive). */
        MAX_DRAWDOWN
    }

    private final double[] observed;
    private final double[][] sorted;
    private final MonteCarlo settings;

    MonteCarloResult(double observedFinal, double observedSharpe, double observedDrawdown, double[] finals,
                     double[] sharpes, double[] drawdowns, MonteCarlo settings) {
        this.observed = new double[] {observedFinal, observedSharpe, observedDrawdown};
        this.sorted = new double[][] {sortedFinite(finals), sortedFinite(sharpes), sortedFinite(drawdowns)};
        this.settings = settings;
    }

    private static double[] sortedFinite(double[] values) {
        double[] out = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                out[n++] = v;
            }
        }
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    /** The statistic of the original series. */
    public double observed(Statistic s) {
        return observed[s.ordinal()];
    }

    /** The resampled values of the statistic, sorted ascending (a copy). */
    public double[] distribution(Statistic s) {
        return sorted[s.ordinal()].clone();
    }

    /** The mean of the resampled statistic. */
    public double mean(Statistic s) {
        return PerformanceMetrics.mean(sorted[s.ordinal()]);
    }

    /** The {@code p}-quantile of the resampled statistic, {@code p} in [0, 1]. */
    public double quantile(Statistic s, double p) {
        return QuantileMethod.LINEAR.ofSorted(sorted[s.ordinal()], p);
    }

    /**
     * The equal-tailed percentile interval holding {@code confidence} of the resampled statistic:
     * {@code [q((1-c)/2), q((1+c)/2)]}.
     */
    public double[] interval(Statistic s, double confidence) {
        if (!(confidence > 0.0 && confidence < 1.0)) {
            throw new IllegalArgumentException("confidence = " + confidence + ", expected in (0, 1)");
        }
        return new double[] {quantile(s, (1.0 - confidence) / 2.0), quantile(s, (1.0 + confidence) / 2.0)};
    }

    /** The share of resamples whose final value is below 0 (a losing path). */
    public double probabilityOfLoss() {
        double[] finals = sorted[Statistic.FINAL.ordinal()];
        int below = 0;
        while (below < finals.length && finals[below] < 0.0) {
            below++;
        }
        return (double) below / finals.length;
    }

    /**
     * One row per statistic: {@code statistic, observed, mean, std, lower, median, upper} with the
     * {@code confidence} percentile interval.
     */
    public Table summary(double confidence) {
        StringColumn name = StringColumn.create("statistic");
        DoubleColumn obs = DoubleColumn.create("observed");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn std = DoubleColumn.create("std");
        DoubleColumn lower = DoubleColumn.create("lower");
        DoubleColumn median = DoubleColumn.create("median");
        DoubleColumn upper = DoubleColumn.create("upper");
        for (Statistic s : Statistic.values()) {
            double[] ci = interval(s, confidence);
            name.append(s.name().toLowerCase(java.util.Locale.ROOT));
            obs.append(observed(s));
            mean.append(mean(s));
            std.append(sorted[s.ordinal()].length > 1 ? PerformanceMetrics.std(sorted[s.ordinal()], 1) : Double.NaN);
            lower.append(ci[0]);
            median.append(quantile(s, 0.5));
            upper.append(ci[1]);
        }
        return Table.create("monte carlo, " + Math.round(confidence * 100) + "% intervals").addColumns(name, obs, mean,
                std, lower, median, upper);
    }

    @Override
    public String toString() {
        return "MonteCarloResult[" + settings + "]";
    }
}
