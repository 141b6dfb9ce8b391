package io.qtrade.store.ingest;

import java.util.Locale;
import java.util.Objects;

/**
 * What an importer does with the recorder's local receive times when they disagree with the venue's event times
 * (a local clock behind the venue's gives {@code localTs < exchTs}: a negative feed latency, which a backtest refuses,
 * since a strategy cannot see an event before the venue sent it).
 *
 * <ul>
 *   <li>{@link Policy#KEEP}: local times are written as recorded; the skew is only reported
 *       ({@link ClockSkewReport}). The default: the data are not altered unless asked.</li>
 *   <li>{@link Policy#REMOVE_OFFSET}: the local clock is taken to run a constant offset behind the venue's. The
 *       offset is estimated over every input of the conversion as {@code d = minFeedLatencyNanos - min(localTs -
 *       exchTs)} when that minimum is below {@code minFeedLatencyNanos} (else {@code d = 0}), and
 *       {@code localTs + d} is written: the fastest message then has exactly the minimum latency, and every
 *       difference between two local times is kept. This is hftbacktest's {@code correct_local_timestamp(data,
 *       base_latency)} with {@code base_latency = minFeedLatencyNanos}.</li>
 *   <li>{@link Policy#CLAMP}: each message is stamped {@code max(localTs, exchTs + minFeedLatencyNanos)}: messages
 *       that would arrive faster than the minimum latency are delayed to it, the others kept. Local time
 *       differences between clamped messages are lost.</li>
 * </ul>
 * Messages without a venue time (a spot REST snapshot, a spot bookTicker) take no part in the estimate and are
 * shifted (REMOVE_OFFSET) or kept (CLAMP).
 *
 * @param policy              what to do
 * @param minFeedLatencyNanos the least venue-to-local latency believed possible, {@code >= 0} (REMOVE_OFFSET, CLAMP)
 */
public record ClockSkew(Policy policy, long minFeedLatencyNanos) {

    /** The choices, spelled as the {@code clock_skew=} option of {@code Convert}. */
    public enum Policy {
        /** Write local times as recorded; report the skew. */
        KEEP,
        /** Add one constant to every local time so the fastest message has the minimum latency. */
        REMOVE_OFFSET,
        /** Raise each local time to at least the venue time plus the minimum latency. */
        CLAMP;

        /** The option spelling: {@code keep}, {@code remove_offset}, {@code clamp}. */
        public String optionValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The policy of an option value.
         *
         * @throws IllegalArgumentException naming the values for another one
         */
        public static Policy fromOption(String value) {
            for (Policy p : values()) {
                if (p.optionValue().equals(value)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("option clock_skew=" + value + ": expected keep, remove_offset or"
                    + " clamp");
        }
    }

    /** Keep local times as recorded. */
    public static final ClockSkew KEEP = new ClockSkew(Policy.KEEP, 0);

    /** Checks the values. */
    public ClockSkew {
        Objects.requireNonNull(policy, "policy");
        if (minFeedLatencyNanos < 0) {
            throw new IllegalArgumentException("minFeedLatencyNanos must be >= 0, was " + minFeedLatencyNanos);
        }
    }

    /** The constant REMOVE_OFFSET adds to every local time, given the measured skew; 0 for other policies. */
    public long offsetNanos(ClockSkewReport measured) {
        if (policy != Policy.REMOVE_OFFSET || measured.messages() == 0
                || measured.minLatencyNanos() >= minFeedLatencyNanos) {
            return 0;
        }
        return Math.subtractExact(minFeedLatencyNanos, measured.minLatencyNanos());
    }
}
