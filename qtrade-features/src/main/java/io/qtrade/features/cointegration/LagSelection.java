package io.qtrade.features.cointegration;

/**
 * How the number of lagged differences of an augmented Dickey-Fuller regression is chosen (statsmodels
 * {@code autolag}).
 *
 * <p>For the information criteria every lag {@code 0..maxLag} is fitted on the same sample (the first
 * {@code maxLag + 1} observations dropped), the lag with the smallest criterion wins (ties go to the shorter lag),
 * and the winner is refitted on its own full sample. With {@code llf = -nobs/2 (ln 2 pi + ln(SSR/nobs) + 1)} and
 * {@code k} regressors:
 * <pre>{@code
 * AIC = -2 llf + 2 k                (Akaike 1974)
 * BIC = -2 llf + k ln(nobs)         (Schwarz 1978)
 * }</pre>
 * {@link #T_STAT} starts at {@code maxLag} and drops lags until the last regressor's |t| is at least
 * 1.6448536269514722 (the 5% one-sided normal quantile; Ng and Perron 1995 general-to-specific); the criterion
 * reported is that |t|.
 */
public enum LagSelection {
    /** Use exactly {@code maxLag} lags; no search. */
    FIXED,
    /** Smallest Akaike information criterion. */
    AIC,
    /** Smallest Bayesian (Schwarz) information criterion. */
    BIC,
    /** General-to-specific on the t-statistic of the last lag. */
    T_STAT
}
