package io.qtrade.risk.metrics;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * Performance metrics of a return or equity series, under explicit {@link Conventions}.
 *
 * <pre>{@code
 * r_t = E_t / E_{t-1} - 1                          (from equity E_0..E_n: n returns)
 * total      = prod(1 + r_t) - 1
 * annualised = (1 + total)^(P / n) - 1             P = periodsPerYear (compound annual growth rate)
 * vol        = std(r, ddof),   annualised vol = vol sqrt(P)
 * Sharpe     = mean(r - rf) / std(r - rf, ddof) sqrt(P)
 * Sortino    = mean(r - mar) / DD sqrt(P),   DD = sqrt(sum_t min(r_t - mar, 0)^2 / n)        (all n periods)
 * Sortino'   = mean(r - mar) / std({r_t - mar : r_t < mar}, ddof 1) sqrt(P)                    (negatives only)
 * Calmar     = annualised / maxDrawdown        (compounded drawdown, Drawdown.ofReturnsCompounded)
 * win rate   = count(r > 0) / count(r != 0)    profit factor = sum(r_t > 0) / -sum(r_t < 0)
 * turnover   = traded notional / mean(E)       (one-way, over the whole series; divide by years for a rate)
 * }</pre>
 *
 * <p>References: W. F. Sharpe (1994), "The Sharpe Ratio", <i>J. Portfolio Management</i> 21(1), 49-58; F. A. Sortino
 * and L. N. Price (1994), "Performance measurement in a downside risk framework", <i>J. Investing</i> 3(3), 59-64
 * (downside deviation over all periods, as in Sortino's and PerformanceAnalytics' {@code DownsideDeviation}); T. W.
 * Young (1991), "Calmar ratio: a smoother tool", <i>Futures</i> 20(1), 40; win rate and profit factor as in
 * quantstats' {@code win_rate} and {@code profit_factor}. The annualisation by {@code sqrt(P)} assumes independent,
 * identically distributed returns on a regular grid: resample an irregular equity series first. Checked against
 * numpy 1.24 in {@code refcases/performance_metrics_expected.json}: both Sharpe ddofs, both Sortino variants, the
 * compounded and additive drawdown, total and annualised return.
 *
 * <p>Mean and variance are commons-math3's (two-pass, corrected); a series must hold at least two returns. Inputs are
 * never modified. Stateless; every method is a pure function.
 */
public final class PerformanceMetrics {

    private PerformanceMetrics() {
    }

    /**
     * Every metric of a return series.
     *
     * @param returns simple returns per period, finite, each > -1, at least 2 (not modified)
     */
    public static PerformanceSummary ofReturns(double[] returns, Conventions conventions) {
        requireReturns(returns, "returns");
        if (returns.length < 2) {
            throw new IllegalArgumentException("returns: " + returns.length + " value(s), expected at least 2");
        }
        Conventions c = java.util.Objects.requireNonNull(conventions, "conventions");
        int n = returns.length;
        double p = c.periodsPerYear();
        double total = totalReturn(returns);
        double annualised = annualisedReturn(returns, p);
        double vol = std(returns, c.ddof());
        Drawdown dd = Drawdown.ofReturnsCompounded(returns);
        double[] m = centralMoments(returns);
        double skew = m[2] / Math.pow(m[1], 1.5);
        double kurt = m[3] / (m[1] * m[1]) - 3.0;
        return new PerformanceSummary(c, n, total, annualised, m[0], vol, vol * Math.sqrt(p),
                sharpe(returns, c), sortino(returns, c), sortinoNegativeOnly(returns, c),
                downsideDeviation(returns, c.marPerPeriod()), ratio(annualised, dd.maxDrawdown()), dd, skew, kurt,
                winRate(returns), profitFactor(returns),
                new HistoricalVar(c.confidence(), c.quantileMethod(), HistoricalVar.TailRule.AT_OR_BELOW_QUANTILE)
                        .valueAtRisk(returns),
                new HistoricalVar(c.confidence(), c.quantileMethod(), HistoricalVar.TailRule.AT_OR_BELOW_QUANTILE)
                        .expectedShortfall(returns),
                new GaussianVar(c.confidence(), c.ddof()).valueAtRisk(returns),
                new GaussianVar(c.confidence(), c.ddof()).expectedShortfall(returns),
                m[1] > 0.0 ? new CornishFisherVar(c.confidence()).valueAtRisk(returns) : Double.NaN,
                m[1] > 0.0 ? new CornishFisherVar(c.confidence()).expectedShortfall(returns) : Double.NaN);
    }

