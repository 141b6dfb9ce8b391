package io.qtrade.features.cointegration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * The fast path (one cross-product matrix, Toeplitz lag block, nested Cholesky fits) against a slow reference: a
 * commons-math QR regression built row by row with statsmodels' raw regressors ({@code t = 1..nobs}, uncentred
 * level), on seeded random series of every regression and lag.
 */
class DickeyFullerMomentsProperties {

    @Property(tries = 60)
    void levelTStatisticEqualsADirectQrRegression(@ForAll @IntRange(min = 0, max = 3) int regressionIndex,
                                                   @ForAll @IntRange(min = 0, max = 8) int lag,
                                                   @ForAll @IntRange(min = 60, max = 400) int n,
                                                   @ForAll long seed) {
        AdfRegression regression = AdfRegression.values()[regressionIndex];
        Random rnd = new Random(seed);
        double[] x = new double[n];
        double level = 50.0 + 100.0 * rnd.nextDouble();
        for (int t = 0; t < n; t++) {
            level = 0.97 * level + 0.03 * 50.0 + rnd.nextGaussian();
            x[t] = level;
        }
        double fast = AugmentedDickeyFuller.builder().regression(regression).fixedLag(lag).build().test(x).statistic();
        assertThat(fast).isCloseTo(slowTau(x, regression, lag),
                org.assertj.core.data.Percentage.withPercentage(1e-6));
    }

    @Property(tries = 40)
    void nestedSsrFromOneCholeskyEqualsSeparateFits(@ForAll @IntRange(min = 2, max = 10) int maxLag,
                                                    @ForAll long seed) {
        Random rnd = new Random(seed);
        int n = 300;
        double[] x = new double[n];
        for (int t = 1; t < n; t++) {
            x[t] = x[t - 1] + rnd.nextGaussian();
        }
        int m = 1;
        var l = DickeyFullerMoments.cholesky(DickeyFullerMoments.crossProducts(x, m, maxLag, maxLag));
        for (int p = 0; p <= maxLag; p++) {
            // Direct fit of lag p on the common sample t = maxLag..n-2.
            int rows = n - 1 - maxLag;
            double[] y = new double[rows];
            double[][] design = new double[rows][1 + p];
            for (int r = 0; r < rows; r++) {
                int t = r + maxLag;
                y[r] = x[t + 1] - x[t];
                design[r][0] = x[t];
                for (int j = 1; j <= p; j++) {
                    design[r][j] = x[t + 1 - j] - x[t - j];
                }
            }
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(y, design);
            double ssr = ols.calculateResidualSumOfSquares();
            assertThat(DickeyFullerMoments.ssr(l, m + 1 + p))
                    .isCloseTo(ssr, org.assertj.core.data.Percentage.withPercentage(1e-8));
        }
    }

    /** statsmodels' regression, row by row: dy on [level, lags, 1, t, t^2] with t = 1..nobs. */
    private static double slowTau(double[] x, AdfRegression regression, int lag) {
        int n = x.length;
        int nobs = n - 1 - lag;
        int m = regression.deterministicTerms();
        double[] y = new double[nobs];
        double[][] design = new double[nobs][1 + lag + Math.max(0, m - 1)];
        for (int r = 0; r < nobs; r++) {
            int t = r + lag;
            y[r] = x[t + 1] - x[t];
            design[r][0] = x[t];
            for (int j = 1; j <= lag; j++) {
                design[r][j] = x[t + 1 - j] - x[t - j];
            }
            double tt = r + 1.0;
            if (m > 1) {
                design[r][1 + lag] = tt;
            }
            if (m > 2) {
                design[r][2 + lag] = tt * tt;
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(m == 0);
        ols.newSampleData(y, design);
        double[] b = ols.estimateRegressionParameters();
        double[] se = ols.estimateRegressionParametersStandardErrors();
        int levelIndex = m == 0 ? 0 : 1; // commons-math puts the intercept first
        return b[levelIndex] / se[levelIndex];
    }
}
