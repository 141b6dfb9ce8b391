package io.qtrade.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Conversions between epoch nanoseconds, UTC, and {@code java.time}, for the edges of the API (never the hot path). */
public final class Timestamps {

    public static final long NANOS_PER_MICRO = 1_000L;
    public static final long NANOS_PER_MILLI = 1_000_000L;
    public static final long NANOS_PER_SECOND = 1_000_000_000L;
    public static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    public static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;
    public static final long NANOS_PER_DAY = 24 * NANOS_PER_HOUR;

    private Timestamps() {
    }

    /** Epoch nanoseconds of an instant. */
    public static long toEpochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }

    /** The instant of epoch nanoseconds. */
    public static Instant toInstant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND), Math.floorMod(epochNanos, NANOS_PER_SECOND));
    }

    /** Epoch nanoseconds of midnight UTC starting {@code date}. */
    public static long startOfDay(LocalDate date) {
        return Math.multiplyExact(date.atStartOfDay(ZoneOffset.UTC).toEpochSecond(), NANOS_PER_SECOND);
    }

    /** The UTC date containing epoch nanoseconds {@code epochNanos}. */
    public static LocalDate utcDate(long epochNanos) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochNanos, NANOS_PER_DAY));
    }
}
