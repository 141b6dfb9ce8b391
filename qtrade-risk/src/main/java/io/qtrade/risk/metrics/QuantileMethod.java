package io.qtrade.risk.metrics;

/**
 * The sample quantile rules of numpy's {@code quantile(..., method=...)} (numpy 1.22 and later), named as numpy does.
 * With the sample sorted ascending, {@code x[0] <= ... <= x[n-1]} (0-based), each rule picks a virtual index
 * {@code h} for the probability {@code p} and interpolates:
 *
 * <pre>{@code
 * LINEAR    h = (n-1) p                      Q = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h])  (R type 7)
 * LOWER     Q = x[floor((n-1) p)]
 * HIGHER    Q = x[ceil((n-1) p)]
 * NEAREST   Q = x[round((n-1) p)]            round half to even, as numpy.around
 * MIDPOINT  Q = (x[floor((n-1) p)] + x[ceil((n-1) p)]) / 2
 * HAZEN     h = n p - 1/2                    then interpolated as LINEAR                              (R type 5)
 * WEIBULL   h = (n+1) p - 1                  then interpolated as LINEAR                              (R type 6)
 * }</pre>
 *
 * A virtual index below 0 gives {@code x[0]}, one at or above {@code n-1} gives {@code x[n-1]} (numpy's clipping).
 *
 * <p>Reference: R. J. Hyndman and Y. Fan (1996), "Sample Quantiles in Statistical Packages", <i>The American
 * Statistician</i> 50(4), 361-365; numpy's {@code numpy.quantile} documentation. {@code LINEAR} is Excel's
 * {@code PERCENTILE.INC} and numpy's and pandas' default.
 */
public enum QuantileMethod {
    /** Linear interpolation between the order statistics, {@code h = (n-1) p} (R type 7, numpy's default). */
    LINEAR,
    /** The order statistic just below, {@code x[floor((n-1) p)]}. */
    LOWER,
    /** The order statistic just above, {@code x[ceil((n-1) p)]}. */
    HIGHER,
    /** The nearest order statistic, {@code x[round((n-1) p)]}, ties to the even index. */
    NEAREST,
    /** The mean of {@link #LOWER} and {@link #HIGHER}. */
    MIDPOINT,
    /** Piecewise linear with {@code h = n p - 1/2} (R type 5). */
    HAZEN,
    /** Piecewise linear with {@code h = (n+1) p - 1} (R type 6). */
    WEIBULL;

    /**
     * The {@code p}-quantile of a sample already sorted ascending.
     *
     * @param sorted the sample, sorted ascending, finite, at least one value (not modified; not checked for order)
     * @param p      probability in [0, 1]
     * @throws IllegalArgumentException if the sample is empty or {@code p} is outside [0, 1]
     */
    public double ofSorted(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("quantile " + this + ": empty sample");
        }
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("quantile " + this + ": p = " + p + ", expected in [0, 1]");
        }
        double h = (n - 1) * p;
        switch (this) {
            case LOWER:
                return sorted[(int) Math.floor(h)];
            case HIGHER:
                return sorted[(int) Math.ceil(h)];
            case NEAREST:
                return sorted[(int) Math.rint(h)];
            case MIDPOINT:
                return 0.5 * (sorted[(int) Math.floor(h)] + sorted[(int) Math.ceil(h)]);
            case HAZEN:
                return interpolate(sorted, n * p - 0.5);
            case WEIBULL:
                return interpolate(sorted, (n + 1) * p - 1.0);
            case LINEAR:
            default:
                return interpolate(sorted, h);
        }
    }

    /**
     * The {@code p}-quantile of an unsorted sample (sorts a copy).
     *
     * @param sample the sample, finite, at least one value (not modified)
     * @param p      probability in [0, 1]
     */
    public double of(double[] sample, double p) {
        double[] sorted = sample.clone();
        java.util.Arrays.sort(sorted);
        return ofSorted(sorted, p);
    }

    private static double interpolate(double[] x, double h) {
        int n = x.length;
        if (h < 0.0) {
            return x[0];
        }
        if (h >= n - 1) {
            return x[n - 1];
        }
        int lo = (int) Math.floor(h);
        double g = h - lo;
        double a = x[lo];
        double b = x[lo + 1];
        // numpy's _lerp: from the nearer end, so that g = 1 gives b exactly.
        double d = b - a;
        return g >= 0.5 ? b - d * (1.0 - g) : a + d * g;
    }
}
