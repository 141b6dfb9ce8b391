package io.qtrade.strategies.marketmaking;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AvellanedaStoikovTest {

    // Hand computation, s = 100, q = 2, gamma = 0.1, sigma = 2, tau = 0.5, k = 1.5:
    //   r      = 100 - 2 * 0.1 * 2^2 * 0.5                 = 100 - 0.4                      = 99.6
    //   spread = 0.1 * 4 * 0.5 + (2 / 0.1) ln(1 + 0.1/1.5) = 0.2 + 20 * 0.0645385211375712 = 1.4907704227514234
    //   bid    = r - spread / 2 = 98.85461478862429,  ask = r + spread / 2 = 100.3453852113757
    // Tolerance 1e-12: a few ulps of the arithmetic above.
    private static final double TOL = 1e-12;

    @Test
    void reservationPriceIsMidMinusInventoryTimesGammaSigmaSquaredTau() {
        assertThat(AvellanedaStoikov.reservationPrice(100, 2, 0.1, 2, 0.5)).isCloseTo(99.6, within(TOL));
        assertThat(AvellanedaStoikov.reservationPrice(100, -2, 0.1, 2, 0.5)).isCloseTo(100.4, within(TOL));
        assertThat(AvellanedaStoikov.reservationPrice(100, 0, 0.1, 2, 0.5)).isEqualTo(100.0);
    }

    @Test
    void optimalSpreadIsRiskTermPlusIntensityTerm() {
        assertThat(AvellanedaStoikov.optimalSpread(0.1, 2, 0.5, 1.5)).isCloseTo(1.4907704227514234, within(TOL));
        // tau = 0: only (2/gamma) ln(1 + gamma/k) = 20 ln(16/15) = 1.2907704227514236
        assertThat(AvellanedaStoikov.optimalSpread(0.1, 2, 0, 1.5)).isCloseTo(1.2907704227514236, within(TOL));
    }

    @Test
    void quoteIsSymmetricAroundTheReservationPrice() {
        Quote quote = new AvellanedaStoikov(0.1).quote(100, 2, 2, 0.5, 1.5, 140);
        assertThat(quote.reservationPrice()).isCloseTo(99.6, within(TOL));
        assertThat(quote.bid()).isCloseTo(98.85461478862429, within(TOL));
        assertThat(quote.ask()).isCloseTo(100.3453852113757, within(TOL));
        assertThat(quote.spread()).isCloseTo(1.4907704227514234, within(TOL));
        assertThat(quote.bidDepth()).isCloseTo(100 - 98.85461478862429, within(TOL));
        assertThat(quote.hasBid()).isTrue();
        assertThat(quote.hasAsk()).isTrue();
    }

    @Test
    void smallGammaSpreadTendsToTwoOverK() {
        // (2/gamma) ln(1 + gamma/k) -> 2/k = 4/3 as gamma -> 0; at gamma = 1e-6 the error is ~ gamma/k^2 = 4.4e-7.
        assertThat(AvellanedaStoikov.optimalSpread(1e-6, 0, 10, 1.5)).isCloseTo(4.0 / 3.0, within(1e-6));
    }

    @Property
    void longInventoryLowersBothQuotesAndSpreadDoesNotDependOnInventory(
            @ForAll @Scale(4) @DoubleRange(min = 1e-3, max = 10) double gamma,
            @ForAll @DoubleRange(min = 0, max = 5) double sigma,
            @ForAll @DoubleRange(min = 0, max = 100) double tau,
            @ForAll @DoubleRange(min = 0.1, max = 100) double k,
            @ForAll @DoubleRange(min = 0.5, max = 10) double q) {
        AvellanedaStoikov as = new AvellanedaStoikov(gamma);
        Quote flat = as.quote(100, 0, sigma, tau, k, 1);
        Quote longQ = as.quote(100, q, sigma, tau, k, 1);
        assertThat(longQ.bid()).isLessThanOrEqualTo(flat.bid());
        assertThat(longQ.ask()).isLessThanOrEqualTo(flat.ask());
        assertThat(longQ.spread()).isCloseTo(flat.spread(), within(1e-9 * (1 + flat.spread())));
        assertThat(flat.reservationPrice()).isEqualTo(100.0);
        assertThat(flat.spread()).isGreaterThan(0);
    }

    @Test
    void rejectsNonPositiveGammaNamingIt() {
        assertThatThrownBy(() -> new AvellanedaStoikov(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gamma").hasMessageContaining("0.0");
        assertThatThrownBy(() -> new AvellanedaStoikov(Double.NaN)).hasMessageContaining("NaN");
        assertThat(new AvellanedaStoikov(0.5)).hasToString("AvellanedaStoikov[gamma=0.5]");
    }

    @Test
    void finiteHorizonShrinksToZeroAndRollingHorizonIsConstant() {
        FiniteHorizon finite = new FiniteHorizon(10_000_000_000L);
        assertThat(finite.tauSeconds(4_000_000_000L)).isCloseTo(6.0, within(1e-12));
        assertThat(finite.isOver(9_999_999_999L)).isFalse();
        assertThat(finite.tauSeconds(10_000_000_000L)).isEqualTo(0.0);
        assertThat(finite.isOver(10_000_000_000L)).isTrue();
        RollingHorizon rolling = new RollingHorizon(30);
        assertThat(rolling.tauSeconds(0)).isEqualTo(30.0);
        assertThat(rolling.tauSeconds(Long.MAX_VALUE)).isEqualTo(30.0);
        assertThat(rolling.isOver(Long.MAX_VALUE)).isFalse();
        assertThatThrownBy(() -> new RollingHorizon(0)).hasMessageContaining("tauSeconds");
    }
}
