package io.qtrade.features.filter;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Kalman filter for a time-varying hedge ratio and intercept between two price series, streaming (O(1),
 * allocation-free: a hand-written 2x2 update, no matrix objects per step) and batch, the same numbers.
 *
 * <p>Kalman, R.E. (1960), "A New Approach to Linear Filtering and Prediction Problems", J. Basic Engineering 82,
 * 35-45; the pairs-trading form of Chan, E.P. (2013), "Algorithmic Trading", Wiley, ch. 3 (and his MATLAB code),
 * with the prior covariance inflated at every step including the first. State {@code theta_t = [beta_t,
 * alpha_t]'} is a random walk observed through {@code y_t}:
 * <pre>{@code
 * theta_t = theta_{t-1} + w_t,   w_t ~ N(0, Vw),  Vw = delta / (1 - delta) I_2
 * y_t     = F_t theta_t + v_t,   v_t ~ N(0, Ve),  F_t = [x_t, 1]
 * theta_0 = 0,  P_0 = 0
 * each t = 1..n:
 *   R_t     = P_{t-1} + Vw
 *   yhat_t  = F_t theta_{t-1}
 *   Q_t     = F_t R_t F_t' + Ve
 *   e_t     = y_t - yhat_t
 *   K_t     = R_t F_t' / Q_t
 *   theta_t = theta_{t-1} + K_t e_t
 *   P_t     = R_t - K_t F_t R_t
 * }</pre>
 * {@code delta} sets how fast beta may move (1e-4 in Chan's example, the default); {@code Ve} is the observation
 * noise variance in squared price units (default 1e-3). No warm-up: every step's output is defined, but the first
 * few dozen betas reflect the zero prior.
 */
public final class KalmanHedgeRatio {

    /** Chan's state-noise ratio. */
    public static final double DEFAULT_DELTA = 1e-4;
    /** Chan's observation variance. */
    public static final double DEFAULT_OBSERVATION_VARIANCE = 1e-3;

    private final double delta;
    private final double observationVariance;
    private final double stateNoise;

    private double beta;
    private double alpha;
    private double p00;
    private double p01;
    private double p11;
    private long steps;

    /** The filter with Chan's parameters, {@code delta = 1e-4}, {@code Ve = 1e-3}. */
    public KalmanHedgeRatio() {
        this(DEFAULT_DELTA, DEFAULT_OBSERVATION_VARIANCE);
    }

    /**
     * A filter.
     *
     * @param delta               state-noise ratio in (0, 1): {@code Vw = delta / (1 - delta) I}
     * @param observationVariance {@code Ve > 0}, squared units of y
     * @throws IllegalArgumentException for values outside those ranges
     */
    public KalmanHedgeRatio(double delta, double observationVariance) {
        if (!(delta > 0.0 && delta < 1.0)) {
            throw new IllegalArgumentException("delta " + delta + ": expected 0 < delta < 1");
        }
        if (!(observationVariance > 0.0) || Double.isInfinite(observationVariance)) {
            throw new IllegalArgumentException("observationVariance " + observationVariance
                    + ": expected a finite positive variance");
        }
        this.delta = delta;
        this.observationVariance = observationVariance;
        this.stateNoise = delta / (1.0 - delta);
    }

    /**
     * One filter step, the dependent price first (the project's convention: {@code EngleGranger.test(y, x)},
     * {@code Johansen.test(y, x)}).
     *
     * @param y   the dependent price at this step
     * @param x   the regressor price (the hedge leg) at this step
     * @param out overwritten with beta, alpha, prior prediction, innovation and its variance
     * @throws IllegalArgumentException on a non-finite price
     */
    public void estimate(double y, double x, HedgeRatioEstimate out) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("step " + steps + ": prices x=" + x + ", y=" + y
                    + " must be finite");
        }
        double r00 = p00 + stateNoise;
        double r01 = p01;
        double r11 = p11 + stateNoise;
        double yhat = beta * x + alpha;
        // g = R F'
        double g0 = r00 * x + r01;
        double g1 = r01 * x + r11;
        double q = x * g0 + g1 + observationVariance;
        double e = y - yhat;
        double qInv = 1.0 / q;
        double k0 = g0 * qInv;
        double k1 = g1 * qInv;
        beta += k0 * e;
        alpha += k1 * e;
        // P = R - K (F R), F R = g' for symmetric R
        p00 = r00 - k0 * g0;
        p01 = r01 - k0 * g1;
        p11 = r11 - k1 * g1;
        steps++;
        out.beta = beta;
        out.alpha = alpha;
        out.predictedY = yhat;
        out.innovation = e;
        out.innovationVariance = q;
    }

    /**
     * One filter step with the regressor first.
     *
     * @param x   the regressor price
     * @param y   the dependent price
     * @param out overwritten as by {@link #estimate(double, double, HedgeRatioEstimate)}
     * @deprecated the regressor-first order differs from every other estimator; use
     *             {@link #estimate(double, double, HedgeRatioEstimate) estimate(y, x, out)}. Kept for one release.
     */
    @Deprecated
    public void update(double x, double y, HedgeRatioEstimate out) {
        estimate(y, x, out);
    }

    /** Back to {@code theta_0 = 0, P_0 = 0}. */
    public void reset() {
        beta = 0.0;
        alpha = 0.0;
        p00 = 0.0;
        p01 = 0.0;
        p11 = 0.0;
        steps = 0;
    }

    /** Steps filtered since construction or {@link #reset()}. */
    public long steps() {
        return steps;
    }

    /**
     * Batch form with the regressor first.
     *
     * @deprecated use {@link #estimate(double[], double[], double[], double[], double[], double[])
     *             estimate(y, x, ...)}, dependent first. Kept for one release.
     */
    @Deprecated
    public void filter(double[] x, double[] y, double[] beta, double[] alpha, double[] innovation,
                       double[] innovationVariance) {
        estimate(y, x, beta, alpha, innovation, innovationVariance);
    }

    /**
     * Batch form from {@code theta_0 = 0}: filters the whole series (the filter is reset first).
     *
     * @param y                  dependent prices (not modified)
     * @param x                  regressor prices, same length (not modified)
     * @param beta               filtered betas (overwritten), same length
     * @param alpha              filtered intercepts (overwritten), same length
     * @param innovation         innovations (overwritten), same length
     * @param innovationVariance innovation variances (overwritten), same length
     */
    public void estimate(double[] y, double[] x, double[] beta, double[] alpha, double[] innovation,
                         double[] innovationVariance) {
        int n = x.length;
        requireLength(y, n, "y");
        requireLength(beta, n, "beta");
        requireLength(alpha, n, "alpha");
        requireLength(innovation, n, "innovation");
        requireLength(innovationVariance, n, "innovationVariance");
        reset();
        HedgeRatioEstimate h = new HedgeRatioEstimate();
        for (int t = 0; t < n; t++) {
            estimate(y[t], x[t], h);
            beta[t] = h.beta;
            alpha[t] = h.alpha;
            innovation[t] = h.innovation;
            innovationVariance[t] = h.innovationVariance;
        }
    }

    /**
     * Batch form over Tablesaw columns with the regressor first.
     *
     * @deprecated use {@link #estimate(NumericColumn, NumericColumn) estimate(y, x)}. Kept for one release.
     */
    @Deprecated
    public Table filter(NumericColumn<?> x, NumericColumn<?> y) {
        return estimate(y, x);
    }

    /**
     * Batch form over Tablesaw columns (the filter is reset first).
     *
     * @param y dependent prices; missing values are refused
     * @param x regressor prices, same length
     * @return a table with columns {@code beta, alpha, yhat, e, Q}
     */
    public Table estimate(NumericColumn<?> y, NumericColumn<?> x) {
        int n = x.size();
        if (y.size() != n) {
            throw new IllegalArgumentException("y has " + y.size() + " rows, x has " + n);
        }
        double[] b = new double[n];
        double[] a = new double[n];
        double[] yhat = new double[n];
        double[] e = new double[n];
        double[] q = new double[n];
        reset();
        HedgeRatioEstimate h = new HedgeRatioEstimate();
        for (int t = 0; t < n; t++) {
            if (x.isMissing(t) || y.isMissing(t)) {
                throw new IllegalArgumentException("row " + t + ": missing " + (x.isMissing(t) ? x.name() : y.name()));
            }
            estimate(y.getDouble(t), x.getDouble(t), h);
            b[t] = h.beta;
            a[t] = h.alpha;
            yhat[t] = h.predictedY;
            e[t] = h.innovation;
            q[t] = h.innovationVariance;
        }
        return Table.create("kalman_hedge_ratio", DoubleColumn.create("beta", b), DoubleColumn.create("alpha", a),
                DoubleColumn.create("yhat", yhat), DoubleColumn.create("e", e), DoubleColumn.create("Q", q));
    }

    private static void requireLength(double[] a, int n, String name) {
        if (a.length != n) {
            throw new IllegalArgumentException(name + " has " + a.length + " elements, x has " + n);
        }
    }

    /** State-noise ratio delta. */
    public double delta() {
        return delta;
    }

    /** Observation variance Ve. */
    public double observationVariance() {
        return observationVariance;
    }

    @Override
    public String toString() {
        return "KalmanHedgeRatio[delta=" + delta + ", observationVariance=" + observationVariance + "]";
    }
}
