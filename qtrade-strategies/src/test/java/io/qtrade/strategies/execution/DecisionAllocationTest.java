package io.qtrade.strategies.execution;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedules' per-call functions allocate nothing (measured with the thread's allocation counter). */
class DecisionAllocationTest {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final long T0 = 1_000_000_000_000L;

    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    static double sweep(ExecutionSchedule schedule, int calls) {
        double acc = 0;
        for (int i = 0; i < calls; i++) {
            long now = T0 + (long) i * 37_000_000L;
            acc += schedule.targetQty(now, i * 3.0) + schedule.sliceEndNanos(now) + schedule.nextSliceStartNanos(now);
        }
        return acc;
    }

    @Test
    void scheduleLookupsAllocateNothing() {
        ParentOrder parent = ParentOrder.unlimited(AAA, Side.BUY, 100_000, T0, T0 + 3_600_000_000_000L);
        ExecutionSchedule[] schedules = {TwapSchedule.of(parent, 97), TwapSchedule.randomised(parent, 60, 0.4, 1),
                VwapSchedule.of(parent, VolumeProfile.of(5, 3, 2, 2, 3, 5)), PovSchedule.of(parent, 0.1)};
        for (ExecutionSchedule s : schedules) {
            sweep(s, 200_000);                         // warm-up
            long before = allocatedBytes();
            double acc = sweep(s, 1_000_000);
            long after = allocatedBytes();
            assertThat(acc).isPositive();
            // the counter itself costs a fixed few hundred bytes; one object per call would be >= 16 B per call
            assertThat((after - before) / 1e6).as(s.toString()).isLessThan(0.01);
        }
    }
}
