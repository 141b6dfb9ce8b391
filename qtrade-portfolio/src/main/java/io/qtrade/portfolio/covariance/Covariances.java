package io.qtrade.portfolio.covariance;

import java.util.Objects;

/**
 * Checks and small operations on return matrices and covariance matrices shared by the estimators and optimisers.
 *
 * <p>Convention for the whole module: a return matrix is {@code double[T][N]}, one row per date (oldest first), one
 * column per asset, simple returns per period; a covariance matrix is {@code double[N][N]}, symmetric, in the same
 * units (per period squared). Nothing here modifies its arguments.
 */
public final class Covariances {

    private Covariances() {
    }

    /**
     * Checks a {@code T x N} return matrix: at least {@code minRows} rows, at least one column, rectangular, finite.
     *
     * @return N, the number of assets
     */
    public static int checkReturns(String where, double[][] returns, int minRows) {
        Objects.requireNonNull(returns, where + ": returns");
        if (returns.length < minRows) {
            throw new IllegalArgumentException(where + ": returns has " + returns.length + " rows, expected at least "
                    + minRows);
        }
        if (returns.length == 0) {
            return 0;
        }
        int n = returns[0].length;
        if (n == 0) {
            throw new IllegalArgumentException(where + ": returns has no asset columns");
        }
        for (int t = 0; t < returns.length; t++) {
            double[] row = returns[t];
            if (row.length != n) {
                throw new IllegalArgumentException(where + ": returns row " + t + " has " + row.length
                        + " columns, row 0 has " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(row[i])) {
                    throw new IllegalArgumentException(where + ": returns[" + t + "][" + i + "] = " + row[i]
                            + ", expected a finite return");
                }
            }
        }
        return n;
    }

    /**
     * Checks a covariance matrix: square, finite, symmetric to {@code 1e-10} relative, non-negative diagonal.
     *
     * @return N
     */
    public static int checkCovariance(String where, double[][] cov) {
        Objects.requireNonNull(cov, where + ": covariance");
        int n = cov.length;
        if (n == 0) {
            throw new IllegalArgumentException(where + ": covariance is empty");
        }
        for (int i = 0; i < n; i++) {
            if (cov[i].length != n) {
                throw new IllegalArgumentException(where + ": covariance row " + i + " has " + cov[i].length
                        + " columns, expected " + n + " (square)");
            }
        }
        for (int i = 0; i < n; i++) {
            if (!(cov[i][i] >= 0.0) || !Double.isFinite(cov[i][i])) {
                throw new IllegalArgumentException(where + ": covariance[" + i + "][" + i + "] = " + cov[i][i]
                        + ", expected a finite variance >= 0");
            }
            for (int j = 0; j < i; j++) {
                double a = cov[i][j];
                double b = cov[j][i];
                if (!Double.isFinite(a) || Math.abs(a - b) > 1e-10 * Math.max(1e-300, Math.max(Math.abs(a),
                        Math.sqrt(cov[i][i] * cov[j][j])))) {
                    throw new IllegalArgumentException(where + ": covariance[" + i + "][" + j + "] = " + a
                            + " but covariance[" + j + "][" + i + "] = " + b + ", expected a symmetric finite matrix");
                }
            }
        }
        return n;
    }

    /** Checks a vector of length {@code n} with finite entries. */
    public static void checkVector(String where, String name, double[] v, int n) {
        Objects.requireNonNull(v, where + ": " + name);
        if (v.length != n) {
            throw new IllegalArgumentException(where + ": " + name + " has " + v.length + " entries, expected " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(where + ": " + name + "[" + i + "] = " + v[i]
                        + ", expected a finite number");
            }
        }
    }

    /** Column means of a {@code T x N} return matrix. */
    public static double[] columnMeans(double[][] returns) {
        int n = returns[0].length;
        double[] m = new double[n];
        for (double[] row : returns) {
            for (int i = 0; i < n; i++) {
                m[i] += row[i];
            }
        }
        for (int i = 0; i < n; i++) {
            m[i] /= returns.length;
        }
        return m;
    }

    /** Correlation matrix {@code rho_ij = cov_ij / sqrt(cov_ii cov_jj)}, with an exact unit diagonal. */
    public static double[][] correlation(double[][] cov) {
        int n = cov.length;
        double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            sd[i] = Math.sqrt(cov[i][i]);
            if (sd[i] == 0.0) {
                throw new IllegalArgumentException("correlation: asset " + i + " has zero variance");
            }
        }
        double[][] rho = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rho[i][j] = i == j ? 1.0 : cov[i][j] / (sd[i] * sd[j]);
            }
        }
        return rho;
    }

    /** {@code Sigma w}. */
    public static double[] multiply(double[][] cov, double[] w) {
        int n = w.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            double[] row = cov[i];
            for (int j = 0; j < n; j++) {
                s += row[j] * w[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** Portfolio variance {@code w' Sigma w}. */
    public static double variance(double[] w, double[][] cov) {
        double[] sw = multiply(cov, w);
        double s = 0.0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * sw[i];
        }
        return s;
    }

    /** Dot product. */
    public static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** A deep copy. */
    public static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
