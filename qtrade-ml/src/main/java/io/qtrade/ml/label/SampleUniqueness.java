package io.qtrade.ml.label;

/**
 * Sample weights from label overlap (Lopez de Prado, AFML ch. 4, snippets 4.1, 4.2 and 4.10). With labels spanning
 * bars {@code [s_i, e_i]} (inclusive, as AFML's {@code mpNumCoEvents} counts {@code count.loc[tIn:tOut] += 1}):
 *
 * <pre>{@code
 * c_t       = #{ i : s_i <= t <= e_i }                                 concurrency of bar t
 * u_i       = mean_{t = s_i .. e_i} 1 / c_t                            average uniqueness of label i
 * w_i (ret) = | sum_{t = s_i .. e_i} r_t / c_t |,  scaled to sum to N  return attribution (snippet 4.10)
 * }</pre>
 *
 * where {@code r_t = ln(c_t / c_{t-1})} (AFML uses the log-return of bar t; {@code r_0 = 0}). Spans are bar
 * indices of a series with {@code bars} bars.
 */
public final class SampleUniqueness {
    private final int[] concurrency;
    private final double[] averageUniqueness;
    private final LabelSpans spans;

    private SampleUniqueness(LabelSpans spans, int[] concurrency, double[] averageUniqueness) {
        this.spans = spans;
        this.concurrency = concurrency;
        this.averageUniqueness = averageUniqueness;
    }

    /**
     * @param spans label spans in bar indices, each within {@code [0, bars)}
     * @param bars  number of bars of the series
     */
    public static SampleUniqueness of(LabelSpans spans, int bars) {
        int[] c = new int[bars];
        // difference array: O(N + bars)
        int[] diff = new int[bars + 1];
        for (int i = 0; i < spans.size(); i++) {
            long s = spans.start(i);
            long e = spans.end(i);
            if (s < 0 || e >= bars) {
                throw new IllegalArgumentException("label " + i + " spans bars [" + s + ", " + e
                        + "] outside the series of " + bars + " bars");
            }
            diff[(int) s]++;
            diff[(int) e + 1]--;
        }
        int running = 0;
        for (int t = 0; t < bars; t++) {
            running += diff[t];
            c[t] = running;
        }
        double[] u = new double[spans.size()];
        for (int i = 0; i < u.length; i++) {
            int s = (int) spans.start(i);
            int e = (int) spans.end(i);
            double sum = 0;
            for (int t = s; t <= e; t++) {
                sum += 1.0 / c[t];
            }
            u[i] = sum / (e - s + 1);
        }
        return new SampleUniqueness(spans, c, u);
    }

    /** {@code c_t}. */
    public int concurrency(int bar) {
        return concurrency[bar];
    }

    /** {@code u_i}, in (0, 1]. */
    public double averageUniqueness(int i) {
        return averageUniqueness[i];
    }

    /** A copy of all {@code u_i}: use as sample weights. */
    public double[] averageUniqueness() {
        return averageUniqueness.clone();
    }

    /** Mean of {@code u_i} over all labels: AFML's estimate of how many labels are effectively independent, per label. */
    public double meanUniqueness() {
        double s = 0;
        for (double v : averageUniqueness) {
            s += v;
        }
        return averageUniqueness.length == 0 ? Double.NaN : s / averageUniqueness.length;
    }

    /**
     * Return-attribution weights (AFML snippet 4.10), scaled so that they sum to the number of labels.
     *
     * @param close the closes the spans index, not modified
     * @return a new array
     */
    public double[] returnAttributionWeights(double[] close) {
        if (close.length != concurrency.length) {
            throw new IllegalArgumentException("close has " + close.length + " bars but the spans were counted on "
                    + concurrency.length);
        }
        double[] w = new double[spans.size()];
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            double sum = 0;
            for (int t = (int) spans.start(i); t <= spans.end(i); t++) {
                double r = t == 0 ? 0.0 : Math.log(close[t] / close[t - 1]);
                sum += r / concurrency[t];
            }
            w[i] = Math.abs(sum);
            total += w[i];
        }
        if (total > 0) {
            for (int i = 0; i < w.length; i++) {
                w[i] *= w.length / total;
            }
        }
        return w;
    }
}
