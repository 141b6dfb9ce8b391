package io.qtrade.core.portfolio;

import static io.qtrade.core.portfolio.PositionTest.BTC;
import static io.qtrade.core.portfolio.PositionTest.ES;
import static io.qtrade.core.portfolio.PositionTest.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** {@link Portfolio#apply} allocates nothing once an instrument is known (HotSpot's per-thread allocation counter). */
class PortfolioAllocationTest {

    @Test
    void applyAllocatesNothingAfterTheFirstFillOfEachInstrument() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "HotSpot allocation counter not available");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        Fill[] fills = new Fill[64];
        for (int i = 0; i < fills.length; i++) {
            // sides and sizes that add, reduce and flip through zero
            Side side = (i % 3 == 0) ? Side.SELL : Side.BUY;
            fills[i] = (i % 2 == 0)
                    ? fill(BTC, side.opposite(), 1 + i % 5, 100 + i, 0.01)
                    : fill(ES, side, 1 + i % 4, 5000 + 0.25 * i, -0.5);
        }
        Portfolio pf = new Portfolio(1_000_000.0);
        pf.mark(BTC, 101.0);
        // first sight of each instrument allocates its position; further warm-up lets lazy class loading and
        // JIT compilation happen before the measurement
        for (int round = 0; round < 2_000; round++) {
            for (Fill f : fills) {
                pf.apply(f);
            }
        }
        long threadId = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(threadId);
        for (int round = 0; round < 2_000; round++) {
            for (Fill f : fills) {
                pf.apply(f);
            }
        }
        long allocated = threads.getThreadAllocatedBytes(threadId) - before;
        // 128,000 applies. The smallest heap object is 16 bytes, so any allocation per apply would show as at
        // least 2 MB; less than one byte per apply leaves room for one-off noise (the counter call, a JIT
        // deoptimisation) and still proves zero allocation per apply.
        long applies = 2_000L * fills.length;
        assertThat(allocated).isLessThan(applies);
        assertThat(pf.positions()).hasSize(2);

        // control: the counter does see an allocation of this size
        long controlBefore = threads.getThreadAllocatedBytes(threadId);
        byte[] control = new byte[4096];
        long controlAllocated = threads.getThreadAllocatedBytes(threadId) - controlBefore;
        assertThat(controlAllocated).isGreaterThanOrEqualTo(control.length);
    }
}
