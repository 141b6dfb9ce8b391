package io.qtrade.features.volatility;

/**
 * How a {@link Garch11} starts its variance recursion h_t = omega + alpha eps^2_{t-1} + beta h_{t-1} at t = 1,
 * with {@code m2 = mean((r_t - mu)^2)} over the whole sample at the current mu.
 *
 * <pre>{@code
 * PRESAMPLE_MEAN_SQUARE:  eps^2_0 = h_0 = m2,  so h_1 = omega + (alpha + beta) m2    (fGarch init.rec = "mci")
 * FIRST_IS_MEAN_SQUARE:   h_1 = m2                                                  (sample variance about mu)
 * UNCONDITIONAL:          h_1 = omega / (1 - alpha - beta)
 * CONDITIONAL_ON_FIRST:   h_1 = m2 and the likelihood sums t = 2..n only        (R tseries garch)
 * }</pre>
 *
 * <p>CONDITIONAL_ON_FIRST is the convention of R tseries {@code garch} (A. Trapletti): its C code starts every
 * pre-sample variance at the sample second moment of its input and sums the log-likelihood from the first
 * observation after the pre-sample, so the first return only conditions {@code h_2}; n - 1 densities, constants
 * included here (tseries drops the 2 pi constant, which does not move the optimum).
 *
 * <p>PRESAMPLE_MEAN_SQUARE is the convention of the GARCH benchmark of G. Fiorentini, G. Calzolari and L. Panattoni
 * (1996), "Analytic Derivatives and the Computation of GARCH Estimates", <i>J. Applied Econometrics</i> 11,
 * 399-417, and of B. D. McCullough and C. G. Renfro (1999), "Benchmarks and Software Standards: A Case Study of
 * GARCH Procedures", <i>J. Economic and Social Measurement</i> 25, 59-71.
 */
public enum GarchInitialisation {
    /** Pre-sample eps^2_0 = h_0 = mean squared residual (fGarch "mci", the FCP benchmark). */
    PRESAMPLE_MEAN_SQUARE,
    /** h_1 = mean squared residual (the sample variance about mu). */
    FIRST_IS_MEAN_SQUARE,
    /** h_1 = the model's unconditional variance omega / (1 - alpha - beta). */
    UNCONDITIONAL,
    /** h_1 = mean squared residual, and the first observation is left out of the likelihood (R tseries). */
    CONDITIONAL_ON_FIRST
}
