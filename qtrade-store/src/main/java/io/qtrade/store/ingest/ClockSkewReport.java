package io.qtrade.store.ingest;

import java.util.Arrays;
import java.util.Locale;

/**
 * The feed latency {@code localTs - exchTs} a recording shows, over the messages that carry a venue time: how many,
 * how many negative (the local clock behind the venue's), the median and the extremes, nanoseconds. Built with
 * {@link Accumulator}; the median is exact up to {@link Accumulator#SAMPLE_LIMIT} messages and taken from an evenly
 * strided sample beyond.
 *
 * @param messages          messages with a venue time
 * @param negative          of which {@code localTs < exchTs}
 * @param minLatencyNanos   the least latency ({@code Long.MAX_VALUE} with no message)
 * @param medianLatencyNanos the median latency (0 with no message)
 * @param maxLatencyNanos   the largest latency ({@code Long.MIN_VALUE} with no message)
 */
public record ClockSkewReport(long messages, long negative, long minLatencyNanos, long medianLatencyNanos,
                              long maxLatencyNanos) {

    /** Nothing measured. */
    public static final ClockSkewReport NONE = new ClockSkewReport(0, 0, Long.MAX_VALUE, 0, Long.MIN_VALUE);

    /** Whether some local time is before its venue time. */
    public boolean skewed() {
        return negative > 0;
    }

    /** One line for people: counts and the latencies in milliseconds. */
    public String describe() {
        if (messages == 0) {
            return "no message with a venue time";
        }
        return String.format(Locale.ROOT, "feed latency localTs - exchTs over %,d messages: median %.3f ms, min %.3f"
                        + " ms, max %.3f ms; %,d negative (local clock behind the venue's)", messages,
                medianLatencyNanos / 1e6, minLatencyNanos / 1e6, maxLatencyNanos / 1e6, negative);
    }

    /** Collects latencies. Not thread-safe. */
    public static final class Accumulator {

        /** Latencies kept for the median. */
        public static final int SAMPLE_LIMIT = 1 << 20;

        private long[] sample = new long[1024];
        private int kept;
        private long stride = 1;
        private long seen;
        private long negative;
        private long min = Long.MAX_VALUE;
        private long max = Long.MIN_VALUE;

        /** Adds one message's {@code localTs - exchTs}. */
        public void add(long latencyNanos) {
            if (seen % stride == 0) {
                if (kept == sample.length) {
                    if (kept < SAMPLE_LIMIT) {
                        sample = Arrays.copyOf(sample, kept * 2);
                    } else {
                        // keep every other sample and double the stride
                        for (int i = 0; i < kept / 2; i++) {
                            sample[i] = sample[2 * i];
                        }
                        kept /= 2;
                        stride *= 2;
                    }
                }
                if (seen % stride == 0) {
                    sample[kept++] = latencyNanos;
                }
            }
            seen++;
            if (latencyNanos < 0) {
                negative++;
            }
            min = Math.min(min, latencyNanos);
            max = Math.max(max, latencyNanos);
        }

        /** The report so far. */
        public ClockSkewReport report() {
            if (seen == 0) {
                return NONE;
            }
            long[] s = Arrays.copyOf(sample, kept);
            Arrays.sort(s);
            long median = s.length % 2 == 1 ? s[s.length / 2]
                    : s[s.length / 2 - 1] + (s[s.length / 2] - s[s.length / 2 - 1]) / 2;
            return new ClockSkewReport(seen, negative, min, median, max);
        }
    }
}
