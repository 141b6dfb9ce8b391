package io.qtrade.ml.model.online;

/**
 * The step size {@code eta_t} of an online learner at update {@code t = 1, 2, ...}.
 */
public interface LearningRateSchedule {

    /** {@code eta_t}, positive. */
    double rate(long t);

    /** {@code eta_t = eta0} (tracks a drifting target; never converges exactly). */
    static LearningRateSchedule constant(double eta0) {
        requirePositive(eta0);
        return new LearningRateSchedule() {
            @Override
            public double rate(long t) {
                return eta0;
            }

            @Override
            public String toString() {
                return "constant[eta0=" + eta0 + "]";
            }
        };
    }

    /**
     * {@code eta_t = eta0 / t^power}, scikit-learn's {@code SGDClassifier(learning_rate='invscaling', power_t)};
     * {@code power} in (0.5, 1] satisfies the Robbins-Monro conditions (sum eta = inf, sum eta^2 < inf).
     */
    static LearningRateSchedule inverseScaling(double eta0, double power) {
        requirePositive(eta0);
        if (!(power > 0 && power <= 1)) {
            throw new IllegalArgumentException("power must be in (0, 1], got " + power);
        }
        return new LearningRateSchedule() {
            @Override
            public double rate(long t) {
                return eta0 / Math.pow(t, power);
            }

            @Override
            public String toString() {
                return "inverseScaling[eta0=" + eta0 + ", power=" + power + "]";
            }
        };
    }

    /**
     * {@code eta_t = eta0 / (1 + eta0 * lambda * t)}: Bottou's (2012, "Stochastic gradient descent tricks") schedule
     * for an L2 penalty {@code lambda > 0}.
     */
    static LearningRateSchedule inverseDecay(double eta0, double lambda) {
        requirePositive(eta0);
        requirePositive(lambda);
        return new LearningRateSchedule() {
            @Override
            public double rate(long t) {
                return eta0 / (1 + eta0 * lambda * t);
            }

            @Override
            public String toString() {
                return "inverseDecay[eta0=" + eta0 + ", lambda=" + lambda + "]";
            }
        };
    }

    private static void requirePositive(double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("rate parameter must be positive and finite, got " + v);
        }
    }
}
