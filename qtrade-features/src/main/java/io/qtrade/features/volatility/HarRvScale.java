package io.qtrade.features.volatility;

/**
 * Whether a {@link HarRv} regresses realized variance in levels or in logarithms, and which logarithm of the weekly
 * and monthly components it takes.
 *
 * <pre>{@code
 * LEVEL:            RV_{t+1}    = b0 + bd RV_t    + bw mean(RV_{t-4..t})      + bm mean(RV_{t-21..t})     + u
 * LOG_OF_AVERAGES:  ln RV_{t+1} = b0 + bd ln RV_t + bw ln mean(RV_{t-4..t})   + bm ln mean(RV_{t-21..t})  + u
 * AVERAGE_OF_LOGS:  ln RV_{t+1} = b0 + bd ln RV_t + bw mean(ln RV_{t-4..t})   + bm mean(ln RV_{t-21..t})  + u
 * }</pre>
 *
 * <p>{@link #AVERAGE_OF_LOGS} is the common log-HAR (Corsi 2009, eq. (12): the aggregated components of the log
 * volatility are averages of the daily logs; also Corsi, Pirino and Renò 2010). {@link #LOG_OF_AVERAGES} takes the
 * logarithm of the averaged variances (T. G. Andersen, T. Bollerslev and F. X. Diebold (2007), "Roughing It Up",
 * <i>Review of Economics and Statistics</i> 89(4), 701-720). By Jensen's inequality the second's weekly and monthly
 * terms are larger; the two fits differ.
 */
public enum HarRvScale {
    /** Variances in levels. */
    LEVEL,
    /** Natural log of the target and of the daily, weekly-average and monthly-average variances (RV > 0). */
    LOG_OF_AVERAGES,
    /** Natural log of the target and the daily RV, and averages of the daily logs over 5 and 22 days (RV > 0). */
    AVERAGE_OF_LOGS,
    /**
     * The log of the averages.
     *
     * @deprecated ambiguous name: use {@link #LOG_OF_AVERAGES} (the same model) or {@link #AVERAGE_OF_LOGS}
     */
    @Deprecated
    LOG;

    /** Whether the regression is in logarithms. */
    public boolean isLog() {
        return this != LEVEL;
    }
}
