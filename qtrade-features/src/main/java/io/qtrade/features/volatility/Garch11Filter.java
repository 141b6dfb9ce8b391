package io.qtrade.features.volatility;

import java.util.Objects;

/**
 * Streaming GARCH(1,1) conditional variance with fixed parameters: one O(1), allocation-free update per return.
 *
 * <pre>{@code
 * before update(r_t):  variance() = h_t
 * update(r_t):         h_{t+1} = omega + alpha (r_t - mu)^2 + beta h_t
 * }</pre>
 *
 * <p>Reference: Bollerslev (1986), J. Econometrics 31. Fed the sample that {@link Garch11} fitted, starting from
 * that fit's h_1, it reproduces {@link Garch11Fit#conditionalVariances()} exactly (same operations in the same
 * order; tested). Not thread-safe.
 */
public final class Garch11Filter {

    private final Garch11Parameters params;
    private double variance;

    /**
     * @param params          parameters
     * @param initialVariance h of the next return to arrive, > 0
     */
    public Garch11Filter(Garch11Parameters params, double initialVariance) {
        this.params = Objects.requireNonNull(params, "params");
        if (!(initialVariance > 0.0) || Double.isInfinite(initialVariance)) {
            throw new IllegalArgumentException("initialVariance = " + initialVariance + " must be finite and > 0");
        }
        this.variance = initialVariance;
    }

    /** Adds return r_t (finite); afterwards {@link #variance()} is h_{t+1}. */
    public void update(double r) {
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException("return = " + r + " is not finite");
        }
        double e = r - params.mu();
        variance = params.omega() + params.alpha() * e * e + params.beta() * variance;
    }

    /** Conditional variance of the next return, per period. */
    public double variance() {
        return variance;
    }

    /** sqrt of {@link #variance()}, per period (not annualised). */
    public double volatility() {
        return Math.sqrt(variance);
    }

    /** The parameters. */
    public Garch11Parameters params() {
        return params;
    }

    @Override
    public String toString() {
        return "Garch11Filter[" + params + ", variance=" + variance + "]";
    }
}
