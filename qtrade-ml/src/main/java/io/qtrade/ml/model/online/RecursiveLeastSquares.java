package io.qtrade.ml.model.online;

import io.qtrade.ml.model.Model;

/**
 * Recursive least squares with exponential forgetting (Haykin, <i>Adaptive Filter Theory</i>, 4th ed., 2002,
 * ch. 9): the exact minimiser, after every observation, of
 *
 * <pre>{@code
 * sum_{i=1..n} lambda^{n-i} (y_i - x_i . w)^2 + lambda^n delta ||w||^2
 * }</pre>
 *
 * updated in O(p^2) per observation without a matrix inverse:
 *
 * <pre>{@code
 * k = P x / (lambda + x' P x);   e = y - x . w;   w <- w + k e;   P <- (P - k x' P) / lambda;   P_0 = I / delta
 * }</pre>
 *
 * {@code lambda = 1} is ordinary recursive least squares; {@code lambda < 1} forgets with an effective memory of
 * about {@code 1/(1-lambda)} observations. Include a constant 1 among the features for an intercept.
 * Allocation-free after construction.
 */
public final class RecursiveLeastSquares implements Model {
    private final int p;
    private final double lambda;
    private final double delta;
    private final double[] w;
    private final double[][] pm;
    private final double[] px;
    private final double[] k;
    private long updates;

    /**
     * @param features {@code p}
     * @param lambda   forgetting factor in (0, 1]
     * @param delta    initial regularisation, {@code P_0 = I/delta}; small (e.g. 1e-6) for a nearly flat prior
     */
    public RecursiveLeastSquares(int features, double lambda, double delta) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1, got " + features);
        }
        if (!(lambda > 0 && lambda <= 1)) {
            throw new IllegalArgumentException("forgetting factor lambda must be in (0, 1], got " + lambda);
        }
        if (!(delta > 0) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException("delta must be positive and finite, got " + delta);
        }
        this.p = features;
        this.lambda = lambda;
        this.delta = delta;
        this.w = new double[p];
        this.pm = new double[p][p];
        this.px = new double[p];
        this.k = new double[p];
        for (int i = 0; i < p; i++) {
            pm[i][i] = 1 / delta;
        }
    }

    @Override
    public int inputSize() {
        return p;
    }

    @Override
    public double predict(double[] x) {
        double z = 0;
        for (int j = 0; j < p; j++) {
            z += w[j] * x[j];
        }
        return z;
    }

    /**
     * Learns one observation.
     *
     * @param x features, not modified
     * @param y target
     * @return the a-priori prediction {@code x . w} before the update
     */
    public double update(double[] x, double y) {
        double denom = lambda;
        for (int i = 0; i < p; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += pm[i][j] * x[j];
            }
            px[i] = s;
            denom += x[i] * s;
        }
        double prior = predict(x);
        double e = y - prior;
        for (int i = 0; i < p; i++) {
            k[i] = px[i] / denom;
            w[i] += k[i] * e;
        }
        // P <- (P - k (P x)') / lambda, using symmetry x'P = (P x)'
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                pm[i][j] = (pm[i][j] - k[i] * px[j]) / lambda;
            }
        }
        updates++;
        return prior;
    }

    /** {@code w_j}. */
    public double coefficient(int j) {
        return w[j];
    }

    /** Number of updates. */
    public long updates() {
        return updates;
    }

    @Override
    public String toString() {
        return "RecursiveLeastSquares[features=" + p + ", lambda=" + lambda + ", delta=" + delta + ", updates="
                + updates + "]";
    }
}
