package io.qtrade.backtest.latency;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LatencyModelTest {

    @Test
    void constantLatencyGivesItsTwoValues() {
        ConstantLatency c = new ConstantLatency(150, 250);
        assertThat(c.entryLatencyNanos(1, 7, 0)).isEqualTo(150);
        assertThat(c.responseLatencyNanos(1, 7, 0)).isEqualTo(250);
        assertThat(c.rejectsEntry(1, 7)).isFalse();
        assertThat(c).hasToString("ConstantLatency[entryLatencyNanos=150, responseLatencyNanos=250]");
        assertThatThrownBy(() -> new ConstantLatency(-1, 0)).hasMessageContaining("entryLatencyNanos must be >= 0, was -1");
    }

    @Test
    void lognormalLatencyIsAPureFunctionOfSeedAndArguments() {
        LognormalLatency a = new LognormalLatency(100_000, 200_000, 0.5, 7);
        LognormalLatency b = new LognormalLatency(100_000, 200_000, 0.5, 7);
        for (long id = 1; id < 100; id++) {
            assertThat(a.entryLatencyNanos(id * 1000, id, 0)).isEqualTo(b.entryLatencyNanos(id * 1000, id, 0));
        }
        assertThat(a.entryLatencyNanos(5, 5, 0)).isNotEqualTo(new LognormalLatency(100_000, 200_000, 0.5, 8)
                .entryLatencyNanos(5, 5, 0));
    }

    @Test
    void lognormalLatencyHasTheConfiguredMedianAndLogSpread() {
        // ln(latency) ~ N(ln median, sigma^2): over n = 40,000 draws the sample mean of ln(latency) has standard error
        // sigma / sqrt(n) = 0.0025 and the sample sd of ln(latency) about sigma / sqrt(2n) = 0.0018; tolerances are
        // about 4 standard errors.
        LognormalLatency m = new LognormalLatency(100_000, 300_000, 0.5, 42);
        int n = 40_000;
        double[] logs = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            logs[i] = Math.log(m.entryLatencyNanos(1_000L * i, i + 1, 0));
            sum += logs[i];
        }
        double mean = sum / n;
        double ss = 0;
        for (double x : logs) {
            ss += (x - mean) * (x - mean);
        }
        assertThat(mean).isCloseTo(Math.log(100_000), within(0.01));
        assertThat(Math.sqrt(ss / (n - 1))).isCloseTo(0.5, within(0.008));
        Arrays.sort(logs);
        assertThat(Math.exp(logs[n / 2])).isCloseTo(100_000, within(1_500.0));
    }

    @Test
    void lognormalWithZeroSigmaGivesTheMedians() {
        LognormalLatency m = new LognormalLatency(100_000, 300_000, 0.0, 1);
        assertThat(m.entryLatencyNanos(99, 3, 1)).isEqualTo(100_000);
        assertThat(m.responseLatencyNanos(99, 3, 1)).isEqualTo(300_000);
    }

    @Test
    void replayedLatencyInterpolatesBetweenRecordedRows() {
        // row 0: request 1000, venue 1100, response 1400 -> entry 100, response 300
        // row 1: request 2000, venue 2300, response 2400 -> entry 300, response 100
        ReplayedLatency r = new ReplayedLatency(new long[] {1000, 2000}, new long[] {1100, 2300},
                new long[] {1400, 2400}, new boolean[] {false, true});
        // t = 1250: w = 0.25 -> entry 0.75*100 + 0.25*300 = 150, response 0.75*300 + 0.25*100 = 250.
        assertThat(r.entryLatencyNanos(1250, 1, 0)).isEqualTo(150);
        assertThat(r.responseLatencyNanos(1250, 1, 0)).isEqualTo(250);
        // before the first and after the last row: that row's values.
        assertThat(r.entryLatencyNanos(10, 1, 0)).isEqualTo(100);
        assertThat(r.entryLatencyNanos(9_000, 1, 0)).isEqualTo(300);
        // rejection: the row at or before the request time.
        assertThat(r.rejectsEntry(1999, 1)).isFalse();
        assertThat(r.rejectsEntry(2000, 1)).isTrue();
        assertThat(r.rejectsEntry(999, 1)).isFalse();
    }

    @Test
    void replayedLatencyRefusesRowsOutOfOrderNamingTheRow() {
        assertThatThrownBy(() -> new ReplayedLatency(new long[] {1000, 900}, new long[] {1100, 1000},
                new long[] {1200, 1100}, null)).hasMessageContaining("row 1: requestTs 900 must be > the previous row's 1000");
        assertThatThrownBy(() -> new ReplayedLatency(new long[] {1000}, new long[] {900}, new long[] {1200}, null))
                .hasMessageContaining("row 0: exchTs 900 is before requestTs 1000");
    }
}