    /**
     * Every metric of an equity series sampled on a regular grid (returns {@code E_t / E_{t-1} - 1}); the drawdown
     * is the equity's own ({@link Drawdown#ofEquity}), so its amount is in currency.
     *
     * @param equity equity E_0..E_n, finite, > 0, at least 3 values (not modified)
     */
    public static PerformanceSummary ofEquity(double[] equity, Conventions conventions) {
        double[] r = returnsOf(equity);
        PerformanceSummary s = ofReturns(r, conventions);
        Drawdown dd = Drawdown.ofEquity(equity);
        return new PerformanceSummary(s.conventions(), s.periods(), s.totalReturn(), s.annualisedReturn(),
                s.meanReturn(), s.volatility(), s.annualisedVolatility(), s.sharpe(), s.sortino(),
                s.sortinoNegativeOnly(), s.downsideDeviation(), ratio(s.annualisedReturn(), dd.maxDrawdown()), dd,
                s.skewness(), s.excessKurtosis(), s.winRate(), s.profitFactor(), s.historicalVar(), s.historicalEs(),
                s.gaussianVar(), s.gaussianEs(), s.cornishFisherVar(), s.cornishFisherEs());
    }

    /**
     * Simple returns of an equity series, {@code r_t = E_{t+1} / E_t - 1} for t = 0..n-1 (a new array of n).
     *
     * @param equity E_0..E_n, finite, > 0 (not modified)
     */
    public static double[] returnsOf(double[] equity) {
        requireFinite(equity, "equity");
        double[] r = new double[Math.max(0, equity.length - 1)];
        for (int t = 0; t < equity.length; t++) {
            if (!(equity[t] > 0.0)) {
                throw new IllegalArgumentException("equity[" + t + "] = " + equity[t]
                        + ", expected > 0 for simple returns");
            }
            if (t > 0) {
                r[t - 1] = equity[t] / equity[t - 1] - 1.0;
            }
        }
        return r;
    }

    /** Arithmetic mean (commons-math3 {@link Mean}). */
    public static double mean(double[] values) {
        requireFinite(values, "returns");
        if (values.length == 0) {
            throw new IllegalArgumentException("returns: empty, expected at least one value");
        }
        return new Mean().evaluate(values);
    }

    /**
     * Standard deviation with {@code ddof} delta degrees of freedom: {@code sqrt(sum (r - mean)^2 / (n - ddof))}.
     *
     * @param ddof 0 (population) or 1 (sample); needs n > ddof
     */
    public static double std(double[] values, int ddof) {
        requireFinite(values, "returns");
        if (ddof != 0 && ddof != 1) {
            throw new IllegalArgumentException("ddof = " + ddof + ", expected 0 or 1");
        }
        if (values.length <= ddof) {
            throw new IllegalArgumentException("returns: " + values.length + " value(s), need more than ddof = "
                    + ddof);
        }
        return Math.sqrt(new Variance(ddof == 1).evaluate(values));
    }

    /** {@code prod(1 + r) - 1}. */
    public static double totalReturn(double[] returns) {
        requireReturns(returns, "returns");
        double w = 1.0;
        for (double r : returns) {
            w *= 1.0 + r;
        }
        return w - 1.0;
    }

    /** {@code (1 + total)^(periodsPerYear / n) - 1}. */
    public static double annualisedReturn(double[] returns, double periodsPerYear) {
        double total = totalReturn(returns);
        if (returns.length == 0) {
            throw new IllegalArgumentException("returns: empty, expected at least one value");
        }
        return Math.pow(1.0 + total, periodsPerYear / returns.length) - 1.0;
    }

    /** Annualised Sharpe ratio: {@code mean(r - rf) / std(r - rf, ddof) * sqrt(P)}. */
    public static double sharpe(double[] returns, Conventions c) {
        double[] excess = shifted(returns, c.riskFreePerPeriod());
        return ratio(mean(excess), std(excess, c.ddof())) * Math.sqrt(c.periodsPerYear());
    }

