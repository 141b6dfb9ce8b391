package io.qtrade.features.hawkes;

/**
 * Streaming intensity of a Hawkes process with fixed (fitted) parameters, for use inside a strategy: O(M^2) per
 * event, no allocation after construction.
 *
 * <pre>{@code
 * S_mn(t) = sum_{t^n_k <= t} exp(-beta_mn (t - t^n_k))               (kept at the last event time, decayed on demand)
 * lambda_m(t+) = mu_m + sum_n alpha_mn beta_mn S_mn(t)
 * expected m-events in (t, t + h], univariate, counting the events those events trigger:
 *   E N(t, t+h) = lambda_inf h + (lambda(t+) - lambda_inf) (1 - exp(-kappa h)) / kappa,
 *   kappa = beta (1 - alpha),  lambda_inf = mu / (1 - alpha)
 * }</pre>
 * (the mean intensity {@code m(s)} solves {@code m' = beta mu - beta (1 - alpha) m}). {@link #intensity(int, double)}
 * is the intensity just after time t including an event at t itself, i.e. the rate for the next instant. Times must
 * not go backwards. Not thread-safe.
 */
public final class HawkesIntensity {

    private final HawkesParameters params;
    private final int d;
    private final double[] s;
    private double last = Double.NEGATIVE_INFINITY;
    private long events;

    /** A process at rest (no events yet). */
    public HawkesIntensity(HawkesParameters params) {
        this.params = params;
        this.d = params.dimension();
        this.s = new double[d * d];
    }

    /** Records an event of dimension {@code m} at time {@code t} (same unit as the fit, non-decreasing). */
    public void onEvent(int m, double t) {
        if (m < 0 || m >= d) {
            throw new IllegalArgumentException("dimension " + m + ": expected 0.." + (d - 1));
        }
        advance(t);
        for (int tgt = 0; tgt < d; tgt++) {
            s[tgt * d + m] += 1.0;
        }
        events++;
    }

    /** Records an event of a univariate process. */
    public void onEvent(double t) {
        onEvent(0, t);
    }

    private void advance(double t) {
        if (t < last) {
            throw new IllegalArgumentException("time " + t + " is before the last event time " + last);
        }
        if (last != Double.NEGATIVE_INFINITY && t > last) {
            double dt = t - last;
            for (int m = 0; m < d; m++) {
                for (int n = 0; n < d; n++) {
                    s[m * d + n] *= Math.exp(-params.beta(m, n) * dt);
                }
            }
        }
        last = t;
    }

    /** lambda_m just after time t (t not before the last event; the state is not changed). */
    public double intensity(int m, double t) {
        if (t < last) {
            throw new IllegalArgumentException("time " + t + " is before the last event time " + last);
        }
        double dt = last == Double.NEGATIVE_INFINITY ? 0.0 : t - last;
        double lam = params.mu(m);
        for (int n = 0; n < d; n++) {
            double b = params.beta(m, n);
            lam += params.alpha(m, n) * b * s[m * d + n] * Math.exp(-b * dt);
        }
        return lam;
    }

    /** Univariate intensity just after t. */
    public double intensity(double t) {
        return intensity(0, t);
    }

    /**
     * Expected number of events of a univariate process in {@code (t, t + horizon]}, including the events that
     * those events trigger (see the class formula); needs alpha < 1.
     */
    public double expectedEvents(double t, double horizon) {
        if (d != 1) {
            throw new IllegalStateException("expectedEvents(t, horizon) is univariate; this process has " + d
                    + " dimensions");
        }
        double alpha = params.alpha(0, 0);
        if (!(alpha < 1.0)) {
            throw new IllegalStateException("alpha = " + alpha + " >= 1: the expected count grows without bound");
        }
        double lam0 = intensity(0, t);
        double inf = params.mu(0) / (1.0 - alpha);
        double kappa = params.beta(0, 0) * (1.0 - alpha);
        return inf * horizon + (lam0 - inf) * (-Math.expm1(-kappa * horizon)) / kappa;
    }

    /** Events seen. */
    public long events() {
        return events;
    }

    /** Forgets every event. */
    public void reset() {
        java.util.Arrays.fill(s, 0.0);
        last = Double.NEGATIVE_INFINITY;
        events = 0;
    }

    @Override
    public String toString() {
        return "HawkesIntensity[" + params + ", events=" + events + ", last=" + last + "]";
    }
}
