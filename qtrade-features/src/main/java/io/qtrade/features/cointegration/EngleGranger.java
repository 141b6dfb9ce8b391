package io.qtrade.features.cointegration;

import io.qtrade.features.regression.OlsFit;
import io.qtrade.features.regression.OrdinaryLeastSquares;
import java.util.Objects;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import tech.tablesaw.api.NumericColumn;

/**
 * Engle-Granger two-step cointegration test, numerically equal to statsmodels 0.13.5 {@code coint}
 * (method "aeg").
 *
 * <p>Engle, R.F., Granger, C.W.J. (1987), "Co-Integration and Error Correction: Representation, Estimation, and
 * Testing", Econometrica 55(2), 251-276; critical values and p-values from MacKinnon (1994, 2010). Step 1, OLS
 * (commons-math QR) of the cointegrating regression; step 2, ADF without deterministic terms on its residuals:
 * <pre>{@code
 * y_t = beta' x_t [+ a [+ b t [+ c t^2]]] + u_t            t = 1..n
 * du_t = g u_{t-1} + sum_{i=1..p} c_i du_{t-i} + e_t       tau = g_hat / se(g_hat)
 * p-value: MacKinnon (1994), N = 1 + dim(x), regression = the trend of step 1
 * critical values: MacKinnon (2010), N = 1 + dim(x), nobs = n - 1   (statsmodels, after Stata's egranger)
 * }</pre>
 * H0: no cointegration. {@code beta} is the hedge ratio and {@code u_t} the spread. With {@code R^2 >= 1 -
 * 100 sqrt(eps)} the series are collinear; as statsmodels, the statistic is then {@code -Infinity}. Lag choice of
 * step 2 as {@link AugmentedDickeyFuller} (default AIC with Schwert's maxLag, as {@code coint}). Batch only.
 */
public final class EngleGranger {

    /** statsmodels' collinearity threshold {@code 1 - 100 sqrt(eps)}. */
    static final double COLLINEAR_R2 = 1.0 - 100.0 * Math.sqrt(Math.ulp(1.0));

    private final AdfRegression trend;
    private final LagSelection lagSelection;
    private final int maxLag;

    private EngleGranger(Builder b) {
        this.trend = b.trend;
        this.lagSelection = b.lagSelection;
        this.maxLag = b.maxLag;
    }

    /** A builder with statsmodels' defaults: constant, AIC, Schwert maxLag. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tests Tablesaw columns.
     *
     * @param y dependent series
     * @param x one to five regressors
     * @return the result
     */
    public EngleGrangerResult test(NumericColumn<?> y, NumericColumn<?>... x) {
        double[][] xs = new double[x.length][];
        for (int k = 0; k < x.length; k++) {
            xs[k] = Series.fromColumn(x[k], "x[" + k + "]");
        }
        return test(Series.fromColumn(y, "y"), xs);
    }

