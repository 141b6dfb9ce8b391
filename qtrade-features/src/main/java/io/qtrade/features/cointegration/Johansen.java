package io.qtrade.features.cointegration;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import tech.tablesaw.api.NumericColumn;

/**
 * Johansen trace and maximum-eigenvalue tests for the cointegration rank of m series, with every deterministic
 * option of urca {@code ca.jo} and statsmodels {@code coint_johansen} ({@link JohansenDeterministic}), centred
 * seasonal dummies of any period, exogenous regressors, urca's {@code spec} and a choice of critical-value table
 * ({@link JohansenTable}).
 *
 * <p>Johansen, S. (1988), "Statistical Analysis of Cointegration Vectors", Journal of Economic Dynamics and Control
 * 12, 231-254; Johansen, S. (1991), Econometrica 59(6), 1551-1580; Johansen, S. and Juselius, K. (1990), Oxford
 * Bulletin of Economics and Statistics 52(2), 169-210. With {@code k} lagged differences ({@code k = K - 1} in urca,
 * {@code k_ar_diff} in statsmodels) and {@code T = n - k - 1} rows {@code t = k+1..n-1}:
 * <pre>{@code
 * Z0_t = dY_t
 * ZK_t = [Y_{t-1} (TRANSITORY) or Y_{t-k-1} (LONGRUN),  restricted constant 1 and/or restricted trend]
 * Z1_t = [unrestricted constant, S-1 centred seasonal dummies, unrestricted trend, exogenous x_t, dY_{t-1..t-k}]
 * R0, RK = residuals of Z0, ZK on Z1;   S_ij = (1/T) sum_t Ri_t Rj_t'
 * |lambda S_KK - S_K0 S_00^-1 S_0K| = 0,   lambda_1 >= .. >= lambda_p   (p = m + restricted terms)
 * trace_r  = -T sum_{i=r+1..m} ln(1 - lambda_i)
 * maxeig_r = -T ln(1 - lambda_{r+1})                          r = 0..m-1
 * }</pre>
 * Seasonal dummy {@code j = 0..S-2} is {@code 1 - 1/S} at data rows {@code t} with {@code (t - j + firstSeason) mod
 * S = 0} and {@code -1/S} elsewhere (urca's {@code season}, statsmodels' {@code seasons}/{@code first_season},
 * centred). Exogenous columns enter every equation unrestricted, row {@code t} with equation {@code t} (urca
 * {@code dumvar}). The critical values of a table do not account for seasonal dummies or exogenous columns (neither
 * do urca's nor statsmodels').
 *
 * <p>Eigenvectors: {@link JohansenResult#eigenvectors()} satisfy {@code v' S_KK v = 1} with the first non-zero
 * element positive (statsmodels' scale); {@link JohansenResult#eigenvectorsNormalised()} divides each column by its
 * first element (urca's {@code V}). The first series is the one normalised on: put the dependent series first.
 *
 * <p>Implementation: for {@link JohansenDeterministic#NONE}, {@link JohansenDeterministic#CONSTANT} and
 * {@link JohansenDeterministic#DETRENDED} without seasonal or exogenous columns, the centred cross-product matrix of
 * {@code [dY_t, Y_{t-k}, lags]} is accumulated from windows of the series (O(n q^2), no n-row matrix); every other
 * configuration builds the columns explicitly ({@link ReducedRankRegression}). The fast path pairs {@code dY_t}
 * with {@code Y_{t-k}} as statsmodels does: for {@code k >= 1} this has the same statistics as {@code Y_{t-1}}, but
 * for {@code k = 0} it is {@code Y_t} (statsmodels' {@code coint_johansen(..., k_ar_diff=0)}), whereas the explicit
 * path and the {@link Vecm} use Johansen's {@code Y_{t-1}} (urca requires {@code K >= 2}, i.e. {@code k >= 1}). The eigenproblem is made symmetric
 * with the Cholesky factor of {@code S_KK = L L'} (EJML): eigenvectors {@code v} of
 * {@code L^-1 S_K0 S_00^-1 S_0K L^-T} give {@code beta = L^-T v}. Batch only.
 */
