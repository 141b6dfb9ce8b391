package io.qtrade.store.ingest;

/**
 * The backwards-time check of one file: a timestamp may fall behind the latest one seen so far by at most
 * {@code toleranceNanos}; such a timestamp is accepted as it is (never clamped) and the latest stays. Further back
 * is bad input.
 */
public final class TimeOrder {

    private final long toleranceNanos;
    private long latest = Long.MIN_VALUE;

    /** @param toleranceNanos how far time may step back, nanoseconds, {@code >= 0} */
    public TimeOrder(long toleranceNanos) {
        if (toleranceNanos < 0) {
            throw new IllegalArgumentException("toleranceNanos must be >= 0, was " + toleranceNanos);
        }
        this.toleranceNanos = toleranceNanos;
    }

    /**
     * Checks {@code ts} without recording it (so a line that later turns out bad leaves no trace).
     *
     * @return {@code null} when {@code ts} is acceptable, otherwise the problem to report
     */
    public String check(long ts) {
        if (latest != Long.MIN_VALUE && ts < latest - toleranceNanos) {
            return "time goes backwards: " + ts + " ns is " + (latest - ts) + " ns before the latest " + latest
                    + " ns, beyond the tolerance of " + toleranceNanos + " ns";
        }
        return null;
    }

    /** Records an accepted timestamp. */
    public void accept(long ts) {
        if (ts > latest) {
            latest = ts;
        }
    }

    /** The latest timestamp accepted, or {@link Long#MIN_VALUE} before the first. */
    public long latest() {
        return latest;
    }

    @Override
    public String toString() {
        return "TimeOrder[toleranceNanos=" + toleranceNanos + ", latest=" + latest + "]";
    }
}
