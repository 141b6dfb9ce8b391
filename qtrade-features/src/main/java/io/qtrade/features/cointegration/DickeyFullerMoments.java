package io.qtrade.features.cointegration;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The cross-product matrix of a Dickey-Fuller regression and the nested least-squares fits read from its
 * Cholesky factor.
 *
 * <p>Regression rows are {@code t = t0..n-2} (0-based index into {@code dy}, {@code dy[t] = x[t+1] - x[t]}):
 * <pre>{@code
 * dy[t] = [d_1(t) .. d_m(t)]  g  x[t]  c_1 dy[t-1] .. c_K dy[t-K]  + e_t
 * }</pre>
 * with {@code m} deterministic terms {@code 1, tau, tau^2} where {@code tau = (t - n/2) / n}. When a constant
 * is present the trend is shifted and scaled and the level centred on the sample mean of {@code x}: an affine
 * change of the regressors that keeps their span, so residuals, the level's t-statistic and every information
 * criterion equal statsmodels' (which uses {@code t = 1..nobs} and the raw level); it keeps the normal equations
 * well conditioned.
 *
 * <p>The lag block is Toeplitz up to edge terms:
 * {@code G[i+1][j+1] = G[i][j] + dy[t0-1-i] dy[t0-1-j] - dy[T-i] dy[T-j]} with {@code T = n - 2}, so it costs
 * O(n K + K^2) instead of O(n K^2). With the columns ordered {@code [deterministic, level, lag 1..K, y]}, the
 * lower Cholesky factor {@code L} of the augmented matrix holds every nested fit: for the first {@code k}
 * regressors, {@code SSR_k = L[D-1][D-1]^2 + sum_{j >= k} L[D-1][j]^2} and the t-statistic of regressor
 * {@code k - 1} is {@code L[D-1][k-1] / sqrt(SSR_k / (nobs - k))}.
 */
final class DickeyFullerMoments {

    private DickeyFullerMoments() {
    }

    /**
     * The augmented cross-product matrix, row-major, columns {@code [deterministic(m), level, lag 1..K, y]}.
     *
     * @param x        the series (not modified)
     * @param nTrend   number of deterministic terms (0..3)
     * @param lags     K, number of lagged differences
     * @param t0       first dy index of the sample; needs {@code t0 >= lags}
     * @return a new {@code D x D} matrix, {@code D = nTrend + lags + 2}
     */
    static DMatrixRMaj crossProducts(double[] x, int nTrend, int lags, int t0) {
        int n = x.length;
        int last = n - 2;
        int d = nTrend + lags + 2;
        int yCol = d - 1;
        int levelCol = nTrend;
        double levelShift = 0.0;
        if (nTrend > 0) {
            for (double v : x) {
                levelShift += v;
            }
            levelShift /= n;
        }
        double trendCenter = n * 0.5;
        double trendScale = 1.0 / n;
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        double[] dy = new double[n - 1];
        for (int t = 0; t < n - 1; t++) {
            dy[t] = x[t + 1] - x[t];
        }

        // Lag block G[i][j] = sum_t dy[t-i] dy[t-j], i, j in 0..K (0 is y): first row directly, then the recursion.
        double[][] g = new double[lags + 1][lags + 1];
        for (int j = 0; j <= lags; j++) {
            double s = 0.0;
            for (int t = t0; t <= last; t++) {
                s += dy[t] * dy[t - j];
            }
            g[0][j] = s;
        }
        for (int i = 0; i < lags; i++) {
            double headI = dy[t0 - 1 - i];
            double tailI = dy[last - i];
            for (int j = i; j < lags; j++) {
                double head = headI * dy[t0 - 1 - j];
                double tail = tailI * dy[last - j];
                g[i + 1][j + 1] = g[i][j] + head - tail;
            }
        }
        for (int i = 0; i <= lags; i++) {
            int ci = i == 0 ? yCol : nTrend + i;
            for (int j = i; j <= lags; j++) {
                int cj = j == 0 ? yCol : nTrend + j;
                m.unsafe_set(ci, cj, g[i][j]);
                m.unsafe_set(cj, ci, g[i][j]);
            }
        }

        // Level and deterministic columns against everything: direct sums.
        int nRows = last - t0 + 1;
        double[] acc = new double[(nTrend + 1) * (d)];
        double[] det = new double[nTrend + 1];
        for (int t = t0; t <= last; t++) {
            double tau = (t - trendCenter) * trendScale;
            if (nTrend > 0) {
                det[0] = 1.0;
            }
            if (nTrend > 1) {
                det[1] = tau;
            }
            if (nTrend > 2) {
                det[2] = tau * tau;
            }
            det[nTrend] = x[t] - levelShift;
            for (int a = 0; a <= nTrend; a++) {
                double va = det[a];
                int row = a * d;
                for (int b = a; b <= nTrend; b++) {
                    acc[row + b] += va * det[b];
                }
                acc[row + yCol] += va * dy[t];
                for (int j = 1; j <= lags; j++) {
                    acc[row + nTrend + j] += va * dy[t - j];
                }
            }
        }
        for (int a = 0; a <= nTrend; a++) {
            for (int b = a; b < d; b++) {
                double v = acc[a * d + b];
                m.unsafe_set(a, b, v);
                m.unsafe_set(b, a, v);
            }
        }
        if (nRows <= 0) {
            throw new IllegalArgumentException("no observations left for the regression (n=" + n + ", t0=" + t0 + ")");
        }
        return m;
    }