    /** Downside deviation over all n periods: {@code sqrt(sum min(r - mar, 0)^2 / n)}. */
    public static double downsideDeviation(double[] returns, double marPerPeriod) {
        requireFinite(returns, "returns");
        double sum = 0.0;
        for (double r : returns) {
            double d = Math.min(r - marPerPeriod, 0.0);
            sum += d * d;
        }
        return Math.sqrt(sum / returns.length);
    }

    /** Annualised Sortino ratio with the downside deviation over all periods. */
    public static double sortino(double[] returns, Conventions c) {
        double excessMean = mean(returns) - c.marPerPeriod();
        return ratio(excessMean, downsideDeviation(returns, c.marPerPeriod())) * Math.sqrt(c.periodsPerYear());
    }

    /** Annualised Sortino variant: the std (ddof 1) of the below-MAR excess returns only. NaN with fewer than 2. */
    public static double sortinoNegativeOnly(double[] returns, Conventions c) {
        double excessMean = mean(returns) - c.marPerPeriod();
        int k = 0;
        for (double r : returns) {
            if (r < c.marPerPeriod()) {
                k++;
            }
        }
        if (k < 2) {
            return Double.NaN;
        }
        double[] neg = new double[k];
        k = 0;
        for (double r : returns) {
            if (r < c.marPerPeriod()) {
                neg[k++] = r - c.marPerPeriod();
            }
        }
        return ratio(excessMean, std(neg, 1)) * Math.sqrt(c.periodsPerYear());
    }

    /** {@code count(r > 0) / count(r != 0)}, NaN when every return is 0. */
    public static double winRate(double[] returns) {
        requireFinite(returns, "returns");
        int wins = 0;
        int nonZero = 0;
        for (double r : returns) {
            if (r > 0.0) {
                wins++;
            }
            if (r != 0.0) {
                nonZero++;
            }
        }
        return nonZero == 0 ? Double.NaN : (double) wins / nonZero;
    }

    /** {@code sum of gains / sum of losses} (losses as a positive sum), NaN without a loss. */
    public static double profitFactor(double[] returns) {
        requireFinite(returns, "returns");
        double gains = 0.0;
        double losses = 0.0;
        for (double r : returns) {
            if (r > 0.0) {
                gains += r;
            } else {
                losses -= r;
            }
        }
        return ratio(gains, losses);
    }

    /**
     * One-way turnover over the series: traded notional divided by the mean equity (2.0 = the average capital was
     * traded twice, counting buys and sells).
     *
     * @param tradedNotional sum of |price x qty x multiplier| of every fill, >= 0
     * @param equity         the equity series, finite, mean > 0 (not modified)
     */
    public static double turnover(double tradedNotional, double[] equity) {
        if (!(tradedNotional >= 0.0) || Double.isInfinite(tradedNotional)) {
            throw new IllegalArgumentException("tradedNotional = " + tradedNotional + ", expected finite and >= 0");
        }
        double meanEquity = mean(equity);
        if (!(meanEquity > 0.0)) {
            throw new IllegalArgumentException("equity: mean = " + meanEquity + ", expected > 0 for a turnover");
        }
        return tradedNotional / meanEquity;
    }

    /** Mean and population central moments {@code [mu, m2, m3, m4]}, {@code m_k = (1/n) sum (r - mu)^k}. */
    public static double[] centralMoments(double[] values) {
        double mu = mean(values);
        double m2 = 0.0;
        double m3 = 0.0;
        double m4 = 0.0;
        for (double v : values) {
            double d = v - mu;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        int n = values.length;
        return new double[] {mu, m2 / n, m3 / n, m4 / n};
    }

    static double ratio(double numerator, double denominator) {
        return denominator == 0.0 ? Double.NaN : numerator / denominator;
    }

    private static double[] shifted(double[] returns, double by) {
        requireFinite(returns, "returns");
        double[] out = new double[returns.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = returns[i] - by;
        }
        return out;
    }

    static void requireFinite(double[] values, String name) {
        java.util.Objects.requireNonNull(values, name);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + ", expected finite");
            }
        }
    }

    static void requireReturns(double[] returns, String name) {
        requireFinite(returns, name);
        for (int i = 0; i < returns.length; i++) {
            if (!(returns[i] > -1.0)) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + returns[i]
                        + ", expected > -1 (a simple return of -100 % or worse leaves no wealth to compound)");
            }
        }
    }
}
