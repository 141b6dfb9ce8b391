package io.qtrade.features.volatility;

/**
 * Parameters of an {@link AsymmetricGarch11} (GJR or EGARCH), see its formulas.
 *
 * @param mu    constant mean
 * @param omega variance intercept (GJR: > 0; EGARCH: of ln h, any sign)
 * @param alpha ARCH (GJR) or size (EGARCH) coefficient
 * @param gamma leverage coefficient
 * @param beta  GARCH coefficient (of h, or of ln h for EGARCH)
 * @param nu    Student t degrees of freedom > 2, or NaN for normal errors
 */
public record AsymmetricGarchParameters(double mu, double omega, double alpha, double gamma, double beta, double nu) {

    /** Checks finiteness and nu. */
    public AsymmetricGarchParameters {
        if (!Double.isFinite(mu) || !Double.isFinite(omega) || !Double.isFinite(alpha) || !Double.isFinite(gamma)
                || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("mu, omega, alpha, gamma, beta must be finite: " + mu + ", " + omega
                    + ", " + alpha + ", " + gamma + ", " + beta);
        }
        if (nu == nu && !(nu > 2.0)) {
            throw new IllegalArgumentException("nu = " + nu + " must be > 2 (or NaN for normal errors)");
        }
    }

    /** Normal-error parameters. */
    public static AsymmetricGarchParameters normal(double mu, double omega, double alpha, double gamma, double beta) {
        return new AsymmetricGarchParameters(mu, omega, alpha, gamma, beta, Double.NaN);
    }

    /** The value of a named parameter. */
    public double value(GarchParameter p) {
        switch (p) {
            case MU:
                return mu;
            case OMEGA:
                return omega;
            case ALPHA:
                return alpha;
            case GAMMA:
                return gamma;
            case BETA:
                return beta;
            default:
                return nu;
        }
    }
}
