package io.qtrade.ml.model.online;

import io.qtrade.ml.model.Model;

/**
 * Logistic regression learnt one observation at a time by stochastic gradient descent on the L2-penalised log loss,
 * for strategies that adapt during a backtest or a live run:
 *
 * <pre>{@code
 * p_t   = 1 / (1 + exp(-(x_t . w + b)))                      prediction before seeing y_t
 * w    <- w - eta_t * ((p_t - y_t) x_t + lambda w)             (the penalty does not touch b)
 * b    <- b - eta_t * (p_t - y_t)
 * }</pre>
 *
 * {@code eta_t} from a {@link LearningRateSchedule}, {@code t = 1, 2, ...}. {@link #update} and {@link #predict} are
 * O(p) and allocation-free. Predict before you update with the same observation's label to keep an honest
 * out-of-sample record (progressive validation).
 */
public final class OnlineLogisticRegression implements Model {
    private final double[] w;
    private double b;
    private final double lambda;
    private final LearningRateSchedule schedule;
    private long updates;

    /**
     * @param features number of features
     * @param lambda   L2 penalty per update, {@code >= 0}
     * @param schedule step sizes
     */
    public OnlineLogisticRegression(int features, double lambda, LearningRateSchedule schedule) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1, got " + features);
        }
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        this.w = new double[features];
        this.lambda = lambda;
        this.schedule = schedule;
    }

    @Override
    public int inputSize() {
        return w.length;
    }

    @Override
    public double predict(double[] x) {
        double z = b;
        for (int k = 0; k < w.length; k++) {
            z += w[k] * x[k];
        }
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /**
     * Learns one observation.
     *
     * @param x features, not modified
     * @param y label 0 or 1
     * @return the prediction made before the update
     */
    public double update(double[] x, int y) {
        if (y != 0 && y != 1) {
            throw new IllegalArgumentException("label must be 0 or 1, got " + y);
        }
        double p = predict(x);
        updates++;
        double eta = schedule.rate(updates);
        double r = p - y;
        for (int k = 0; k < w.length; k++) {
            w[k] -= eta * (r * x[k] + lambda * w[k]);
        }
        b -= eta * r;
        return p;
    }

    /** {@code w_j}. */
    public double coefficient(int j) {
        return w[j];
    }

    /** {@code b}. */
    public double intercept() {
        return b;
    }

    /** Number of updates so far. */
    public long updates() {
        return updates;
    }

    @Override
    public String toString() {
        return "OnlineLogisticRegression[features=" + w.length + ", lambda=" + lambda + ", schedule=" + schedule
                + ", updates=" + updates + "]";
    }
}
