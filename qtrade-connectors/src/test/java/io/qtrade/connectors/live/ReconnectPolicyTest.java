package io.qtrade.connectors.live;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReconnectPolicyTest {

    @Test
    void capsDoubleFromTheInitialDelayUpToTheMaximum() {
        ReconnectPolicy p = new ReconnectPolicy(250_000_000L, 2_000_000_000L, 2.0, 1.0, 10, 1L);
        // 250 ms, 500 ms, 1 s, 2 s, then held at the 2 s cap.
        assertThat(p.capNanos(0)).isEqualTo(250_000_000L);
        assertThat(p.capNanos(1)).isEqualTo(500_000_000L);
        assertThat(p.capNanos(2)).isEqualTo(1_000_000_000L);
        assertThat(p.capNanos(3)).isEqualTo(2_000_000_000L);
        assertThat(p.capNanos(30)).isEqualTo(2_000_000_000L);
    }

    @Test
    void fullJitterDelayIsTheCapTimesOneMinusTheSeededUniform() {
        ReconnectPolicy p = new ReconnectPolicy(100L, 1_000_000L, 2.0, 1.0, 5, 42L);
        SplittableRandom u = new SplittableRandom(42L);
        ReconnectPolicy.Schedule s = p.newSchedule();
        for (int n = 0; n < 5; n++) {
            long expected = (long) (p.capNanos(n) * (1.0 - u.nextDouble()));
            assertThat(s.nextDelayNanos()).isEqualTo(expected).isBetween(0L, p.capNanos(n));
        }
        assertThat(s.hasNext()).isFalse();
        assertThatThrownBy(s::nextDelayNanos).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gave up after 5 reconnection attempts");
    }

    @Test
    void noJitterIsPlainExponentialBackoffAndResetStartsOver() {
        ReconnectPolicy p = new ReconnectPolicy(10L, 1000L, 3.0, 0.0, 4, 7L);
        ReconnectPolicy.Schedule s = p.newSchedule();
        assertThat(new long[] {s.nextDelayNanos(), s.nextDelayNanos(), s.nextDelayNanos()})
                .containsExactly(10L, 30L, 90L);
        s.reset();
        assertThat(s.attempts()).isZero();
        assertThat(s.nextDelayNanos()).isEqualTo(10L);
    }

    @Test
    void sameSeedGivesTheSameSchedule() {
        ReconnectPolicy p = ReconnectPolicy.defaults(9L);
        ReconnectPolicy.Schedule a = p.newSchedule();
        ReconnectPolicy.Schedule b = p.newSchedule();
        for (int i = 0; i < 10; i++) {
            assertThat(a.nextDelayNanos()).isEqualTo(b.nextDelayNanos());
        }
    }

    @Test
    void badParametersNameTheParameterAndValue() {
        assertThatThrownBy(() -> new ReconnectPolicy(0, 1, 2, 1, 1, 1))
                .hasMessage("initialDelayNanos must be > 0, was 0");
        assertThatThrownBy(() -> new ReconnectPolicy(10, 5, 2, 1, 1, 1))
                .hasMessage("maxDelayNanos must be >= initialDelayNanos (10), was 5");
        assertThatThrownBy(() -> new ReconnectPolicy(10, 50, 0.5, 1, 1, 1))
                .hasMessage("multiplier must be finite and >= 1, was 0.5");
        assertThatThrownBy(() -> new ReconnectPolicy(10, 50, 2, 1.5, 1, 1))
                .hasMessage("jitterFraction must be in [0, 1], was 1.5");
        assertThat(ReconnectPolicy.defaults(3).toString()).isEqualTo("ReconnectPolicy[initialDelayNanos=250000000,"
                + " maxDelayNanos=30000000000, multiplier=2.0, jitterFraction=1.0, maxAttempts=20, seed=3]");
    }
}
