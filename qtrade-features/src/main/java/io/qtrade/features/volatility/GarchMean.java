package io.qtrade.features.volatility;

/**
 * The mean of a GARCH model's returns, {@code r_t = mu + eps_t}.
 *
 * <ul>
 *   <li>{@link #ESTIMATED}: mu is a parameter of the likelihood (fGarch {@code include.mean = TRUE}).</li>
 *   <li>{@link #ZERO}: mu = 0, the returns are the innovations (fGarch {@code include.mean = FALSE}; tseries
 *       {@code garch} on a series it does not demean).</li>
 *   <li>{@link #FIXED}: mu is a value the caller sets ({@code Garch11.Builder.fixedMean}), e.g. the sample mean to
 *       reproduce a fit on a demeaned series.</li>
 * </ul>
 * A fixed mean has no standard error and does not count in the parameter number of AIC and BIC.
 */
public enum GarchMean {
    /** Estimated by maximum likelihood. */
    ESTIMATED,
    /** mu = 0. */
    ZERO,
    /** mu fixed at a given value. */
    FIXED
}
