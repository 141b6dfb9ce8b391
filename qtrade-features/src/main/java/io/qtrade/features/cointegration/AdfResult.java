package io.qtrade.features.cointegration;

/**
 * Result of an augmented Dickey-Fuller test, with statsmodels' {@code adfuller} outputs.
 *
 * @param statistic      the tau statistic {@code g_hat / se(g_hat)} of the lagged level
 * @param pValue         MacKinnon (1994) approximate p-value
 * @param usedLag        number of lagged differences in the final regression
 * @param nobs           observations in the final regression, {@code n - 1 - usedLag}
 * @param criticalValues MacKinnon (2010) critical values for {@code nobs}
 * @param icBest         the winning criterion of the lag search (AIC, BIC or |t|, on the common sample); NaN for a
 *                       fixed lag
 * @param maxLag         the largest lag considered (the fixed lag when there is no search)
 * @param regression     deterministic terms
 * @param lagSelection   how the lag was chosen
 */
public record AdfResult(double statistic, double pValue, int usedLag, int nobs, CriticalValues criticalValues,
                        double icBest, int maxLag, AdfRegression regression, LagSelection lagSelection) {
}
