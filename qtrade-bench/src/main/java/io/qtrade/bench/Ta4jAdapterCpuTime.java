package io.qtrade.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The {@link Ta4jAdapterBenchmark} comparison measured in thread CPU time rather than wall time, which a loaded,
 * shared machine distorts far less: rounds of seven runs on the same 20,000-bar series, (a) ta4j's
 * {@code BarSeriesManager}, (b) the adapter without equity rows, (c) the adapter with them (the engine's default),
 * (d) the adapter without equity rows keeping no order rows, (e) ta4j's {@code BacktestExecutor} (the same
 * {@code BarSeriesManager} run plus ta4j's PnL report, a {@code TradingStatement}), (f) and (g): (b) and (c) with
 * every result table built afterwards ({@code BacktestResult.tables()}), (h) and (i): (b) and (c) on the series'
 * own source ({@code Ta4jSeries.source} with {@code Ta4jAdapter.onSource}). Even rounds run a to g, odd rounds g to a,
 * so no run always comes first (61 rounds, or the count given as the first argument; a second argument, letters of
 * {@code abcdefghi}, runs only those, e.g. {@code abcd} for the four runs of the earlier harness: building Tablesaw
 * tables in the same JVM changes how fast ta4j itself runs, see docs/benchmarks.md). Prints the medians of the
 * rounds after the first 10 (warm-up) and the medians of the per-round speed ratios (a ta4j time over an adapter
 * time in the same round: the runs of a round see the same machine load), against {@code BarSeriesManager} and
 * against {@code BacktestExecutor}. Same data, same {@code DoubleNum} series, same strategy factory on all sides;
 * no side's data construction is timed (see {@link Ta4jAdapterBenchmark}).
 *
 * <pre>{@code
 * java -cp qtrade-bench/target/benchmarks.jar io.qtrade.bench.Ta4jAdapterCpuTime [ROUNDS [abcdefghi]]
 * }</pre>
 */
public final class Ta4jAdapterCpuTime {

    private static final int RUNS = 9;

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
        String only = args.length > 1 ? args[1] : "abcdefghi";
        for (char c : only.toCharArray()) {
            if (c < 'a' || c >= 'a' + RUNS) {
                throw new IllegalArgumentException("runs are letters a to i, was " + only);
            }
        }
        double[][] ms = new double[RUNS][rounds];
        for (double[] row : ms) {
            Arrays.fill(row, Double.NaN);
        }
        for (int r = 0; r < rounds; r++) {
            for (int step = 0; step < RUNS; step++) {
                int which = r % 2 == 0 ? step : RUNS - 1 - step;
                if (only.indexOf('a' + which) < 0) {
                    continue;
                }
                long t0 = mx.getCurrentThreadCpuTime();
                switch (which) {
                    case 0 -> b.ta4jBarSeriesManager();
                    case 1 -> b.qtradeAdapterNoEquityRows();
                    case 2 -> b.qtradeAdapter();
                    case 3 -> b.qtradeAdapterOpenOnly();
                    case 4 -> b.ta4jBacktestExecutor();
                    case 5 -> b.qtradeAdapterNoEquityRowsAllTables();
                    case 6 -> b.qtradeAdapterAllTables();
                    case 7 -> b.qtradeAdapterOnSourceNoEquityRows();
                    default -> b.qtradeAdapterOnSource();
                }
                ms[which][r] = (mx.getCurrentThreadCpuTime() - t0) / 1e6;
            }
            System.out.printf("round %2d: ta4j %.2f ms, adapter (no equity rows) %.2f ms, adapter %.2f ms,"
                            + " adapter (no equity or order rows) %.2f ms; ta4j BacktestExecutor %.2f ms, adapter"
                            + " + all tables (no equity rows) %.2f ms, adapter + all tables %.2f ms; on the series' source (no equity rows) %.2f ms, on the series' source"
                            + " %.2f ms%n", r, ms[0][r], ms[1][r], ms[2][r], ms[3][r], ms[4][r], ms[5][r], ms[6][r],
                    ms[7][r], ms[8][r]);
        }
        double[] m = new double[RUNS];
        for (int k = 0; k < RUNS; k++) {
            m[k] = median(ms[k], 10);
        }
        System.out.printf("median of rounds 10..%d, CPU ms per %d bars: ta4j %.2f, adapter no equity rows %.2f"
                        + " (%.2fx ta4j's speed), adapter %.2f (%.2fx)%n", rounds - 1, Ta4jAdapterBenchmark.BARS, m[0],
                m[1], m[0] / m[1], m[2], m[0] / m[2]);
        System.out.printf("  adapter without equity or order rows (OrderHistory.OPEN_ONLY) %.2f (%.2fx)%n", m[3],
                m[0] / m[3]);
        System.out.printf("median of the per-round speed ratios (ta4j time / adapter time): no equity rows %.2fx,"
                        + " equity rows %.2fx, no equity or order rows %.2fx%n", ratio(ms, 0, 1), ratio(ms, 0, 2),
                ratio(ms, 0, 3));
        System.out.printf("with every result table built: adapter no equity rows %.2f, adapter %.2f; per-round ratio"
                        + " to BarSeriesManager %.2fx / %.2fx%n", m[5], m[6], ratio(ms, 0, 5), ratio(ms, 0, 6));
        System.out.printf("ta4j BacktestExecutor (BarSeriesManager + TradingStatement) %.2f; per-round ratio to it:"
                        + " adapter no equity rows %.2fx, adapter %.2fx, with every table %.2fx / %.2fx%n", m[4],
                ratio(ms, 4, 1), ratio(ms, 4, 2), ratio(ms, 4, 5), ratio(ms, 4, 6));
        System.out.printf("on the series' own source (Ta4jSeries.source + onSource): no equity rows %.2f, equity rows"
                        + " %.2f; per-round ratio to BarSeriesManager %.2fx / %.2fx, to BacktestExecutor %.2fx /"
                        + " %.2fx%n", m[7], m[8], ratio(ms, 0, 7), ratio(ms, 0, 8), ratio(ms, 4, 7), ratio(ms, 4, 8));
    }

    /** The median, over rounds 10 on, of run {@code base}'s time over run {@code other}'s in the same round. */
    private static double ratio(double[][] ms, int base, int other) {
        double[] r = new double[ms[base].length];
        for (int k = 0; k < r.length; k++) {
            r[k] = ms[base][k] / ms[other][k];
        }
        return median(r, 10);
    }

    private static double median(double[] x, int from) {
        double[] tail = Arrays.copyOfRange(x, from, x.length);
        Arrays.sort(tail);
        return tail[tail.length / 2];
    }
}
