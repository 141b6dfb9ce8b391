package io.qtrade.ml.model.linear;

import io.qtrade.ml.model.Model;

/**
 * L2-regularised logistic regression fitted to the exact optimum of scikit-learn's objective
 * ({@code LogisticRegression(penalty='l2', C, fit_intercept=True)}):
 *
 * <pre>{@code
 * minimise  0.5 ||w||^2 + C * sum_i s_i ln(1 + exp(-y'_i (x_i . w + b)))      y' = 2y - 1 in {-1, +1}
 * }</pre>
 *
 * over {@code w} and the unpenalised intercept {@code b} ({@code s_i} are sample weights, 1 by default). Solved by
 * Newton's method with the analytic Hessian and a backtracking line search, to a gradient below 1e-12 in the
 * max-norm: the solution is the optimum to about machine precision, where scikit-learn's lbfgs stops a few 1e-6
 * short. Features are used as given: standardise them first ({@link StandardScaler}) to match a pipeline.
 * {@link #predict} is the probability of class 1, {@code 1/(1+e^{-(x.w+b)})}, allocation-free.
 */
public final class LogisticRegression implements Model {
    private static final int MAX_ITERATIONS = 200;
    private static final double GRADIENT_TOLERANCE = 1e-12;
    private final double[] coef;
    private final double intercept;
    private final double c;
    private final int iterations;
    private final double gradientNorm;

    private LogisticRegression(double[] coef, double intercept, double c, int iterations, double gradientNorm) {
        this.coef = coef;
        this.intercept = intercept;
        this.c = c;
        this.iterations = iterations;
        this.gradientNorm = gradientNorm;
    }

    /** A model from known coefficients (e.g. exported from scikit-learn). */
    public static LogisticRegression of(double[] coef, double intercept) {
        return new LogisticRegression(coef.clone(), intercept, Double.NaN, 0, Double.NaN);
    }

    /**
     * Fits with unit sample weights.
     *
     * @param x rows of features, not modified
     * @param y labels 0 or 1
     * @param c the inverse penalty strength {@code C > 0}
     */
    public static LogisticRegression fit(double[][] x, int[] y, double c) {
        return fit(x, y, null, c);
    }

    /**
     * Fits with sample weights (e.g. uniqueness weights); {@code weights} null means 1.
     */
    public static LogisticRegression fit(double[][] x, int[] y, double[] weights, double c) {
        int n = x.length;
        if (n == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        if (y.length != n || (weights != null && weights.length != n)) {
            throw new IllegalArgumentException(n + " rows but " + y.length + " labels"
                    + (weights == null ? "" : " and " + weights.length + " weights"));
        }
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("C must be positive and finite, got " + c);
        }
        int p = x[0].length;
        for (int i = 0; i < n; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("label of row " + i + " must be 0 or 1, got " + y[i]);
            }
            if (x[i].length != p) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features, row 0 has " + p);
            }
        }
        double[] theta = new double[p + 1];   // w_0..w_{p-1}, b
        double[] grad = new double[p + 1];
        double[][] hess = new double[p + 1][p + 1];
        double f = objective(x, y, weights, c, theta);
        int it = 0;
        double gnorm = Double.POSITIVE_INFINITY;
        for (; it < MAX_ITERATIONS; it++) {
            gradientAndHessian(x, y, weights, c, theta, grad, hess);
            gnorm = 0;
            for (double g : grad) {
                gnorm = Math.max(gnorm, Math.abs(g));
            }
            if (gnorm < GRADIENT_TOLERANCE) {
                break;
            }
            double[] minusGrad = new double[p + 1];
            for (int k = 0; k <= p; k++) {
                minusGrad[k] = -grad[k];
            }
            double[] step = LinearSolve.solve(hess, minusGrad, "logistic regression Newton step");
            double t = 1.0;
            double[] trial = new double[p + 1];
            double slope = 0;
            for (int k = 0; k <= p; k++) {
                slope += grad[k] * step[k];
            }
            while (true) {
                for (int k = 0; k <= p; k++) {
                    trial[k] = theta[k] + t * step[k];
                }
                double ft = objective(x, y, weights, c, trial);
                // Armijo; the 1e-12 relative slack accepts a full Newton step where rounding makes f flat near the optimum
                if (ft <= f + 1e-4 * t * slope + 1e-12 * Math.abs(f) || t < 1e-10) {
                    f = ft;
                    break;
                }
                t *= 0.5;
            }
            System.arraycopy(trial, 0, theta, 0, p + 1);
        }
        if (gnorm >= GRADIENT_TOLERANCE) {
            gradientAndHessian(x, y, weights, c, theta, grad, hess);
            gnorm = 0;
            for (double g : grad) {
                gnorm = Math.max(gnorm, Math.abs(g));
            }
        }
        double[] w = java.util.Arrays.copyOf(theta, p);
        return new LogisticRegression(w, theta[p], c, it, gnorm);
    }

    private static double objective(double[][] x, int[] y, double[] s, double c, double[] theta) {
        int p = theta.length - 1;
        double f = 0;
        for (int k = 0; k < p; k++) {
            f += 0.5 * theta[k] * theta[k];
        }
        double loss = 0;
        for (int i = 0; i < x.length; i++) {
            double z = theta[p];
            for (int k = 0; k < p; k++) {
                z += x[i][k] * theta[k];
            }
            double m = (2 * y[i] - 1) * z;
            // ln(1 + e^{-m}), stable
            double l = m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
            loss += (s == null ? 1 : s[i]) * l;
        }
        return f + c * loss;
    }

    private static void gradientAndHessian(double[][] x, int[] y, double[] s, double c, double[] theta,
                                           double[] grad, double[][] hess) {
        int p = theta.length - 1;
        for (int k = 0; k <= p; k++) {
            grad[k] = k < p ? theta[k] : 0;
            java.util.Arrays.fill(hess[k], 0);
            if (k < p) {
                hess[k][k] = 1;
            }
        }
        for (int i = 0; i < x.length; i++) {
            double z = theta[p];
            for (int k = 0; k < p; k++) {
                z += x[i][k] * theta[k];
            }
            double prob = sigmoid(z);
            double wi = c * (s == null ? 1 : s[i]);
            double r = wi * (prob - y[i]);
            double h = wi * prob * (1 - prob);
            for (int k = 0; k <= p; k++) {
                double xk = k < p ? x[i][k] : 1;
                grad[k] += r * xk;
                for (int l = 0; l <= p; l++) {
                    double xl = l < p ? x[i][l] : 1;
                    hess[k][l] += h * xk * xl;
                }
            }
        }
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    @Override
    public int inputSize() {
        return coef.length;
    }

    /** {@code x . w + b}, scikit-learn's {@code decision_function}. */
    public double decision(double[] x) {
        double z = intercept;
        for (int k = 0; k < coef.length; k++) {
            z += x[k] * coef[k];
        }
        return z;
    }

    @Override
    public double predict(double[] x) {
        return sigmoid(decision(x));
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

    /** Newton iterations the fit took. */
    public int iterations() {
        return iterations;
    }

    /** Max-norm of the objective's gradient at the solution. */
    public double gradientNorm() {
        return gradientNorm;
    }

    @Override
    public String toString() {
        return "LogisticRegression[C=" + c + ", coef=" + java.util.Arrays.toString(coef) + ", intercept=" + intercept
                + "]";
    }
}
