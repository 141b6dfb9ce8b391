package io.qtrade.store.ingest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecimalsTest {

    @Property
    void parsesEveryDecimalToTheSameDoubleAsTheJdk(@ForAll @LongRange(min = -999_999_999_999_999L,
            max = 999_999_999_999_999L) long unscaled, @ForAll @IntRange(min = 0, max = 12) int scale) {
        String text = new BigDecimal(java.math.BigInteger.valueOf(unscaled), scale).toPlainString();
        assertThat(Decimals.parseDouble(text, 0, text.length())).isEqualTo(Double.parseDouble(text));
    }

    @Test
    void longMantissasAndExponentsFallBackToTheJdkValue() {
        for (String s : new String[]{"12345678901234567890.123", "1e-05", "2.5E3", "0.000000000000000000000001234",
                "9007199254740993", ".5", "5.", "-0.0", "+7"}) {
            assertThat(Decimals.parseDouble(s, 0, s.length())).as(s).isEqualTo(Double.parseDouble(s));
        }
    }

    @Test
    void refusesNanInfinityBlanksAndGarbageAsNan() {
        for (String s : new String[]{"NaN", "Infinity", "-Infinity", "", " 1", "1 ", "1.2.3", "0x10", "abc", "1e",
                "-", ".", "1e400"}) {
            assertThat(Decimals.parseDouble(s, 0, s.length())).as(s).isNaN();
        }
    }

    @Test
    void parsesLongsIncludingTheExtremesAndRefusesOverflow() {
        assertThat(Decimals.parseLong("9223372036854775807", 0, 19)).isEqualTo(Long.MAX_VALUE);
        assertThat(Decimals.parseLong("-9223372036854775808", 0, 20)).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> Decimals.parseLong("9223372036854775808", 0, 19))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Decimals.parseLong("12a", 0, 3)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void secondsWithNanosecondDecimalsConvertExactly() {
        // 34200.004241176 s = 34200 * 10^9 + 004241176 ns, no binary rounding.
        assertThat(Decimals.parseSecondsAsNanos("34200.004241176", 0, 15)).isEqualTo(34_200_004_241_176L);
        assertThat(Decimals.parseSecondsAsNanos("34200.5", 0, 7)).isEqualTo(34_200_500_000_000L);
        assertThat(Decimals.parseSecondsAsNanos("57600", 0, 5)).isEqualTo(57_600_000_000_000L);
        assertThatThrownBy(() -> Decimals.parseSecondsAsNanos("1.0123456789", 0, 12))
                .isInstanceOf(NumberFormatException.class);
    }

    @Test
    void epochUnitAutoTellsMillisFromMicrosByMagnitude() {
        assertThat(EpochUnit.AUTO.toNanos(1_704_067_200_000L)).isEqualTo(1_704_067_200_000_000_000L);
        assertThat(EpochUnit.AUTO.toNanos(1_735_689_600_000_123L)).isEqualTo(1_735_689_600_000_123_000L);
        assertThat(EpochUnit.AUTO.toNanos(1_735_689_600_000_123_456L)).isEqualTo(1_735_689_600_000_123_456L);
    }

    @Test
    void nineteenAndMoreSignificantDigitsNeverOverflowTheMantissa() {
        // Each was read wrong before: the 19th digit overflowed the long mantissa and flipped the sign.
        assertThat(Decimals.parseDouble("-0.9999999999999999999", 0, 22)).isEqualTo(-0.9999999999999999999);
        assertThat(Decimals.parseDouble("-9223372036854775808", 0, 20)).isEqualTo(-9.223372036854775808e18);
        assertThat(Decimals.parseDouble("95000.500000000000000000", 0, 24)).isEqualTo(95000.5);
        assertThat(Decimals.parseDouble("9999999999999999999", 0, 19)).isEqualTo(1e19);
    }

    @Test
    void refusesNonZeroValuesThatUnderflowOrOverflowADouble() {
        // 4.9e-324 is a subnormal (one bit of precision); 1e-400 rounds to zero; 1.8e308 rounds to infinity.
        for (String s : new String[]{"4.9e-324", "1e-400", "-2e-310", "1.8e308", "-1e309"}) {
            assertThat(Decimals.parseDouble(s, 0, s.length())).as(s).isNaN();
        }
        assertThat(Decimals.parseDouble("0e-400", 0, 6)).isEqualTo(0.0);
        assertThat(Decimals.parseDouble("2.2250738585072014e-308", 0, 23)).isEqualTo(Double.MIN_NORMAL);
    }

    /** Digit strings of any length, with a sign, a decimal point and an exponent in any place. */
    @Property(tries = 2000)
    void agreesWithBigDecimalOnDigitStringsOfAnyLength(@ForAll("decimalText") String text) {
        double expected = new BigDecimal(text).doubleValue();
        boolean zero = new BigDecimal(text).signum() == 0;
        double parsed = Decimals.parseDouble(text, 0, text.length());
        if (!Double.isFinite(expected) || (!zero && Math.abs(expected) < Double.MIN_NORMAL)) {
            assertThat(parsed).as(text).isNaN();
        } else {
            assertThat(parsed).as(text).isEqualTo(expected);
        }
    }

    @Provide
    Arbitrary<String> decimalText() {
        Arbitrary<String> sign = Arbitraries.of("", "-", "+");
        Arbitrary<String> whole = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(60);
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(0).ofMaxLength(60).map(f -> "." + f));
        Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(-400, 400).map(e -> "e" + e));
        return Combinators.combine(sign, whole, fraction, exponent).as((a, b, c, d) -> a + b + c + d);
    }
}
