package io.qtrade.features.cointegration;

import tech.tablesaw.api.NumericColumn;

/**
 * Half-life of mean reversion of a spread, from the discretised Ornstein-Uhlenbeck process, streaming
 * (expanding window, O(1) and allocation-free per observation) and batch; both give the same numbers.
 *
 * <p>Uhlenbeck, G.E., Ornstein, L.S. (1930), "On the Theory of the Brownian Motion", Physical Review 36, 823-841;
 * the regression form as in Chan, E.P. (2013), "Algorithmic Trading", Wiley, ch. 2. The OU process
 * {@code ds = theta (mu - s) dt + sigma dW} sampled once per observation is the AR(1)
 * {@code s_t = a + (1 + b) s_{t-1} + e_t} with {@code 1 + b = exp(-theta)}. OLS of
 * <pre>{@code
 * ds_t = a + b s_{t-1} + e_t,      b = Cov(s_{t-1}, ds_t) / Var(s_{t-1}),  a = mean(ds) - b mean(s_{t-1})
 * half-life (discrete, exact for the AR(1)) = -ln 2 / ln(1 + b)
 * half-life (continuous approximation, ln(1 + b) ~ b) = -ln 2 / b
 * }</pre>
 * both in observations (multiply by the sampling interval for time). The discrete form is the exact half-life of
 * the fitted AR(1) and is the default {@link #halfLife()}; the continuous form is what most texts quote and is
 * close when {@code |b|} is small. Returns NaN until 2 pairs (3 observations) have been seen.
 *
 * <p>Moments are updated with Welford's co-moment recursion (commons-math's {@code SimpleRegression} uses the
 * same), so a long stream of large levels keeps its precision.
 */
public final class OrnsteinUhlenbeckHalfLife {

    /** Observations needed before the estimate is defined. */
    public static final int WARM_UP = 3;

    private static final double LN2 = Math.log(2.0);

    private double previous = Double.NaN;
    private long pairs;
    private double meanX;
    private double meanY;
    private double sxx;
    private double sxy;

    /** An empty estimator. */
    public OrnsteinUhlenbeckHalfLife() {
    }

    /**
     * Adds the next spread value.
     *
     * @param s the spread at this observation; must be finite
     * @throws IllegalArgumentException on a non-finite value (checked so a NaN does not poison the moments)
     */
    public void update(double s) {
        if (!Double.isFinite(s)) {
            throw new IllegalArgumentException("spread value " + s + " at observation " + (pairs + 1)
                    + ": expected a finite value");
        }
        if (!Double.isNaN(previous)) {
            double x = previous;
            double y = s - previous;
            pairs++;
            double dx = x - meanX;
            double dy = y - meanY;
            meanX += dx / pairs;
            meanY += dy / pairs;
            sxx += dx * (x - meanX);
            sxy += dx * (y - meanY);
        }
        previous = s;
    }

    /** Forgets every observation. */
    public void reset() {
        previous = Double.NaN;
        pairs = 0;
        meanX = 0.0;
        meanY = 0.0;
        sxx = 0.0;
        sxy = 0.0;
    }

    /** Number of {@code (s_{t-1}, s_t)} pairs seen. */
    public long pairs() {
        return pairs;
    }

    /** OLS slope b; NaN before 2 pairs or when the lagged spread has no variance. */
    public double slope() {
        return pairs < 2 || sxx == 0.0 ? Double.NaN : sxy / sxx;
    }

    /** OLS intercept a; NaN when {@link #slope()} is. */
    public double intercept() {
        double b = slope();
        return Double.isNaN(b) ? Double.NaN : meanY - b * meanX;
    }

    /** Discrete half-life {@code -ln 2 / ln(1 + b)} in observations (see the class notes for its special values). */
    public double halfLife() {
        return discrete(slope());
    }

    /** Continuous-time approximation {@code -ln 2 / b} in observations. */
    public double halfLifeContinuous() {
        return continuous(slope());
    }

    /** The current estimate as a value. */
    public HalfLifeEstimate estimate() {
        double b = slope();
        double a = intercept();
        return new HalfLifeEstimate(a, b, discrete(b), continuous(b), b == 0.0 ? Double.NaN : -a / b, pairs);
    }

    /**
     * Batch form: the same estimate over a whole series.
     *
     * @param spread the spread, oldest first (not modified)
     * @return the estimate
     */
    public static HalfLifeEstimate estimate(double[] spread) {
        OrnsteinUhlenbeckHalfLife ou = new OrnsteinUhlenbeckHalfLife();
        for (double s : spread) {
            ou.update(s);
        }
        return ou.estimate();
    }

    /**
     * Batch form over a Tablesaw column.
     *
     * @param spread the spread column; missing values are refused
     * @return the estimate
     */
    public static HalfLifeEstimate estimate(NumericColumn<?> spread) {
        return estimate(Series.fromColumn(spread, "spread"));
    }

    static double discrete(double b) {
        if (Double.isNaN(b)) {
            return Double.NaN;
        }
        if (b >= 0.0) {
            return Double.POSITIVE_INFINITY;
        }
        if (b <= -1.0) {
            return Double.NaN;
        }
        return -LN2 / Math.log1p(b);
    }

    static double continuous(double b) {
        if (Double.isNaN(b)) {
            return Double.NaN;
        }
        return b >= 0.0 ? Double.POSITIVE_INFINITY : -LN2 / b;
    }

    @Override
    public String toString() {
        return "OrnsteinUhlenbeckHalfLife[pairs=" + pairs + ", slope=" + slope() + "]";
    }
}
