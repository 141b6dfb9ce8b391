package io.qtrade.bench;

import io.qtrade.bars.BarBacktest;
import io.qtrade.bars.BarContext;
import io.qtrade.bars.SeriesStrategy;
import io.qtrade.bars.order.BarOrder;
import io.qtrade.bars.synthetic.SyntheticEquityMarket;
import io.qtrade.bars.ta4j.Ta4jAdapter;
import io.qtrade.bars.ta4j.Ta4jSeries;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarSlice;
import io.qtrade.core.bar.InMemoryBarSource;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Trade;
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
 * (2) - (1) is the price of a bar in the engine with the adapter; (4) the part of it that is the engine's loop. Then
 * the same with trades, on the strategy of {@link Ta4jAdapterBenchmark} (SMA 10/30, 781 trades):
 * <ol start="5">
 *   <li>ta4j's {@code BarSeriesManager};</li>
 *   <li>the adapter without equity rows, (7) with them;</li>
 *   <li value="8">a {@code SeriesStrategy} that sends the same market-on-close orders at the same bars (those of
 *       ta4j's trading record) with no ta4j at all, without equity rows, (9) with them: the engine's own cost of the
 *       trades, the rows and the run;</li>
 *   <li>the same strategy sending no order: it scans every bar (the engine's run with the adapter's loop, no
 *       trade).</li>
 * </ol>
 * (6) - (5) is what the adapter adds to ta4j; (8) - (10) the orders, fills, reports and records of the trades;
 * (9) - (8) the equity rows. Prints the medians of the rounds after the first 10. The source is built once and rewound (the ta4j series is built once
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
        // the bars at which ta4j trades this strategy, for the replay without ta4j
        boolean[] tradeAt = new boolean[bars.size()];
        for (Trade t : new BarSeriesManager(series, new TradeOnCurrentCloseModel())
                .run(Ta4jAdapterBenchmark.sma(series)).getTrades()) {
            tradeAt[t.getIndex()] = true;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] ms = new double[10][rounds];
        boolean[] noTrade = new boolean[bars.size()];
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
            long t = mx.getCurrentThreadCpuTime();
            new BarSeriesManager(series, new TradeOnCurrentCloseModel()).run(Ta4jAdapterBenchmark.sma(series));
            ms[4][r] = (mx.getCurrentThreadCpuTime() - t) / 1e6;
            for (int k = 0; k < 4; k++) {
                boolean equityRows = k % 2 == 1;
                t = mx.getCurrentThreadCpuTime();
                source.rewind();
                Strategy s = k < 2 ? Ta4jAdapter.onSeries(0, series, Ta4jAdapterBenchmark.sma(series),
                        Ta4jAdapter.Settings.AT_SIGNAL_CLOSE) : new Replay(tradeAt);
                BarBacktest.builder().source(source).strategy("s", s).recordEquity(equityRows).build().run();
                ms[5 + k][r] = (mx.getCurrentThreadCpuTime() - t) / 1e6;
            }
            t = mx.getCurrentThreadCpuTime();
            source.rewind();
            BarBacktest.builder().source(source).strategy("s", new Replay(noTrade)).recordEquity(false).build().run();
            ms[9][r] = (mx.getCurrentThreadCpuTime() - t) / 1e6;
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
        int trades = 0;
        for (boolean at : tradeAt) {
            trades += at ? 1 : 0;
        }
        double bsm = median(ms[4], 10);
        double adapterNoRows = median(ms[5], 10);
        double adapterRows = median(ms[6], 10);
        double replay = median(ms[7], 10);
        double replayRows = median(ms[8], 10);
        double scanOnly = median(ms[9], 10);
        System.out.printf("with %d trades: ta4j BarSeriesManager %.2f, adapter %.2f without equity rows (%.2fx;"
                        + " +%.2f ms) and %.2f with them (%.2fx; +%.2f ms); without ta4j: the engine scanning every"
                        + " bar %.2f, with the same orders %.2f (+%.2f ms, %.0f ns a trade), and equity rows %.2f"
                        + " (+%.2f ms for %d rows)%n", trades, bsm, adapterNoRows, bsm / adapterNoRows,
                adapterNoRows - bsm, adapterRows, bsm / adapterRows, adapterRows - bsm, scanOnly, replay,
                replay - scanOnly, (replay - scanOnly) * 1e6 / trades, replayRows, replayRows - replay,
                Ta4jAdapterBenchmark.BARS);
    }

    /** Market-on-close orders of one unit at the marked bars, alternately buying and selling; scans the rest. */
    private static final class Replay implements SeriesStrategy {
        private final boolean[] tradeAt;
        private BarContext context;
        private int bar;
        private boolean decided;
        private boolean holding;

        Replay(boolean[] tradeAt) {
            this.tradeAt = tradeAt;
        }

        @Override
        public void onStart(StrategyContext c) {
            context = BarContext.of(c);
        }

        @Override
        public boolean scans() {
            return true;
        }

        @Override
        public int scan(int instrument, BarBatch rows, int from, int to) {
            if (decided) {
                return from;
            }
            for (int row = from; row < to; row++) {
                if (tradeAt[bar]) {
                    decided = true;
                    return row;
                }
                bar++;
            }
            return to;
        }

        @Override
        public void onBar(int instrument, BarBatch rows, int row) {
            if (decided || tradeAt[bar]) {
                decided = false;
                context.submit(BarOrder.marketOnClose(0, holding ? Side.SELL : Side.BUY, 1));
                holding = !holding;
            }
            bar++;
        }
    }

    private static double median(double[] x, int from) {
        double[] tail = Arrays.copyOfRange(x, from, x.length);
        Arrays.sort(tail);
        return tail[tail.length / 2];
    }
}
