package io.qtrade.store;

/**
 * How a tick file is read: which time range, how strictly, and how far time may go backwards.
 *
 * @param fromNanos          first {@code exch_ts} kept, inclusive, epoch ns UTC
 * @param toNanos            end of the range, exclusive, epoch ns UTC
 * @param lenient            {@code false} (the default): the first bad row raises a {@link TickDataException};
 *                           {@code true}: a bad row is skipped, counted ({@code skippedRows()} on the reader) and
 *                           logged at WARN. Nothing is dropped silently either way.
 * @param maxBackwardsNanos  how far {@code exch_ts} may fall below the largest {@code exch_ts} seen before in the
 *                           same file and still count as good (0: never; a row within the tolerance is passed on
 *                           unchanged), ns, >= 0. Rows passed within the tolerance are out of order:
 *                           reading several instruments through {@link TickStore#read} merges them with core's
 *                           {@code MergedEventSource}, which refuses such a row with an
 *                           {@code OutOfOrderEventException}; read one instrument at a time, or re-sort, to keep them.
 */
public record TickReadOptions(long fromNanos, long toNanos, boolean lenient, long maxBackwardsNanos) {

    /** Every row, strict, time never backwards. */
    public static final TickReadOptions DEFAULT = new TickReadOptions(Long.MIN_VALUE, Long.MAX_VALUE, false, 0);

    /** @throws IllegalArgumentException when {@code toNanos <= fromNanos} or {@code maxBackwardsNanos < 0} */
    public TickReadOptions {
        if (toNanos <= fromNanos) {
            throw new IllegalArgumentException("toNanos (" + toNanos + ") must be after fromNanos (" + fromNanos
                    + "): the range is [fromNanos, toNanos)");
        }
        if (maxBackwardsNanos < 0) {
            throw new IllegalArgumentException("maxBackwardsNanos must be >= 0, was " + maxBackwardsNanos);
        }
    }

    /** These options restricted to {@code exch_ts} in {@code [fromNanos, toNanos)}. */
    public TickReadOptions withRange(long fromNanos, long toNanos) {
        return new TickReadOptions(fromNanos, toNanos, lenient, maxBackwardsNanos);
    }

    /** These options in lenient (count, log and skip) or strict (throw) mode. */
    public TickReadOptions withLenient(boolean lenient) {
        return new TickReadOptions(fromNanos, toNanos, lenient, maxBackwardsNanos);
    }

    /** These options with another backwards-time tolerance, ns. */
    public TickReadOptions withMaxBackwardsNanos(long maxBackwardsNanos) {
        return new TickReadOptions(fromNanos, toNanos, lenient, maxBackwardsNanos);
    }
}