public final class Johansen {

    /** Rows per block of the moment computation: 2m scratch arrays of this many doubles stay in L1/L2. */
    private static final int BLOCK_ROWS = 1024;

    private final JohansenDeterministic deterministic;
    private final int lagDifferences;
    private final JohansenSpec spec;
    private final int seasons;
    private final int firstSeason;
    private final double[][] exogenous;
    private final JohansenTable table;

    /**
     * A statsmodels {@code coint_johansen(endog, det_order, k_ar_diff)} configuration with the
     * MacKinnon-Haug-Michelis table.
     *
     * @param detOrder       -1 (no deterministic terms), 0 (constant) or 1 (levels detrended)
     * @param lagDifferences number of lagged differences {@code k_ar_diff}, at least 0
     * @throws IllegalArgumentException for other values
     * @deprecated the int det_order: use {@link #builder()} with {@link JohansenDeterministic}
     *             ({@link JohansenDeterministic#ofDetOrder(int)} maps one to the other)
     */
    @Deprecated
    public Johansen(int detOrder, int lagDifferences) {
        this(builder().deterministic(JohansenDeterministic.ofDetOrder(detOrder)).lagDifferences(lagDifferences));
    }

    private Johansen(Builder b) {
        if (b.lagDifferences < 0) {
            throw new IllegalArgumentException("lagDifferences " + b.lagDifferences + ": expected >= 0");
        }
        JohansenTable t = b.table == null ? JohansenTable.defaultFor(b.deterministic) : b.table;
        if (b.table != null && t.caseIndex(b.deterministic) < 0) {
            throw new IllegalArgumentException("critical values: " + t + " has no table for " + b.deterministic
                    + " (MACKINNON_HAUG_MICHELIS covers NONE, CONSTANT, DETRENDED, CONSTANT_RESTRICTED_TREND;"
                    + " OSTERWALD_LENUM covers CONSTANT, RESTRICTED_CONSTANT, CONSTANT_RESTRICTED_TREND)");
        }
        if (b.deterministic == JohansenDeterministic.DETRENDED && (b.seasons > 1 || b.exogenous != null)) {
            throw new IllegalArgumentException("DETRENDED (statsmodels det_order=1) takes no seasonal dummies or"
                    + " exogenous columns: statsmodels defines neither with it");
        }
        this.deterministic = b.deterministic;
        this.lagDifferences = b.lagDifferences;
        this.spec = b.spec;
        this.seasons = b.seasons;
        this.firstSeason = b.firstSeason;
        this.exogenous = b.exogenous;
        this.table = t;
    }

