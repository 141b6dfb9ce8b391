package io.qtrade.features.cointegration;

/**
 * Deterministic terms of the Johansen test and of the {@link Vecm}, as urca {@code ca.jo} and statsmodels name them.
 *
 * <p>In the VECM {@code dY_t = alpha (beta' Y_{t-1} + rho' d^co_{t-1}) + sum_j Gamma_j dY_{t-j} + C d_t + e_t}, a
 * <em>restricted</em> term lives inside the cointegration relation ({@code d^co}: it adds a row to beta and its
 * eigenproblem); an <em>unrestricted</em> term ({@code d_t}) enters every equation freely and is partialled out
 * with the lagged differences. Trend values: inside the relation the trend is the 1-based row number of the lagged
 * level ({@code t} for equation row {@code t}, 0-based, with the transitory spec), outside it the 1-based row
 * number of {@code y_t} ({@code t + 1}), both as statsmodels {@code _linear_trend} and urca's {@code trend}.
 *
 * <table>
 * <caption>Mapping to the reference implementations</caption>
 * <tr><th>constant</th><th>statsmodels coint_johansen</th><th>statsmodels VECM</th><th>urca ca.jo</th></tr>
 * <tr><td>{@link #NONE}</td><td>det_order=-1</td><td>"n"</td><td>-</td></tr>
 * <tr><td>{@link #CONSTANT}</td><td>det_order=0</td><td>"co"</td><td>ecdet="none"</td></tr>
 * <tr><td>{@link #RESTRICTED_CONSTANT}</td><td>-</td><td>"ci"</td><td>ecdet="const"</td></tr>
 * <tr><td>{@link #LINEAR_TREND}</td><td>-</td><td>"lo"</td><td>-</td></tr>
 * <tr><td>{@link #RESTRICTED_TREND}</td><td>-</td><td>"li"</td><td>-</td></tr>
 * <tr><td>{@link #CONSTANT_RESTRICTED_TREND}</td><td>-</td><td>"coli"</td><td>ecdet="trend"</td></tr>
 * <tr><td>{@link #CONSTANT_LINEAR_TREND}</td><td>-</td><td>"colo"</td><td>-</td></tr>
 * <tr><td>{@link #DETRENDED}</td><td>det_order=1</td><td>-</td><td>-</td></tr>
 * </table>
 */
public enum JohansenDeterministic {
    /** No deterministic term (statsmodels det_order -1, VECM "n"). */
    NONE(false, false, false, false, "n"),
    /** Unrestricted constant (statsmodels det_order 0, VECM "co", urca ecdet "none"). */
    CONSTANT(true, false, false, false, "co"),
    /** Constant restricted to the cointegration space, no other constant (VECM "ci", urca ecdet "const"). */
    RESTRICTED_CONSTANT(false, false, true, false, "ci"),
    /** Unrestricted linear trend and no constant (VECM "lo"). */
    LINEAR_TREND(false, true, false, false, "lo"),
    /** Linear trend restricted to the cointegration space, no constant (VECM "li"). */
    RESTRICTED_TREND(false, false, false, true, "li"),
    /** Unrestricted constant and a trend restricted to the cointegration space (VECM "coli", urca ecdet "trend"). */
    CONSTANT_RESTRICTED_TREND(true, false, false, true, "coli"),
    /** Unrestricted constant and unrestricted linear trend (VECM "colo"). */
    CONSTANT_LINEAR_TREND(true, true, false, false, "colo"),
    /**
     * statsmodels {@code coint_johansen(det_order=1)}: the levels are detrended by OLS on {@code [t, 1]} first, then
     * every regression is demeaned. Not urca's restricted trend ({@link #CONSTANT_RESTRICTED_TREND}); test only, no
     * VECM.
     */
    DETRENDED(true, false, false, false, "-");

    private final boolean constant;
    private final boolean trend;
    private final boolean restrictedConstant;
    private final boolean restrictedTrend;
    private final String statsmodelsVecm;

    JohansenDeterministic(boolean constant, boolean trend, boolean restrictedConstant, boolean restrictedTrend,
                          String statsmodelsVecm) {
        this.constant = constant;
        this.trend = trend;
        this.restrictedConstant = restrictedConstant;
        this.restrictedTrend = restrictedTrend;
        this.statsmodelsVecm = statsmodelsVecm;
    }

    /** Whether an unrestricted constant enters every equation. */
    public boolean unrestrictedConstant() {
        return constant;
    }

    /** Whether an unrestricted linear trend enters every equation. */
    public boolean unrestrictedTrend() {
        return trend;
    }

    /** Whether a constant is restricted to the cointegration space (a row of beta). */
    public boolean restrictedConstant() {
        return restrictedConstant;
    }

    /** Whether a linear trend is restricted to the cointegration space (a row of beta). */
    public boolean restrictedTrend() {
        return restrictedTrend;
    }

    /** Number of restricted rows appended to beta (0 or 1). */
    public int restrictedTerms() {
        return (restrictedConstant ? 1 : 0) + (restrictedTrend ? 1 : 0);
    }

    /** The statsmodels VECM {@code deterministic} string ("-" for {@link #DETRENDED}). */
    public String statsmodelsVecm() {
        return statsmodelsVecm;
    }

    /**
     * The statsmodels {@code coint_johansen} det_order of this choice.
     *
     * @return -1, 0 or 1
     * @throws IllegalStateException if statsmodels' coint_johansen has no equivalent
     */
    public int statsmodelsDetOrder() {
        switch (this) {
            case NONE:
                return -1;
            case CONSTANT:
                return 0;
            case DETRENDED:
                return 1;
            default:
                throw new IllegalStateException(this + " has no statsmodels coint_johansen det_order");
        }
    }

    /**
     * The choice equal to a statsmodels {@code coint_johansen} det_order.
     *
     * @param detOrder -1, 0 or 1
     * @return {@link #NONE}, {@link #CONSTANT} or {@link #DETRENDED}
     * @throws IllegalArgumentException for other values
     */
    public static JohansenDeterministic ofDetOrder(int detOrder) {
        switch (detOrder) {
            case -1:
                return NONE;
            case 0:
                return CONSTANT;
            case 1:
                return DETRENDED;
            default:
                throw new IllegalArgumentException("detOrder " + detOrder + ": expected -1, 0 or 1");
        }
    }
}
