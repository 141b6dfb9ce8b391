package io.qtrade.backtest.queue;

/**
 * The weight function {@code f} of {@link ProbabilisticQueue}: a decrease of the level is taken from ahead of the
 * order with probability {@code f(ahead) / (f(ahead) + f(behind))} (hftbacktest's {@code Probability} with
 * {@code PowerProbQueueFunc} and {@code LogProbQueueFunc}). {@code f} is non-negative and non-decreasing.
 */
public interface QueueProbability {

    /** {@code f(qty)} for a queue quantity {@code qty >= 0}. */
    double weight(double qty);

    /**
     * The share of a decrease that comes from ahead: {@code f(ahead) / (f(ahead) + f(behind))}; 1 when nothing is
     * behind, 0 when nothing is ahead, and 0.5 if both weights are 0. An implementation whose weights can overflow
     * overrides it with a form that cannot (as {@link PowerProbability} does).
     *
     * @throws ArithmeticException if the weights are not finite and non-negative (the share would be NaN), naming
     *                             the function and the quantities
     */
    default double aheadShare(double ahead, double behind) {
        if (behind <= 0) {
            return 1.0;
        }
        if (ahead <= 0) {
            return 0.0;
        }
        double fa = weight(ahead);
        double fb = weight(behind);
        double sum = fa + fb;
        if (!(fa >= 0 && fb >= 0 && sum < Double.POSITIVE_INFINITY)) {
            throw new ArithmeticException(this + ": weights f(ahead=" + ahead + ") = " + fa + " and f(behind="
                    + behind + ") = " + fb + " must be finite and >= 0 (override aheadShare with a form that cannot"
                    + " overflow)");
        }
        return sum > 0 ? fa / sum : 0.5;
    }
}
