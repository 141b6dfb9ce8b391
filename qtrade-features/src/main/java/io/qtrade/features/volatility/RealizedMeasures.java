package io.qtrade.features.volatility;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;

/**
 * Batch realized measures of one session's intraday returns: realized variance, bipower variation, previous-tick
 * sampling on a time grid and the subsampled (average) realized variance.
 *
 * <pre>{@code
 * r_i = ln P(g_i) - ln P(g_{i-1})                          log return between grid points g_{i-1}, g_i
 * P(g) = price of the last tick with time <= g            previous-tick sampling (ties: the later tick)
 * RV   = sum_{i=1..n} r_i^2                                realized variance
 * BV   = (pi/2) * sum_{i=2..n} |r_i| |r_{i-1}|             bipower variation, no n/(n-1) factor
 * RV_avg = (1/K) sum_{k=0..K-1} RV(grid shifted by k*step/K)   subsampled RV
 * }</pre>
 *
 * <p>References: [1] T. G. Andersen, T. Bollerslev, F. X. Diebold, P. Labys (2001), "The Distribution of Realized
 * Exchange Rate Volatility", <i>JASA</i> 96, 42-55 (RV). [2] O. E. Barndorff-Nielsen, N. Shephard (2004), "Power and
 * Bipower Variation with Stochastic Volatility and Jumps", <i>J. Financial Econometrics</i> 2(1), 1-37 (BV, with
 * mu_1^-2 = pi/2; the n/(n-1) small-sample factor some authors add is NOT applied: multiply by n/(n-1) yourself
 * if you want it). [3] L. Zhang, P. A. Mykland, Y. Ait-Sahalia (2005), "A Tale of Two Time Scales", <i>JASA</i>
 * 100, 1394-1411 (the average of RVs over K offset grids, their RV^(avg)).
 *
 * <p>Units: returns are log returns, so RV and BV are variances of log price over the session (per session, not
 * annualised: use {@link Annualisation}). Timestamps are epoch nanoseconds. The streaming forms, fed every tick, are
 * {@link RealizedVarianceOnGrid} and {@link SubsampledRealizedVarianceOnGrid}; they give the same numbers
 * (property-tested).
 */
public final class RealizedMeasures {

    private RealizedMeasures() {
    }

    /** Realized variance {@code sum r_i^2} of the returns (not modified); 0 for none. */
    public static double realizedVariance(double[] returns) {
        double rv = 0.0;
        for (int i = 0; i < returns.length; i++) {
            double r = returns[i];
            requireFinite(r, "returns", i);
            rv += r * r;
        }
        return rv;
    }

    /** Realized variance of the first {@code count} returns (not modified). */
    public static double realizedVariance(double[] returns, int count) {
        checkCount(returns, count);
        double rv = 0.0;
        for (int i = 0; i < count; i++) {
            double r = returns[i];
            requireFinite(r, "returns", i);
            rv += r * r;
        }
        return rv;
    }

    /** Realized variance of a Tablesaw column of returns; a missing value is rejected with its row. */
    public static double realizedVariance(DoubleColumn returns) {
        return realizedVariance(columnValues(returns));
    }

    /** Bipower variation {@code (pi/2) sum_{i>=1} |r_i||r_{i-1}|} of the returns (not modified); 0 for fewer than 2. */
    public static double bipowerVariation(double[] returns) {
        return bipowerVariation(returns, returns.length);
    }

    /** Bipower variation of the first {@code count} returns (not modified). */
    public static double bipowerVariation(double[] returns, int count) {
        checkCount(returns, count);
        double sum = 0.0;
        for (int i = 0; i < count; i++) {
            requireFinite(returns[i], "returns", i);
            if (i > 0) {
                sum += Math.abs(returns[i]) * Math.abs(returns[i - 1]);
            }
        }
        return 0.5 * Math.PI * sum;
    }

    /** Bipower variation of a Tablesaw column of returns; a missing value is rejected with its row. */
    public static double bipowerVariation(DoubleColumn returns) {
        return bipowerVariation(columnValues(returns));
    }

    /**
     * Log returns {@code ln p_i - ln p_{i-1}}, i = 1..n-1, of consecutive prices (tick by tick).
     *
     * @param prices positive prices (not modified)
     * @return a fresh array of length max(n - 1, 0)
     */
    public static double[] logReturns(double[] prices) {
        for (int i = 0; i < prices.length; i++) {
            requirePositive(prices[i], "prices", i);
        }
        double[] out = new double[Math.max(prices.length - 1, 0)];
        for (int i = 1; i < prices.length; i++) {
            out[i - 1] = Math.log(prices[i]) - Math.log(prices[i - 1]);
        }
        return out;
    }

