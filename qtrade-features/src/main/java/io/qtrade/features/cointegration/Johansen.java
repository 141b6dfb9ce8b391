package io.qtrade.features.cointegration;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import tech.tablesaw.api.NumericColumn;

/**
 * Johansen trace and maximum-eigenvalue tests for the cointegration rank of m series, numerically equal to
 * statsmodels 0.13.5 {@code coint_johansen(endog, det_order, k_ar_diff)}.
 *
 * <p>Johansen, S. (1988), "Statistical Analysis of Cointegration Vectors", Journal of Economic Dynamics and Control
 * 12, 231-254; Johansen, S. (1991), Econometrica 59(6), 1551-1580; critical values MacKinnon, Haug and Michelis
 * (1999) ({@link JohansenCriticalValues}). With {@code k = k_ar_diff} and {@code T = n - k - 1} rows
 * {@code t = k+1..n-1}:
 * <pre>{@code
 * R0_t = residual of dY_t      on [dY_{t-1} .. dY_{t-k}]     (dY_t = Y_t - Y_{t-1})
 * Rk_t = residual of Y_{t-k}   on [dY_{t-1} .. dY_{t-k}]     (statsmodels' lag; same statistics as Y_{t-1})
 * S_ij = (1/T) sum_t Ri_t Rj_t'
 * |lambda S_kk - S_k0 S_00^-1 S_0k| = 0,   lambda_1 >= .. >= lambda_m
 * trace_r  = -T sum_{i=r+1..m} ln(1 - lambda_i)
 * maxeig_r = -T ln(1 - lambda_{r+1})
 * }</pre>
 * Deterministic terms as statsmodels: {@code detOrder = -1} none; {@code 0} every regression demeaned (an
 * unrestricted constant); {@code 1} the levels first detrended by OLS on {@code [t, 1]}, then demeaned.
 *
 * <p>Implementation: the centred cross-product matrix of {@code [dY_t, Y_{t-k}, lags]} (every column a window of
 * one differenced or level series, so q(q+1)/2 window dot products over cache-sized row blocks, O(n q^2) with
 * {@code q = m(k+2)}, no n-row matrix allocated); the residual moments are its Schur complement on the lag block,
 * so the auxiliary regressions are never formed. The eigenproblem is made symmetric with the
 * Cholesky factor of {@code S_kk = L L'} (EJML): eigenvectors {@code v} of {@code L^-1 S_k0 S_00^-1 S_0k L^-T}
 * give {@code beta = L^-T v}, so {@code beta' S_kk beta = I} as in statsmodels. Signs: statsmodels multiplies the
 * whole matrix by the sign of its first element, leaving other columns' signs to LAPACK; here every column's first
 * non-zero element is positive, so column 0 equals statsmodels' and the others equal it up to sign. Batch only.
 */
public final class Johansen {

    /** Rows per block of the moment computation: 2m scratch arrays of this many doubles stay in L1/L2. */
    private static final int BLOCK_ROWS = 1024;

    private final int detOrder;
    private final int lagDifferences;

    /**
     * A test configuration.
     *
     * @param detOrder       -1 (no deterministic terms), 0 (constant) or 1 (linear trend)
     * @param lagDifferences number of lagged differences {@code k_ar_diff}, at least 0
     * @throws IllegalArgumentException for other values
     */
    public Johansen(int detOrder, int lagDifferences) {
        if (detOrder < -1 || detOrder > 1) {
            throw new IllegalArgumentException("detOrder " + detOrder + ": expected -1, 0 or 1");
        }
        if (lagDifferences < 0) {
            throw new IllegalArgumentException("lagDifferences " + lagDifferences + ": expected >= 0");
        }
        this.detOrder = detOrder;
        this.lagDifferences = lagDifferences;
    }