    /**
     * Runs the two steps.
     *
     * @param y dependent series, oldest first (not modified)
     * @param x one to five regressor series of the same length (not modified)
     * @return the result
     * @throws IllegalArgumentException on mismatched lengths, non-finite values, more than five regressors, or
     *                                  a singular cointegrating regression
     */
    public EngleGrangerResult test(double[] y, double[]... x) {
        Objects.requireNonNull(y, "y");
        if (x.length < 1 || x.length > 5) {
            throw new IllegalArgumentException(x.length + " regressors: expected 1..5 (MacKinnon p-values cover up to"
                    + " 6 series)");
        }
        int n = y.length;
        Series.requireFinite(y, "y");
        for (int k = 0; k < x.length; k++) {
            if (x[k].length != n) {
                throw new IllegalArgumentException("x[" + k + "] has " + x[k].length + " values, y has " + n);
            }
            Series.requireFinite(x[k], "x[" + k + "]");
        }
        int m = trend.deterministicTerms();
        int p = x.length + m;
        if (n <= p + 1) {
            throw new IllegalArgumentException("series length " + n + ": need more than " + (p + 1) + " observations");
        }
        double[][] design = new double[n][p];
        for (int t = 0; t < n; t++) {
            for (int k = 0; k < x.length; k++) {
                design[t][k] = x[k][t];
            }
            double tt = t + 1.0;
            if (m > 0) {
                design[t][x.length] = 1.0;
            }
            if (m > 1) {
                design[t][x.length + 1] = tt;
            }
            if (m > 2) {
                design[t][x.length + 2] = tt * tt;
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(y, design);
        double[] beta;
        double[] resid;
        try {
            beta = ols.estimateRegressionParameters();
            resid = ols.estimateResiduals();
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("cointegrating regression of y on x (trend " + trend.code()
                    + ") is singular: the regressors are collinear", e);
        }
        double ssr = 0.0;
        for (double u : resid) {
            ssr += u * u;
        }
        double mean = 0.0;
        if (m > 0) {
            for (double v : y) {
                mean += v;
            }
            mean /= n;
        }
        double sst = 0.0;
        for (double v : y) {
            sst += (v - mean) * (v - mean);
        }
        double r2 = 1.0 - ssr / sst;
        double[] hedge = new double[x.length];
        System.arraycopy(beta, 0, hedge, 0, x.length);
        double[] det = new double[m];
        System.arraycopy(beta, x.length, det, 0, m);
        String[] names = new String[p];
        for (int k = 0; k < x.length; k++) {
            names[k] = "x" + k;
        }
        String[] detNames = {"const", "trend", "trend_squared"};
        System.arraycopy(detNames, 0, names, x.length, m);
        OlsFit regression = OrdinaryLeastSquares.fitDesign(y, design, names);
        int nSeries = x.length + 1;
        CriticalValues cv = trend == AdfRegression.NONE
                ? CriticalValues.NOT_AVAILABLE
                : MacKinnon.criticalValues(trend, nSeries, n - 1);
        if (!(r2 < COLLINEAR_R2)) {
            return new EngleGrangerResult(Double.NEGATIVE_INFINITY, MacKinnon.pValue(Double.NEGATIVE_INFINITY, trend,
                    nSeries), cv, 0, hedge, det, resid, r2, true, regression);
        }
        AdfResult adf = AugmentedDickeyFuller.builder().regression(AdfRegression.NONE).lagSelection(lagSelection)
                .maxLag(maxLag).build().test(resid);
        double tau = adf.statistic();
        return new EngleGrangerResult(tau, MacKinnon.pValue(tau, trend, nSeries), cv, adf.usedLag(), hedge, det,
                resid, r2, false, regression);
    }

    @Override
    public String toString() {
        return "EngleGranger[trend=" + trend.code() + ", lagSelection=" + lagSelection + ", maxLag="
                + (maxLag == AugmentedDickeyFuller.DEFAULT_MAX_LAG ? "schwert" : Integer.toString(maxLag)) + "]";
    }

    /** Options of the test. */
    public static final class Builder {
        private AdfRegression trend = AdfRegression.CONSTANT;
        private LagSelection lagSelection = LagSelection.AIC;
        private int maxLag = AugmentedDickeyFuller.DEFAULT_MAX_LAG;

        private Builder() {
        }

        /** Deterministic terms of the cointegrating regression (default constant). */
        public Builder trend(AdfRegression value) {
            this.trend = Objects.requireNonNull(value, "trend");
            return this;
        }

        /** Lag rule of the residual ADF (default AIC). */
        public Builder lagSelection(LagSelection value) {
            this.lagSelection = Objects.requireNonNull(value, "lagSelection");
            return this;
        }

        /** Maximum (or fixed) lag of the residual ADF, or {@link AugmentedDickeyFuller#DEFAULT_MAX_LAG}. */
        public Builder maxLag(int value) {
            if (value < 0 && value != AugmentedDickeyFuller.DEFAULT_MAX_LAG) {
                throw new IllegalArgumentException("maxLag " + value + ": expected >= 0 or DEFAULT_MAX_LAG (-1)");
            }
            this.maxLag = value;
            return this;
        }

        /** Shorthand for {@code lagSelection(FIXED).maxLag(lag)}. */
        public Builder fixedLag(int lag) {
            this.lagSelection = LagSelection.FIXED;
            return maxLag(lag);
        }

        /** The test. */
        public EngleGranger build() {
            return new EngleGranger(this);
        }
    }
}
