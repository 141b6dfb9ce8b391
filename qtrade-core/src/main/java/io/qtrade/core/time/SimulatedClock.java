package io.qtrade.core.time;

/**
 * A clock that moves only when told to, and only forward: the backtest's clock, set to each event's timestamp.
 *
 * <p>Going back in time is a bug in the caller (an unordered stream, a timer scheduled in the past), so
 * {@link #advanceTo(long)} refuses it with a message giving both times rather than silently keeping the later one.
 */
public final class SimulatedClock implements Clock {

    private long nowNanos;

    /** A clock at {@code startNanos} (epoch nanoseconds). */
    public SimulatedClock(long startNanos) {
        this.nowNanos = startNanos;
    }

    @Override
    public long nowNanos() {
        return nowNanos;
    }

    /**
     * Moves the clock to {@code timeNanos}.
     *
     * @throws IllegalArgumentException if {@code timeNanos} is before the current time
     */
    public void advanceTo(long timeNanos) {
        if (timeNanos < nowNanos) {
            throw new IllegalArgumentException("simulated clock cannot go back: now " + nowNanos + " ns, asked for "
                    + timeNanos + " ns (" + (nowNanos - timeNanos) + " ns earlier)");
        }
        nowNanos = timeNanos;
    }

    /** Moves the clock forward by {@code deltaNanos}, which must be non-negative. */
    public void advanceBy(long deltaNanos) {
        if (deltaNanos < 0) {
            throw new IllegalArgumentException("deltaNanos must be >= 0, was " + deltaNanos);
        }
        nowNanos = Math.addExact(nowNanos, deltaNanos);
    }

    @Override
    public String toString() {
        return "SimulatedClock[nowNanos=" + nowNanos + "]";
    }
}
