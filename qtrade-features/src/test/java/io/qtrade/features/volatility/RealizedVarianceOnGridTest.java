package io.qtrade.features.volatility;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Session boundaries, gaps and the allocation-free tick path of the streaming grid RV, worked by hand. */
class RealizedVarianceOnGridTest {

    static final long S = 1_000_000_000L;
    static final long MIN = 60 * S;
    static final long HOUR = 60 * MIN;
    static final long DAY = 24 * HOUR;

    @Test
    void returnEndingAtTheSessionEndBelongsToThatSessionAndTheNextStartsFromIt() {
        List<double[]> out = new ArrayList<>();
        // 1-minute grid, 1-hour sessions
        RealizedVarianceOnGrid rv = new RealizedVarianceOnGrid(MIN, HOUR, 0,
                (s, e, v, bv, n, ticks) -> out.add(new double[] {s, v, bv, n, ticks}));
        rv.onTick(0, 100);              // P(0) = 100
        rv.onTick(HOUR - 30 * S, 110);  // P(59 min) = 100, P(60 min) = 110
        rv.onTick(HOUR + 30 * S, 121);  // passes 60 min: session 0 closes; P(61 min) = 121
        rv.advanceTo(2 * HOUR);
        // session 0: 60 returns, only the last nonzero: ln 1.1
        // session 1: 60 returns, only the first nonzero: ln 1.1 (110 -> 121)
        assertThat(out).hasSize(2);
        assertThat(out.get(0)[1]).isCloseTo(Math.pow(Math.log(1.1), 2), within(1e-16));
        assertThat(out.get(0)[2]).isZero();
        assertThat(out.get(0)[3]).isEqualTo(60);
        assertThat(out.get(0)[4]).isEqualTo(2);
        assertThat((long) out.get(1)[0]).isEqualTo(HOUR);
        assertThat(out.get(1)[1]).isCloseTo(Math.pow(Math.log(1.1), 2), within(1e-16));
        assertThat(out.get(1)[3]).isEqualTo(60);
        assertThat(out.get(1)[4]).isEqualTo(1);
    }

    @Test
    void aWeekendWithoutTicksIsReportedAsTwoZeroDaysAndMondayCarriesTheGap() {
        List<double[]> out = new ArrayList<>();
        RealizedVarianceOnGrid rv = RealizedVarianceOnGrid.utcDays(5 * MIN,
                (s, e, v, bv, n, ticks) -> out.add(new double[] {s, v, n, ticks}));
        long friday = 1385683200L * S; // 2013-11-29 00:00 UTC
        rv.onTick(friday, 100);
        rv.onTick(friday + 23 * HOUR, 101);
        rv.onTick(friday + 3 * DAY + 10 * HOUR + 1, 99); // Monday 10:00:00.000000001
        rv.advanceTo(friday + 4 * DAY);
        assertThat(out).hasSize(4);
        assertThat(out.get(0)[1]).isCloseTo(Math.pow(Math.log(1.01), 2), within(1e-16));
        assertThat(out.get(1)[1]).isZero();
        assertThat(out.get(1)[2]).isEqualTo(288);
        assertThat(out.get(1)[3]).isZero();
        assertThat(out.get(2)[1]).isZero();
        // Monday: the 10:05 grid point is the first to see 99
        assertThat(out.get(3)[1]).isCloseTo(Math.pow(Math.log(99.0 / 101), 2), within(1e-16));
        assertThat(out.get(3)[3]).isEqualTo(1);
    }

    @Test
    void sessionOffsetRollsAnFxDayAt2200Utc() {
        List<Long> starts = new ArrayList<>();
        RealizedVarianceOnGrid rv = new RealizedVarianceOnGrid(5 * MIN, DAY, 22 * HOUR,
                (s, e, v, bv, n, ticks) -> starts.add(s));
        rv.onTick(23 * HOUR, 1.0);
        rv.advanceTo(DAY + 22 * HOUR);
        assertThat(starts).containsExactly(22 * HOUR);
        assertThat(rv.currentSessionStartNanos()).isEqualTo(DAY + 22 * HOUR);
        assertThat(rv.toString())
                .isEqualTo("RealizedVarianceOnGrid[stepNanos=300000000000, sessionLengthNanos=86400000000000, "
                        + "sessionOffsetNanos=79200000000000]");
    }

    @Test
    void runningValuesOfTheOpenSessionAreAvailableBeforeItCloses() {
        RealizedVarianceOnGrid rv = new RealizedVarianceOnGrid(MIN, HOUR, 0, (s, e, v, bv, n, ticks) -> { });
        rv.onTick(0, 100);
        rv.onTick(MIN, 101);
        rv.onTick(2 * MIN, 100);
        rv.advanceTo(2 * MIN);
        // returns ln 1.01 and ln(100/101) = -ln 1.01
        double a = Math.log(1.01);
        assertThat(rv.currentReturnCount()).isEqualTo(2);
        assertThat(rv.currentRealizedVariance()).isCloseTo(2 * a * a, within(1e-16));
        assertThat(rv.currentBipowerVariation()).isCloseTo(0.5 * Math.PI * a * a, within(1e-16));
    }

    @Test
    void theTickPathAllocatesNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);
        double[] sink = new double[1];
        RealizedVarianceOnGrid rv = RealizedVarianceOnGrid.utcDays(5 * MIN, (s, e, v, bv, n, ticks) -> sink[0] += v);
        double p = 100;
        long t = 0;
        for (int i = 0; i < 200_000; i++) { // warm-up: sessions close, the JIT compiles
            t += 7 * S;
            p *= i % 2 == 0 ? 1.0001 : 0.9999;
            rv.onTick(t, p);
        }
        long thread = Thread.currentThread().getId();
        threads.getThreadAllocatedBytes(thread);
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 1_000_000; i++) {
            t += 7 * S;
            p *= i % 2 == 0 ? 1.0001 : 0.9999;
            rv.onTick(t, p);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(allocated).isLessThan(1024); // one object per tick would be 16 MB
        assertThat(sink[0]).isPositive();
    }
}
