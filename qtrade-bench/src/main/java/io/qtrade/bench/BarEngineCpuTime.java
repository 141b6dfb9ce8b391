package io.qtrade.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@link BarEngineBenchmark}'s three runs (500 symbols x 20 years of daily bars: drain, no-op engine, monthly
 * target-weight rebalancing) timed in the running thread's CPU time, which a loaded shared machine distorts far less
 * than wall time (garbage-collector threads are not counted: see the JMH run's {@code gc.time}). 8 rounds; prints
 * each and the median of rounds 3..7 as million bars per CPU second.
 *
 * <pre>{@code
 * java -Xmx256m -cp qtrade-bench/target/benchmarks.jar io.qtrade.bench.BarEngineCpuTime
 * }</pre>
 */
public final class BarEngineCpuTime {

    private BarEngineCpuTime() {
    }

    public static void main(String[] args) {
        BarEngineBenchmark b = new BarEngineBenchmark();
        b.generate();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int rounds = 8;
        double[][] rate = new double[3][rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            b.drain();
            long t1 = mx.getCurrentThreadCpuTime();
            b.noop();
            long t2 = mx.getCurrentThreadCpuTime();
            b.monthlyRebalance();
            long t3 = mx.getCurrentThreadCpuTime();
            rate[0][r] = BarEngineBenchmark.BARS / ((t1 - t0) / 1e9) / 1e6;
            rate[1][r] = BarEngineBenchmark.BARS / ((t2 - t1) / 1e9) / 1e6;
            rate[2][r] = BarEngineBenchmark.BARS / ((t3 - t2) / 1e9) / 1e6;
            System.out.printf("round %d: drain %.1f, noop %.1f, monthly rebalance %.2f M bars per CPU second%n", r,
                    rate[0][r], rate[1][r], rate[2][r]);
        }
        System.out.printf("median of rounds 3..7 (%d bars each): drain %.1f, noop %.1f, monthly rebalance %.2f"
                        + " M bars per CPU second; heap %d MB max%n", BarEngineBenchmark.BARS, median(rate[0]),
                median(rate[1]), median(rate[2]), Runtime.getRuntime().maxMemory() >> 20);
    }

    private static double median(double[] x) {
        double[] tail = java.util.Arrays.copyOfRange(x, 3, x.length);
        java.util.Arrays.sort(tail);
        return tail[tail.length / 2];
    }
}
