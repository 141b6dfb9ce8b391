package io.qtrade.features.volatility;

/** Names of GARCH-family parameters, for standard errors by name ({@code standardError(GarchParameter.ALPHA)}). */
public enum GarchParameter {
    /** Constant mean mu. */
    MU,
    /** Variance intercept omega. */
    OMEGA,
    /** ARCH coefficient alpha (EGARCH: the size effect). */
    ALPHA,
    /** Leverage coefficient gamma (GJR-GARCH and EGARCH only). */
    GAMMA,
    /** GARCH coefficient beta. */
    BETA,
    /** Student t degrees of freedom nu. */
    NU
}
