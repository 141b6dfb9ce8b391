package io.qtrade.features.cointegration;

import io.qtrade.features.regression.OlsFit;
import java.util.Arrays;

/**
 * Result of the Engle-Granger two-step test, with the cointegrating regression it rests on.
 *
 * @param tStatistic      ADF tau of the residuals (no deterministic terms); {@code -Infinity} when y is (almost)
 *                        an exact linear function of x, as statsmodels reports it
 * @param pValue          MacKinnon (1994) p-value for {@code N = 1 + x count} series
 * @param criticalValues  MacKinnon (2010) critical values at {@code nobs - 1};
 *                        {@link CriticalValues#NOT_AVAILABLE} for {@link AdfRegression#NONE}
 * @param usedLag         lagged differences in the residual ADF regression (0 when collinear)
 * @param hedgeRatios     OLS coefficients on each x, in input order (the hedge ratio of a pair is element 0)
 * @param deterministic   OLS coefficients of the deterministic terms: constant, then trend and squared trend with
 *                        {@code t = 1..n}; empty for {@link AdfRegression#NONE}
 * @param spread          residual spread {@code u_t = y_t - fitted_t}, one per observation
 * @param rSquared        R^2 of the cointegrating regression (centred when it has a constant)
 * @param collinear       true when {@code R^2 >= 1 - 100 sqrt(eps)} and no ADF was run
 * @param regression      the cointegrating regression as an {@link OlsFit}: coefficients in the order x (input
 *                        order), constant, trend, squared trend; ordinary standard errors
 *                        {@code s^2 (X'X)^-1, s^2 = SSR/(n - p)} and Newey-West (Bartlett kernel, no small-sample
 *                        factor: statsmodels {@code cov_type="HAC", use_correction=False}). These are the usual OLS
 *                        formulas; under cointegration the OLS estimator is superconsistent with a non-standard
 *                        limit, so read them as descriptive, not as t-test inputs (Phillips and Durlauf 1986).
 */
public record EngleGrangerResult(double tStatistic, double pValue, CriticalValues criticalValues, int usedLag,
                                 double[] hedgeRatios, double[] deterministic, double[] spread, double rSquared,
                                 boolean collinear, OlsFit regression) {

    /** Ordinary OLS standard errors of the hedge ratios, in input order ({@code s^2 (X'X)^-1}). */
    public double[] hedgeRatioStandardErrors() {
        return java.util.Arrays.copyOf(regression.standardErrors(), hedgeRatios.length);
    }

    /**
     * Newey-West standard errors of the hedge ratios (Bartlett kernel, no small-sample factor).
     *
     * @param maxLags the kernel's lag truncation L, 0..n-1
     */
    public double[] hedgeRatioNeweyWestStandardErrors(int maxLags) {
        return java.util.Arrays.copyOf(regression.neweyWestStandardErrors(maxLags), hedgeRatios.length);
    }

    /** Ordinary standard errors of the deterministic coefficients (constant, trend, squared trend). */
    public double[] deterministicStandardErrors() {
        return java.util.Arrays.copyOfRange(regression.standardErrors(), hedgeRatios.length,
                hedgeRatios.length + deterministic.length);
    }

    /** Newey-West standard errors of the deterministic coefficients. */
    public double[] deterministicNeweyWestStandardErrors(int maxLags) {
        return java.util.Arrays.copyOfRange(regression.neweyWestStandardErrors(maxLags), hedgeRatios.length,
                hedgeRatios.length + deterministic.length);
    }

    /** The hedge ratio of a pair: the coefficient on the first (usually only) x. */
    public double hedgeRatio() {
        return hedgeRatios[0];
    }

    /** The constant of the cointegrating regression, or 0 for {@link AdfRegression#NONE}. */
    public double intercept() {
        return deterministic.length == 0 ? 0.0 : deterministic[0];
    }

    @Override
    public String toString() {
        return "EngleGrangerResult[tStatistic=" + tStatistic + ", pValue=" + pValue + ", criticalValues="
                + criticalValues + ", usedLag=" + usedLag + ", hedgeRatios=" + Arrays.toString(hedgeRatios)
                + ", deterministic=" + Arrays.toString(deterministic) + ", rSquared=" + rSquared + ", collinear="
                + collinear + ", spread=" + spread.length + " values]";
    }
}
