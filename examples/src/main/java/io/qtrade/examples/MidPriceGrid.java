package io.qtrade.examples;

import java.util.Arrays;

/**
 * One instrument's mid price sampled on an epoch-aligned time grid by previous-tick sampling:
 * <pre>{@code
 * g_k  = k * stepNanos                                   (k integer, epoch-aligned)
 * P(g) = mid after the last book event with ts <= g       (ties: the later event)
 * }</pre>
 * Grid points before the first event are not sampled; a point where a side of the book was empty holds
 * {@code NaN}. Feed {@link #beforeEvent(long)} before each book event and {@link #afterEvent(long, double)} after it.
 */
final class MidPriceGrid {

    private final long stepNanos;
    private long firstIndex = Long.MIN_VALUE;
    private long nextIndex;
    private double mid = Double.NaN;
    private double[] values = new double[1024];
    private int size;

    /** @param stepNanos grid spacing, {@code > 0} */
    MidPriceGrid(long stepNanos) {
        if (stepNanos <= 0) {
            throw new IllegalArgumentException("stepNanos = " + stepNanos + ", expected > 0");
        }
        this.stepNanos = stepNanos;
    }

    /** Samples the mid in force before an event at {@code tsNanos} on every grid point {@code < tsNanos}. */
    void beforeEvent(long tsNanos) {
        if (firstIndex == Long.MIN_VALUE) {
            return;
        }
        // Grid points strictly before ts see the state before this event.
        fillThrough(Math.floorDiv(tsNanos - 1, stepNanos));
    }

    /** Records the mid after an event at {@code tsNanos} ({@code NaN} when a side is empty). */
    void afterEvent(long tsNanos, double midAfter) {
        if (firstIndex == Long.MIN_VALUE) {
            // The first grid point this instrument can sample: the first one at or after its first event.
            firstIndex = Math.floorDiv(tsNanos + stepNanos - 1, stepNanos);
            nextIndex = firstIndex;
        }
        mid = midAfter;
    }

    /** Samples every grid point {@code <= tsNanos} (call at the end of the data with its last timestamp). */
    void finish(long tsNanos) {
        if (firstIndex != Long.MIN_VALUE) {
            fillThrough(Math.floorDiv(tsNanos, stepNanos));
        }
    }

    private void fillThrough(long lastIndex) {
        while (nextIndex <= lastIndex) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = mid;
            nextIndex++;
        }
    }

    /** Index {@code k} of the first sampled grid point ({@code Long.MIN_VALUE} before any event). */
    long firstIndex() {
        return firstIndex;
    }

    /** Number of sampled grid points. */
    int size() {
        return size;
    }

    /** The mid at grid point {@code k}, which must lie in {@code [firstIndex, firstIndex + size)}. */
    double at(long k) {
        return values[(int) (k - firstIndex)];
    }

    /** Grid spacing in nanoseconds. */
    long stepNanos() {
        return stepNanos;
    }

    @Override
    public String toString() {
        return "MidPriceGrid[stepNanos=" + stepNanos + ", firstIndex=" + firstIndex + ", size=" + size + "]";
    }
}
