package io.qtrade.strategies.marketmaking;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GueantLehalleFernandezTapiaTest {

    // Hand computation with prices in ticks: gamma = xi = 0.01, A = 0.9 /s, k = 0.3 /tick, sigma = 0.3 tick/sqrt(s):
    //   c1 = (1/0.01) ln(1 + 0.01/0.3)                          = 100 * 0.03278982282299097 = 3.278982282299097
    //   c2 = sqrt(0.01 / (2 * 0.9 * 0.3) * (1 + 1/30)^(1 + 30)) = sqrt(0.0185185 * 2.763474)  = 0.22621944176961267
    //   sigma c2 = 0.0678658325308838
    //   q = 0:  bid depth = c1 + 1/2 sigma c2 = 3.312915198564539 = ask depth
    //   q = 3:  bid depth = c1 + 7/2 sigma c2 = 3.51651269615719,  ask depth = c1 - 5/2 sigma c2 = 3.1093177009718875
    //   q = -2: bid depth = c1 - 3/2 sigma c2 = 3.177183533502771, ask depth = c1 + 5/2 sigma c2 = 3.4486468636263066
    // Tolerance 1e-12 (a few ulps).
    private static final double TOL = 1e-12;
    private static final GueantLehalleFernandezTapia GLFT = new GueantLehalleFernandezTapia(0.01, 5);

    @Test
    void constantsMatchHandComputation() {
        assertThat(GLFT.c1(0.3)).isCloseTo(3.278982282299097, within(TOL));
        assertThat(GLFT.c2(0.3, 0.9)).isCloseTo(0.22621944176961267, within(TOL));
    }

    @Test
    void depthsMatchTheClosedFormAtSeveralInventories() {
        assertThat(GLFT.bidDepth(0, 0.3, 999, 0.3, 0.9)).isCloseTo(3.312915198564539, within(TOL));
        assertThat(GLFT.askDepth(0, 0.3, 999, 0.3, 0.9)).isCloseTo(3.312915198564539, within(TOL));
        assertThat(GLFT.bidDepth(3, 0.3, 0, 0.3, 0.9)).isCloseTo(3.51651269615719, within(TOL));
        assertThat(GLFT.askDepth(3, 0.3, 0, 0.3, 0.9)).isCloseTo(3.1093177009718875, within(TOL));
        assertThat(GLFT.bidDepth(-2, 0.3, 0, 0.3, 0.9)).isCloseTo(3.177183533502771, within(TOL));
        assertThat(GLFT.askDepth(-2, 0.3, 0, 0.3, 0.9)).isCloseTo(3.4486468636263066, within(TOL));
        // r = s - q sigma c2: 100 - 3 * 0.0678658325308838
        assertThat(GLFT.reservationPrice(100, 3, 0.3, 0, 0.3, 0.9)).isCloseTo(99.79640250240735, within(TOL));
    }

    @Test
    void quotingStopsOnTheSideThatWouldPassTheInventoryBound() {
        assertThat(GLFT.bidDepth(4, 0.3, 0, 0.3, 0.9)).isFinite();
        assertThat(GLFT.bidDepth(5, 0.3, 0, 0.3, 0.9)).isNaN();
        assertThat(GLFT.askDepth(5, 0.3, 0, 0.3, 0.9)).isFinite();
        assertThat(GLFT.askDepth(-5, 0.3, 0, 0.3, 0.9)).isNaN();
        assertThat(GLFT.bidDepth(-5, 0.3, 0, 0.3, 0.9)).isFinite();
        Quote atBound = GLFT.quote(100, 5, 0.3, 0, 0.3, 0.9);
        assertThat(atBound.hasBid()).isFalse();
        assertThat(atBound.hasAsk()).isTrue();
    }

    @Test
    void xiZeroUsesTheLimitForm() {
        // c1 = 1/k = 3.3333333333333335; c2 = sqrt(gamma e / (2 A k)) = sqrt(0.01 * 2.718281828 / 0.54)
        //    = 0.22436254673824507
        GueantLehalleFernandezTapia zero = new GueantLehalleFernandezTapia(0.01, 0, 5);
        assertThat(zero.c1(0.3)).isCloseTo(3.3333333333333335, within(TOL));
        assertThat(zero.c2(0.3, 0.9)).isCloseTo(0.22436254673824507, within(TOL));
        // and the general form approaches it continuously
        GueantLehalleFernandezTapia tiny = new GueantLehalleFernandezTapia(0.01, 1e-7, 5);
        assertThat(tiny.c1(0.3)).isCloseTo(zero.c1(0.3), within(1e-6));
        assertThat(tiny.c2(0.3, 0.9)).isCloseTo(zero.c2(0.3, 0.9), within(1e-6));
    }

    @Property
    void spreadDoesNotDependOnInventoryAndSkewIsLinear(
            @ForAll @Scale(4) @DoubleRange(min = 1e-3, max = 1) double gamma,
            @ForAll @DoubleRange(min = 0.01, max = 3) double sigma,
            @ForAll @DoubleRange(min = 0.05, max = 5) double k,
            @ForAll @DoubleRange(min = 0.1, max = 50) double a,
            @ForAll @IntRange(min = -9, max = 9) int q) {
        GueantLehalleFernandezTapia m = new GueantLehalleFernandezTapia(gamma, 10);
        double spread0 = m.bidDepth(0, sigma, 0, k, a) + m.askDepth(0, sigma, 0, k, a);
        double spreadQ = m.bidDepth(q, sigma, 0, k, a) + m.askDepth(q, sigma, 0, k, a);
        assertThat(spreadQ).isCloseTo(spread0, within(1e-9 * spread0));
        assertThat(spread0).isCloseTo(2 * m.c1(k) + sigma * m.c2(k, a), within(1e-9 * spread0));
        double r = m.reservationPrice(0, q, sigma, 0, k, a);
        assertThat(r).isCloseTo(-q * sigma * m.c2(k, a), within(1e-9 * (1 + Math.abs(r))));
    }

    @Test
    void rejectsBadParametersNamingThem() {
        assertThatThrownBy(() -> new GueantLehalleFernandezTapia(-1, 5)).hasMessageContaining("gamma");
        assertThatThrownBy(() -> new GueantLehalleFernandezTapia(1, -1, 5)).hasMessageContaining("xi");
        assertThatThrownBy(() -> new GueantLehalleFernandezTapia(1, 0)).hasMessageContaining("maxInventoryOrders");
        assertThat(GLFT).hasToString("GueantLehalleFernandezTapia[gamma=0.01, xi=0.01, maxInventoryOrders=5.0]");
    }
}
