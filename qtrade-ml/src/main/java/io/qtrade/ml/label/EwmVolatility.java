package io.qtrade.ml.label;

/**
 * Exponentially weighted standard deviation of log returns: the "daily volatility" that scales the horizontal
 * barriers of the triple-barrier method (Lopez de Prado, <i>Advances in Financial Machine Learning</i>, 2018,
 * ch. 3, snippet 3.1 {@code getDailyVol}), computed exactly as pandas {@code Series.ewm(span, adjust=True).std()}.
 *
 * <pre>{@code
 * r_i   = ln(c_i / c_{i-1})                           i >= 1 (bar 0 has no return)
 * a     = 2 / (span + 1),   w_k = (1 - a)^k on r_{i-k}, k = 0 .. i-1
 * m_i   = sum w_k r_{i-k} / sum w_k
 * v_i   = [sum w_k (r_{i-k} - m_i)^2 / sum w_k] * (sum w)^2 / ((sum w)^2 - sum w^2)     (bias-corrected)
 * sigma_i = sqrt(v_i)
 * }</pre>
 *
 * <p>Streaming: {@link #update(double)} takes one return at a time, O(1), allocation-free, with the same weighted
 * Welford recursion pandas uses. Warm-up: two returns; before that {@link #value()} is NaN (pandas gives NaN for one
 * observation too). The batch form {@link #ofCloses(double[], int)} gives the same numbers.
 */
public final class EwmVolatility {
    private final int span;
    private final double decay;
    private double weightSum;
    private double weightSquareSum;
    private double mean;
    private double biasedVariance;
    private long count;

    /**
     * @param span pandas' {@code span}, at least 1: the decay is {@code 1 - 2/(span+1)}
     */
    public EwmVolatility(int span) {
        if (span < 1) {
            throw new IllegalArgumentException("span must be >= 1 (pandas ewm span), got " + span);
        }
        this.span = span;
        this.decay = 1.0 - 2.0 / (span + 1.0);
    }

    /** The span this estimator was built with. */
    public int span() {
        return span;
    }

    /**
     * Adds one return (a log return for the AFML daily volatility) and returns the updated standard deviation.
     *
     * @param r the newest return; must be finite
     * @return sigma after {@code r}, NaN while fewer than two returns were seen
     */
    public double update(double r) {
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException("return #" + count + " is not finite: " + r);
        }
        if (count == 0) {
            weightSum = 1.0;
            weightSquareSum = 1.0;
            mean = r;
            biasedVariance = 0.0;
        } else {
            double oldWeight = weightSum * decay;
            double newWeight = 1.0;
            double total = oldWeight + newWeight;
            double oldMean = mean;
            mean = (oldWeight * oldMean + newWeight * r) / total;
            double dOld = oldMean - mean;
            double dNew = r - mean;
            biasedVariance = (oldWeight * (biasedVariance + dOld * dOld) + newWeight * dNew * dNew) / total;
            weightSum = total;
            weightSquareSum = weightSquareSum * decay * decay + 1.0;
        }
        count++;
        return value();
    }

    /** The current bias-corrected standard deviation; NaN before two returns. */
    public double value() {
        if (count < 2) {
            return Double.NaN;
        }
        double sw2 = weightSum * weightSum;
        return Math.sqrt(biasedVariance * sw2 / (sw2 - weightSquareSum));
    }

    /** Number of returns seen. */
    public long count() {
        return count;
    }

    /**
     * Batch form: sigma at every bar of a close series.
     *
     * @param close closes, positive and finite, not modified
     * @param span  pandas' span
     * @return a new array of the closes' length: {@code sigma[0]} and {@code sigma[1]} are NaN, {@code sigma[i]} uses
     *     the returns {@code r_1 .. r_i}
     */
    public static double[] ofCloses(double[] close, int span) {
        EwmVolatility vol = new EwmVolatility(span);
        double[] sigma = new double[close.length];
        if (close.length > 0) {
            sigma[0] = Double.NaN;
            requirePositive(close, 0);
        }
        for (int i = 1; i < close.length; i++) {
            requirePositive(close, i);
            sigma[i] = vol.update(Math.log(close[i] / close[i - 1]));
        }
        return sigma;
    }

    static void requirePositive(double[] close, int i) {
        if (!(close[i] > 0) || !Double.isFinite(close[i])) {
            throw new IllegalArgumentException("close[" + i + "] must be positive and finite, got " + close[i]);
        }
    }

    @Override
    public String toString() {
        return "EwmVolatility[span=" + span + ", count=" + count + "]";
    }
}
