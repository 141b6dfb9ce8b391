package io.qtrade.features.cointegration;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import tech.tablesaw.api.NumericColumn;

/**
 * Augmented Dickey-Fuller unit-root test, numerically equal to statsmodels 0.13.5 {@code adfuller}.
 *
 * <p>Dickey, D.A., Fuller, W.A. (1979), "Distribution of the Estimators for Autoregressive Time Series with a Unit
 * Root", JASA 74(366), 427-431; Said, S.E., Dickey, D.A. (1984), "Testing for Unit Roots in Autoregressive-Moving
 * Average Models of Unknown Order", Biometrika 71(3), 599-607. OLS on
 * <pre>{@code
 * dy_t = a [+ b t [+ c t^2]] + g y_{t-1} + sum_{i=1..p} c_i dy_{t-i} + e_t,     t = p+2..n (1-based)
 * tau  = g_hat / se(g_hat)        (ordinary OLS standard error, s^2 = SSR / (nobs - k))
 * nobs = n - 1 - p
 * }</pre>
 * H0: unit root ({@code g = 0}); reject for tau below the critical value. p-value from MacKinnon (1994), critical
 * values from MacKinnon (2010) at {@code nobs} ({@link MacKinnon}).
 *
 * <p>Lag length: {@link LagSelection#FIXED} uses {@code p = maxLag}; the searches follow statsmodels exactly:
 * every {@code p = 0..maxLag} is fitted on the common sample of {@code n - 1 - maxLag} rows, the best by AIC, BIC
 * or the t-rule is refitted on its own {@code n - 1 - p} rows ({@link LagSelection}). The default {@code maxLag}
 * is Schwert's (1989) {@code ceil(12 (n/100)^(1/4))}, capped at {@code n/2 - m - 1} ({@code m} deterministic
 * terms, integer division); an explicit {@code maxLag} above that cap is refused.
 *
 * <p>Speed: instead of refitting every lag, the cross-product matrix of all regressors is built once
 * (O(n maxLag), the lag block by a Toeplitz recursion) and one Cholesky factorisation gives every nested fit's
 * SSR and last t-value ({@code DickeyFullerMoments}); the same residual sums, so the same criteria and choice.
 * Batch only: the test is a statement about a whole sample.
 */
public final class AugmentedDickeyFuller {

    /** Marker for "use Schwert's default maxLag". */
    public static final int DEFAULT_MAX_LAG = -1;

    /** statsmodels' t-rule threshold: the 95% standard normal quantile. */
    static final double T_STAT_STOP = 1.6448536269514722;

    private static final double LN_2PI = Math.log(2.0 * Math.PI);

    private final AdfRegression regression;
    private final LagSelection lagSelection;
    private final int maxLag;

    private AugmentedDickeyFuller(Builder b) {
        this.regression = b.regression;
        this.lagSelection = b.lagSelection;
        this.maxLag = b.maxLag;
    }

    /** A builder with statsmodels' defaults: constant, AIC search, Schwert maxLag. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Schwert's default maximum lag as statsmodels computes it.
     *
     * @param n          series length
     * @param regression deterministic terms
     * @return {@code min(ceil(12 (n/100)^(1/4)), n/2 - m - 1)}
     * @throws IllegalArgumentException if the series is too short for the regression (the cap is negative)
     */
    public static int schwertMaxLag(int n, AdfRegression regression) {
        int lag = (int) Math.ceil(12.0 * Math.pow(n / 100.0, 0.25));
        int cap = n / 2 - regression.deterministicTerms() - 1;
        lag = Math.min(cap, lag);
        if (lag < 0) {
            throw new IllegalArgumentException("series length " + n + " is too short for regression "
                    + regression.code() + ": need n/2 - " + regression.deterministicTerms() + " - 1 >= 0");
        }
        return lag;
    }

    /**
     * Runs the test on a Tablesaw column.
     *
     * @param column the series, oldest first; missing values are refused
     * @return the test result
     */
    public AdfResult test(NumericColumn<?> column) {
        return test(Series.fromColumn(column, "column"));
    }

