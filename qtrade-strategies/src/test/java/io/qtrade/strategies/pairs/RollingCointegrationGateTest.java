package io.qtrade.strategies.pairs;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollingCointegrationGateTest {

    @Test
    void testsTheLatestWindowInTimeOrderEveryRetestSamples() {
        List<double[]> seen = new ArrayList<>();
        // accepts when the window's first y is even: a verdict the test can predict
        CointegrationTest recording = (y, x) -> {
            seen.add(y.clone());
            return new CointegrationVerdict(((long) y[0]) % 2 == 0, y[0], 0);
        };
        RollingCointegrationGate gate = new RollingCointegrationGate(recording, 20, 7);
        for (int t = 1; t <= 19; t++) {
            assertThat(gate.add(t, -t)).isFalse();          // window not full yet: closed, no test
        }
        assertThat(gate.tests()).isZero();
        assertThat(gate.lastVerdict()).isEqualTo(CointegrationVerdict.NONE);
        assertThat(gate.add(20, -20)).isFalse();            // first test at sample 20 on 1..20: y[0] = 1, odd
        for (int t = 21; t <= 27; t++) {
            gate.add(t, -t);                                 // next test at sample 27 on 8..27: y[0] = 8, even
        }
        assertThat(gate.isOpen()).isTrue();
        assertThat(gate.tests()).isEqualTo(2);
        assertThat(seen.get(0)).startsWith(1, 2, 3).endsWith(19, 20);
        assertThat(seen.get(1)).startsWith(8, 9).endsWith(26, 27).hasSize(20);
        for (int t = 28; t <= 34; t++) {
            gate.add(t, -t);                                 // sample 34: window 15..34, odd: closes
        }
        assertThat(gate.isOpen()).isFalse();
        assertThat(gate.acceptedTests()).isEqualTo(1);
    }

    @Test
    void refusesTooShortWindowsAndCadence() {
        CointegrationTest any = (y, x) -> CointegrationVerdict.NONE;
        assertThatThrownBy(() -> new RollingCointegrationGate(any, 10, 1)).hasMessageContaining("window 10");
        assertThatThrownBy(() -> new RollingCointegrationGate(any, 100, 0)).hasMessageContaining("retestEvery 0");
    }

    @Test
    void engleGrangerVerdictCarriesThePValue() {
        // y = 2 x + i.i.d. uniform noise, x a random walk: a white-noise spread, p-value near 0
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        double[] x = new double[200];
        double[] y = new double[200];
        double level = 50;
        for (int t = 0; t < 200; t++) {
            level += r.nextDouble() - 0.5;
            x[t] = level;
            y[t] = 2 * level + r.nextDouble() - 0.5;
        }
        CointegrationVerdict v = new EngleGrangerTest(0.05).test(y, x);
        assertThat(v.accepted()).isTrue();
        assertThat(v.statistic()).isLessThan(0.01);
        assertThat(v.threshold()).isEqualTo(0.05);
        // Johansen on the same pair: the trace statistic for rank 0 far above the 95% critical value (15.49 with a
        // constant, MacKinnon-Haug-Michelis 1999, as statsmodels' coint_johansen with det_order 0)
        CointegrationVerdict j = JohansenTraceTest.atFivePercent().test(y, x);
        assertThat(j.accepted()).isTrue();
        assertThat(j.threshold()).isCloseTo(15.4943, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(j.statistic()).isGreaterThan(j.threshold());
        // and two independent walks: neither accepts
        double[] w = new double[200];
        double lw = 20;
        for (int t = 0; t < 200; t++) {
            lw += r.nextDouble() - 0.5;
            w[t] = lw;
        }
        assertThat(new EngleGrangerTest(0.05).test(w, x).statistic()).isGreaterThan(0.05);
        assertThat(JohansenTraceTest.atFivePercent().test(w, x).accepted()).isFalse();
    }
}
