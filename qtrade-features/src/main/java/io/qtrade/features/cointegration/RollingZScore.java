package io.qtrade.features.cointegration;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;

/**
 * Rolling z-score of a spread over the last {@code window} observations, the current one included; streaming
 * (O(1) amortised, allocation-free) and batch, both the same numbers, equal to pandas'
 * {@code (s - s.rolling(w).mean()) / s.rolling(w).std(ddof)}.
 * <pre>{@code
 * mean_t = (1/w) sum_{i=t-w+1..t} s_i
 * sd_t   = sqrt( sum_{i=t-w+1..t} (s_i - mean_t)^2 / (w - ddof) )
 * z_t    = (s_t - mean_t) / sd_t
 * }</pre>
 * {@code ddof} is 1 (sample standard deviation, pandas' default) or 0 (population). NaN until {@code window}
 * values have been seen, and NaN when the window is constant ({@code 0/0}). The z-score is the signal of the
 * classic pairs rule (Gatev, Goetzmann and Rouwenhorst 2006, "Pairs Trading", RFS 19(3); Chan 2013 ch. 3).
 *
 * <p>Mean and sum of squared deviations are updated by Welford's add-and-remove recursion; once per
 * {@code window} updates (when the ring buffer wraps) they are recomputed from the buffer, so rounding cannot
 * accumulate over a long stream: the error of {@code z} stays near {@code eps (max|s| / sd)^2}, {@code max|s|}
 * taken over the last two windows.
 */
public final class RollingZScore {

    private final int window;
    private final int ddof;
    private final double[] ring;
    private int next;
    private long count;
    private double mean;
    private double m2;

    /**
     * A rolling z-score.
     *
     * @param window number of observations, at least 2
     * @param ddof   0 or 1, subtracted from {@code window} in the variance denominator
     * @throws IllegalArgumentException for other values
     */
    public RollingZScore(int window, int ddof) {
        if (window < 2) {
            throw new IllegalArgumentException("window " + window + ": expected at least 2 observations");
        }
        if (ddof != 0 && ddof != 1) {
            throw new IllegalArgumentException("ddof " + ddof + ": expected 0 or 1");
        }
        this.window = window;
        this.ddof = ddof;
        this.ring = new double[window];
    }

    /**
     * Adds an observation and returns the z-score of it.
     *
     * @param s the spread value; must be finite
     * @return {@code z_t}, or NaN during warm-up or for a constant window
     * @throws IllegalArgumentException on a non-finite value
     */
    public double update(double s) {
        if (!Double.isFinite(s)) {
            throw new IllegalArgumentException("value " + s + " at observation " + count + ": expected a finite value");
        }
        if (count < window) {
            ring[next] = s;
            count++;
            double d = s - mean;
            mean += d / count;
            m2 += d * (s - mean);
        } else {
            double old = ring[next];
            ring[next] = s;
            count++;
            double oldMean = mean;
            mean += (s - old) / window;
            m2 += (s - old) * (s - mean + old - oldMean);
        }
        next++;
        if (next == window) {
            next = 0;
            if (count > window) {
                recompute();
            }
        }
        return zScore(s);
    }

    private void recompute() {
        double sum = 0.0;
        for (double v : ring) {
            sum += v;
        }
        double mu = sum / window;
        double ss = 0.0;
        for (double v : ring) {
            ss += (v - mu) * (v - mu);
        }
        mean = mu;
        m2 = ss;
    }

    private double zScore(double s) {
        if (count < window) {
            return Double.NaN;
        }
        double var = m2 / (window - ddof);
        if (!(var > 0.0)) {
            return Double.NaN;
        }
        return (s - mean) / Math.sqrt(var);
    }

    /** Rolling mean of the current window; NaN during warm-up. */
    public double mean() {
        return count < window ? Double.NaN : mean;
    }

    /** Rolling standard deviation with this {@code ddof}; NaN during warm-up. */
    public double standardDeviation() {
        return count < window ? Double.NaN : Math.sqrt(Math.max(m2, 0.0) / (window - ddof));
    }

    /** Observations seen. */
    public long count() {
        return count;
    }

    /** Forgets every observation. */
    public void reset() {
        next = 0;
        count = 0;
        mean = 0.0;
        m2 = 0.0;
    }

    /**
     * Batch form.
     *
     * @param s   the series (not modified)
     * @param out z-scores, same length as {@code s} (overwritten; NaN for the first {@code window - 1})
     */
    public void apply(double[] s, double[] out) {
        if (out.length != s.length) {
            throw new IllegalArgumentException("out has " + out.length + " elements, input has " + s.length);
        }
        reset();
        for (int t = 0; t < s.length; t++) {
            out[t] = update(s[t]);
        }
    }

    /**
     * Batch form over a Tablesaw column.
     *
     * @param s the series; missing values are refused
     * @return a new column named {@code <name>_z<window>}
     */
    public DoubleColumn apply(NumericColumn<?> s) {
        double[] x = Series.fromColumn(s, "s");
        double[] z = new double[x.length];
        apply(x, z);
        return DoubleColumn.create(s.name() + "_z" + window, z);
    }

    /** Window length in observations. */
    public int window() {
        return window;
    }

    /** Delta degrees of freedom of the standard deviation. */
    public int ddof() {
        return ddof;
    }

    @Override
    public String toString() {
        return "RollingZScore[window=" + window + ", ddof=" + ddof + "]";
    }
}
