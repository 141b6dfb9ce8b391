package io.qtrade.features.volatility;

import io.qtrade.features.regression.OlsFit;

/**
 * A fitted {@link HarRv}: the OLS result and one-step and iterated multi-step forecasts.
 *
 * <pre>{@code
 * one step:   f_{T+1} = b0 + bd x(RV_T) + bw x(RVw_T) + bm x(RVm_T)          x = identity or ln (the scale); with
 *             AVERAGE_OF_LOGS the weekly and monthly terms are means of ln RV
 * iterated:   f_{T+k} uses RV_{T+1..T+k-1} := g(f_{T+1..T+k-1}),  g = identity or exp
 * }</pre>
 *
 * <p>Forecasts are in the model's scale: RV (LEVEL) or ln RV (LOG). The iterated multi-step forecast feeds each
 * forecast back as if it were observed (Corsi 2009, section 5); in LOG scale it feeds back exp(f), the conditional
 * median of RV under log-normal errors, not its mean (multiply by exp(s^2/2), s^2 = {@code ols().residualVariance()},
 * for the mean).
 */
public final class HarRvFit {

    private final HarRvScale scale;
    private final OlsFit ols;

    HarRvFit(HarRvScale scale, OlsFit ols) {
        this.scale = scale;
        this.ols = ols;
    }

    /** The regression (coefficients const, beta_d, beta_w, beta_m; standard errors; R²). */
    public OlsFit ols() {
        return ols;
    }

    /** The scale. */
    public HarRvScale scale() {
        return scale;
    }

    /** Forecast of day T+1 from the streaming components of day T (must be ready: 22 days). */
    public double forecastNext(HarRvComponents components) {
        if (!components.isReady()) {
            throw new IllegalStateException("HAR components hold " + components.count() + " days, need "
                    + HarRv.MONTHLY_DAYS);
        }
        if (scale == HarRvScale.AVERAGE_OF_LOGS) {
            return ols.param(0) + ols.param(1) * Math.log(components.daily())
                    + ols.param(2) * components.weeklyMeanLog() + ols.param(3) * components.monthlyMeanLog();
        }
        return forecastFrom(components.daily(), components.weekly(), components.monthly());
    }

    /**
     * Forecast of the day after the last of {@code dailyRealizedVariance} (at least 22 days, not modified).
     */
    public double forecastNext(double[] dailyRealizedVariance) {
        double[] out = new double[1];
        forecast(dailyRealizedVariance, out);
        return out[0];
    }

    /**
     * Iterated forecasts of days T+1..T+H into {@code out} (modified; H = out.length), in the model's scale.
     *
     * @param dailyRealizedVariance RV up to day T (not modified), at least 22 days, finite, >= 0 (> 0 for LOG)
     */
    public void forecast(double[] dailyRealizedVariance, double[] out) {
        int t = dailyRealizedVariance.length;
        if (t < HarRv.MONTHLY_DAYS) {
            throw new IllegalArgumentException("dailyRealizedVariance has " + t + " days, need at least "
                    + HarRv.MONTHLY_DAYS);
        }
        HarRvComponents c = new HarRvComponents();
        for (int i = t - HarRv.MONTHLY_DAYS; i < t; i++) {
            c.update(dailyRealizedVariance[i]);
        }
        for (int k = 0; k < out.length; k++) {
            double f = forecastNext(c);
            out[k] = f;
            double level = scale.isLog() ? Math.exp(f) : f;
            if (!(level >= 0.0)) {
                throw new IllegalStateException("the HAR forecast of step " + (k + 1) + " is " + f
                        + " < 0 and cannot be fed back as a variance for step " + (k + 2));
            }
            c.update(level);
        }
    }

    private double forecastFrom(double d, double w, double m) {
        return ols.param(0) + ols.param(1) * HarRv.transform(d, scale) + ols.param(2) * HarRv.transform(w, scale)
                + ols.param(3) * HarRv.transform(m, scale);
    }

    @Override
    public String toString() {
        return "HarRvFit[scale=" + scale + ", " + ols + "]";
    }
}
