package io.qtrade.portfolio.factor;

/**
 * The information coefficient per date for one horizon, with alphalens' summary (pandas std, ddof 1; scipy
 * {@code ttest_1samp}):
 * <pre>{@code
 * mean = avg_t IC_t;  std = sd_t IC_t (ddof 1);  icIr = mean / std;  tStat = mean / (std / sqrt(n));  p two-sided, n-1 df
 * }</pre>
 * over the n dates with a defined IC (at least 3 assets with a finite factor and forward return, non-constant).
 *
 * @param horizon    h, dates ahead
 * @param method     Spearman or Pearson
 * @param perDate    IC_t per date (NaN where undefined, e.g. the last h dates)
 * @param mean       mean IC
 * @param std        standard deviation of the IC
 * @param icIr       mean / std ("risk-adjusted IC")
 * @param tStat      t-statistic of the mean
 * @param pValue     two-sided p-value of the t-statistic
 * @param dates      n, the dates counted
 */
public record IcSeries(int horizon, CorrelationMethod method, double[] perDate, double mean, double std, double icIr,
                       double tStat, double pValue, int dates) {
}
