package io.qtrade.bench;

import io.qtrade.bars.BarBacktest;
import io.qtrade.bars.SeriesStrategy;
import io.qtrade.bars.synthetic.SyntheticEquityMarket;
import io.qtrade.bars.ta4j.Ta4jAdapter;
import io.qtrade.bars.ta4j.Ta4jSeries;
import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarSlice;
import io.qtrade.core.bar.InMemoryBarSource;
import io.qtrade.core.strategy.Strategy;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.BooleanRule;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Where the ta4j adapter's time goes beyond ta4j's own (the {@link Ta4jAdapterCpuTime} gap), in thread CPU time on
 * the same {@value Ta4jAdapterBenchmark#BARS}-bar series, per round:
 * <ol>
 *   <li>ta4j's {@code BarSeriesManager} on an SMA 10/30 strategy that evaluates the crossing every bar but never
 *       enters ({@code crossedUp AND false}): ta4j's rule work with no trade;</li>
 *   <li>the same strategy through {@code Ta4jAdapter.onSeries} in the bar engine (no equity rows): the rule work plus
 *       the engine's per-bar cost and the adapter's, no order;</li>
 *   <li>the bar engine with a strategy that does nothing (no equity rows): the engine's per-bar cost alone, with a
 *       slice per bar ({@code onBars});</li>
 *   <li>the same with a {@code SeriesStrategy} that does nothing: the one-series loop's per-bar cost with the bar
 *       read in place, as the adapter runs.</li>
 * </ol>
 * (2) - (1) is the price of a bar in the engine with the adapter; (4) the part of it that is the engine's loop. Prints
 * the medians of the rounds after the first 10. The source is built once and rewound (the ta4j series is built once
 * too); the engine runs in its one-series loop (one instrument, one strategy).
 *
 * <pre>{@code
 * java -cp qtrade-bench/target/benchmarks.jar io.qtrade.bench.Ta4jAdapterDecomposition [ROUNDS]
 * }</pre>
 */
public final class Ta4jAdapterDecomposition {

    private Ta4jAdapterDecomposition() {
    }

    static org.ta4j.core.Strategy neverEnters(BarSeries s) {
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        SMAIndicator fast = new SMAIndicator(close, 10);
        SMAIndicator slow = new SMAIndicator(close, 30);
        return new BaseStrategy(new CrossedUpIndicatorRule(fast, slow).and(BooleanRule.FALSE),
                new CrossedDownIndicatorRule(fast, slow), 30);
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 61;
        if (rounds <= 10) {
            throw new IllegalArgumentException("rounds must be > 10 (the first 10 are warm-up), was " + rounds);
        }
        SyntheticEquityMarket m = new SyntheticEquityMarket(SyntheticEquityMarket.Settings.DEFAULTS
                .withSymbols(1).withDays(Ta4jAdapterBenchmark.BARS).withSeed(3).withoutListingChanges());
        List<Instrument> instruments = m.instruments();
        BarBatch bars = new BarBatch(Ta4jAdapterBenchmark.BARS);
        BarBatch b = new BarBatch(4096);
        while (m.readBatch(b)) {
            bars.addRange(b, 0, b.size());
        }
        BarSeries series = Ta4jSeries.of("S000", bars, 0, ZoneOffset.UTC);
        Strategy noop = new Strategy() {
            @Override
            public void onBars(BarSlice slice) {
                // nothing: the engine's own per-bar cost
            }
        };
        SeriesStrategy noopSeries = (instrument, rows, row) -> {
            // nothing: the one-series loop's own per-bar cost
        };
        InMemoryBarSource source = new InMemoryBarSource(instruments, bars);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] ms = new double[4][rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            new BarSeriesManager(series, new TradeOnCurrentCloseModel()).run(neverEnters(series));
            long t1 = mx.getCurrentThreadCpuTime();
            Ta4jAdapter adapter = Ta4jAdapter.onSeries(0, series, neverEnters(series),
                    Ta4jAdapter.Settings.AT_SIGNAL_CLOSE);
            source.rewind();
            BarBacktest.builder().source(source).strategy("ta4j", adapter).recordEquity(false).build().run();
            long t2 = mx.getCurrentThreadCpuTime();
            source.rewind();
            BarBacktest.builder().source(source).strategy("noop", noop).recordEquity(false).build().run();
            long t3 = mx.getCurrentThreadCpuTime();
            source.rewind();
            BarBacktest.builder().source(source).strategy("noop", noopSeries).recordEquity(false).build().run();
            long t4 = mx.getCurrentThreadCpuTime();
            ms[0][r] = (t1 - t0) / 1e6;
            ms[1][r] = (t2 - t1) / 1e6;
            ms[2][r] = (t3 - t2) / 1e6;
            ms[3][r] = (t4 - t3) / 1e6;
        }
        double ta4j = median(ms[0], 10);
        double adapter = median(ms[1], 10);
        double engine = median(ms[2], 10);
        double seriesNoop = median(ms[3], 10);
        System.out.printf("median of rounds 10..%d, CPU ms per %d bars: ta4j never entering %.2f, adapter never"
                        + " entering %.2f (%.2fx ta4j's speed; %.0f ns a bar more), no-op engine %.2f (%.0f ns a bar),"
                        + " no-op SeriesStrategy %.2f (%.0f ns a bar)%n",
                rounds - 1, Ta4jAdapterBenchmark.BARS, ta4j, adapter, ta4j / adapter,
                (adapter - ta4j) * 1e6 / Ta4jAdapterBenchmark.BARS, engine, engine * 1e6 / Ta4jAdapterBenchmark.BARS,
                seriesNoop, seriesNoop * 1e6 / Ta4jAdapterBenchmark.BARS);
    }

    private static double median(double[] x, int from) {
        double[] tail = Arrays.copyOfRange(x, from, x.length);
        Arrays.sort(tail);
        return tail[tail.length / 2];
    }
}
