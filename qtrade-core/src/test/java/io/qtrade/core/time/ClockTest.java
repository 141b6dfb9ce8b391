package io.qtrade.core.time;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClockTest {

    @Test
    void simulatedClockMovesOnlyForward() {
        SimulatedClock clock = new SimulatedClock(1_000);
        clock.advanceTo(1_500);
        clock.advanceBy(250);
        assertThat(clock.nowNanos()).isEqualTo(1_750);
        assertThatThrownBy(() -> clock.advanceTo(1_700))
                .hasMessage("simulated clock cannot go back: now 1750 ns, asked for 1700 ns (50 ns earlier)");
        assertThatThrownBy(() -> clock.advanceBy(-1)).hasMessage("deltaNanos must be >= 0, was -1");
    }

    @Test
    void systemClockIsMonotonicAndNearTheWallClock() {
        SystemClock clock = new SystemClock();
        long wall = Timestamps.toEpochNanos(Instant.now());
        long first = clock.nowNanos();
        long second = clock.nowNanos();
        assertThat(second).isGreaterThanOrEqualTo(first);
        // Anchored at construction: within a second of Instant.now() (generous for a loaded CI machine).
        assertThat(Math.abs(first - wall)).isLessThan(Timestamps.NANOS_PER_SECOND);
    }

    @Test
    void convertsBetweenEpochNanosAndJavaTime() {
        long nanos = Timestamps.startOfDay(LocalDate.of(2024, 3, 1)) + 1_234_567_891L;
        // 2024-03-01T00:00:00Z is epoch second 1709251200.
        assertThat(nanos).isEqualTo(1_709_251_200L * 1_000_000_000L + 1_234_567_891L);
        assertThat(Timestamps.toInstant(nanos)).isEqualTo(Instant.parse("2024-03-01T00:00:01.234567891Z"));
        assertThat(Timestamps.utcDate(nanos)).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(Timestamps.toInstant(-1)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999999Z"));
    }
}
