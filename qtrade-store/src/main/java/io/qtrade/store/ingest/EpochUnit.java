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
 *
 * <p>Every importer and frame parser converts a vendor time with {@link #toPlausibleNanos} (or checks one it built
 * itself with {@link #requirePlausible}): the conversion is exact ({@code Math.multiplyExact}, never a wrapped
 * value) and the result must lie in the plausible range
 * <pre>{@code
 * MIN_PLAUSIBLE_NANOS = 0                              1970-01-01T00:00:00Z, inclusive
 * MAX_PLAUSIBLE_NANOS = 7_258_118_400_000_000_000      2200-01-01T00:00:00Z, exclusive
 * }</pre>
 * so that an overflowed, negative or otherwise absurd time is refused where it is read (the caller adds the file,
 * line or frame and the field to the message) instead of becoming a wrong date.
 */
public enum EpochUnit {
    MILLIS,
    MICROS,
    NANOS,
    AUTO;

    /** The earliest plausible vendor time, epoch ns: 1970-01-01T00:00:00Z (inclusive). */
    public static final long MIN_PLAUSIBLE_NANOS = 0L;
    /** The end of the plausible vendor times, epoch ns: 2200-01-01T00:00:00Z (exclusive), 7,258,118,400 s. */
    public static final long MAX_PLAUSIBLE_NANOS = 7_258_118_400_000_000_000L;

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

    /**
     * {@code value} in this unit as epoch nanoseconds, exactly, within the plausible range.
     *
     * @throws IllegalArgumentException when the conversion overflows or the time lies outside
     *                                  [{@link #MIN_PLAUSIBLE_NANOS}, {@link #MAX_PLAUSIBLE_NANOS}); the message
     *                                  names the value, its unit and the range, the caller adds where it was read
     */
    public long toPlausibleNanos(long value) {
        long nanos;
        try {
            nanos = toNanos(value);
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException(value + " " + unitName(value) + " overflows epoch nanoseconds: "
                    + rangeText());
        }
        if (nanos < MIN_PLAUSIBLE_NANOS || nanos >= MAX_PLAUSIBLE_NANOS) {
            throw new IllegalArgumentException(value + " " + unitName(value) + " is " + instantText(nanos)
                    + ", outside the plausible " + rangeText());
        }
        return nanos;
    }

    /**
     * {@code nanos} itself when it lies in [{@link #MIN_PLAUSIBLE_NANOS}, {@link #MAX_PLAUSIBLE_NANOS}).
     *
     * @throws IllegalArgumentException otherwise, naming the value and the range
     */
    public static long requirePlausible(long nanos) {
        return NANOS.toPlausibleNanos(nanos);
    }

    private String unitName(long value) {
        return switch (resolve(value)) {
            case MILLIS -> "ms";
            case MICROS -> "us";
            default -> "ns";
        };
    }

    private static String instantText(long nanos) {
        return java.time.Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos,
                1_000_000_000L)).toString();
    }

    private static String rangeText() {
        return "range of epoch times [1970-01-01T00:00:00Z, 2200-01-01T00:00:00Z)";
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