    /**
     * Runs the test.
     *
     * @param x the series, oldest first (not modified); finite values
     * @return the test result
     * @throws IllegalArgumentException on a non-finite value, a too short series, a maxLag above the cap, or
     *                                  collinear regressors (a constant series)
     */
    public AdfResult test(double[] x) {
        Objects.requireNonNull(x, "x");
        Series.requireFinite(x, "x");
        int n = x.length;
        int m = regression.deterministicTerms();
        if (n < 4) {
            throw new IllegalArgumentException("series length " + n
                    + ": the Dickey-Fuller regression needs at least 4");
        }
        int lagMax;
        if (maxLag == DEFAULT_MAX_LAG) {
            lagMax = schwertMaxLag(n, regression);
        } else {
            int cap = n / 2 - m - 1;
            if (maxLag > cap) {
                throw new IllegalArgumentException("maxLag " + maxLag + " for series length " + n + " and regression "
                        + regression.code() + ": must be at most n/2 - " + m + " - 1 = " + cap);
            }
            lagMax = maxLag;
        }
        int usedLag;
        double icBest = Double.NaN;
        if (lagSelection == LagSelection.FIXED) {
            usedLag = lagMax;
        } else {
            int nobs = n - 1 - lagMax;
            DMatrixRMaj l = DickeyFullerMoments.cholesky(DickeyFullerMoments.crossProducts(x, m, lagMax, lagMax));
            int best = 0;
            if (lagSelection == LagSelection.T_STAT) {
                best = 0;
                icBest = 0.0;
                for (int p = lagMax; p >= 0; p--) {
                    icBest = Math.abs(DickeyFullerMoments.lastTValue(l, m + 1 + p, nobs));
                    best = p;
                    if (icBest >= T_STAT_STOP) {
                        break;
                    }
                }
            } else {
                double penalty = lagSelection == LagSelection.AIC ? 2.0 : Math.log(nobs);
                icBest = Double.POSITIVE_INFINITY;
                for (int p = 0; p <= lagMax; p++) {
                    int k = m + 1 + p;
                    double ssr = DickeyFullerMoments.ssr(l, k);
                    double llf = -0.5 * nobs * (LN_2PI + Math.log(ssr / nobs) + 1.0);
                    double ic = -2.0 * llf + penalty * k;
                    if (ic < icBest) {
                        icBest = ic;
                        best = p;
                    }
                }
            }
            usedLag = best;
        }
        int nobs = n - 1 - usedLag;
        DMatrixRMaj cp = DickeyFullerMoments.crossProducts(x, m, usedLag, usedLag);
        DMatrixRMaj l = DickeyFullerMoments.cholesky(DickeyFullerMoments.levelLast(cp, m));
        double tau = DickeyFullerMoments.lastTValue(l, m + 1 + usedLag, nobs);
        return new AdfResult(tau, MacKinnon.pValue(tau, regression, 1), usedLag, nobs,
                MacKinnon.criticalValues(regression, 1, nobs), icBest, lagMax, regression, lagSelection);
    }

    /** Deterministic terms. */
    public AdfRegression regression() {
        return regression;
    }

    /** Lag selection method. */
    public LagSelection lagSelection() {
        return lagSelection;
    }

    /** Maximum (or fixed) lag, or {@link #DEFAULT_MAX_LAG}. */
    public int maxLag() {
        return maxLag;
    }

    @Override
    public String toString() {
        return "AugmentedDickeyFuller[regression=" + regression.code() + ", lagSelection=" + lagSelection
                + ", maxLag=" + (maxLag == DEFAULT_MAX_LAG ? "schwert" : Integer.toString(maxLag)) + "]";
    }

    /** Options of the test; every setter validates its argument. */
    public static final class Builder {
        private AdfRegression regression = AdfRegression.CONSTANT;
        private LagSelection lagSelection = LagSelection.AIC;
        private int maxLag = DEFAULT_MAX_LAG;

        private Builder() {
        }

        /** Deterministic terms (default {@link AdfRegression#CONSTANT}). */
        public Builder regression(AdfRegression value) {
            this.regression = Objects.requireNonNull(value, "regression");
            return this;
        }

        /** Lag selection (default {@link LagSelection#AIC}). */
        public Builder lagSelection(LagSelection value) {
            this.lagSelection = Objects.requireNonNull(value, "lagSelection");
            return this;
        }

        /**
         * Maximum lag for a search, or the lag itself with {@link LagSelection#FIXED}.
         *
         * @param value a non-negative lag, or {@link #DEFAULT_MAX_LAG} for Schwert's rule
         */
        public Builder maxLag(int value) {
            if (value < 0 && value != DEFAULT_MAX_LAG) {
                throw new IllegalArgumentException("maxLag " + value + ": expected >= 0 or DEFAULT_MAX_LAG (-1)");
            }
            this.maxLag = value;
            return this;
        }

        /** Shorthand for {@code lagSelection(FIXED).maxLag(lag)}. */
        public Builder fixedLag(int lag) {
            if (lag < 0) {
                throw new IllegalArgumentException("fixed lag " + lag + ": expected >= 0");
            }
            this.lagSelection = LagSelection.FIXED;
            this.maxLag = lag;
            return this;
        }

        /** The test. */
        public AugmentedDickeyFuller build() {
            return new AugmentedDickeyFuller(this);
        }
    }
}