    /**
     * Runs the test on Tablesaw columns.
     *
     * @param columns the m series
     * @return the result
     */
    public JohansenResult test(NumericColumn<?>... columns) {
        double[][] s = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            s[j] = Series.fromColumn(columns[j], "columns[" + j + "]");
        }
        return test(s);
    }

    /**
     * Runs the test.
     *
     * @param series m series of equal length n, one array each, oldest first (not modified)
     * @return the result
     * @throws IllegalArgumentException on fewer than one series, unequal lengths, non-finite values, too few
     *                                  observations, or singular moment matrices (collinear series)
     */
    public JohansenResult test(double[]... series) {
        int m = series.length;
        if (m < 1) {
            throw new IllegalArgumentException("no series: expected at least one");
        }
        int n = series[0].length;
        for (int j = 0; j < m; j++) {
            if (series[j].length != n) {
                throw new IllegalArgumentException("series[" + j + "] has " + series[j].length
                        + " values, series[0] has " + n);
            }
            Series.requireFinite(series[j], "series[" + j + "]");
        }
        int k = lagDifferences;
        int bigT = n - k - 1;
        int q = m * (k + 2);
        if (bigT <= q) {
            throw new IllegalArgumentException(n + " observations for " + m + " series and " + k
                    + " lagged differences: need more than " + (q + k + 1));
        }
        double[][] y = detOrder == 1 ? detrendLinear(series) : series;
        boolean demean = detOrder >= 0;

        // Row r (0..T-1), t = r + k + 1: columns [dY_t (m), Y_{t-k} = Y_{r+1} (m), dY_{t-1..t-k} (m k)].
        // Every column is a window of consecutive values of dY_j or Y_j, so the moment matrix is q(q+1)/2 window
        // dot products. Rows go in cache-sized blocks: each block's differences and levels are written once into
        // small scratch arrays, shifted by the full-sample means c (the differences' mean telescopes to
        // (y[n-1] - y[0]) / (n - 1)), and each window's own mean is removed at the end:
        // sum (a - mean_a)(b - mean_b) = sum (a - c_a)(b - c_b) - T (mean_a - c_a)(mean_b - c_b), no cancellation.
        double[] diffShift = new double[m];
        double[] levelShift = new double[m];
        if (demean) {
            for (int j = 0; j < m; j++) {
                double[] s0 = y[j];
                diffShift[j] = (s0[n - 1] - s0[0]) / (n - 1);
                double sum = 0.0;
                for (double v : s0) {
                    sum += v;
                }
                levelShift[j] = sum / n;
            }
        }
        double[][] blockDiff = new double[m][BLOCK_ROWS + k];
        double[][] blockLevel = new double[m][BLOCK_ROWS];
        double[][] colArray = new double[q][];
        int[] colOffset = new int[q];
        for (int j = 0; j < m; j++) {
            // In a block starting at row `start`: blockDiff[i] = dY at index start + i (d[t] = y[t+1] - y[t]),
            // blockLevel[i] = Y[start + 1 + i]. dY_t sits at offset k, dY_{t-l} at k - l.
            colArray[j] = blockDiff[j];
            colOffset[j] = k;
            colArray[m + j] = blockLevel[j];
            colOffset[m + j] = 0;
            for (int lag = 1; lag <= k; lag++) {
                colArray[2 * m + (lag - 1) * m + j] = blockDiff[j];
                colOffset[2 * m + (lag - 1) * m + j] = k - lag;
            }
        }
        double[] acc = new double[q * q];
        double[] colSum = new double[q];
        for (int start = 0; start < bigT; start += BLOCK_ROWS) {
            int len = Math.min(BLOCK_ROWS, bigT - start);
            for (int j = 0; j < m; j++) {
                double[] s0 = y[j];
                double[] bd = blockDiff[j];
                double[] bl = blockLevel[j];
                double ds = diffShift[j];
                double ls = levelShift[j];
                for (int i = 0; i < len + k; i++) {
                    bd[i] = (s0[start + i + 1] - s0[start + i]) - ds;
                }
                for (int i = 0; i < len; i++) {
                    bl[i] = s0[start + 1 + i] - ls;
                }
            }
            for (int a = 0; a < q; a++) {
                if (demean) {
                    colSum[a] += windowSum(colArray[a], colOffset[a], len);
                }
                for (int b = a; b < q; b++) {
                    acc[a * q + b] += dot(colArray[a], colOffset[a], colArray[b], colOffset[b], len);
                }
            }
        }
        DMatrixRMaj mom = new DMatrixRMaj(q, q);
        for (int a = 0; a < q; a++) {
            for (int b = a; b < q; b++) {
                double v = acc[a * q + b] - colSum[a] * colSum[b] / bigT;
                mom.unsafe_set(a, b, v);
                mom.unsafe_set(b, a, v);
            }
        }
        int p = 2 * m;
        DMatrixRMaj s = CommonOps_DDRM.extract(mom, 0, p, 0, p);
        if (k > 0) {
            DMatrixRMaj mzz = CommonOps_DDRM.extract(mom, p, q, p, q);
            DMatrixRMaj mzw = CommonOps_DDRM.extract(mom, p, q, 0, p);
            DMatrixRMaj sol = new DMatrixRMaj(q - p, p);
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(q - p);
            if (!solver.setA(mzz)) {
                throw new IllegalArgumentException("lagged differences are collinear: their moment matrix is singular");
            }
            solver.solve(mzw, sol);
            DMatrixRMaj corr = new DMatrixRMaj(p, p);
            CommonOps_DDRM.multTransA(mzw, sol, corr);
            CommonOps_DDRM.subtractEquals(s, corr);
        }
        CommonOps_DDRM.scale(1.0 / bigT, s);
        DMatrixRMaj s00 = CommonOps_DDRM.extract(s, 0, m, 0, m);
        DMatrixRMaj s0k = CommonOps_DDRM.extract(s, 0, m, m, p);
        DMatrixRMaj skk = CommonOps_DDRM.extract(s, m, p, m, p);

        // N = S_k0 S_00^-1 S_0k
        LinearSolverDense<DMatrixRMaj> s00Solver = LinearSolverFactory_DDRM.symmPosDef(m);
        if (!s00Solver.setA(s00.copy())) {
            throw new IllegalArgumentException(
                    "residual covariance S00 is singular: are the differenced series collinear?");
        }
        DMatrixRMaj b = new DMatrixRMaj(m, m);
        s00Solver.solve(s0k, b);
        DMatrixRMaj nMat = new DMatrixRMaj(m, m);
        CommonOps_DDRM.multTransA(s0k, b, nMat);

        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(m, true);
        if (!chol.decompose(skk.copy())) {
            throw new IllegalArgumentException("residual covariance Skk is singular: are the levels collinear?");
        }
        DMatrixRMaj l = chol.getT(null);
        DMatrixRMaj lInv = new DMatrixRMaj(m, m);
        CommonOps_DDRM.invert(l, lInv);
        DMatrixRMaj tmp = new DMatrixRMaj(m, m);
        DMatrixRMaj c = new DMatrixRMaj(m, m);
        CommonOps_DDRM.mult(lInv, nMat, tmp);
        CommonOps_DDRM.multTransB(tmp, lInv, c);
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double v = 0.5 * (c.unsafe_get(i, j) + c.unsafe_get(j, i));
                c.unsafe_set(i, j, v);
                c.unsafe_set(j, i, v);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, true, true);
        if (!eig.decompose(c)) {
            throw new IllegalArgumentException("Johansen eigenproblem did not converge");
        }
        Integer[] order = new Integer[m];
        double[] lambda = new double[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
            lambda[i] = eig.getEigenvalue(i).getReal();
        }
        java.util.Arrays.sort(order, (i1, i2) -> Double.compare(lambda[i2], lambda[i1]));

        double[] eigenvalues = new double[m];
        double[][] vectors = new double[m][m];
        DMatrixRMaj v = new DMatrixRMaj(m, 1);
        DMatrixRMaj beta = new DMatrixRMaj(m, 1);
        for (int col = 0; col < m; col++) {
            int src = order[col];
            eigenvalues[col] = lambda[src];
            DMatrixRMaj ev = eig.getEigenVector(src);
            for (int i = 0; i < m; i++) {
                v.unsafe_set(i, 0, ev.get(i, 0));
            }
            CommonOps_DDRM.multTransA(lInv, v, beta);
            double norm2 = 0.0;
            for (int i = 0; i < m; i++) {
                norm2 += v.unsafe_get(i, 0) * v.unsafe_get(i, 0);
            }
            double scale = 1.0 / Math.sqrt(norm2);
            for (int i = 0; i < m; i++) {
                if (beta.unsafe_get(i, 0) != 0.0) {
                    if (beta.unsafe_get(i, 0) < 0.0) {
                        scale = -scale;
                    }
                    break;
                }
            }
            for (int i = 0; i < m; i++) {
                vectors[i][col] = beta.unsafe_get(i, 0) * scale;
            }
        }
        double[] trace = new double[m];
        double[] maxEig = new double[m];
        double[][] cvt = new double[m][];
        double[][] cvm = new double[m][];
        double tail = 0.0;
        for (int i = m - 1; i >= 0; i--) {
            double lg = Math.log(1.0 - eigenvalues[i]);
            tail += lg;
            trace[i] = -bigT * tail;
            maxEig[i] = -bigT * lg;
            int trends = m - i;
            cvt[i] = trends <= 12 ? JohansenCriticalValues.TRACE[detOrder + 1][trends - 1].clone() : nan3();
            cvm[i] = trends <= 12 ? JohansenCriticalValues.MAX_EIGEN[detOrder + 1][trends - 1].clone() : nan3();
        }
        return new JohansenResult(eigenvalues, vectors, trace, maxEig, cvt, cvm, bigT, detOrder, k);
    }

    private static double[] nan3() {
        return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }

    private static double windowSum(double[] a, int off, int len) {
        double s0 = 0.0;
        double s1 = 0.0;
        int i = 0;
        for (; i + 1 < len; i += 2) {
            s0 += a[off + i];
            s1 += a[off + i + 1];
        }
        for (; i < len; i++) {
            s0 += a[off + i];
        }
        return s0 + s1;
    }

    /** {@code sum_{i < len} a[oa + i] b[ob + i]} with four independent accumulators. */
    private static double dot(double[] a, int oa, double[] b, int ob, int len) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += a[oa + i] * b[ob + i];
            s1 += a[oa + i + 1] * b[ob + i + 1];
            s2 += a[oa + i + 2] * b[ob + i + 2];
            s3 += a[oa + i + 3] * b[ob + i + 3];
        }
        for (; i < len; i++) {
            s0 += a[oa + i] * b[ob + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Residuals of OLS of each series on {@code [t, 1]}, {@code t = 0..n-1} (statsmodels {@code detrend(x, 1)}). */
    private static double[][] detrendLinear(double[][] series) {
        int n = series[0].length;
        double tMean = (n - 1) * 0.5;
        double stt = 0.0;
        for (int t = 0; t < n; t++) {
            stt += (t - tMean) * (t - tMean);
        }
        double[][] out = new double[series.length][n];
        for (int j = 0; j < series.length; j++) {
            double[] s = series[j];
            double mean = 0.0;
            for (double v : s) {
                mean += v;
            }
            mean /= n;
            double sty = 0.0;
            for (int t = 0; t < n; t++) {
                sty += (t - tMean) * (s[t] - mean);
            }
            double slope = sty / stt;
            for (int t = 0; t < n; t++) {
                out[j][t] = s[t] - mean - slope * (t - tMean);
            }
        }
        return out;
    }

    /** Deterministic-term order. */
    public int detOrder() {
        return detOrder;
    }

    /** Number of lagged differences. */
    public int lagDifferences() {
        return lagDifferences;
    }

    @Override
    public String toString() {
        return "Johansen[detOrder=" + detOrder + ", lagDifferences=" + lagDifferences + "]";
    }
}
