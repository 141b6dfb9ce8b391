package io.qtrade.features.volatility;

import tech.tablesaw.api.DoubleColumn;

/**
 * Exponentially weighted moving average (EWMA) variance, the RiskMetrics volatility forecast.
 *
 * <pre>{@code
 * sigma^2_{t+1} = lambda * sigma^2_t + (1 - lambda) * r_t^2          (zero mean, no intercept)
 * seed:  sigma^2_1 = r_0^2                    (default: the first squared return)
 *    or  sigma^2_0 = seedVariance, given      (then sigma^2_1 = lambda seedVariance + (1 - lambda) r_0^2)
 * }</pre>
 *
 * <p>Reference: J.P. Morgan/Reuters (1996), <i>RiskMetrics - Technical Document</i>, 4th ed., section 5.2.1, with
 * lambda = 0.94 for daily and 0.97 for monthly data. After {@link #update(double)} with r_t, {@link #variance()} is
 * the forecast sigma^2_{t+1} for the next period, in the squared unit of the returns per period (not annualised:
 * see {@link Annualisation}). The seed's weight after t returns is lambda^t (0.94^75 = 1%); the effective window
 * is 1/(1 - lambda) = 16.7 returns for lambda = 0.94. Before the first return (default seed) the variance is {@code NaN}.
 *
 * <p>O(1) per update, no allocation. The batch {@link #varianceForecasts} gives the same numbers. Not thread-safe.
 */
public final class EwmaVolatility {

    /** RiskMetrics (1996) decay for daily returns. */
    public static final double RISKMETRICS_DAILY_LAMBDA = 0.94;
    /** RiskMetrics (1996) decay for monthly returns. */
    public static final double RISKMETRICS_MONTHLY_LAMBDA = 0.97;

    private final double lambda;
    private final double seedVariance;
    private double variance;
    private long count;

    /** EWMA with decay {@code lambda} in (0, 1), seeded with the first squared return. */
    public EwmaVolatility(double lambda) {
        this.lambda = checkLambda(lambda);
        this.seedVariance = Double.NaN;
        this.variance = Double.NaN;
    }

    /**
     * EWMA with decay {@code lambda} in (0, 1) and a given sigma^2_0 (e.g. a long-run sample variance), so that
     * {@link #variance()} is {@code seedVariance} before the first return.
     */
    public EwmaVolatility(double lambda, double seedVariance) {
        this.lambda = checkLambda(lambda);
        if (!(seedVariance >= 0.0) || Double.isInfinite(seedVariance)) {
            throw new IllegalArgumentException("seedVariance = " + seedVariance + " must be finite and >= 0");
        }
        this.seedVariance = seedVariance;
        this.variance = seedVariance;
    }

    /** Adds return r_t; afterwards {@link #variance()} is sigma^2_{t+1}. */
    public void update(double r) {
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException("return #" + count + " = " + r + " is not finite");
        }
        double r2 = r * r;
        variance = variance == variance ? lambda * variance + (1.0 - lambda) * r2 : r2;
        count++;
    }

    /** The variance forecast for the next period (NaN before the first return under the default seed). */
    public double variance() {
        return variance;
    }

    /** sqrt of {@link #variance()}, per period. */
    public double volatility() {
        return Math.sqrt(variance);
    }

    /** Returns seen. */
    public long count() {
        return count;
    }

    /** The decay lambda. */
    public double lambda() {
        return lambda;
    }

    /** Back to the state before any return. */
    public void reset() {
        variance = seedVariance;
        count = 0;
    }

    /**
     * Batch form: {@code out[t] = sigma^2_{t+1}}, the forecast after return t, seeded with r_0^2.
     *
     * @param returns returns (not modified)
     * @param lambda  decay in (0, 1)
     * @param out     receives the forecasts (modified), length >= returns.length
     */
    public static void varianceForecasts(double[] returns, double lambda, double[] out) {
        if (out.length < returns.length) {
            throw new IllegalArgumentException("out has length " + out.length + ", needs " + returns.length);
        }
        EwmaVolatility ewma = new EwmaVolatility(lambda);
        for (int t = 0; t < returns.length; t++) {
            ewma.update(returns[t]);
            out[t] = ewma.variance();
        }
    }

    /** Batch form over a Tablesaw column of returns (a missing value is rejected with its row); a fresh array. */
    public static double[] varianceForecasts(DoubleColumn returns, double lambda) {
        double[] r = RealizedMeasures.columnValues(returns);
        double[] out = new double[r.length];
        varianceForecasts(r, lambda, out);
        return out;
    }

    private static double checkLambda(double lambda) {
        if (!(lambda > 0.0 && lambda < 1.0)) {
            throw new IllegalArgumentException("lambda = " + lambda + " must be in (0, 1)");
        }
        return lambda;
    }

    @Override
    public String toString() {
        return "EwmaVolatility[lambda=" + lambda + ", seedVariance=" + (seedVariance == seedVariance
                ? Double.toString(seedVariance) : "first squared return") + "]";
    }
}
