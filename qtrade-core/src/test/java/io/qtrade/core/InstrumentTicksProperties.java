package io.qtrade.core;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Instrument#toTicks(double)} takes a faster route than its documented formula
 * {@code Math.round(price * 10^scale / unscaled)} (no division for an unscaled tick of 1, {@code rint} instead of
 * {@code Math.round}); these properties pin it to that formula bit for bit, halves and extremes included.
 */
class InstrumentTicksProperties {

    private static final Instrument CENT = Instrument.spot("AAA", "SYN", 0.01, 1);        // 10^scale 100, unscaled 1
    private static final Instrument QUARTER = Instrument.spot("BBB", "SYN", 0.25, 1);     // 10^scale 100, unscaled 25

    @Property(tries = 2000)
    void roundHalfUpIsMathRoundForAnyDouble(@ForAll double x) {
        assertThat(Instrument.roundHalfUp(x)).isEqualTo(Math.round(x));
    }

    @Property(tries = 2000)
    void roundHalfUpIsMathRoundOnEveryHalf(@ForAll @LongRange(min = -(1L << 51), max = 1L << 51) long k) {
        double half = k + 0.5; // exact below 2^52
        assertThat(Instrument.roundHalfUp(half)).isEqualTo(Math.round(half));
        assertThat(Instrument.roundHalfUp(-half)).isEqualTo(Math.round(-half));
    }

    @Property(tries = 2000)
    void toTicksFollowsTheDocumentedFormula(@ForAll @DoubleRange(min = -1e9, max = 1e9) double price) {
        assertThat(CENT.toTicks(price)).isEqualTo(Math.round(price * 100.0 / 1));
        assertThat(QUARTER.toTicks(price)).isEqualTo(Math.round(price * 100.0 / 25));
    }

    @Test
    void toTicksRoundsHalvesUpAsMathRound() {
        // 100.005 is not exact in binary; 0.125 and -0.125 are: 12.5 and -12.5 cents give 13 and -12 ticks.
        assertThat(CENT.toTicks(0.125)).isEqualTo(13);
        assertThat(CENT.toTicks(-0.125)).isEqualTo(-12);
        assertThat(QUARTER.toTicks(0.375)).isEqualTo(2);     // 1.5 quarters
        assertThat(QUARTER.toTicks(0.125)).isEqualTo(1);     // 0.5 quarters: rint would give 0
        assertThat(Instrument.roundHalfUp(Double.NaN)).isZero();
        assertThat(Instrument.roundHalfUp(Double.POSITIVE_INFINITY)).isEqualTo(Long.MAX_VALUE);
        assertThat(Instrument.roundHalfUp(Double.NEGATIVE_INFINITY)).isEqualTo(Long.MIN_VALUE);
        assertThat(Instrument.roundHalfUp(0x1p62)).isEqualTo(1L << 62);
    }
}
