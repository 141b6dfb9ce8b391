package io.qtrade.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The {@link Ta4jAdapterBenchmark} comparison measured in thread CPU time rather than wall time, which a loaded,
 * shared machine distorts far less: rounds of (ta4j's {@code BarSeriesManager}, the adapter without equity rows,
 * the adapter with them, the adapter without equity rows keeping no order rows) on the same 20,000-bar series (25 rounds, or the count given as the first argument); prints
 * each round, the medians of the rounds after the first 10 (warm-up), and the median of the per-round speed ratios
 * (ta4j's time over the adapter's in the same round: the three runs of a round see the same machine load).
 *
 * <pre>{@code
 * java -cp qtrade-bench/target/benchmarks.jar io.qtrade.bench.Ta4jAdapterCpuTime [ROUNDS]
 * }</pre>
 */
public final class Ta4jAdapterCpuTime {

    private Ta4jAdapterCpuTime() {
    }

    public static void main(String[] args) {
        Ta4jAdapterBenchmark b = new Ta4jAdapterBenchmark();
        b.generate();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 25;
        if (rounds <= 10) {
            throw new IllegalArgumentException("rounds must be > 10 (the first 10 are warm-up), was " + rounds);
        }
        double[][] ms = new double[4][rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            b.ta4jBarSeriesManager();
            long t1 = mx.getCurrentThreadCpuTime();
            b.qtradeAdapterNoEquityRows();
            long t2 = mx.getCurrentThreadCpuTime();
            b.qtradeAdapter();
            long t3 = mx.getCurrentThreadCpuTime();
            b.qtradeAdapterOpenOnly();
            long t4 = mx.getCurrentThreadCpuTime();
            ms[3][r] = (t4 - t3) / 1e6;
            ms[0][r] = (t1 - t0) / 1e6;
            ms[1][r] = (t2 - t1) / 1e6;
            ms[2][r] = (t3 - t2) / 1e6;
            System.out.printf("round %2d: ta4j %.2f ms, adapter (no equity rows) %.2f ms, adapter %.2f ms,"
                    + " adapter (no equity or order rows) %.2f ms%n", r, ms[0][r], ms[1][r], ms[2][r], ms[3][r]);
        }
        double m0 = median(ms[0], 10);
        double m1 = median(ms[1], 10);
        double m2 = median(ms[2], 10);
        double[] r1 = new double[rounds];
        double[] r2 = new double[rounds];
        double[] r3 = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            r1[r] = ms[0][r] / ms[1][r];
            r2[r] = ms[0][r] / ms[2][r];
            r3[r] = ms[0][r] / ms[3][r];
        }
        System.out.printf("median of rounds 10..%d, CPU ms per %d bars: ta4j %.2f, adapter no equity rows %.2f"
                        + " (%.2fx ta4j's speed), adapter %.2f (%.2fx)%n", rounds - 1, Ta4jAdapterBenchmark.BARS, m0,
                m1, m0 / m1, m2, m0 / m2);
        double m3 = median(ms[3], 10);
        System.out.printf("  adapter without equity or order rows (OrderHistory.OPEN_ONLY) %.2f (%.2fx)%n", m3,
                m0 / m3);
        System.out.printf("median of the per-round speed ratios (ta4j time / adapter time): no equity rows %.2fx,"
                + " equity rows %.2fx, no equity or order rows %.2fx%n", median(r1, 10), median(r2, 10), median(r3, 10));
    }

    private static double median(double[] x, int from) {
        double[] tail = java.util.Arrays.copyOfRange(x, from, x.length);
        java.util.Arrays.sort(tail);
        return tail[tail.length / 2];
    }
}
