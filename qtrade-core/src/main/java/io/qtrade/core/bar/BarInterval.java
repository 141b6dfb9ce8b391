package io.qtrade.core.bar;

import java.time.Duration;
import java.util.Objects;

/**
 * The time a bar covers, as a count of a calendar unit: {@code 1m}, {@code 5m}, {@code 1h}, {@code 1d}, {@code 1w},
 * {@code 1M}. The label is the one written in a bar store's Hive path ({@code interval=1d}) and used by Binance's
 * kline files; {@code M} (month) is upper case, {@code m} (minute) lower case, as there.
 *
 * <p>A day, week or month bar is a session of an exchange in its own time zone (an NSE day runs 09:15 to 15:30
 * Asia/Kolkata, not a UTC day), so its length in nanoseconds is not fixed: {@link #nominalNanos()} is the nominal
 * length (a day is 24 h, a month 30 days), for sizing and annualisation only; bar times always come from the data.
 *
 * @param count how many units, positive
 * @param unit  the unit
 */
public record BarInterval(int count, Unit unit) {

    /** The unit of a bar interval, with its label letter. */
    public enum Unit {
        SECOND("s", 1_000_000_000L),
        MINUTE("m", 60_000_000_000L),
        HOUR("h", 3_600_000_000_000L),
        DAY("d", 86_400_000_000_000L),
        WEEK("w", 7 * 86_400_000_000_000L),
        MONTH("M", 30 * 86_400_000_000_000L);

        private final String letter;
        private final long nominalNanos;

        Unit(String letter, long nominalNanos) {
            this.letter = letter;
            this.nominalNanos = nominalNanos;
        }

        /** The label letter: {@code s m h d w M}. */
        public String letter() {
            return letter;
        }

        /** Nominal length of one unit, nanoseconds (a month is 30 days). */
        public long nominalNanos() {
            return nominalNanos;
        }
    }

    /** One minute. */
    public static final BarInterval ONE_MINUTE = new BarInterval(1, Unit.MINUTE);
    /** One hour. */
    public static final BarInterval ONE_HOUR = new BarInterval(1, Unit.HOUR);
    /** One trading day (a session). */
    public static final BarInterval ONE_DAY = new BarInterval(1, Unit.DAY);

    public BarInterval {
        Objects.requireNonNull(unit, "bar interval: unit");
        if (count <= 0) {
            throw new IllegalArgumentException("bar interval: count must be positive, was " + count);
        }
    }

    /**
     * Parses a label such as {@code 1m}, {@code 15m}, {@code 4h}, {@code 1d}, {@code 1w}, {@code 1M}.
     *
     * @throws IllegalArgumentException naming the label and the accepted form
     */
    public static BarInterval parse(String label) {
        Objects.requireNonNull(label, "bar interval label");
        if (label.length() >= 2) {
            String letter = label.substring(label.length() - 1);
            String digits = label.substring(0, label.length() - 1);
            if (digits.chars().allMatch(Character::isDigit) && digits.length() <= 6) {
                for (Unit u : Unit.values()) {
                    if (u.letter.equals(letter)) {
                        int n = Integer.parseInt(digits);
                        if (n > 0) {
                            return new BarInterval(n, u);
                        }
                    }
                }
            }
        }
        throw new IllegalArgumentException("bar interval '" + label + "' is not <count><unit> with a positive count"
                + " and unit one of s, m, h, d, w, M (e.g. 1m, 5m, 1h, 1d)");
    }

    /** The label, e.g. {@code 5m}: {@code count} then the unit letter. */
    public String label() {
        return count + unit.letter;
    }

    /** {@code count * unit.nominalNanos()}: the nominal length, nanoseconds. */
    public long nominalNanos() {
        return count * unit.nominalNanos;
    }

    /** {@link #nominalNanos()} as a {@link Duration}. */
    public Duration nominalDuration() {
        return Duration.ofNanos(nominalNanos());
    }

    /** Whether the interval is a fixed span of clock time (seconds, minutes, hours) rather than a session. */
    public boolean isIntraday() {
        return unit.compareTo(Unit.DAY) < 0;
    }

    @Override
    public String toString() {
        return label();
    }
}
