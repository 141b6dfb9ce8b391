package io.qtrade.core.time;

import java.time.Instant;

/**
 * The wall clock in epoch nanoseconds, for paper and live trading.
 *
 * <p>{@code System.currentTimeMillis()} has millisecond resolution and can step; {@code System.nanoTime()} is
 * monotonic but has no epoch. This clock anchors {@code nanoTime} to the epoch once, at construction:
 * <pre>{@code
 * now = nanoTime() + (epochNanosAtStart - nanoTimeAtStart)
 * }</pre>
 * so it is monotonic, has nanoTime's resolution and allocates nothing per call. It drifts from the system's
 * wall clock as NTP adjusts the latter; create a new one to re-anchor.
 */
public final class SystemClock implements Clock {

    private final long offsetNanos;

    public SystemClock() {
        Instant now = Instant.now();
        long epochNanos = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        this.offsetNanos = epochNanos - System.nanoTime();
    }

    @Override
    public long nowNanos() {
        return System.nanoTime() + offsetNanos;
    }

    @Override
    public String toString() {
        return "SystemClock[anchored to the epoch at construction]";
    }
}
