package io.qtrade.features.filter;

/**
 * Caller-owned, reusable holder for one step of {@link KalmanHedgeRatio}: the filter overwrites every field on each
 * update, so one instance serves a whole stream without allocation. Not thread-safe.
 */
public final class HedgeRatioEstimate {

    double beta = Double.NaN;
    double alpha = Double.NaN;
    double predictedY = Double.NaN;
    double innovation = Double.NaN;
    double innovationVariance = Double.NaN;

    /** An empty holder (all NaN until the first update). */
    public HedgeRatioEstimate() {
    }

    /** Filtered (posterior) hedge ratio {@code beta_t}. */
    public double beta() {
        return beta;
    }

    /** Filtered (posterior) intercept {@code alpha_t}. */
    public double alpha() {
        return alpha;
    }

    /** Prior prediction {@code yhat_t = beta_{t-1} x_t + alpha_{t-1}}. */
    public double predictedY() {
        return predictedY;
    }

    /** Innovation (forecast error) {@code e_t = y_t - yhat_t}, the spread a Kalman pairs rule trades. */
    public double innovation() {
        return innovation;
    }

    /** Innovation variance {@code Q_t}; {@code e_t / sqrt(Q_t)} is the standardised signal. */
    public double innovationVariance() {
        return innovationVariance;
    }

    @Override
    public String toString() {
        return "HedgeRatioEstimate[beta=" + beta + ", alpha=" + alpha + ", predictedY=" + predictedY + ", innovation="
                + innovation + ", innovationVariance=" + innovationVariance + "]";
    }
}
