package io.qtrade.risk.sizing;

import io.qtrade.core.Instrument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Hand-computed sizes; tolerances are a few ulps of the arithmetic. */
class SizingTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    private static final Instrument FUT = new Instrument("FUT", "SYN", 0.5, 1, 10);

    @Test
    void fixedFractionalRisksTheFractionOfEquityToTheStop() {
        FixedFractional sizing = new FixedFractional(0.01);
        // 1 % of 100_000 = 1000 at risk; FUT: |50 - 48| * 10 = 20 per unit -> 50.
        assertThat(sizing.qty(FUT, 100_000, 50, 48)).isEqualTo(50.0);
        // AAA: 1000 / |100 - 97| = 333.33 -> 333 (rounded down to the lot, never up).
        assertThat(sizing.qty(AAA, 100_000, 100, 97)).isEqualTo(333.0);
        // A short (stop above) sizes the same.
        assertThat(sizing.qty(AAA, 100_000, 100, 103)).isEqualTo(333.0);
        assertThatThrownBy(() -> sizing.qty(AAA, 100_000, 100, 100)).hasMessageContaining("must be finite and different");
        assertThatThrownBy(() -> new FixedFractional(1.5)).hasMessage(
                "fixed fractional: riskFraction must be in (0, 1], was 1.5");
    }

    @Test
    void kellyFromWinRateAndPayoff() {
        // f* = p - (1 - p) / b: 0.6 - 0.4 / 1 = 0.2; 0.55 - 0.45 / 2 = 0.325; 0.4 - 0.6 / 1 = -0.2 (no edge).
        assertThat(Kelly.fromWinRate(0.6, 1).fullFraction()).isCloseTo(0.2, within(1e-15));
        assertThat(Kelly.fromWinRate(0.55, 2).fullFraction()).isCloseTo(0.325, within(1e-15));
        assertThat(Kelly.fromWinRate(0.4, 1).fullFraction()).isCloseTo(-0.2, within(1e-15));
        // Half Kelly of 0.325 on 10_000 equity: 1625.
        assertThat(Kelly.fromWinRate(0.55, 2).notional(10_000, 0.5)).isCloseTo(1625.0, within(1e-9));
        assertThatThrownBy(() -> Kelly.fromWinRate(1.1, 2)).hasMessage("Kelly: winRate must be in [0, 1], was 1.1");
        assertThatThrownBy(() -> Kelly.fromWinRate(0.5, 0)).hasMessageContaining("payoffRatio must be finite and > 0");
    }

    @Test
    void kellyFromTheMeanAndVarianceOfReturns() {
        // f* = mu / sigma^2 = 0.01 / 0.04 = 0.25.
        assertThat(Kelly.fromMoments(0.01, 0.04).fullFraction()).isCloseTo(0.25, within(1e-15));
        // Returns 0.02, -0.01, 0.03, 0.00: mean 0.01; squared deviations 1e-4 + 4e-4 + 4e-4 + 1e-4 = 1e-3,
        // sample variance 1e-3 / 3; f* = 0.01 * 3 / 1e-3 = 30; half Kelly 15.
        Kelly k = Kelly.fromReturns(new double[] {0.02, -0.01, 0.03, 0.00});
        assertThat(k.fullFraction()).isCloseTo(30.0, within(1e-9));
        assertThat(k.fraction(0.5)).isCloseTo(15.0, within(1e-9));
        assertThatThrownBy(() -> Kelly.fromReturns(new double[] {0.01, 0.01}))
                .hasMessageContaining("all equal (variance 0)");
        assertThatThrownBy(() -> Kelly.fromReturns(new double[] {0.01, Double.NaN}))
                .hasMessage("Kelly: returns[1] must be finite, was NaN");
        assertThatThrownBy(() -> k.fraction(0)).hasMessage("Kelly: multiplier must be in (0, 1], was 0.0");
    }

    @Test
    void volatilityTargetScalesByTargetOverForecast() {
        VolatilityTarget target = new VolatilityTarget(0.10);
        // 0.10 / 0.40 * 1_000_000 = 250_000; at 50 x multiplier 10: 500 contracts.
        assertThat(target.notional(1_000_000, 0.40)).isCloseTo(250_000.0, within(1e-6));
        assertThat(target.qty(FUT, 1_000_000, 50, 0.40)).isEqualTo(500.0);
        // 0.10 / 0.30 * 1_000_000 = 333_333.33 at 100: 3333.33 -> 3333.
        assertThat(target.qty(AAA, 1_000_000, 100, 0.30)).isEqualTo(3333.0);
        assertThatThrownBy(() -> target.notional(1_000_000, 0)).hasMessageContaining(
                "forecastVolAnnualised must be finite and > 0, was 0.0");
    }
}
