package io.qtrade.features.cointegration;

import org.apache.commons.math3.special.Erf;

/**
 * MacKinnon approximate p-values and finite-sample critical values for Dickey-Fuller and Engle-Granger tau
 * statistics, as statsmodels' {@code mackinnonp} and {@code mackinnoncrit}.
 *
 * <p>p-value, MacKinnon (1994), "Approximate Asymptotic Distribution Functions for Unit-Root and Cointegration
 * Tests", JBES 12(2), 167-176: with {@code N} the number of I(1) series (1 for the ADF test),
 * <pre>{@code
 * p(tau) = 1                                   if tau > tauMax[N]
 *        = 0                                   if tau < tauMin[N]
 *        = Phi(g0 + g1 tau + g2 tau^2)         if tau <= tauStar[N]   (small-p coefficients)
 *        = Phi(g0 + g1 tau + g2 tau^2 + g3 tau^3)  otherwise          (large-p coefficients)
 * }</pre>
 * Critical values, MacKinnon (2010), "Critical Values for Cointegration Tests", Queen's University WP 1227:
 * <pre>{@code
 * c(level, nobs) = b_inf + b_1 / nobs + b_2 / nobs^2 + b_3 / nobs^3
 * }</pre>
 * The tables are in {@link MacKinnonTables}. {@code N} runs 1..6 for p-values and 1..12 for critical values
 * (only 1 for {@link AdfRegression#NONE}).
 */
public final class MacKinnon {

    private static final double SQRT2 = Math.sqrt(2.0);

    private MacKinnon() {
    }

    /**
     * The MacKinnon (1994) approximate asymptotic p-value of a tau statistic.
     *
     * @param tau        the Dickey-Fuller or Engle-Granger t-statistic (may be infinite)
     * @param regression deterministic terms of the test regression
     * @param nSeries    number of I(1) series, 1..6 (1 for ADF, 1 + regressors for Engle-Granger)
     * @return the p-value in [0, 1]; NaN for a NaN statistic
     * @throws IllegalArgumentException if {@code nSeries} is outside 1..6
     */
    public static double pValue(double tau, AdfRegression regression, int nSeries) {
        if (nSeries < 1 || nSeries > 6) {
            throw new IllegalArgumentException("nSeries " + nSeries + ": MacKinnon (1994) p-values cover 1..6 series");
        }
        if (Double.isNaN(tau)) {
            return Double.NaN;
        }
        int r = regression.ordinal();
        int n = nSeries - 1;
        if (tau > MacKinnonTables.TAU_MAX[r][n]) {
            return 1.0;
        }
        if (tau < MacKinnonTables.TAU_MIN[r][n]) {
            return 0.0;
        }
        double[] g = tau <= MacKinnonTables.TAU_STAR[r][n]
                ? MacKinnonTables.TAU_SMALL_P[r][n]
                : MacKinnonTables.TAU_LARGE_P[r][n];
        double z = 0.0;
        for (int i = g.length - 1; i >= 0; i--) {
            z = z * tau + g[i];
        }
        return standardNormalCdf(z);
    }

    /**
     * The MacKinnon (2010) critical values at 1%, 5% and 10% for a sample size.
     *
     * @param regression deterministic terms of the test regression
     * @param nSeries    number of I(1) series, 1..12 (only 1 for {@link AdfRegression#NONE})
     * @param nobs       sample size used in the response surface; {@code Double.POSITIVE_INFINITY} gives the
     *                   asymptotic values
     * @return the critical values
     * @throws IllegalArgumentException if {@code nSeries} is out of range or {@code nobs} is not positive
     */
    public static CriticalValues criticalValues(AdfRegression regression, int nSeries, double nobs) {
        double[][][] byN = MacKinnonTables.TAU_2010[regression.ordinal()];
        if (nSeries < 1 || nSeries > byN.length) {
            throw new IllegalArgumentException("nSeries " + nSeries
                    + ": MacKinnon (2010) critical values for regression "
                    + regression.code() + " cover 1.." + byN.length + " series");
        }
        if (!(nobs > 0)) {
            throw new IllegalArgumentException("nobs " + nobs + ": expected a positive sample size");
        }
        double[][] b = byN[nSeries - 1];
        return new CriticalValues(surface(b[0], nobs), surface(b[1], nobs), surface(b[2], nobs));
    }

    private static double surface(double[] b, double nobs) {
        if (Double.isInfinite(nobs)) {
            return b[0];
        }
        double u = 1.0 / nobs;
        return ((b[3] * u + b[2]) * u + b[1]) * u + b[0];
    }

    /** {@code Phi(z) = erfc(-z / sqrt 2) / 2}, accurate in both tails. */
    static double standardNormalCdf(double z) {
        return 0.5 * Erf.erfc(-z / SQRT2);
    }
}
