package io.qtrade.features.volatility;

/**
 * Whether a {@link HarRv} regresses realized variance in levels or in logarithms.
 *
 * <pre>{@code
 * LEVEL:  RV_{t+1}    = b0 + bd RV_t    + bw RVw_t     + bm RVm_t     + u
 * LOG:    ln RV_{t+1} = b0 + bd ln RV_t + bw ln RVw_t  + bm ln RVm_t  + u     (ln of the averages)
 * }</pre>
 *
 * <p>The log form follows F. Corsi (2009), section 4, and T. G. Andersen, T. Bollerslev and F. X. Diebold (2007),
 * "Roughing It Up", <i>Review of Economics and Statistics</i> 89(4), 701-720: the weekly and monthly terms are the
 * logarithms of the averaged variances.
 */
public enum HarRvScale {
    /** Variances in levels. */
    LEVEL,
    /** Natural logarithms of the variances (every RV must be > 0). */
    LOG
}