    /** A builder: defaults {@link JohansenDeterministic#CONSTANT}, one lagged difference, LONGRUN, no seasons. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the test on Tablesaw columns.
     *
     * @param columns the m series, the dependent one first
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
     * @param series m series of equal length n, one array each (column-major), oldest first, the dependent series
     *               first (not modified)
     * @return the result
     * @throws IllegalArgumentException on fewer than one series, unequal lengths, non-finite values, too few
     *                                  observations, or singular moment matrices (collinear series)
     */
    public JohansenResult test(double[]... series) {
        int m = checkSeries(series, exogenous);
        int n = series[0].length;
        int k = lagDifferences;
        DMatrixRMaj s00;
        DMatrixRMaj s0k;
        DMatrixRMaj skk;
        int bigT = n - k - 1;
        double[] scaleK;
        boolean fast = (deterministic == JohansenDeterministic.NONE || deterministic == JohansenDeterministic.CONSTANT
                || deterministic == JohansenDeterministic.DETRENDED) && seasons <= 1 && exogenous == null;
        if (fast) {
            DMatrixRMaj s = fastMoments(series, m, n, k);
            s00 = CommonOps_DDRM.extract(s, 0, m, 0, m);
            s0k = CommonOps_DDRM.extract(s, 0, m, m, 2 * m);
            skk = CommonOps_DDRM.extract(s, m, 2 * m, m, 2 * m);
            scaleK = new double[m];
            Arrays.fill(scaleK, 1.0);
        } else {
            ReducedRankRegression rrr = new ReducedRankRegression(series, deterministic, spec, k, seasons,
                    firstSeason, exogenous);
            s00 = rrr.s00;
            s0k = rrr.s0k;
            skk = rrr.skk;
            scaleK = rrr.scaleK;
        }
        Eigen e = eigen(s00, s0k, skk);
        int p = e.values.length;
        double[][] vectors = new double[p][p];
        double[][] normalised = new double[p][p];
        for (int col = 0; col < p; col++) {
            for (int i = 0; i < p; i++) {
                vectors[i][col] = e.vectors[i][col] * scaleK[i];
            }
            double first = vectors[0][col];
            for (int i = 0; i < p; i++) {
                normalised[i][col] = vectors[i][col] / first;
            }
        }
        // urca's W = S_0K V (V' S_KK V)^-1 (unit-free) and PI = S_0K S_KK^-1 (scaled back to raw units).
        double[][] loadings = new double[m][p];
        for (int col = 0; col < p; col++) {
            double first = e.vectors[0][col];
            double quad = 0.0;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    quad += e.vectors[a][col] / first * skk.get(a, b) * e.vectors[b][col] / first;
                }
            }
            for (int i = 0; i < m; i++) {
                double sv = 0.0;
                for (int a = 0; a < p; a++) {
                    sv += s0k.get(i, a) * e.vectors[a][col] / first;
                }
                loadings[i][col] = sv / quad;
            }
        }
        DMatrixRMaj skkInv = new DMatrixRMaj(p, p);
        CommonOps_DDRM.invert(skk.copy(), skkInv);
        DMatrixRMaj piM = new DMatrixRMaj(m, p);
        CommonOps_DDRM.mult(s0k, skkInv, piM);
        double[][] pi = new double[m][p];
        for (int i = 0; i < m; i++) {
            for (int a = 0; a < p; a++) {
                pi[i][a] = piM.get(i, a) * scaleK[a];
            }
        }
        double[] trace = new double[m];
        double[] maxEig = new double[m];
        double[][] cvt = new double[m][];
        double[][] cvm = new double[m][];
        double tail = 0.0;
        for (int i = m - 1; i >= 0; i--) {
            double lg = Math.log(1.0 - e.values[i]);
            tail += lg;
            trace[i] = -bigT * tail;
            maxEig[i] = -bigT * lg;
            int trends = m - i;
            cvt[i] = table.values(deterministic, true, trends);
            cvm[i] = table.values(deterministic, false, trends);
        }
        return new JohansenResult(e.values, vectors, trace, maxEig, cvt, cvm, bigT, deterministic, k, normalised,
                table, spec, seasons, loadings, pi);
    }

    /** Checks the series (and exogenous columns) and returns m. */
    static int checkSeries(double[][] series, double[][] exogenous) {
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
        if (exogenous != null) {
            for (int j = 0; j < exogenous.length; j++) {
                if (exogenous[j].length != n) {
                    throw new IllegalArgumentException("exogenous[" + j + "] has " + exogenous[j].length
                            + " values, the series have " + n + ": expected one value per row");
                }
                Series.requireFinite(exogenous[j], "exogenous[" + j + "]");
            }
        }
        return m;
    }

    /** Eigenvalues (descending) and eigenvectors {@code v' S_KK v = 1}, first non-zero element positive. */
    record Eigen(double[] values, double[][] vectors) {
    }

    static Eigen eigen(DMatrixRMaj s00, DMatrixRMaj s0k, DMatrixRMaj skk) {
        int m = s00.numRows;
        int p = skk.numRows;
        // N = S_K0 S_00^-1 S_0K
        LinearSolverDense<DMatrixRMaj> s00Solver = LinearSolverFactory_DDRM.symmPosDef(m);
        if (!s00Solver.setA(s00.copy())) {
            throw new IllegalArgumentException(
                    "residual covariance S00 is singular: are the differenced series collinear?");
        }
        DMatrixRMaj b = new DMatrixRMaj(m, p);
        s00Solver.solve(s0k, b);
        DMatrixRMaj nMat = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransA(s0k, b, nMat);

        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(p, true);
        if (!chol.decompose(skk.copy())) {
            throw new IllegalArgumentException("residual covariance S_KK is singular: are the levels (and restricted"
                    + " terms) collinear?");
        }
        DMatrixRMaj l = chol.getT(null);
        DMatrixRMaj lInv = new DMatrixRMaj(p, p);
        CommonOps_DDRM.invert(l, lInv);
        DMatrixRMaj tmp = new DMatrixRMaj(p, p);
        DMatrixRMaj c = new DMatrixRMaj(p, p);
        CommonOps_DDRM.mult(lInv, nMat, tmp);
        CommonOps_DDRM.multTransB(tmp, lInv, c);
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                double v = 0.5 * (c.unsafe_get(i, j) + c.unsafe_get(j, i));
                c.unsafe_set(i, j, v);
                c.unsafe_set(j, i, v);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
        if (!eig.decompose(c)) {
            throw new IllegalArgumentException("Johansen eigenproblem did not converge");
        }
        Integer[] order = new Integer[p];
        double[] lambda = new double[p];
        for (int i = 0; i < p; i++) {
            order[i] = i;
            lambda[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(order, (i1, i2) -> Double.compare(lambda[i2], lambda[i1]));
        double[] eigenvalues = new double[p];
        double[][] vectors = new double[p][p];
        DMatrixRMaj v = new DMatrixRMaj(p, 1);
        DMatrixRMaj beta = new DMatrixRMaj(p, 1);
        for (int col = 0; col < p; col++) {
            int src = order[col];
            eigenvalues[col] = lambda[src];
            DMatrixRMaj ev = eig.getEigenVector(src);
            for (int i = 0; i < p; i++) {
                v.unsafe_set(i, 0, ev.get(i, 0));
            }
            CommonOps_DDRM.multTransA(lInv, v, beta);
            double norm2 = 0.0;
            for (int i = 0; i < p; i++) {
                norm2 += v.unsafe_get(i, 0) * v.unsafe_get(i, 0);
            }
            double scale = 1.0 / Math.sqrt(norm2);
            for (int i = 0; i < p; i++) {
                if (beta.unsafe_get(i, 0) != 0.0) {
                    if (beta.unsafe_get(i, 0) < 0.0) {
                        scale = -scale;
                    }
                    break;
                }
            }
            for (int i = 0; i < p; i++) {
                vectors[i][col] = beta.unsafe_get(i, 0) * scale;
            }
        }
        return new Eigen(eigenvalues, vectors);
    }

    /** Residual moments S (2m x 2m, [dY, Y_{t-k}]) by the windowed fast path. */
    private DMatrixRMaj fastMoments(double[][] series, int m, int n, int k) {
        int bigT = n - k - 1;
        int q = m * (k + 2);
        if (bigT <= q) {
            throw new IllegalArgumentException(n + " observations for " + m + " series and " + k
                    + " lagged differences: need more than " + (q + k + 1));
        }
        double[][] y = deterministic == JohansenDeterministic.DETRENDED ? detrendLinear(series) : series;
        boolean demean = deterministic != JohansenDeterministic.NONE;

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
        return s;
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

    /**
     * The statsmodels det_order of this configuration.
     *
     * @return -1, 0 or 1
     * @throws IllegalStateException when the deterministic choice has no statsmodels det_order
     * @deprecated use {@link #deterministic()}
     */
    @Deprecated
    public int detOrder() {
        return deterministic.statsmodelsDetOrder();
    }

    /** The deterministic terms. */
    public JohansenDeterministic deterministic() {
        return deterministic;
    }

    /** Number of lagged differences ({@code k_ar_diff}; urca's K - 1). */
    public int lagDifferences() {
        return lagDifferences;
    }

    /** urca's spec. */
    public JohansenSpec spec() {
        return spec;
    }

    /** The critical-value table. */
    public JohansenTable table() {
        return table;
    }

    @Override
    public String toString() {
        return "Johansen[deterministic=" + deterministic + ", lagDifferences=" + lagDifferences + ", spec=" + spec
                + ", seasons=" + seasons + ", firstSeason=" + firstSeason + ", exogenous="
                + (exogenous == null ? 0 : exogenous.length) + ", table=" + table + "]";
    }

    /** Options of the test; every setter validates its argument. */
    public static final class Builder {
        private JohansenDeterministic deterministic = JohansenDeterministic.CONSTANT;
        private int lagDifferences = 1;
        private JohansenSpec spec = JohansenSpec.LONGRUN;
        private int seasons;
        private int firstSeason;
        private double[][] exogenous;
        private JohansenTable table;

        private Builder() {
        }

        /** Deterministic terms (default {@link JohansenDeterministic#CONSTANT}). */
        public Builder deterministic(JohansenDeterministic value) {
            this.deterministic = java.util.Objects.requireNonNull(value, "deterministic");
            return this;
        }

        /** Lagged differences {@code k >= 0} (statsmodels k_ar_diff; urca K - 1); default 1. */
        public Builder lagDifferences(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("lagDifferences " + value + ": expected >= 0");
            }
            this.lagDifferences = value;
            return this;
        }

        /** urca's spec (default LONGRUN, as urca); changes only the Gamma matrices of a VECM. */
        public Builder spec(JohansenSpec value) {
            this.spec = java.util.Objects.requireNonNull(value, "spec");
            return this;
        }

        /** Centred seasonal dummies of the given period, the first data row in season 0 (urca {@code season}). */
        public Builder seasons(int period) {
            return seasons(period, 0);
        }

        /**
         * Centred seasonal dummies ({@code period - 1} columns).
         *
         * @param period      seasons per cycle, at least 2 (4 quarterly, 12 monthly)
         * @param firstSeason season of the first data row, 0..period-1 (statsmodels {@code first_season})
         */
        public Builder seasons(int period, int firstSeason) {
            if (period < 2) {
                throw new IllegalArgumentException("seasons " + period + ": expected at least 2");
            }
            if (firstSeason < 0 || firstSeason >= period) {
                throw new IllegalArgumentException("firstSeason " + firstSeason + ": expected 0.." + (period - 1));
            }
            this.seasons = period;
            this.firstSeason = firstSeason;
            return this;
        }

        /**
         * Exogenous regressors, unrestricted, one column per regressor with one value per data row (urca
         * {@code dumvar}); copied.
         */
        public Builder exogenous(double[]... columns) {
            if (columns.length == 0) {
                this.exogenous = null;
                return this;
            }
            double[][] c = new double[columns.length][];
            for (int j = 0; j < columns.length; j++) {
                c[j] = columns[j].clone();
            }
            this.exogenous = c;
            return this;
        }

        /**
         * Critical-value table (default: MacKinnon-Haug-Michelis where it has the case, else Osterwald-Lenum; when
         * neither has it, as for LINEAR_TREND, RESTRICTED_TREND and CONSTANT_LINEAR_TREND, the critical values are
         * NaN). A table chosen here that lacks the case is refused by {@link #build()}.
         */
        public Builder criticalValues(JohansenTable value) {
            this.table = java.util.Objects.requireNonNull(value, "table");
            return this;
        }

        /** The test. */
        public Johansen build() {
            return new Johansen(this);
        }
    }
}
