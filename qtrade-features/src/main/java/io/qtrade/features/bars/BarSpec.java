package io.qtrade.features.bars;

import java.time.Duration;

/**
 * When a bar closes. With trades {@code (ts_i, p_i, q_i)} of a bar {@code i = 1..n} and contract multiplier
 * {@code c}:
 * <pre>{@code
 * TIME     all trades with floor(ts / periodNanos) = k; the bar covers [k * period, (k+1) * period)
 * TICK     closes at the trade where n          >= threshold   (threshold trades)
 * VOLUME   closes at the trade where sum q_i    >= threshold   (threshold in quantity units)
 * DOLLAR   closes at the trade where sum p_i q_i c >= threshold (threshold in quote currency)
 * }</pre>
 * Trades are not split: the trade that reaches a volume or dollar threshold belongs wholly to the bar it closes, so
 * such a bar may exceed the threshold by less than one trade. These are the four "standard bars" of López de Prado
 * [1, chapter 2]; tick, volume and dollar bars sample more often when more is traded.
 *
 * <p>[1] M. López de Prado (2018), "Advances in Financial Machine Learning", Wiley, chapter 2.
 *
 * @param type        the bar type
 * @param threshold   nanoseconds for {@code TIME}, trades for {@code TICK}, quantity for {@code VOLUME}, notional
 *                    for {@code DOLLAR}; finite and {@code > 0} (a whole number for {@code TIME} and {@code TICK})
 */
public record BarSpec(BarType type, double threshold) {

    /** The kind of bar. */
    public enum BarType {
        /** Fixed clock intervals. */
        TIME,
        /** A fixed number of trades. */
        TICK,
        /** A fixed traded quantity. */
        VOLUME,
        /** A fixed traded notional. */
        DOLLAR
    }

    /**
     * @throws IllegalArgumentException for a null type or a threshold that is not finite and positive, or not whole
     *                                  for {@code TIME} and {@code TICK}
     */
    public BarSpec {
        if (type == null) {
            throw new IllegalArgumentException("bar type must not be null");
        }
        if (!(threshold > 0.0) || threshold == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(type + " bar threshold must be finite and > 0, was " + threshold);
        }
        if ((type == BarType.TIME || type == BarType.TICK) && (threshold != Math.rint(threshold)
                || threshold > Long.MAX_VALUE / 2.0)) {
            throw new IllegalArgumentException(type + " bar threshold must be a whole number of "
                    + (type == BarType.TIME ? "nanoseconds" : "trades") + ", was " + threshold);
        }
    }

    /** Time bars of {@code period} (at least 1 ns), aligned on the epoch. */
    public static BarSpec time(Duration period) {
        return new BarSpec(BarType.TIME, period.toNanos());
    }

    /** Bars of {@code trades} trades. */
    public static BarSpec ticks(long trades) {
        return new BarSpec(BarType.TICK, trades);
    }

    /** Bars of at least {@code qty} traded quantity. */
    public static BarSpec volume(double qty) {
        return new BarSpec(BarType.VOLUME, qty);
    }

    /** Bars of at least {@code notional} traded notional ({@code price * qty * contractMultiplier}). */
    public static BarSpec dollar(double notional) {
        return new BarSpec(BarType.DOLLAR, notional);
    }
}
