package io.qtrade.store.ingest;

/**
 * The unit of an integer epoch timestamp in a vendor file, and its conversion to epoch nanoseconds.
 *
 * <p>{@link #AUTO} decides per value by magnitude, which is unambiguous for any instant between 1973 and 2286:
 * <pre>{@code
 * v <  10^14            milliseconds   (10^14 ms is the year 5138)
 * 10^14 <= v < 10^17    microseconds   (10^14 us is 1973-03-03)
 * v >= 10^17            nanoseconds    (10^17 ns is 1973-03-03)
 * }</pre>
 * Binance switched its spot public data from milliseconds to microseconds on 2025-01-01; {@code AUTO} reads both.
 */
public enum EpochUnit {
    MILLIS,
    MICROS,
    NANOS,
    AUTO;

    private static final long MICROS_FROM = 100_000_000_000_000L;
    private static final long NANOS_FROM = 100_000_000_000_000_000L;

    /**
     * {@code value} in this unit as epoch nanoseconds.
     *
     * @throws ArithmeticException when the result overflows a {@code long}
     */
    public long toNanos(long value) {
        return switch (this) {
            case MILLIS -> Math.multiplyExact(value, 1_000_000L);
            case MICROS -> Math.multiplyExact(value, 1_000L);
            case NANOS -> value;
            case AUTO -> resolve(value).toNanos(value);
        };
    }

    /** The unit {@link #AUTO} picks for {@code value}; other units return themselves. */
    public EpochUnit resolve(long value) {
        if (this != AUTO) {
            return this;
        }
        long v = Math.abs(value);
        return v < MICROS_FROM ? MILLIS : v < NANOS_FROM ? MICROS : NANOS;
    }
}
