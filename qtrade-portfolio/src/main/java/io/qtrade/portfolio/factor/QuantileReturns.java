package io.qtrade.portfolio.factor;

/**
 * Forward returns of quantile portfolios for one horizon.
 *
 * @param horizon        h, dates ahead (returns are h-date simple returns, overlapping for h > 1)
 * @param quantiles      Q; quantile 1 holds the lowest factor values, Q the highest
 * @param weighting      equal or factor weighted inside a quantile
 * @param perDate        {@code [T][Q]} return of each quantile portfolio from each date (NaN where empty)
 * @param mean           Q mean returns over the dates where defined
 * @param longShort      per date: quantile Q minus quantile 1
 * @param meanLongShort  mean of longShort
 * @param longShortTStat t-statistic of the long-short mean (ddof 1)
 * @param turnover       Q mean turnovers: the share of a quantile's assets that were not in it h dates before
 */
public record QuantileReturns(int horizon, int quantiles, QuantileWeighting weighting, double[][] perDate,
                              double[] mean, double[] longShort, double meanLongShort, double longShortTStat,
                              double[] turnover) {
}