    /**
     * Log returns on the grid {@code g_k = startNanos + k * stepNanos}, k = 0..N, N = (endNanos - startNanos) /
     * stepNanos, sampled by the previous tick: return k (k = 1..N) is {@code ln P(g_k) - ln P(g_{k-1})}. Grid points
     * before the first tick have no price and start no return; ticks before {@code startNanos} do set P(g_0).
     *
     * @param tsNanos    tick times, non-decreasing (not modified)
     * @param prices     tick prices, > 0 (not modified)
     * @param startNanos first grid point
     * @param endNanos   last grid point; (endNanos - startNanos) must be a multiple of stepNanos
     * @param stepNanos  grid spacing, > 0
     * @param out        receives the returns in grid order (modified); length >= N
     * @return the number of returns written
     */
    public static int previousTickLogReturns(long[] tsNanos, double[] prices, long startNanos, long endNanos,
                                             long stepNanos, double[] out) {
        checkTicks(tsNanos, prices);
        if (stepNanos <= 0) {
            throw new IllegalArgumentException("stepNanos = " + stepNanos + " must be > 0");
        }
        if (endNanos < startNanos || (endNanos - startNanos) % stepNanos != 0) {
            throw new IllegalArgumentException("endNanos - startNanos = " + (endNanos - startNanos)
                    + " must be a non-negative multiple of stepNanos = " + stepNanos);
        }
        long gridCount = (endNanos - startNanos) / stepNanos;
        if (out.length < gridCount) {
            throw new IllegalArgumentException("out has length " + out.length + ", needs " + gridCount);
        }
        int i = 0;
        int n = tsNanos.length;
        double prevLog = Double.NaN;
        int written = 0;
        for (long k = 0; k <= gridCount; k++) {
            long g = startNanos + k * stepNanos;
            while (i < n && tsNanos[i] <= g) {
                i++;
            }
            if (i == 0) {
                continue;
            }
            double logPrice = Math.log(prices[i - 1]);
            if (prevLog == prevLog) {
                out[written++] = logPrice - prevLog;
            }
            prevLog = logPrice;
        }
        return written;
    }

    /**
     * Realized variance on a grid of {@code stepNanos} from {@code startNanos} to {@code endNanos} by
     * previous-tick sampling ({@link #previousTickLogReturns}).
     */
    public static double realizedVarianceOnGrid(long[] tsNanos, double[] prices, long startNanos, long endNanos,
                                                long stepNanos) {
        double[] r = new double[(int) Math.max(0, (endNanos - startNanos) / Math.max(stepNanos, 1))];
        int n = previousTickLogReturns(tsNanos, prices, startNanos, endNanos, stepNanos, r);
        return realizedVariance(r, n);
    }

    /**
     * {@link #realizedVarianceOnGrid(long[], double[], long, long, long)} over Tablesaw columns of tick times (epoch
     * nanoseconds) and prices; a missing value is rejected with its column and row.
     */
    public static double realizedVarianceOnGrid(LongColumn tsNanos, DoubleColumn prices, long startNanos,
                                                long endNanos, long stepNanos) {
        long[] ts = new long[tsNanos.size()];
        for (int i = 0; i < ts.length; i++) {
            if (tsNanos.isMissing(i)) {
                throw new IllegalArgumentException("column '" + tsNanos.name() + "' row " + i + " is missing");
            }
            ts[i] = tsNanos.getLong(i);
        }
        return realizedVarianceOnGrid(ts, columnValues(prices), startNanos, endNanos, stepNanos);
    }

    /**
     * Subsampled realized variance (Zhang, Mykland and Ait-Sahalia 2005, RV^(avg)): the average of the
     * previous-tick RVs on {@code subgrids} grids of spacing {@code stepNanos}, grid k starting at
     * {@code startNanos + k * stepNanos / subgrids} and ending at its last point {@code <= endNanos}.
     *
     * @param subgrids K >= 1; {@code stepNanos} must be a multiple of K. K = 1 is the plain grid RV.
     */
    public static double subsampledRealizedVariance(long[] tsNanos, double[] prices, long startNanos, long endNanos,
                                                    long stepNanos, int subgrids) {
        if (subgrids < 1) {
            throw new IllegalArgumentException("subgrids = " + subgrids + " must be >= 1");
        }
        if (stepNanos <= 0 || stepNanos % subgrids != 0) {
            throw new IllegalArgumentException("stepNanos = " + stepNanos + " must be > 0 and a multiple of subgrids = "
                    + subgrids);
        }
        if (endNanos - startNanos < stepNanos) {
            throw new IllegalArgumentException("the session [" + startNanos + ", " + endNanos
                    + "] is shorter than one step of " + stepNanos + " ns");
        }
        long offset = stepNanos / subgrids;
        double[] r = new double[(int) ((endNanos - startNanos) / stepNanos)];
        double sum = 0.0;
        for (int k = 0; k < subgrids; k++) {
            long s = startNanos + k * offset;
            long e = s + ((endNanos - s) / stepNanos) * stepNanos;
            int n = previousTickLogReturns(tsNanos, prices, s, e, stepNanos, r);
            sum += realizedVariance(r, n);
        }
        return sum / subgrids;
    }

    static void checkTicks(long[] tsNanos, double[] prices) {
        if (tsNanos.length != prices.length) {
            throw new IllegalArgumentException("tsNanos has " + tsNanos.length + " values but prices has "
                    + prices.length);
        }
        for (int i = 0; i < tsNanos.length; i++) {
            requirePositive(prices[i], "prices", i);
            if (i > 0 && tsNanos[i] < tsNanos[i - 1]) {
                throw new IllegalArgumentException("tsNanos[" + i + "] = " + tsNanos[i] + " is before tsNanos["
                        + (i - 1) + "] = " + tsNanos[i - 1] + ": ticks must be in time order");
            }
        }
    }

    static double[] columnValues(DoubleColumn column) {
        double[] v = new double[column.size()];
        for (int i = 0; i < v.length; i++) {
            if (column.isMissing(i)) {
                throw new IllegalArgumentException("column '" + column.name() + "' row " + i + " is missing");
            }
            v[i] = column.getDouble(i);
        }
        return v;
    }

    private static void checkCount(double[] values, int count) {
        if (count < 0 || count > values.length) {
            throw new IllegalArgumentException("count = " + count + " must be in [0, " + values.length + "]");
        }
    }

    private static void requireFinite(double v, String name, int index) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + "[" + index + "] = " + v + " is not finite");
        }
    }

    private static void requirePositive(double v, String name, int index) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + "[" + index + "] = " + v + " must be finite and > 0");
        }
    }
}
