package io.qtrade.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The {@link Ta4jAdapterBenchmark} comparison measured in thread CPU time rather than wall time, which a loaded,
 * shared machine distorts far less: rounds of four runs on the same 20,000-bar series, (a) ta4j's
 * {@code BarSeriesManager}, (b) the adapter without equity rows, (c) the adapter with them, (d) the adapter without
 * equity rows keeping no order rows; even rounds run a-b-c-d, odd rounds d-c-b-a, so neither side always runs first
 * (61 rounds, or the count given as the first argument). Prints the medians of the rounds after the first 10
 * (warm-up) and the median of the per-round speed ratios (ta4j's time over the adapter's in the same round: the
 * runs of a round see the same machine load). Same data, same {@code DoubleNum} series, same strategy factory on
 * both sides; neither side's data construction is timed (see {@link Ta4jAdapterBenchmark}).
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
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 61;
        if (rounds <= 10) {
            throw new IllegalArgumentException("rounds must be > 10 (the first 10 are warm-up), was " + rounds);
        }
        double[][] ms = new double[4][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int step = 0; step < 4; step++) {
                int which = r % 2 == 0 ? step : 3 - step;
                long t0 = mx.getCurrentThreadCpuTime();
                switch (which) {
                    case 0 -> b.ta4jBarSeriesManager();
                    case 1 -> b.qtradeAdapterNoEquityRows();
                    case 2 -> b.qtradeAdapter();
                    default -> b.qtradeAdapterOpenOnly();
                }
                ms[which][r] = (mx.getCurrentThreadCpuTime() - t0) / 1e6;
            }
            System.out.printf("round %2d: ta4j %.2f ms, adapter (no equity rows) %.2f ms, adapter %.2f ms,"
                    + " adapter (no equity or order rows) %.2f ms%n", r, ms[0][r], ms[1][r], ms[2][r], ms[3][r]);
        }
        double m0 = median(ms[0], 10);
        double m1 = median(ms[1], 10);
        double m2 = median(ms[2], 10);
        double m3 = median(ms[3], 10);
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
        System.out.printf("  adapter without equity or order rows (OrderHistory.OPEN_ONLY) %.2f (%.2fx)%n", m3,
                m0 / m3);
        System.out.printf("median of the per-round speed ratios (ta4j time / adapter time): no equity rows %.2fx,"
                + " equity rows %.2fx, no equity or order rows %.2fx%n", median(r1, 10), median(r2, 10), median(r3, 10));
    }

    private static double median(double[] x, int from) {
        double[] tail = Arrays.copyOfRange(x, from, x.length);
        Arrays.sort(tail);
        return tail[tail.length / 2];
    }
}
