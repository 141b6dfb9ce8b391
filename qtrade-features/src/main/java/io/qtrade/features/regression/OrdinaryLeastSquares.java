package io.qtrade.features.regression;

import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Ordinary least squares with an intercept, solved by a Householder QR decomposition (commons-math3
 * {@link OLSMultipleLinearRegression}).
 *
 * <pre>{@code
 * y = X b + u,   X = [1, x_1, ..., x_k]  (n rows, p = k + 1 columns)
 * b^ = (X'X)^-1 X'y                    (computed as R^-1 Q'y from X = QR, never by inverting X'X)
 * }</pre>
 *
 * <p>Reference: W. H. Greene (2012), <i>Econometric Analysis</i>, 7th ed., ch. 3-4. The standard errors are in
 * {@link OlsFit}: ordinary ({@link OlsFit#standardErrors()}) and Newey-West
 * ({@link OlsFit#neweyWestStandardErrors(int)}).
 *
 * <p>This is a batch estimator for research code; it copies its inputs and allocates.
 */
public final class OrdinaryLeastSquares {

    private OrdinaryLeastSquares() {
    }

    /**
     * Fits {@code y = b_0 + b_1 x_1 + ... + b_k x_k + u}.
     *
     * @param y          dependent variable, n values (not modified)
     * @param regressors n rows of k regressors each, without the intercept column (not modified)
     * @param names      k + 1 coefficient names, the intercept's first (for {@code toString})
     * @return the fit
     * @throws IllegalArgumentException if the shapes disagree, a value is not finite, there are not more rows than
     *                                  coefficients, or the regressors are collinear
     */
    public static OlsFit fit(double[] y, double[][] regressors, String... names) {
        int n = y.length;
        if (regressors.length != n) {
            throw new IllegalArgumentException("regressors has " + regressors.length + " rows but y has " + n);
        }
        if (n == 0) {
            throw new IllegalArgumentException("no observations: y is empty");
        }
        int k = regressors[0].length;
        int p = k + 1;
        if (names.length != p) {
            throw new IllegalArgumentException("names has " + names.length + " entries, expected " + p
                    + " (intercept first, then one per regressor)");
        }
        if (n <= p) {
            throw new IllegalArgumentException("n = " + n + " observations cannot identify " + p + " coefficients");
        }
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is not finite");
            }
            if (regressors[i].length != k) {
                throw new IllegalArgumentException("regressors[" + i + "] has " + regressors[i].length
                        + " values, expected " + k);
            }
            x[i][0] = 1.0;
            for (int j = 0; j < k; j++) {
                double v = regressors[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("regressors[" + i + "][" + j + "] = " + v + " is not finite");
                }
                x[i][j + 1] = v;
            }
        }
        return solve(y, x, names, "the regressors are collinear: X'X is singular");
    }

    /**
     * Fits {@code y = X b + u} with the design taken as given (no intercept column added): for regressions whose
     * deterministic terms are columns of their own, such as the Engle-Granger cointegrating regression.
     *
     * @param y      dependent variable, n values (not modified)
     * @param design n rows of p columns (not modified)
     * @param names  p coefficient names
     * @return the fit; its total sum of squares is taken about the mean of y
     * @throws IllegalArgumentException if the shapes disagree, a value is not finite, there are not more rows than
     *                                  coefficients, or the columns are collinear
     */
    public static OlsFit fitDesign(double[] y, double[][] design, String... names) {
        int n = y.length;
        if (design.length != n) {
            throw new IllegalArgumentException("design has " + design.length + " rows but y has " + n);
        }
        int p = names.length;
        if (n <= p) {
            throw new IllegalArgumentException("n = " + n + " observations cannot identify " + p + " coefficients");
        }
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is not finite");
            }
            if (design[i].length != p) {
                throw new IllegalArgumentException("design[" + i + "] has " + design[i].length + " values, expected "
                        + p + " (one per name)");
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(design[i][j])) {
                    throw new IllegalArgumentException("design[" + i + "][" + j + "] = " + design[i][j]
                            + " is not finite");
                }
            }
            x[i] = design[i].clone();
        }
        return solve(y, x, names, "the design columns are collinear: X'X is singular");
    }

    /** OLS of {@code y} on the checked design {@code x} (taken as is), R²'s total sum of squares about mean(y). */
    private static OlsFit solve(double[] y, double[][] x, String[] names, String collinear) {
        int n = y.length;
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(y.clone(), x);
        double[] params;
        double[][] xtxInverse;
        try {
            params = ols.estimateRegressionParameters();
            xtxInverse = ols.estimateRegressionParametersVariance();
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException(collinear, e);
        }
        double[] residuals = ols.estimateResiduals();
        double ssr = 0.0;
        for (double u : residuals) {
            ssr += u * u;
        }
        double mean = 0.0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double sst = 0.0;
        for (double v : y) {
            sst += (v - mean) * (v - mean);
        }
        return new OlsFit(names.clone(), params, xtxInverse, x, residuals, ssr, sst);
    }
}
