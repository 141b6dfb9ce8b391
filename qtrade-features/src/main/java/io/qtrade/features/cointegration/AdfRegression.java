package io.qtrade.features.cointegration;

/**
 * Deterministic terms of a Dickey-Fuller regression (and of the Engle-Granger cointegrating regression), with
 * the codes statsmodels uses.
 */
public enum AdfRegression {
    /** No constant, no trend ({@code "n"}). */
    NONE("n", 0),
    /** Constant only ({@code "c"}). */
    CONSTANT("c", 1),
    /** Constant and linear trend ({@code "ct"}). */
    CONSTANT_TREND("ct", 2),
    /** Constant, linear and quadratic trend ({@code "ctt"}). */
    CONSTANT_QUADRATIC_TREND("ctt", 3);

    private final String code;
    private final int deterministicTerms;

    AdfRegression(String code, int deterministicTerms) {
        this.code = code;
        this.deterministicTerms = deterministicTerms;
    }

    /** The statsmodels code: {@code n}, {@code c}, {@code ct} or {@code ctt}. */
    public String code() {
        return code;
    }

    /** Number of deterministic regressors (0 to 3). */
    public int deterministicTerms() {
        return deterministicTerms;
    }

    /**
     * The regression with a statsmodels code.
     *
     * @param code {@code n} (or {@code nc}), {@code c}, {@code ct} or {@code ctt}
     * @return the matching regression
     * @throws IllegalArgumentException for any other code
     */
    public static AdfRegression fromCode(String code) {
        switch (code) {
            case "n":
            case "nc":
                return NONE;
            case "c":
                return CONSTANT;
            case "ct":
                return CONSTANT_TREND;
            case "ctt":
                return CONSTANT_QUADRATIC_TREND;
            default:
                throw new IllegalArgumentException("regression code '" + code + "': expected n, c, ct or ctt");
        }
    }
}
