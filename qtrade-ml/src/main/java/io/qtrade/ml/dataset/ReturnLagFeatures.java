package io.qtrade.ml.dataset;

import io.qtrade.ml.signal.FeatureVector;
import java.util.ArrayList;
import java.util.List;

/**
 * Lagged log returns and their rolling volatility, in streaming (one close at a time, O(window), allocation-free)
 * and batch form with the same numbers:
 *
 * <pre>{@code
 * r_t      = ln(c_t / c_{t-1})
 * lag_k(t) = r_{t-k+1}                 k = 1 .. lags           (lag_1 is the latest return)
 * vol(t)   = std(r_{t-w+1} .. r_t)     sample std, ddof 1, w = volWindow
 * }</pre>
 *
 * Ready from bar {@code t = max(lags, volWindow)} (that many returns seen). Before that the batch rows are NaN and
 * {@link #isReady()} is false. The refcases logistic-regression and XGBoost features are this with lags 5 and
 * window 20 (rounded to float32 there). Each value at bar {@code t} reads closes up to {@code t} only.
 */
public final class ReturnLagFeatures implements FeatureVector {
    private final int lags;
    private final int volWindow;
    private final int memory;
    private final double[] ring;
    private long returns;
    private double lastClose = Double.NaN;
    private final List<String> names;

    /**
     * @param lags      number of lagged returns, at least 1
     * @param volWindow rolling-volatility window in returns, at least 2
     */
    public ReturnLagFeatures(int lags, int volWindow) {
        if (lags < 1 || volWindow < 2) {
            throw new IllegalArgumentException("lags must be >= 1 and volWindow >= 2, got " + lags + ", "
                    + volWindow);
        }
        this.lags = lags;
        this.volWindow = volWindow;
        this.memory = Math.max(lags, volWindow);
        this.ring = new double[memory];
        List<String> n = new ArrayList<>();
        for (int k = 1; k <= lags; k++) {
            n.add("lag" + k);
        }
        n.add("vol" + volWindow);
        this.names = List.copyOf(n);
    }

    /**
     * Adds one close.
     *
     * @param close positive and finite
     */
    public void update(double close) {
        if (!(close > 0) || !Double.isFinite(close)) {
            throw new IllegalArgumentException("close must be positive and finite, got " + close
                    + " (after " + returns + " returns)");
        }
        if (!Double.isNaN(lastClose)) {
            ring[(int) (returns % memory)] = Math.log(close / lastClose);
            returns++;
        }
        lastClose = close;
    }

    /** The return {@code k} steps back (0 = latest). */
    private double back(int k) {
        return ring[(int) ((returns - 1 - k) % memory)];
    }

    @Override
    public int size() {
        return lags + 1;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public boolean isReady() {
        return returns >= memory;
    }

    /** Bars (closes) needed before the first ready row: {@code max(lags, volWindow) + 1}. */
    public int warmUpCloses() {
        return memory + 1;
    }

    @Override
    public void write(double[] out) {
        if (!isReady()) {
            java.util.Arrays.fill(out, 0, size(), Double.NaN);
            return;
        }
        for (int k = 0; k < lags; k++) {
            out[k] = back(k);
        }
        double mean = 0;
        for (int k = 0; k < volWindow; k++) {
            mean += back(k);
        }
        mean /= volWindow;
        double ss = 0;
        for (int k = 0; k < volWindow; k++) {
            double d = back(k) - mean;
            ss += d * d;
        }
        out[lags] = Math.sqrt(ss / (volWindow - 1));
    }

    /**
     * Batch form: one row per close (row {@code t} = the features after close {@code t}), NaN rows during warm-up.
     *
     * @param close closes, not modified
     * @return a new {@code n x size()} array
     */
    public static double[][] rows(double[] close, int lags, int volWindow) {
        ReturnLagFeatures f = new ReturnLagFeatures(lags, volWindow);
        double[][] out = new double[close.length][f.size()];
        for (int t = 0; t < close.length; t++) {
            f.update(close[t]);
            f.write(out[t]);
        }
        return out;
    }

    @Override
    public String toString() {
        return "ReturnLagFeatures[lags=" + lags + ", volWindow=" + volWindow + "]";
    }
}
