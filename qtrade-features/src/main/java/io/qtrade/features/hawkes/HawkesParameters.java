package io.qtrade.features.hawkes;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Parameters of an M-dimensional Hawkes process with exponential kernels, in the branching-ratio form:
 * <pre>{@code
 * lambda_m(t) = mu_m + sum_n sum_{t^n_k < t} alpha_mn beta_mn exp(-beta_mn (t - t^n_k))
 * }</pre>
 * Row m is the target, column n the source: {@code alpha_mn} is the expected number of m-events one n-event
 * triggers (the kernel integrates to it), {@code beta_mn} the decay rate (1 / time unit). The other common form
 * {@code lambda = mu + sum a exp(-beta (t - t_k))} has {@code a = alpha beta} ({@link #jumpSize}). The process is
 * stationary when the spectral radius of {@code alpha} is below 1 ({@link #branchingRatio()}); its mean rates are
 * then {@code (I - alpha)^-1 mu}.
 *
 * @param mu    baseline intensities, M values > 0
 * @param alpha branching matrix, M x M, entries >= 0
 * @param beta  decay rates, M x M, entries > 0
 */
public record HawkesParameters(double[] mu, double[][] alpha, double[][] beta) {

    /** Checks shapes and signs, naming the entry. */
    public HawkesParameters {
        int m = mu.length;
        if (m < 1) {
            throw new IllegalArgumentException("mu is empty: expected one baseline per dimension");
        }
        if (alpha.length != m || beta.length != m) {
            throw new IllegalArgumentException("alpha has " + alpha.length + " rows and beta " + beta.length
                    + ", expected " + m + " (one per dimension)");
        }
        mu = mu.clone();
        double[][] a = new double[m][];
        double[][] b = new double[m][];
        for (int i = 0; i < m; i++) {
            if (!(mu[i] > 0.0) || Double.isInfinite(mu[i])) {
                throw new IllegalArgumentException("mu[" + i + "] = " + mu[i] + ": expected finite and > 0");
            }
            if (alpha[i].length != m || beta[i].length != m) {
                throw new IllegalArgumentException("alpha[" + i + "] or beta[" + i + "] has the wrong length: expected "
                        + m);
            }
            a[i] = alpha[i].clone();
            b[i] = beta[i].clone();
            for (int j = 0; j < m; j++) {
                if (!(a[i][j] >= 0.0) || Double.isInfinite(a[i][j])) {
                    throw new IllegalArgumentException("alpha[" + i + "][" + j + "] = " + a[i][j]
                            + ": expected finite and >= 0");
                }
                if (!(b[i][j] > 0.0) || Double.isInfinite(b[i][j])) {
                    throw new IllegalArgumentException("beta[" + i + "][" + j + "] = " + b[i][j]
                            + ": expected finite and > 0");
                }
            }
        }
        alpha = a;
        beta = b;
    }

    /** A univariate process. */
    public static HawkesParameters univariate(double mu, double alpha, double beta) {
        return new HawkesParameters(new double[] {mu}, new double[][] {{alpha}}, new double[][] {{beta}});
    }

    /** Number of dimensions M. */
    public int dimension() {
        return mu.length;
    }

    /** Baseline of dimension m. */
    public double mu(int m) {
        return mu[m];
    }

    /** Branching ratio of source n on target m. */
    public double alpha(int m, int n) {
        return alpha[m][n];
    }

    /** Decay rate of source n on target m. */
    public double beta(int m, int n) {
        return beta[m][n];
    }

    /** Jump size {@code a_mn = alpha_mn beta_mn} of the form {@code mu + sum a exp(-beta dt)}. */
    public double jumpSize(int m, int n) {
        return alpha[m][n] * beta[m][n];
    }

    /** Spectral radius of the branching matrix (alpha itself when univariate): below 1 for a stationary process. */
    public double branchingRatio() {
        int m = mu.length;
        if (m == 1) {
            return alpha[0][0];
        }
        DMatrixRMaj a = new DMatrixRMaj(alpha);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false);
        if (!eig.decompose(a)) {
            throw new IllegalStateException("eigenvalues of the branching matrix did not converge");
        }
        double r = 0.0;
        for (int i = 0; i < m; i++) {
            r = Math.max(r, eig.getEigenvalue(i).getMagnitude());
        }
        return r;
    }

    /** Stationary mean rates {@code (I - alpha)^-1 mu}, or +Infinity entries when not stationary. */
    public double[] stationaryRates() {
        int m = mu.length;
        double[] out = new double[m];
        if (branchingRatio() >= 1.0) {
            Arrays.fill(out, Double.POSITIVE_INFINITY);
            return out;
        }
        DMatrixRMaj a = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                a.set(i, j, (i == j ? 1.0 : 0.0) - alpha[i][j]);
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(m, 1);
        org.ejml.dense.row.CommonOps_DDRM.solve(a, new DMatrixRMaj(m, 1, true, mu), x);
        for (int i = 0; i < m; i++) {
            out[i] = x.get(i, 0);
        }
        return out;
    }

    /** The parameter vector {@code [mu_0..mu_{M-1}, alpha row-major, beta row-major]}. */
    double[] toVector() {
        int m = mu.length;
        double[] v = new double[m + 2 * m * m];
        System.arraycopy(mu, 0, v, 0, m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                v[m + i * m + j] = alpha[i][j];
                v[m + m * m + i * m + j] = beta[i][j];
            }
        }
        return v;
    }

    static HawkesParameters fromVector(double[] v, int m) {
        double[] mu = Arrays.copyOf(v, m);
        double[][] a = new double[m][m];
        double[][] b = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                a[i][j] = v[m + i * m + j];
                b[i][j] = v[m + m * m + i * m + j];
            }
        }
        return new HawkesParameters(mu, a, b);
    }

    @Override
    public String toString() {
        return "HawkesParameters[mu=" + Arrays.toString(mu) + ", alpha=" + Arrays.deepToString(alpha) + ", beta="
                + Arrays.deepToString(beta) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HawkesParameters p && Arrays.equals(mu, p.mu) && Arrays.deepEquals(alpha, p.alpha)
                && Arrays.deepEquals(beta, p.beta);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mu) * 31 + Arrays.deepHashCode(alpha) * 17 + Arrays.deepHashCode(beta);
    }
}
