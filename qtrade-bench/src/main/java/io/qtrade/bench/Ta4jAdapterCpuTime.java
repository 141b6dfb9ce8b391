package io.qtrade.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The {@link Ta4jAdapterBenchmark} comparison measured in thread CPU time rather than wall time, which a loaded,
 * shared machine distorts far less: 25 rounds of (ta4j's {@code BarSeriesManager}, the adapter without equity rows,
 * the adapter with them) on the same 20,000-bar series; prints each round and the median of the last 15.
 *
 * <pre>{@code
 * java -cp qtrade-bench/target/benchmarks.jar io.qtrade.bench.Ta4jAdapterCpuTime
 * }</pre>
 */
public final class Ta4jAdapterCpuTime {

    private Ta4jAdapterCpuTime() {
    }

    public static void main(String[] args) {
        Ta4jAdapterBenchmark b = new Ta4jAdapterBenchmark();
        b.generate();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int rounds = 25;
        double[][] ms = new double[3][rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            b.ta4jBarSeriesManager();
            long t1 = mx.getCurrentThreadCpuTime();
            b.qtradeAdapterNoEquityRows();
            long t2 = mx.getCurrentThreadCpuTime();
            b.qtradeAdapter();
            long t3 = mx.getCurrentThreadCpuTime();
            ms[0][r] = (t1 - t0) / 1e6;
            ms[1][r] = (t2 - t1) / 1e6;
            ms[2][r] = (t3 - t2) / 1e6;
            System.out.printf("round %2d: ta4j %.2f ms, adapter (no equity rows) %.2f ms, adapter %.2f ms%n", r,
                    ms[0][r], ms[1][r], ms[2][r]);
        }
        double m0 = median(ms[0], 10);
        double m1 = median(ms[1], 10);
        double m2 = median(ms[2], 10);
        System.out.printf("median of rounds 10..24, CPU ms per %d bars: ta4j %.2f, adapter no equity rows %.2f"
                        + " (%.2fx ta4j's speed), adapter %.2f (%.2fx)%n", Ta4jAdapterBenchmark.BARS, m0, m1, m0 / m1,
                m2, m0 / m2);
    }

    private static double median(double[] x, int from) {
        double[] tail = java.util.Arrays.copyOfRange(x, from, x.length);
        java.util.Arrays.sort(tail);
        return tail[tail.length / 2];
    }
}
