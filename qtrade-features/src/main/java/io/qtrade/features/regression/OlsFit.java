package io.qtrade.features.regression;

import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * The result of {@link OrdinaryLeastSquares#fit}: coefficients, residuals, R², and two covariance estimators.
 *
 * <pre>{@code
 * ordinary:    Var(b^) = s^2 (X'X)^-1,           s^2 = SSR / (n - p)
 * Newey-West:  Var(b^) = (X'X)^-1 S (X'X)^-1,
 *              S = sum_t u_t^2 x_t x_t' + sum_{l=1..L} w_l sum_{t=l+1..n} u_t u_{t-l} (x_t x_{t-l}' + x_{t-l} x_t'),
 *              w_l = 1 - l / (L + 1)   (Bartlett kernel), no small-sample factor
 * R^2 = 1 - SSR / SST,   adjusted R^2 = 1 - (1 - R^2)(n - 1)/(n - p)
 * }</pre>
 *
 * <p>References: W. K. Newey and K. D. West (1987), "A Simple, Positive Semi-Definite, Heteroskedasticity and
 * Autocorrelation Consistent Covariance Matrix", <i>Econometrica</i> 55(3), 703-708. The Newey-West matrix equals
 * statsmodels' {@code cov_type="HAC", cov_kwds={"maxlags": L, "use_correction": False}}.
 *
 * <p>p-values are two-sided, from Student's t with n - p degrees of freedom ({@link #pValues}, statsmodels'
 * choice for the ordinary covariance) or from the normal ({@link #pValuesNormal}, its default for HAC).
 * Accessors return copies.
 */
public final class OlsFit {

    private final String[] names;
    private final double[] params;
    private final double[][] xtxInverse;
    private final double[][] design;
    private final double[] residuals;
    private final double ssr;
    private final double sst;

    OlsFit(String[] names, double[] params, double[][] xtxInverse, double[][] design, double[] residuals,
           double ssr, double sst) {
        this.names = names;
        this.params = params;
        this.xtxInverse = xtxInverse;
        this.design = design;
        this.residuals = residuals;
        this.ssr = ssr;
        this.sst = sst;
    }

    /** Number of observations n. */
    public int observationCount() {
        return residuals.length;
    }

    /** Number of coefficients p (intercept included). */
    public int coefficientCount() {
        return params.length;
    }

    /** Coefficient names, the intercept's first. */
    public String[] names() {
        return names.clone();
    }

    /** Coefficients b^, the intercept first. */
    public double[] params() {
        return params.clone();
    }

    /** Coefficient {@code j} (0 = intercept). */
    public double param(int j) {
        return params[j];
    }

    /** Residuals u_t = y_t - x_t' b^. */
    public double[] residuals() {
        return residuals.clone();
    }

    /** Sum of squared residuals. */
    public double ssr() {
        return ssr;
    }

    /** Residual variance s² = SSR / (n - p). */
    public double residualVariance() {
        return ssr / degreesOfFreedom();
    }

    /** Residual degrees of freedom n - p. */
    public int degreesOfFreedom() {
        return residuals.length - params.length;
    }

    /** R² = 1 - SSR/SST (SST about the mean of y). */
    public double rSquared() {
        return 1.0 - ssr / sst;
    }

    /** Adjusted R² = 1 - (1 - R²)(n - 1)/(n - p). */
    public double adjustedRSquared() {
        int n = residuals.length;
        return 1.0 - (1.0 - rSquared()) * (n - 1) / degreesOfFreedom();
    }

    /** Ordinary covariance s² (X'X)^-1 of the coefficients (p x p, a fresh array). */
    public double[][] covariance() {
        double s2 = residualVariance();
        int p = params.length;
        double[][] cov = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                cov[i][j] = s2 * xtxInverse[i][j];
            }
        }
        return cov;
    }

    /** Ordinary standard errors sqrt(diag(s² (X'X)^-1)). */
    public double[] standardErrors() {
        return sqrtDiagonal(covariance());
    }

    /**
     * Newey-West covariance with a Bartlett kernel of {@code maxLags} lags and no small-sample factor (formula in
     * the class doc).
     *
     * @param maxLags L >= 0; 0 gives White's heteroskedasticity-consistent (HC0) covariance
     * @return a fresh p x p array
     */
    public double[][] neweyWestCovariance(int maxLags) {
        int n = residuals.length;
        if (maxLags < 0 || maxLags >= n) {
            throw new IllegalArgumentException("maxLags = " + maxLags + " must be in [0, n - 1 = " + (n - 1) + "]");
        }
        int p = params.length;
        double[][] scores = new double[n][p];
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < p; j++) {
                scores[t][j] = design[t][j] * residuals[t];
            }
        }
        double[][] s = new double[p][p];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    s[i][j] += scores[t][i] * scores[t][j];
                }
            }
        }
        for (int l = 1; l <= maxLags; l++) {
            double w = 1.0 - l / (maxLags + 1.0);
            for (int t = l; t < n; t++) {
                for (int i = 0; i < p; i++) {
                    for (int j = 0; j < p; j++) {
                        s[i][j] += w * (scores[t][i] * scores[t - l][j] + scores[t - l][i] * scores[t][j]);
                    }
                }
            }
        }
        return sandwich(xtxInverse, s);
    }

    /**
     * Newey-West standard errors with statsmodels' small-sample factor: the covariance of
     * {@link #neweyWestCovariance(int)} times {@code n / (n - p)} (statsmodels {@code cov_type="HAC"} with
     * {@code use_correction=True}; its default, False, is {@link #neweyWestStandardErrors(int)}).
     *
     * @param maxLags L >= 0
     */
    public double[] neweyWestStandardErrorsCorrected(int maxLags) {
        double[][] c = neweyWestCovariance(maxLags);
        int n = residuals.length;
        double f = (double) n / (n - params.length);
        for (double[] row : c) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= f;
            }
        }
        return sqrtDiagonal(c);
    }

    /** Newey-West standard errors: the square roots of the diagonal of {@link #neweyWestCovariance(int)}. */
    public double[] neweyWestStandardErrors(int maxLags) {
        return sqrtDiagonal(neweyWestCovariance(maxLags));
    }

    /** t statistics b^_j / se_j for the given standard errors. */
    public double[] tStatistics(double[] standardErrors) {
        double[] t = new double[params.length];
        for (int j = 0; j < t.length; j++) {
            t[j] = params[j] / standardErrors[j];
        }
        return t;
    }

    /** Two-sided p-values 2 P(T > |t_j|), T ~ Student t with n - p degrees of freedom. */
    public double[] pValues(double[] standardErrors) {
        TDistribution dist = new TDistribution(null, degreesOfFreedom());
        double[] t = tStatistics(standardErrors);
        double[] pv = new double[t.length];
        for (int j = 0; j < t.length; j++) {
            pv[j] = 2.0 * dist.cumulativeProbability(-Math.abs(t[j]));
        }
        return pv;
    }

    /**
     * Two-sided p-values 2 P(Z > |t_j|), Z standard normal: the large-sample test statsmodels reports with a robust
     * (e.g. HAC) covariance by default.
     */
    public double[] pValuesNormal(double[] standardErrors) {
        double[] t = tStatistics(standardErrors);
        double[] pv = new double[t.length];
        for (int j = 0; j < t.length; j++) {
            pv[j] = Erf.erfc(Math.abs(t[j]) / Math.sqrt(2.0));
        }
        return pv;
    }

    /** Fitted value b_0 + sum_j b_j x_j for one row of k regressors (no intercept column). */
    public double predict(double... regressorRow) {
        if (regressorRow.length != params.length - 1) {
            throw new IllegalArgumentException("regressorRow has " + regressorRow.length + " values, expected "
                    + (params.length - 1));
        }
        double v = params[0];
        for (int j = 0; j < regressorRow.length; j++) {
            v += params[j + 1] * regressorRow[j];
        }
        return v;
    }

    private static double[][] sandwich(double[][] bread, double[][] meat) {
        int p = bread.length;
        double[][] tmp = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double acc = 0.0;
                for (int k = 0; k < p; k++) {
                    acc += bread[i][k] * meat[k][j];
                }
                tmp[i][j] = acc;
            }
        }
        double[][] out = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double acc = 0.0;
                for (int k = 0; k < p; k++) {
                    acc += tmp[i][k] * bread[k][j];
                }
                out[i][j] = acc;
            }
        }
        return out;
    }

    private static double[] sqrtDiagonal(double[][] m) {
        double[] d = new double[m.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.sqrt(m[i][i]);
        }
        return d;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("OlsFit[n=").append(observationCount());
        for (int j = 0; j < params.length; j++) {
            sb.append(", ").append(names[j]).append('=').append(String.format(Locale.ROOT, "%.6g", params[j]));
        }
        return sb.append(", R2=").append(String.format(Locale.ROOT, "%.6f", rSquared())).append(']').toString();
    }
}
