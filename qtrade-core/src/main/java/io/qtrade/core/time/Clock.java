package io.qtrade.core.time;

/**
 * The source of "now" for strategies and engines, in epoch nanoseconds, UTC.
 *
 * <p>A backtest drives a {@link SimulatedClock} that jumps to each event's time; paper and live trading use a
 * {@link SystemClock}. Code that reads the time through this interface runs unchanged in both.
 */
@FunctionalInterface
public interface Clock {

    /** Nanoseconds since the Unix epoch, UTC. */
    long nowNanos();
}
