package io.qtrade.strategies.execution;

import java.util.Arrays;

/**
 * The slice grid shared by the time schedules: {@code n} slices of equal length over the parent's window, each with
 * a whole number of lots, and the cumulative targets. Slice {@code i} covers
 * <pre>{@code
 * [start + floor(i * D / n), start + floor((i + 1) * D / n))      D = end - start
 * }</pre>
 * (integer arithmetic, exact for any window). Immutable.
 */
final class TimeSlices {

    private final ParentOrder parent;
    private final long[] boundaryNanos;
    private final long[] sliceLots;
    private final long[] cumulativeLots;

    TimeSlices(ParentOrder parent, long[] sliceLots) {
        this.parent = parent;
        int n = sliceLots.length;
        long duration = parent.durationNanos();
        if (n < 1 || n > duration) {
            throw new IllegalArgumentException("slices " + n + " for " + parent.instrument().id()
                    + ": expected 1.." + duration + " (at most one per nanosecond of the window)");
        }
        this.sliceLots = sliceLots.clone();
        this.boundaryNanos = new long[n + 1];
        this.cumulativeLots = new long[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            if (sliceLots[i] < 0) {
                throw new IllegalArgumentException("slice " + i + " of " + parent.instrument().id() + " has "
                        + sliceLots[i] + " lots: expected >= 0");
            }
            sum += sliceLots[i];
            cumulativeLots[i] = sum;
            boundaryNanos[i] = parent.startNanos() + boundaryOffset(duration, i, n);
        }
        boundaryNanos[n] = parent.endNanos();
        if (sum != parent.lots()) {
            throw new IllegalArgumentException("slices of " + parent.instrument().id() + " sum to " + sum
                    + " lots, parent has " + parent.lots());
        }
    }

    /** {@code floor(i * D / n)} without overflow. */
    static long boundaryOffset(long duration, int i, int n) {
        return duration / n * i + duration % n * i / n;
    }

    /**
     * Cumulative rounding of fractions to lots: {@code cum_i = round(totalLots * (w_0 + .. + w_i))}, the last equal to
     * {@code totalLots}; each slice is within one lot of {@code totalLots * w_i} and the slices sum exactly.
     */
    static long[] apportion(long totalLots, double[] fractions) {
        long[] lots = new long[fractions.length];
        double cumulative = 0.0;
        long previous = 0;
        for (int i = 0; i < fractions.length; i++) {
            cumulative += fractions[i];
            long cum = i == fractions.length - 1 ? totalLots : Math.min(totalLots, Math.round(totalLots * cumulative));
            cum = Math.max(cum, previous);
            lots[i] = cum - previous;
            previous = cum;
        }
        return lots;
    }

    ParentOrder parent() {
        return parent;
    }

    int count() {
        return sliceLots.length;
    }

    /** Index of the slice containing {@code nowNanos}; -1 before the start, {@code count()} from the end on. */
    int sliceAt(long nowNanos) {
        if (nowNanos < boundaryNanos[0]) {
            return -1;
        }
        int n = sliceLots.length;
        if (nowNanos >= boundaryNanos[n]) {
            return n;
        }
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (boundaryNanos[mid] <= nowNanos) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    double targetQty(long nowNanos) {
        int i = sliceAt(nowNanos);
        if (i < 0) {
            return 0.0;
        }
        long lots = i >= sliceLots.length ? parent.lots() : cumulativeLots[i];
        return lots * parent.instrument().lotSize();
    }

    long sliceEndNanos(long nowNanos) {
        int i = sliceAt(nowNanos);
        if (i < 0) {
            return boundaryNanos[0];
        }
        return i >= sliceLots.length ? parent.endNanos() : boundaryNanos[i + 1];
    }

    long nextSliceStartNanos(long nowNanos) {
        int i = sliceAt(nowNanos);
        if (i < 0) {
            return boundaryNanos[0];
        }
        return i + 1 < sliceLots.length ? boundaryNanos[i + 1] : ExecutionSchedule.NO_SLICE;
    }

    long sliceStartNanos(int i) {
        return boundaryNanos[i];
    }

    double sliceQty(int i) {
        return sliceLots[i] * parent.instrument().lotSize();
    }

    long[] sliceLots() {
        return sliceLots.clone();
    }

    @Override
    public String toString() {
        return Arrays.toString(sliceLots);
    }
}
