package io.qtrade.features.volatility;

/**
 * Converts a variance or volatility per period into its annualised value under the square-root-of-time rule.
 *
 * <pre>{@code
 * varianceAnnualised   = variancePerPeriod * periodsPerYear
 * volatilityAnnualised = volatilityPerPeriod * sqrt(periodsPerYear)
 * }</pre>
 *
 * <p>The rule assumes serially uncorrelated returns (e.g. J. C. Hull, <i>Options, Futures, and Other
 * Derivatives</i>, ch. 15 "Volatility"). The period count is the caller's choice and always explicit: 252 trading
 * days for equities ({@link #TRADING_DAYS_PER_YEAR_EQUITY}), 365 calendar days for crypto that trades every day
 * ({@link #CALENDAR_DAYS_PER_YEAR}), about 260 weekdays for FX ({@link #WEEKDAYS_PER_YEAR}).
 */
public final class Annualisation {

    /** Trading days in a US equity year, the usual convention. */
    public static final double TRADING_DAYS_PER_YEAR_EQUITY = 252.0;
    /** Calendar days in a year, for markets open every day. */
    public static final double CALENDAR_DAYS_PER_YEAR = 365.0;
    /** Weekdays in a year (52 weeks x 5), for FX. */
    public static final double WEEKDAYS_PER_YEAR = 260.0;

    private Annualisation() {
    }

    /**
     * Annualised variance {@code variancePerDay * tradingDaysPerYear}.
     *
     * @param variancePerDay     variance of one day's return (e.g. a daily realized variance), >= 0
     * @param tradingDaysPerYear days per year, > 0
     */
    public static double annualiseVariance(double variancePerDay, double tradingDaysPerYear) {
        requirePeriods(tradingDaysPerYear);
        if (!(variancePerDay >= 0.0)) {
            throw new IllegalArgumentException("variancePerDay = " + variancePerDay + " must be >= 0");
        }
        return variancePerDay * tradingDaysPerYear;
    }

    /**
     * Annualised volatility {@code volatilityPerDay * sqrt(tradingDaysPerYear)}.
     *
     * @param volatilityPerDay   standard deviation of one day's return, >= 0
     * @param tradingDaysPerYear days per year, > 0
     */
    public static double annualiseVolatility(double volatilityPerDay, double tradingDaysPerYear) {
        requirePeriods(tradingDaysPerYear);
        if (!(volatilityPerDay >= 0.0)) {
            throw new IllegalArgumentException("volatilityPerDay = " + volatilityPerDay + " must be >= 0");
        }
        return volatilityPerDay * Math.sqrt(tradingDaysPerYear);
    }

    /**
     * Annualised volatility from a daily variance: {@code sqrt(variancePerDay * tradingDaysPerYear)}.
     *
     * @param variancePerDay     variance of one day's return, >= 0
     * @param tradingDaysPerYear days per year, > 0
     */
    public static double annualisedVolatilityFromDailyVariance(double variancePerDay, double tradingDaysPerYear) {
        return Math.sqrt(annualiseVariance(variancePerDay, tradingDaysPerYear));
    }

    private static void requirePeriods(double periodsPerYear) {
        if (!(periodsPerYear > 0.0) || Double.isInfinite(periodsPerYear)) {
            throw new IllegalArgumentException("tradingDaysPerYear = " + periodsPerYear + " must be finite and > 0");
        }
    }
}
