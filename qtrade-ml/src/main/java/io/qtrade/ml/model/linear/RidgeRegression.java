package io.qtrade.ml.model.linear;

import io.qtrade.ml.model.Model;

/**
 * L2-regularised linear regression, the exact solution of scikit-learn's {@code Ridge(alpha, fit_intercept=True)}
 * objective:
 *
 * <pre>{@code
 * minimise  sum_i s_i (y_i - x_i . w - b)^2 + alpha ||w||^2        (intercept b not penalised)
 * w = (Xc' S Xc + alpha I)^{-1} Xc' S yc,   b = ybar - xbar . w    Xc, yc centred on the s-weighted means
 * }</pre>
 *
 * {@code alpha = 0} is ordinary least squares. Solved directly (LU), so the coefficients are the optimum to machine
 * precision. {@link #predict} returns {@code x . w + b}, allocation-free.
 */
public final class RidgeRegression implements Model {
    private final double[] coef;
    private final double intercept;
    private final double alpha;

    private RidgeRegression(double[] coef, double intercept, double alpha) {
        this.coef = coef;
        this.intercept = intercept;
        this.alpha = alpha;
    }

    /** Fits with unit weights. */
    public static RidgeRegression fit(double[][] x, double[] y, double alpha) {
        return fit(x, y, null, alpha);
    }

    /**
     * @param x       rows of features, not modified
     * @param y       targets
     * @param weights sample weights or null for 1
     * @param alpha   penalty {@code >= 0}
     */
    public static RidgeRegression fit(double[][] x, double[] y, double[] weights, double alpha) {
        int n = x.length;
        if (n == 0 || y.length != n || (weights != null && weights.length != n)) {
            throw new IllegalArgumentException(n + " rows, " + y.length + " targets"
                    + (weights == null ? "" : ", " + weights.length + " weights") + ": need equal, non-zero counts");
        }
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        }
        int p = x[0].length;
        double sw = 0;
        double[] xbar = new double[p];
        double ybar = 0;
        for (int i = 0; i < n; i++) {
            double s = weights == null ? 1 : weights[i];
            sw += s;
            ybar += s * y[i];
            for (int k = 0; k < p; k++) {
                xbar[k] += s * x[i][k];
            }
        }
        ybar /= sw;
        for (int k = 0; k < p; k++) {
            xbar[k] /= sw;
        }
        double[][] a = new double[p][p];
        double[] b = new double[p];
        for (int i = 0; i < n; i++) {
            double s = weights == null ? 1 : weights[i];
            double yc = y[i] - ybar;
            for (int k = 0; k < p; k++) {
                double xk = x[i][k] - xbar[k];
                b[k] += s * xk * yc;
                for (int l = 0; l < p; l++) {
                    a[k][l] += s * xk * (x[i][l] - xbar[l]);
                }
            }
        }
        for (int k = 0; k < p; k++) {
            a[k][k] += alpha;
        }
        double[] w = LinearSolve.solve(a, b, "ridge regression");
        double intercept = ybar;
        for (int k = 0; k < p; k++) {
            intercept -= xbar[k] * w[k];
        }
        return new RidgeRegression(w, intercept, alpha);
    }

    @Override
    public int inputSize() {
        return coef.length;
    }

    @Override
    public double predict(double[] x) {
        double z = intercept;
        for (int k = 0; k < coef.length; k++) {
            z += x[k] * coef[k];
        }
        return z;
    }

    /** {@code w_j}. */
    public double coefficient(int j) {
        return coef[j];
    }

    /** A copy of {@code w}. */
    public double[] coefficients() {
        return coef.clone();
    }

    /** {@code b}. */
    public double intercept() {
        return intercept;
    }

    @Override
    public String toString() {
        return "RidgeRegression[alpha=" + alpha + ", coef=" + java.util.Arrays.toString(coef) + ", intercept="
                + intercept + "]";
    }
}
