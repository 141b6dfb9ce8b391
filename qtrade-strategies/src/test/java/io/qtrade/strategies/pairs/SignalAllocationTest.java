package io.qtrade.strategies.pairs;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The signal rule and the gate's bookkeeping between re-tests allocate nothing. */
class SignalAllocationTest {

    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    static long run(PairSignal signal, RollingCointegrationGate gate, int steps, int offset) {
        long positions = 0;
        for (int i = 0; i < steps; i++) {
            double z = 5 * Math.sin((i + offset) * 0.01);
            positions += signal.update(z);
            if (gate.add(z, i)) {
                positions++;
            }
        }
        return positions;
    }

    @Test
    void signalAndGateBookkeepingAllocateNothing() {
        PairSignal signal = new PairSignal(2, 0.5, 4);
        // re-tests only every 10^9 samples: the measured loop never runs the (allocating) test
        RollingCointegrationGate gate = new RollingCointegrationGate((y, x) -> CointegrationVerdict.NONE, 50,
                1_000_000_000);
        run(signal, gate, 200_000, 0);
        long before = allocatedBytes();
        long positions = run(signal, gate, 1_000_000, 200_000);
        long after = allocatedBytes();
        assertThat(signal.entries()).isPositive();
        assertThat(positions).isNotZero();
        // the counter itself costs a fixed few hundred bytes; one object per step would be >= 16 B per step
        assertThat((after - before) / 1e6).isLessThan(0.01);
    }
}
