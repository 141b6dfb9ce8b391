package io.qtrade.connectors.live;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Exponential backoff with jitter for reconnecting a dropped stream. The delay before attempt {@code n}
 * ({@code n = 0} for the first retry after a drop) is
 * <pre>{@code
 * cap_n   = min(maxDelayNanos, initialDelayNanos * multiplier^n)
 * delay_n = cap_n * (1 - jitterFraction * U_n),        U_n ~ Uniform[0, 1) from a SplittableRandom(seed)
 * }</pre>
 * so with {@code jitterFraction = 1} it is the "full jitter" of Brooker, "Exponential Backoff and Jitter" (AWS
 * Architecture Blog, 2015), which spreads the reconnects of many clients after a venue outage; with 0 it is plain
 * exponential backoff. {@link #delayNanos(int)} is a pure function of the seed's stream: a fresh
 * {@link #newSchedule()} replays the same delays, which is what makes reconnection tests deterministic.
 * After {@code maxAttempts} failed attempts in a row the client gives up.
 */
public final class ReconnectPolicy {

    /** Default first delay: 250 ms. */
    public static final long DEFAULT_INITIAL_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** Default delay cap: 30 s. */
    public static final long DEFAULT_MAX_DELAY_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Default growth per attempt. */
    public static final double DEFAULT_MULTIPLIER = 2.0;
    /** Default jitter: full jitter. */
    public static final double DEFAULT_JITTER_FRACTION = 1.0;
    /** Default attempts in a row before giving up. */
    public static final int DEFAULT_MAX_ATTEMPTS = 20;

    private final long initialDelayNanos;
    private final long maxDelayNanos;
    private final double multiplier;
    private final double jitterFraction;
    private final int maxAttempts;
    private final long seed;

    /**
     * @param initialDelayNanos delay cap of the first attempt, {@code > 0}
     * @param maxDelayNanos     largest delay, {@code >= initialDelayNanos}
     * @param multiplier        growth per attempt, {@code >= 1}
     * @param jitterFraction    share of the delay drawn at random, in {@code [0, 1]}
     * @param maxAttempts       attempts in a row before giving up, {@code > 0}
     * @param seed              seed of the jitter
     */
    public ReconnectPolicy(long initialDelayNanos, long maxDelayNanos, double multiplier, double jitterFraction,
                           int maxAttempts, long seed) {
        if (initialDelayNanos <= 0) {
            throw new IllegalArgumentException("initialDelayNanos must be > 0, was " + initialDelayNanos);
        }
        if (maxDelayNanos < initialDelayNanos) {
            throw new IllegalArgumentException("maxDelayNanos must be >= initialDelayNanos (" + initialDelayNanos
                    + "), was " + maxDelayNanos);
        }
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be finite and >= 1, was " + multiplier);
        }
        if (!(jitterFraction >= 0 && jitterFraction <= 1)) {
            throw new IllegalArgumentException("jitterFraction must be in [0, 1], was " + jitterFraction);
        }
        if (maxAttempts <= 0) {
            throw new IllegalArgumentException("maxAttempts must be > 0, was " + maxAttempts);
        }
        this.initialDelayNanos = initialDelayNanos;
        this.maxDelayNanos = maxDelayNanos;
        this.multiplier = multiplier;
        this.jitterFraction = jitterFraction;
        this.maxAttempts = maxAttempts;
        this.seed = seed;
    }

    /** The defaults (250 ms doubling to 30 s, full jitter, 20 attempts) with the given seed. */
    public static ReconnectPolicy defaults(long seed) {
        return new ReconnectPolicy(DEFAULT_INITIAL_DELAY_NANOS, DEFAULT_MAX_DELAY_NANOS, DEFAULT_MULTIPLIER,
                DEFAULT_JITTER_FRACTION, DEFAULT_MAX_ATTEMPTS, seed);
    }

    /** {@code cap_n = min(maxDelayNanos, initialDelayNanos * multiplier^n)}. */
    public long capNanos(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be >= 0, was " + attempt);
        }
        double cap = initialDelayNanos * Math.pow(multiplier, attempt);
        return cap >= maxDelayNanos ? maxDelayNanos : (long) cap;
    }

    /** Attempts in a row before giving up. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** A fresh schedule: the jitter stream restarts from the seed. */
    public Schedule newSchedule() {
        return new Schedule();
    }

    /**
     * The delays of one client: {@link #nextDelayNanos()} for each attempt, {@link #reset()} after a connection
     * that worked. Not thread-safe; one per connection loop.
     */
    public final class Schedule {
        private final SplittableRandom random = new SplittableRandom(seed);
        private int attempt;

        private Schedule() {
        }

        /** Whether another attempt is allowed. */
        public boolean hasNext() {
            return attempt < maxAttempts;
        }

        /**
         * The delay before the next attempt, nanoseconds.
         *
         * @throws IllegalStateException after {@code maxAttempts} attempts in a row
         */
        public long nextDelayNanos() {
            if (attempt >= maxAttempts) {
                throw new IllegalStateException("gave up after " + maxAttempts + " reconnection attempts in a row");
            }
            long cap = capNanos(attempt++);
            return (long) (cap * (1.0 - jitterFraction * random.nextDouble()));
        }

        /** Attempts since the last reset. */
        public int attempts() {
            return attempt;
        }

        /** Back to the first delay (the jitter stream goes on). */
        public void reset() {
            attempt = 0;
        }
    }

    @Override
    public String toString() {
        return "ReconnectPolicy[initialDelayNanos=" + initialDelayNanos + ", maxDelayNanos=" + maxDelayNanos
                + ", multiplier=" + multiplier + ", jitterFraction=" + jitterFraction + ", maxAttempts=" + maxAttempts
                + ", seed=" + seed + "]";
    }
}
