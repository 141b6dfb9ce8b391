package io.qtrade.features.volatility;

/**
 * The distribution of the standardised innovations z_t = eps_t / sqrt(h_t) of a {@link Garch11}.
 *
 * <pre>{@code
 * NORMAL:     ln f(eps | h) = -0.5 [ln(2 pi) + ln h + eps^2 / h]
 * STUDENT_T:  ln f(eps | h) = ln G((nu+1)/2) - ln G(nu/2) - 0.5 ln(pi (nu-2)) - 0.5 ln h
 *                             - ((nu+1)/2) ln(1 + eps^2 / ((nu-2) h))          (unit variance, nu > 2)
 * }</pre>
 *
 * <p>The standardised Student t is that of T. Bollerslev (1987), "A Conditionally Heteroskedastic Time Series Model
 * for Speculative Prices and Rates of Return", <i>Review of Economics and Statistics</i> 69(3), 542-547; G is the
 * gamma function.
 */
public enum GarchErrors {
    /** Gaussian innovations. */
    NORMAL,
    /** Student t innovations scaled to unit variance, degrees of freedom nu > 2 estimated. */
    STUDENT_T
}
