package io.qtrade.bench;

import io.qtrade.bars.BarBacktest;
import io.qtrade.bars.synthetic.SyntheticEquityMarket;
import io.qtrade.bars.ta4j.Ta4jAdapter;
import io.qtrade.bars.ta4j.Ta4jSeries;
import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.InMemoryBarSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed cost of a run: {@link Ta4jAdapterBenchmark}'s comparison on a tiny series (100 daily bars, or the count
 * given), where building the engine, its strategy run and its result recorder weigh most. Rounds of (a) ta4j's
 * {@code BarSeriesManager}, (b) the adapter without equity rows, (c) the adapter with them, each repeated 500 times
 * per round (order alternating per round), in thread CPU time; prints the medians of rounds 10 on, in microseconds
 * per run, and the median per-round ratios (ta4j time / adapter time).
 *
 * <pre>{@code
 * java -cp qtrade-bench/target/benchmarks.jar io.qtrade.bench.Ta4jAdapterSetupCost [ROUNDS [BARS]]
 * }</pre>
 */
public final class Ta4jAdapterSetupCost {

    private static final int REPEAT = 500;

    private Ta4jAdapterSetupCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 61;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        if (rounds <= 10) {
            throw new IllegalArgumentException("rounds must be > 10 (the first 10 are warm-up), was " + rounds);
        }
        SyntheticEquityMarket m = new SyntheticEquityMarket(SyntheticEquityMarket.Settings.DEFAULTS
                .withSymbols(1).withDays(n).withSeed(3).withoutListingChanges());
        List<Instrument> instruments = m.instruments();
        BarBatch bars = new BarBatch(n);
        BarBatch b = new BarBatch(4096);
        while (m.readBatch(b)) {
            bars.addRange(b, 0, b.size());
        }
        BarSeries series = Ta4jSeries.of("S000", bars, 0, ZoneOffset.UTC);
        InMemoryBarSource source = new InMemoryBarSource(instruments, bars);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] us = new double[3][rounds];
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (int step = 0; step < 3; step++) {
                int which = r % 2 == 0 ? step : 2 - step;
                long t0 = mx.getCurrentThreadCpuTime();
                for (int k = 0; k < REPEAT; k++) {
                    if (which == 0) {
                        sink += new BarSeriesManager(series, new TradeOnCurrentCloseModel())
                                .run(Ta4jAdapterBenchmark.sma(series)).getPositionCount();
                    } else {
                        source.rewind();
                        Ta4jAdapter adapter = Ta4jAdapter.onSeries(0, series, Ta4jAdapterBenchmark.sma(series),
                                Ta4jAdapter.Settings.AT_SIGNAL_CLOSE);
                        BarBacktest.builder().source(source).strategy("ta4j", adapter).recordEquity(which == 2)
                                .build().run();
                        sink += adapter.tradingRecord(0).getPositionCount();
                    }
                }
                us[which][r] = (mx.getCurrentThreadCpuTime() - t0) / 1e3 / REPEAT;
            }
        }
        System.out.printf("%d bars, median of rounds 10..%d, CPU us per run: ta4j %.1f, adapter no equity rows %.1f,"
                        + " adapter %.1f; per-round ratio %.2fx / %.2fx (positions %d)%n", n, rounds - 1,
                median(us[0]), median(us[1]), median(us[2]), ratio(us, 1), ratio(us, 2), sink / rounds / 3 / REPEAT);
    }

    private static double ratio(double[][] us, int other) {
        double[] r = new double[us[0].length];
        for (int k = 0; k < r.length; k++) {
            r[k] = us[0][k] / us[other][k];
        }
        return median(r);
    }

    private static double median(double[] x) {
        double[] tail = Arrays.copyOfRange(x, 10, x.length);
        Arrays.sort(tail);
        return tail[tail.length / 2];
    }
}
