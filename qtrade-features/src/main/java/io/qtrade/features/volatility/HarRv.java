package io.qtrade.features.volatility;

import io.qtrade.features.regression.OrdinaryLeastSquares;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;

/**
 * The heterogeneous autoregressive model of realized variance (HAR-RV), fitted by OLS.
 *
 * <pre>{@code
 * RV_{t+1} = b0 + bd RVd_t + bw RVw_t + bm RVm_t + u_{t+1}
 * RVd_t = RV_t,  RVw_t = mean(RV_{t-4..t}),  RVm_t = mean(RV_{t-21..t})    (day t included in every average)
 * rows:  t = 21 .. T-2 (0-based days), so the first row predicts day 22 from days 0..21; T - 22 rows
 * }</pre>
 *
 * <p>Reference: F. Corsi (2009), "A Simple Approximate Long-Memory Model of Realized Volatility", <i>J. Financial
 * Econometrics</i> 7(2), 174-196. The lag alignment is the one written above: every regressor is known at the end of
 * day t and the target is day t + 1 (this matches the statsmodels reference case). {@link HarRvScale} names the two
 * log forms: the log of the averaged variances or the average of the daily logs. Standard errors, ordinary and Newey-West, come from
 * {@link io.qtrade.features.regression.OlsFit}; Corsi uses Newey-West with a few lags (5 here in the tests).
 *
 * <p>Fitting is batch and allocates; the daily streaming regressors are {@link HarRvComponents} and
 * {@link HarRvFit#forecastNext(HarRvComponents)} forecasts from them in O(1). Immutable, thread-safe.
 */
public final class HarRv {

    /** Days in the weekly component. */
    public static final int WEEKLY_DAYS = 5;
    /** Days in the monthly component. */
    public static final int MONTHLY_DAYS = 22;

    private final HarRvScale scale;

    /** A HAR-RV in the given scale. */
    public HarRv(HarRvScale scale) {
        this.scale = Objects.requireNonNull(scale, "scale");
    }

    /** The scale. */
    public HarRvScale scale() {
        return scale;
    }

    /**
     * Fits the HAR-RV on daily realized variances.
     *
     * @param dailyRealizedVariance RV_0..RV_{T-1} (not modified); finite, >= 0 (> 0 for LOG); T >= 27 so that the
     *                              regression has more rows than coefficients
     */
    public HarRvFit fit(double[] dailyRealizedVariance) {
        double[][] design = design(dailyRealizedVariance, scale);
        int rows = design.length;
        double[] y = new double[rows];
        double[][] x = new double[rows][3];
        for (int i = 0; i < rows; i++) {
            y[i] = design[i][0];
            x[i][0] = design[i][1];
            x[i][1] = design[i][2];
            x[i][2] = design[i][3];
        }
        return new HarRvFit(scale, OrdinaryLeastSquares.fit(y, x, "const", "beta_d", "beta_w", "beta_m"));
    }

    /** Fits a Tablesaw column of daily realized variances (a missing value is rejected with its row). */
    public HarRvFit fit(DoubleColumn dailyRealizedVariance) {
        return fit(RealizedMeasures.columnValues(dailyRealizedVariance));
    }

    /**
     * The regression rows {@code [y, d, w, m]} for t = 21..T-2, in the given scale (a fresh array of T - 22 rows).
     *
     * @param dailyRealizedVariance RV_0..RV_{T-1} (not modified)
     */
    public static double[][] design(double[] dailyRealizedVariance, HarRvScale scale) {
        double[] rv = dailyRealizedVariance;
        int t = rv.length;
        for (int i = 0; i < t; i++) {
            double v = rv[i];
            if (!(v >= 0.0) || Double.isInfinite(v) || (scale.isLog() && v == 0.0)) {
                throw new IllegalArgumentException("dailyRealizedVariance[" + i + "] = " + v + ", expected finite and "
                        + (scale.isLog() ? "> 0 (logs are taken)" : ">= 0"));
            }
        }
        if (t < MONTHLY_DAYS + 5) {
            throw new IllegalArgumentException("dailyRealizedVariance has " + t + " days, need at least "
                    + (MONTHLY_DAYS + 5) + " (22 days of warm-up and more rows than the 4 coefficients)");
        }
        int rows = t - MONTHLY_DAYS;
        double[][] out = new double[rows][4];
        for (int i = 0; i < rows; i++) {
            int day = i + MONTHLY_DAYS - 1;
            boolean logs = scale == HarRvScale.AVERAGE_OF_LOGS;
            double w = 0.0;
            for (int j = day - WEEKLY_DAYS + 1; j <= day; j++) {
                w += logs ? Math.log(rv[j]) : rv[j];
            }
            double m = 0.0;
            for (int j = day - MONTHLY_DAYS + 1; j <= day; j++) {
                m += logs ? Math.log(rv[j]) : rv[j];
            }
            out[i][0] = transform(rv[day + 1], scale);
            out[i][1] = transform(rv[day], scale);
            out[i][2] = logs ? w / WEEKLY_DAYS : transform(w / WEEKLY_DAYS, scale);
            out[i][3] = logs ? m / MONTHLY_DAYS : transform(m / MONTHLY_DAYS, scale);
        }
        return out;
    }

    static double transform(double v, HarRvScale scale) {
        return scale.isLog() ? Math.log(v) : v;
    }

    @Override
    public String toString() {
        return "HarRv[scale=" + scale + ", weeklyDays=" + WEEKLY_DAYS + ", monthlyDays=" + MONTHLY_DAYS + "]";
    }
}
