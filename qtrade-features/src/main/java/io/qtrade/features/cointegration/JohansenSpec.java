package io.qtrade.features.cointegration;

/**
 * Which lagged level carries the error-correction term, urca {@code ca.jo(spec = ...)}.
 *
 * <pre>{@code
 * TRANSITORY: dY_t = Pi Y_{t-1}   + sum_{i=1..k} Gamma_i dY_{t-i} + ...   Gamma_i = -(A_{i+1} + .. + A_{k+1})
 * LONGRUN:    dY_t = Pi Y_{t-k-1} + sum_{i=1..k} Gamma_i dY_{t-i} + ...   Gamma_i = -(I - A_1 - .. - A_i)
 * }</pre>
 * The two are reparametrisations of one VAR: eigenvalues, statistics, eigenvectors and Pi are equal; only the
 * Gamma matrices differ (with k = 1, {@code Gamma_LONGRUN = Gamma_TRANSITORY + Pi}). The exception is a restricted
 * trend without a constant ({@link JohansenDeterministic#RESTRICTED_TREND}): the trend of the lagged row differs by a
 * constant the model cannot absorb, so there the two specs are different models (Johansen and Juselius 1990 use LONGRUN; statsmodels' VECM is TRANSITORY). A trend restricted
 * to the cointegration space takes the 1-based row number of the lagged level, as in urca.
 */
public enum JohansenSpec {
    /** Error correction at {@code Y_{t-k-1}} (urca {@code spec="longrun"}, its default). */
    LONGRUN,
    /** Error correction at {@code Y_{t-1}} (urca {@code spec="transitory"}, statsmodels VECM). */
    TRANSITORY
}
