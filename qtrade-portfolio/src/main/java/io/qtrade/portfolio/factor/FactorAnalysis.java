package io.qtrade.portfolio.factor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Alphalens-style factor research on {@link FactorData} (Quantopian's alphalens, {@code performance.py}):
 * <ul>
 * <li>information coefficient per date: the cross-sectional Spearman (or Pearson) correlation between the factor at
 * t and the forward return {@code P_{t+h}/P_t - 1}, with mean, std, IR, t-statistic and p-value, and its decay over
 * horizons (default 1, 5, 21);</li>
 * <li>quantile portfolios: per date the assets with a finite factor are cut into Q quantiles as pandas
 * {@code qcut(factor, Q)} does (edges at the linear-interpolated quantiles; for the asset at 0-based sorted position
 * j of n, quantile {@code max(1, ceil(j Q / (n-1)))}, ties sharing the quantile of their first position), equal or
 * |factor| weighted; long-short = top minus bottom; turnover per quantile;</li>
 * <li>factor rank autocorrelation: Spearman correlation between the factor at t and at t-lag over the assets present
 * at both.</li>
 * </ul>
 */
public final class FactorAnalysis {

    /** Alphalens' default horizons: 1, 5 and 21 dates. */
    public static final int[] DEFAULT_HORIZONS = {1, 5, 21};

    private static final int MIN_ASSETS = 3;

    private FactorAnalysis() {
    }

    /** The IC series for one horizon. */
    public static IcSeries informationCoefficient(FactorData data, int horizon, CorrelationMethod method) {
        double[][] fwd = data.forwardReturns(horizon);
        int t = data.dateCount();
        double[] ic = new double[t];
        for (int k = 0; k < t; k++) {
            ic[k] = crossSectionCorrelation(data.factor()[k], fwd[k], method);
        }
        return summarise(horizon, method, ic);
    }

    /** IC decay: one {@link IcSeries} per horizon. */
    public static List<IcSeries> informationCoefficientDecay(FactorData data, int[] horizons,
                                                             CorrelationMethod method) {
        List<IcSeries> out = new ArrayList<>();
        for (int h : horizons) {
            out.add(informationCoefficient(data, h, method));
        }
        return out;
    }

    /** The correlation of two cross-sections over the assets where both are finite (NaN below 3 such assets). */
    public static double crossSectionCorrelation(double[] factor, double[] forward, CorrelationMethod method) {
        double[][] p = Ranks.finitePairs(factor, forward);
        if (p[0].length < MIN_ASSETS) {
            return Double.NaN;
        }
        return method == CorrelationMethod.SPEARMAN ? Ranks.pearson(Ranks.average(p[0]), Ranks.average(p[1]))
                : Ranks.pearson(p[0], p[1]);
    }

    private static IcSeries summarise(int horizon, CorrelationMethod method, double[] ic) {
        double[] s = stats(ic);
        return new IcSeries(horizon, method, ic, s[0], s[1], s[0] / s[1], s[2], s[3], (int) s[4]);
    }

    /** mean, std (ddof 1), t, two-sided p, n over the finite values. */
    static double[] stats(double[] x) {
        int n = 0;
        double sum = 0.0;
        for (double v : x) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0};
        }
        double mean = sum / n;
        double ss = 0.0;
        for (double v : x) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double std = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
        double t = mean / (std / Math.sqrt(n));
        double p = n > 1 && Double.isFinite(t) ? 2.0 * new TDistribution(n - 1).cumulativeProbability(-Math.abs(t))
                : Double.NaN;
        return new double[] {mean, std, t, p, n};
    }

    /**
     * Quantile of each asset in one cross-section (1..Q; 0 where the factor is not finite), as pandas
     * {@code qcut(labels=False) + 1}.
     */
    public static int[] quantiles(double[] factor, int quantiles) {
        if (quantiles < 2) {
            throw new IllegalArgumentException("quantiles: " + quantiles + ", expected >= 2");
        }
        int n = 0;
        for (double v : factor) {
            if (Double.isFinite(v)) {
                n++;
            }
        }
        int[] q = new int[factor.length];
        if (n < quantiles) {
            return q;
        }
        Integer[] idx = new Integer[n];
        int k = 0;
        for (int i = 0; i < factor.length; i++) {
            if (Double.isFinite(factor[i])) {
                idx[k++] = i;
            }
        }
        Arrays.sort(idx, (a, b) -> Double.compare(factor[a], factor[b]));
        int first = 0;
        for (int j = 0; j < n; j++) {
            if (j > 0 && factor[idx[j]] != factor[idx[j - 1]]) {
                first = j;
            }
            q[idx[j]] = Math.max(1, (int) Math.ceil((double) first * quantiles / (n - 1)));
        }
        return q;
    }

    /** Quantile portfolio returns over horizon h, with long-short and turnover (lag h). */
    public static QuantileReturns quantileReturns(FactorData data, int horizon, int quantiles,
                                                  QuantileWeighting weighting) {
        double[][] fwd = data.forwardReturns(horizon);
        int t = data.dateCount();
        double[][] per = new double[t][quantiles];
        double[] ls = new double[t];
        int[][] buckets = new int[t][];
        for (int k = 0; k < t; k++) {
            double[] f = data.factor()[k];
            int[] qk = quantiles(f, quantiles);
            buckets[k] = qk;
            double[] num = new double[quantiles];
            double[] den = new double[quantiles];
            for (int i = 0; i < f.length; i++) {
                if (qk[i] == 0 || !Double.isFinite(fwd[k][i])) {
                    continue;
                }
                double w = weighting == QuantileWeighting.EQUAL ? 1.0 : Math.abs(f[i]);
                num[qk[i] - 1] += w * fwd[k][i];
                den[qk[i] - 1] += w;
            }
            for (int q = 0; q < quantiles; q++) {
                per[k][q] = den[q] > 0.0 ? num[q] / den[q] : Double.NaN;
            }
            ls[k] = per[k][quantiles - 1] - per[k][0];
        }
        double[] mean = new double[quantiles];
        double[] col = new double[t];
        for (int q = 0; q < quantiles; q++) {
            for (int k = 0; k < t; k++) {
                col[k] = per[k][q];
            }
            mean[q] = stats(col)[0];
        }
        double[] lsStats = stats(ls);
        double[] turnover = new double[quantiles];
        for (int q = 0; q < quantiles; q++) {
            turnover[q] = stats(quantileTurnover(buckets, q + 1, horizon))[0];
        }
        return new QuantileReturns(horizon, quantiles, weighting, per, mean, ls, lsStats[0], lsStats[2], turnover);
    }

    /**
     * Turnover of quantile q per date: the share of its assets at t that were not in it at t - lag (alphalens
     * {@code quantile_turnover}); NaN for the first lag dates and when the quantile is empty.
     */
    public static double[] quantileTurnover(FactorData data, int quantiles, int quantile, int lag) {
        int t = data.dateCount();
        int[][] buckets = new int[t][];
        for (int k = 0; k < t; k++) {
            buckets[k] = quantiles(data.factor()[k], quantiles);
        }
        return quantileTurnover(buckets, quantile, lag);
    }

    private static double[] quantileTurnover(int[][] buckets, int quantile, int lag) {
        double[] out = new double[buckets.length];
        for (int k = 0; k < buckets.length; k++) {
            if (k < lag) {
                out[k] = Double.NaN;
                continue;
            }
            int now = 0;
            int fresh = 0;
            for (int i = 0; i < buckets[k].length; i++) {
                if (buckets[k][i] == quantile) {
                    now++;
                    if (buckets[k - lag][i] != quantile) {
                        fresh++;
                    }
                }
            }
            out[k] = now == 0 ? Double.NaN : (double) fresh / now;
        }
        return out;
    }

    /**
     * Factor rank autocorrelation per date: Spearman correlation of the factor at t and at t - lag over the assets
     * finite at both (alphalens {@code factor_rank_autocorrelation}); NaN for the first lag dates.
     */
    public static double[] rankAutocorrelation(FactorData data, int lag) {
        if (lag < 1) {
            throw new IllegalArgumentException("rank autocorrelation: lag " + lag + ", expected >= 1");
        }
        int t = data.dateCount();
        double[] out = new double[t];
        for (int k = 0; k < t; k++) {
            out[k] = k < lag ? Double.NaN
                    : crossSectionCorrelation(data.factor()[k], data.factor()[k - lag], CorrelationMethod.SPEARMAN);
        }
        return out;
    }

    /** The mean of the finite values (NaN when none). */
    public static double meanOfFinite(double[] x) {
        return stats(x)[0];
    }
}
