package io.qtrade.ml.label;

/**
 * Fixed-horizon labels (AFML ch. 3.2): the forward return over {@code h} bars and its thresholded sign,
 *
 * <pre>{@code
 * r_{t,h} = ret(c_t, c_{t+h})                  (PathReturn SIMPLE or LOG)
 * y_t     = +1 if r_{t,h} > tau,  -1 if r_{t,h} < -tau,  else 0       (tau >= 0)
 * }</pre>
 *
 * for every bar {@code t = 0 .. n-1-h}; the label of row {@code t} spans bars {@code [t, t+h]}. Overlapping
 * horizons ({@code h > 1} with a label on every bar) make neighbouring labels share returns: weight them with
 * {@link SampleUniqueness} and validate with purging.
 */
public final class FixedHorizonLabels {
    private final int horizonBars;
    private final double threshold;
    private final double[] forwardReturn;
    private final int[] label;

    private FixedHorizonLabels(int horizonBars, double threshold, double[] forwardReturn, int[] label) {
        this.horizonBars = horizonBars;
        this.threshold = threshold;
        this.forwardReturn = forwardReturn;
        this.label = label;
    }

    /**
     * @param close       closes, positive, not modified
     * @param horizonBars {@code h >= 1}
     * @param threshold   {@code tau >= 0}; 0 labels a zero return 0
     * @param pathReturn  simple or log return
     */
    public static FixedHorizonLabels of(double[] close, int horizonBars, double threshold, PathReturn pathReturn) {
        if (horizonBars < 1) {
            throw new IllegalArgumentException("horizonBars must be >= 1, got " + horizonBars);
        }
        if (!(threshold >= 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite and >= 0, got " + threshold);
        }
        int rows = Math.max(0, close.length - horizonBars);
        double[] r = new double[rows];
        int[] y = new int[rows];
        for (int t = 0; t < rows; t++) {
            EwmVolatility.requirePositive(close, t);
            EwmVolatility.requirePositive(close, t + horizonBars);
            r[t] = pathReturn.of(close[t], close[t + horizonBars]);
            y[t] = r[t] > threshold ? 1 : (r[t] < -threshold ? -1 : 0);
        }
        return new FixedHorizonLabels(horizonBars, threshold, r, y);
    }

    /** Number of labelled bars, {@code n - h}. */
    public int size() {
        return label.length;
    }

    /** {@code h}. */
    public int horizonBars() {
        return horizonBars;
    }

    /** {@code tau}. */
    public double threshold() {
        return threshold;
    }

    /** {@code r_{t,h}}. */
    public double forwardReturn(int t) {
        return forwardReturn[t];
    }

    /** {@code y_t} in {-1, 0, +1}. */
    public int label(int t) {
        return label[t];
    }

    /** A copy of all labels. */
    public int[] labels() {
        return label.clone();
    }

    /** A copy of all forward returns. */
    public double[] forwardReturns() {
        return forwardReturn.clone();
    }

    /** Spans {@code [t, t+h]}. */
    public LabelSpans spans() {
        long[] s = new long[size()];
        long[] e = new long[size()];
        for (int t = 0; t < s.length; t++) {
            s[t] = t;
            e[t] = t + horizonBars;
        }
        return new LabelSpans(s, e);
    }

    @Override
    public String toString() {
        return "FixedHorizonLabels[h=" + horizonBars + ", threshold=" + threshold + ", rows=" + size() + "]";
    }
}