    /**
     * Lower Cholesky factor of a cross-product matrix.
     *
     * @param a the matrix (not modified)
     * @return {@code L} with {@code a = L L^T}
     * @throws IllegalArgumentException if the regressors are collinear (a constant series, for example)
     */
    static DMatrixRMaj cholesky(DMatrixRMaj a) {
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(a.numRows, true);
        DMatrixRMaj copy = a.copy();
        if (!chol.decompose(copy)) {
            throw new IllegalArgumentException("Dickey-Fuller regressors are collinear (is the series constant or"
                    + " too short?): cross-product matrix of size " + a.numRows + " is not positive definite");
        }
        DMatrixRMaj l = chol.getT(null);
        for (int i = 0; i < l.numRows; i++) {
            if (!(l.unsafe_get(i, i) > 0.0) || !Double.isFinite(l.unsafe_get(i, i))) {
                throw new IllegalArgumentException("Dickey-Fuller regressors are collinear: pivot " + i
                        + " of the cross-product matrix is " + l.unsafe_get(i, i));
            }
        }
        return l;
    }

    /** Sum of squared residuals of the fit on the first {@code k} regressors. */
    static double ssr(DMatrixRMaj l, int k) {
        int yCol = l.numRows - 1;
        double last = l.unsafe_get(yCol, yCol);
        double s = last * last;
        for (int j = k; j < yCol; j++) {
            double r = l.unsafe_get(yCol, j);
            s += r * r;
        }
        return s;
    }

    /** t-statistic of regressor {@code k - 1} in the fit on the first {@code k} regressors. */
    static double lastTValue(DMatrixRMaj l, int k, int nobs) {
        double s2 = ssr(l, k) / (nobs - k);
        return l.unsafe_get(l.numRows - 1, k - 1) / Math.sqrt(s2);
    }

    /**
     * Moves the level column ({@code nTrend}) to the last regressor position, so that its t-statistic is
     * {@link #lastTValue} of the full fit.
     */
    static DMatrixRMaj levelLast(DMatrixRMaj m, int nTrend) {
        int d = m.numRows;
        int[] order = new int[d];
        int k = 0;
        for (int i = 0; i < d - 1; i++) {
            if (i != nTrend) {
                order[k++] = i;
            }
        }
        order[k++] = nTrend;
        order[k] = d - 1;
        DMatrixRMaj out = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out.unsafe_set(i, j, m.unsafe_get(order[i], order[j]));
            }
        }
        return out;
    }
}
