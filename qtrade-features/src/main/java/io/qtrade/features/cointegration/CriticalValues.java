package io.qtrade.features.cointegration;

/**
 * Critical values of a left-tailed unit-root or cointegration statistic: reject the null at level a when the
 * statistic is below the value for a.
 *
 * @param onePercent  1% critical value
 * @param fivePercent 5% critical value
 * @param tenPercent  10% critical value
 */
public record CriticalValues(double onePercent, double fivePercent, double tenPercent) {

    /** Not available (statsmodels gives NaN for the Engle-Granger test without a constant). */
    public static final CriticalValues NOT_AVAILABLE = new CriticalValues(Double.NaN, Double.NaN, Double.NaN);
}
