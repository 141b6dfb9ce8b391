package io.qtrade.features.factor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Principal component analysis of asset returns by the singular value decomposition (EJML).
 *
 * <p>Pearson, K. (1901), "On Lines and Planes of Closest Fit to Systems of Points in Space", Phil. Mag. 2(11),
 * 559-572; Hotelling, H. (1933), J. Educational Psychology 24, 417-441; for returns, e.g. Avellaneda, M., Lee,
 * J.-H. (2010), "Statistical Arbitrage in the US Equities Market", Quantitative Finance 10(7), 761-782. With R the
 * {@code T x N} returns (rows are observations):
 * <pre>{@code
 * Z = (R - 1 mean') [ diag(sd)^-1 when fitting on correlations ]      (sd with ddof 1)
 * Z = U S V'                                    (thin SVD, s_1 >= s_2 >= ...)
 * loadings           = V                        (eigenvectors of Z'Z / (T - 1))
 * explained variance = s_j^2 / (T - 1)          (eigenvalues; numpy/scikit-learn convention)
 * factor returns     = Z V = U S
 * }</pre>
 * Signs are fixed so that each loading vector's largest-magnitude element is positive (a market factor then
 * loads positively). Batch fit; {@link PcaResult#project} is the streaming, allocation-free projection of new
 * observations.
 */
public final class PrincipalComponents {

    private final boolean correlation;

    /**
     * A PCA.
     *
     * @param correlation true to scale each column to unit variance first (PCA of the correlation matrix), false
     *                    for the covariance matrix
     */
    public PrincipalComponents(boolean correlation) {
        this.correlation = correlation;
    }

    /**
     * Fits the PCA on the numeric columns of a table.
     *
     * @param returns a table whose columns are assets and rows observations; every column numeric, no missing
     *                values
     * @return the fit
     */
    public PcaResult fit(Table returns) {
        int n = returns.columnCount();
        int t = returns.rowCount();
        double[][] r = new double[t][n];
        for (int j = 0; j < n; j++) {
            Column<?> c = returns.column(j);
            if (!(c instanceof NumericColumn<?> nc)) {
                throw new IllegalArgumentException("column '" + c.name() + "' is " + c.type() + ": expected numeric");
            }
            for (int i = 0; i < t; i++) {
                if (nc.isMissing(i)) {
                    throw new IllegalArgumentException("column '" + c.name() + "' row " + i + ": missing value");
                }
                r[i][j] = nc.getDouble(i);
            }
        }
        return fit(r);
    }

    /**
     * Fits the PCA.
     *
     * @param returns {@code [observation][asset]}, T >= 2 rows of N >= 1 finite values (not modified)
     * @return the fit
     * @throws IllegalArgumentException on ragged rows, non-finite values, fewer than 2 observations, or a constant
     *                                  column when fitting on correlations
     */
    public PcaResult fit(double[][] returns) {
        int t = returns.length;
        if (t < 2) {
            throw new IllegalArgumentException(t + " observations: PCA needs at least 2");
        }
        int n = returns[0].length;
        if (n < 1) {
            throw new IllegalArgumentException("no assets: row 0 is empty");
        }
        double[] means = new double[n];
        for (int i = 0; i < t; i++) {
            if (returns[i].length != n) {
                throw new IllegalArgumentException("row " + i + " has " + returns[i].length
                        + " assets, row 0 has " + n);
            }
            for (int j = 0; j < n; j++) {
                double v = returns[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("returns[" + i + "][" + j + "] = " + v + ": expected finite");
                }
                means[j] += v;
            }
        }
        for (int j = 0; j < n; j++) {
            means[j] /= t;
        }
        double[] scales = new double[n];
        java.util.Arrays.fill(scales, 1.0);
        if (correlation) {
            for (int j = 0; j < n; j++) {
                double ss = 0.0;
                for (double[] row : returns) {
                    double d = row[j] - means[j];
                    ss += d * d;
                }
                scales[j] = Math.sqrt(ss / (t - 1));
                if (!(scales[j] > 0.0)) {
                    throw new IllegalArgumentException("asset " + j
                            + " has zero variance: cannot scale to correlation");
                }
            }
        }
        DMatrixRMaj z = new DMatrixRMaj(t, n);
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < n; j++) {
                z.unsafe_set(i, j, (returns[i][j] - means[j]) / scales[j]);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(t, n, false, true, true);
        if (!svd.decompose(z.copy())) {
            throw new IllegalArgumentException("SVD of the " + t + " x " + n + " return matrix did not converge");
        }
        double[] s = svd.getSingularValues();
        DMatrixRMaj v = svd.getV(null, false);
        int k = Math.min(t, n);
        Integer[] order = new Integer[svd.numberOfSingularValues()];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
        double[][] loadings = new double[n][k];
        double[] explained = new double[k];
        double total = 0.0;
        for (int c = 0; c < k; c++) {
            int src = order[c];
            explained[c] = s[src] * s[src] / (t - 1);
            total += explained[c];
            int argMax = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(v.get(i, src)) > Math.abs(v.get(argMax, src))) {
                    argMax = i;
                }
            }
            double sign = v.get(argMax, src) < 0.0 ? -1.0 : 1.0;
            for (int i = 0; i < n; i++) {
                loadings[i][c] = sign * v.get(i, src);
            }
        }
        double[] ratio = new double[k];
        for (int c = 0; c < k; c++) {
            ratio[c] = total > 0.0 ? explained[c] / total : Double.NaN;
        }
        double[][] factors = new double[t][k];
        for (int i = 0; i < t; i++) {
            double[] f = factors[i];
            for (int j = 0; j < n; j++) {
                double zij = z.unsafe_get(i, j);
                double[] l = loadings[j];
                for (int c = 0; c < k; c++) {
                    f[c] += zij * l[c];
                }
            }
        }
        return new PcaResult(means, scales, loadings, explained, ratio, factors);
    }

    /** True when fitting on correlations. */
    public boolean correlation() {
        return correlation;
    }

    @Override
    public String toString() {
        return "PrincipalComponents[correlation=" + correlation + "]";
    }
}
