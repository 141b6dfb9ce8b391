package io.qtrade.ml.label;

import java.util.Arrays;

/**
 * The symmetric CUSUM filter (Lopez de Prado, AFML ch. 2.5.2.1, snippet 2.4): samples an event when the cumulative
 * drift since the last event exceeds a threshold, so labels start where something happened instead of on every bar.
 *
 * <pre>{@code
 * S+_t = max(0, S+_{t-1} + x_t),   S-_t = min(0, S-_{t-1} + x_t),   S+_0 = S-_0 = 0
 * if S-_t < -h:  S-_t = 0, event at t
 * else if S+_t > h:  S+_t = 0, event at t
 * }</pre>
 *
 * {@code x_t} is the increment into bar {@code t}: AFML uses price differences; {@link #onLogReturns} uses
 * {@code ln(c_t / c_{t-1})}, which makes {@code h} a return. Streaming ({@link #update}, O(1)) and batch forms agree.
 */
public final class CusumFilter {
    private final double threshold;
    private double up;
    private double down;

    /** @param threshold {@code h > 0} */
    public CusumFilter(double threshold) {
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be positive and finite, got " + threshold);
        }
        this.threshold = threshold;
    }

    /**
     * Adds one increment.
     *
     * @return true when this bar is an event
     */
    public boolean update(double increment) {
        up = Math.max(0, up + increment);
        down = Math.min(0, down + increment);
        if (down < -threshold) {
            down = 0;
            return true;
        }
        if (up > threshold) {
            up = 0;
            return true;
        }
        return false;
    }

    /** The event bars of a close series filtered on log returns (bar 0 has no return and is never an event). */
    public static int[] onLogReturns(double[] close, double threshold) {
        CusumFilter f = new CusumFilter(threshold);
        int[] events = new int[close.length];
        int m = 0;
        for (int t = 1; t < close.length; t++) {
            EwmVolatility.requirePositive(close, t);
            if (f.update(Math.log(close[t] / close[t - 1]))) {
                events[m++] = t;
            }
        }
        return Arrays.copyOf(events, m);
    }

    /** The event bars of a series filtered on its differences {@code x_t - x_{t-1}} (AFML's form on prices). */
    public static int[] onDifferences(double[] series, double threshold) {
        CusumFilter f = new CusumFilter(threshold);
        int[] events = new int[series.length];
        int m = 0;
        for (int t = 1; t < series.length; t++) {
            if (f.update(series[t] - series[t - 1])) {
                events[m++] = t;
            }
        }
        return Arrays.copyOf(events, m);
    }

    @Override
    public String toString() {
        return "CusumFilter[threshold=" + threshold + "]";
    }
}
