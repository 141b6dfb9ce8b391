package io.qtrade.core.strategy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimersTest {

    @Test
    void firesInDueOrderWithTiesInCreationOrder() {
        Timers timers = new Timers();
        long late = timers.scheduleAt(300);
        long first = timers.scheduleAt(100);
        long tieA = timers.scheduleAt(200);
        long tieB = timers.scheduleAt(200);
        assertThat(timers.nextDueNanos()).isEqualTo(100);
        assertThat(drain(timers, 250)).containsExactly(first, tieA, tieB);
        assertThat(timers.pollDue(299)).isEqualTo(Timers.NONE);
        assertThat(timers.pollDue(300)).isEqualTo(late);
        assertThat(timers.lastFiredDueNanos()).isEqualTo(300);
        assertThat(timers.nextDueNanos()).isEqualTo(Timers.NO_DUE_TIME);
    }

    @Test
    void repeatingTimersStayOnTheirGrid() {
        Timers timers = new Timers();
        long every = timers.scheduleEvery(1_000, 500);
        // The engine wakes late, at 2,200: the timer was due at 1,000, 1,500 and 2,000, and fires for each.
        List<Long> dues = new ArrayList<>();
        while (timers.pollDue(2_200) == every) {
            dues.add(timers.lastFiredDueNanos());
        }
        assertThat(dues).containsExactly(1_000L, 1_500L, 2_000L);
        assertThat(timers.nextDueNanos()).isEqualTo(2_500);
        assertThat(timers.pending()).isEqualTo(1);
    }

    @Test
    void cancelledTimersNeverFire() {
        Timers timers = new Timers();
        long a = timers.scheduleAt(10);
        long b = timers.scheduleEvery(5, 5);
        long c = timers.scheduleAt(20);
        assertThat(timers.cancel(b)).isTrue();
        assertThat(timers.cancel(b)).isFalse();
        assertThat(timers.pending()).isEqualTo(2);
        assertThat(drain(timers, 100)).containsExactly(a, c);
        assertThat(timers.cancel(a)).isFalse();
        assertThat(timers.pending()).isZero();
    }

    @Test
    void growsPastItsInitialCapacityKeepingOrder() {
        Timers timers = new Timers();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(timers.scheduleAt(1_000 - i)); // due times descending: ids fire in reverse
        }
        List<Long> fired = drain(timers, 1_000);
        assertThat(fired).hasSize(100);
        assertThat(fired.get(0)).isEqualTo(ids.get(99));
        assertThat(fired.get(99)).isEqualTo(ids.get(0));
    }

    @Test
    void aTimerDueAtMinusOneIsNotMistakenForNoTimer() {
        Timers timers = new Timers();
        long early = timers.scheduleAt(-1); // a legal epoch time, 1 ns before 1970
        assertThat(timers.nextDueNanos()).isEqualTo(-1);
        assertThat(timers.pollDue(0)).isEqualTo(early);
        assertThat(timers.nextDueNanos()).isEqualTo(Timers.NO_DUE_TIME);
    }

    @Test
    void aRepeatingTimerThatWouldOverflowIsDroppedAfterItsLastFiring() {
        Timers timers = new Timers();
        long every = timers.scheduleEvery(Long.MAX_VALUE - 5, 10);
        assertThat(timers.pollDue(Long.MAX_VALUE)).isEqualTo(every);
        assertThat(timers.pollDue(Long.MAX_VALUE)).isEqualTo(Timers.NONE);
        assertThat(timers.pending()).isZero();
    }

    @Test
    void refusesANonPositiveInterval() {
        assertThatThrownBy(() -> new Timers().scheduleEvery(0, 0))
                .hasMessage("timer intervalNanos must be > 0, was 0");
    }

    private static List<Long> drain(Timers timers, long now) {
        List<Long> fired = new ArrayList<>();
        for (long id = timers.pollDue(now); id != Timers.NONE; id = timers.pollDue(now)) {
            fired.add(id);
        }
        return fired;
    }
}
