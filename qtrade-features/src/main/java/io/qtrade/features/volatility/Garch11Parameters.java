package io.qtrade.features.volatility;

/**
 * Parameters of a GARCH(1,1) with constant mean: r_t = mu + eps_t, h_t = omega + alpha eps^2_{t-1} + beta h_{t-1}.
 *
 * @param mu    constant mean, in the unit of the returns
 * @param omega variance intercept, > 0, in squared return units
 * @param alpha ARCH coefficient, >= 0
 * @param beta  GARCH coefficient, >= 0, with alpha + beta < 1 (covariance stationary)
 * @param nu    Student t degrees of freedom, > 2, or {@code NaN} for normal errors
 */
public record Garch11Parameters(double mu, double omega, double alpha, double beta, double nu) {

    /** Checks the constraints (naming the parameter and its value). */
    public Garch11Parameters {
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu = " + mu + " must be finite");
        }
        if (!(omega > 0.0) || Double.isInfinite(omega)) {
            throw new IllegalArgumentException("omega = " + omega + " must be finite and > 0");
        }
        if (!(alpha >= 0.0) || !(beta >= 0.0)) {
            throw new IllegalArgumentException("alpha = " + alpha + " and beta = " + beta + " must be >= 0");
        }
        if (!(alpha + beta < 1.0)) {
            throw new IllegalArgumentException("alpha + beta = " + (alpha + beta)
                    + " must be < 1 for a covariance-stationary GARCH(1,1)");
        }
        if (nu == nu && !(nu > 2.0)) {
            throw new IllegalArgumentException("nu = " + nu + " must be > 2 (or NaN for normal errors)");
        }
    }

    /** Normal-error parameters. */
    public static Garch11Parameters normal(double mu, double omega, double alpha, double beta) {
        return new Garch11Parameters(mu, omega, alpha, beta, Double.NaN);
    }

    /** alpha + beta, the decay per period of a variance shock. */
    public double persistence() {
        return alpha + beta;
    }

    /** omega / (1 - alpha - beta), the long-run variance per period. */
    public double unconditionalVariance() {
        return omega / (1.0 - alpha - beta);
    }

    /** ln 2 / -ln(alpha + beta): periods for a variance shock to halve. */
    public double halfLifePeriods() {
        return Math.log(2.0) / -Math.log(alpha + beta);
    }
}
