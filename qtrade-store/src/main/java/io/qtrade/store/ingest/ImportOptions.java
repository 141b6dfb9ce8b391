package io.qtrade.store.ingest;

/**
 * How an importer treats bad input and time, shared by every vendor importer.
 *
 * <ul>
 *   <li>{@code lenient}: {@code false} (the default) throws an {@link ImportException} at the first bad line;
 *       {@code true} skips the line, counts it and logs it at WARN with the same message ({@link SkipCounter}).
 *       Nothing is dropped silently either way.</li>
 *   <li>{@code backwardsToleranceNanos}: how far a timestamp may go back behind the latest one seen in the same file
 *       and still be accepted (kept as it is, not clamped); further back is bad input. Default 0: time must not go
 *       back at all.</li>
 *   <li>{@code assumedFeedLatencyNanos}: for files that carry only the venue's timestamp (Binance public data,
 *       LOBSTER, Kite candles), {@code localTs = exchTs + assumedFeedLatencyNanos}. Default 0: the event is taken as
 *       seen the instant the venue stamped it. Each such importer logs the assumption once when it opens a file.</li>
 *   <li>{@code stagingRows}: the most rows one venue message may expand to (a book snapshot); the importer stages
 *       one message at a time in a batch of this many rows. Default {@value #DEFAULT_STAGING_ROWS}.</li>
 * </ul>
 *
 * @param lenient                 skip (count, log) bad lines instead of throwing
 * @param backwardsToleranceNanos how far time may step back, nanoseconds, {@code >= 0}
 * @param assumedFeedLatencyNanos venue-to-local latency assumed where the file has no local time, {@code >= 0}
 * @param stagingRows             most rows one message may expand to, positive
 */
public record ImportOptions(boolean lenient, long backwardsToleranceNanos, long assumedFeedLatencyNanos,
                            int stagingRows) {

    /** The default staging size: a message of up to this many rows. */
    public static final int DEFAULT_STAGING_ROWS = 1 << 16;

    /** Strict mode, no backwards time, no assumed latency. */
    public static final ImportOptions STRICT = new ImportOptions(false, 0L, 0L, DEFAULT_STAGING_ROWS);

    /** Lenient mode, otherwise as {@link #STRICT}. */
    public static final ImportOptions LENIENT = new ImportOptions(true, 0L, 0L, DEFAULT_STAGING_ROWS);

    /** Checks the values. */
    public ImportOptions {
        if (backwardsToleranceNanos < 0) {
            throw new IllegalArgumentException("backwardsToleranceNanos must be >= 0, was " + backwardsToleranceNanos);
        }
        if (assumedFeedLatencyNanos < 0) {
            throw new IllegalArgumentException("assumedFeedLatencyNanos must be >= 0, was " + assumedFeedLatencyNanos);
        }
        if (stagingRows <= 0) {
            throw new IllegalArgumentException("stagingRows must be positive, was " + stagingRows);
        }
    }

    /** These options with {@code lenient} changed. */
    public ImportOptions withLenient(boolean value) {
        return new ImportOptions(value, backwardsToleranceNanos, assumedFeedLatencyNanos, stagingRows);
    }

    /** These options with {@code backwardsToleranceNanos} changed. */
    public ImportOptions withBackwardsToleranceNanos(long value) {
        return new ImportOptions(lenient, value, assumedFeedLatencyNanos, stagingRows);
    }

    /** These options with {@code assumedFeedLatencyNanos} changed. */
    public ImportOptions withAssumedFeedLatencyNanos(long value) {
        return new ImportOptions(lenient, backwardsToleranceNanos, value, stagingRows);
    }

    /** These options with {@code stagingRows} changed. */
    public ImportOptions withStagingRows(int value) {
        return new ImportOptions(lenient, backwardsToleranceNanos, assumedFeedLatencyNanos, value);
    }
}
