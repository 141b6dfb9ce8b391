package io.qtrade.bench;

import io.qtrade.backtest.OrderHistory;
import io.qtrade.bars.BarBacktest;
import io.qtrade.bars.BarResult;
import io.qtrade.bars.synthetic.SyntheticEquityMarket;
import io.qtrade.bars.ta4j.Ta4jAdapter;
import io.qtrade.bars.ta4j.Ta4jSeries;
import io.qtrade.bars.ta4j.Ta4jSeriesSource;
import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.InMemoryBarSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tech.tablesaw.api.Table;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.Trade;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BacktestExecutor;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.reports.TradingStatement;
import org.ta4j.core.reports.TradingStatementGenerator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The same ta4j strategy (SMA 10/30 crossover, long, trade at the signal close) on the same {@value #BARS}-bar daily
 * series: ta4j 0.17's own {@code BarSeriesManager} (the baseline) against the bar engine running it through
 * {@code Ta4jAdapter.onSeries} (engine, orders, fills, portfolio and result tables included). One operation = one
 * bar; each invocation builds the strategy afresh, so indicator caches start empty for both.
 *
 * <p>The comparison is like for like: both sides get the same data built once beforehand (ta4j its
 * {@code BarSeries}, the engine an {@code InMemoryBarSource} over the same bars, rewound per run), the same
 * {@code DoubleNum} series and a strategy built the same way by {@link #sma}; neither side's data construction is
 * timed. The engine run includes everything else it does (orders, fills, portfolio, result tables).
 *
 * <p>A second ta4j reference, {@link #ta4jBacktestExecutor}: ta4j's {@code BacktestExecutor}, which runs the same
 * {@code BarSeriesManager} and then builds ta4j's PnL report of the run (a {@code TradingStatement}: its performance
 * and position-statistics reports), the like for like of an engine run whose result tables are read. Beside it,
 * {@link #qtradeAdapterAllTables} and {@link #qtradeAdapterNoEquityRowsAllTables} build every result table of the run
 * ({@code BacktestResult.tables()}: orders, fills, equity, totals), which the plain adapter runs build only on demand.
 *
 * <pre>{@code
 * java -jar qtrade-bench/target/benchmarks.jar 'Ta4jAdapterBenchmark' -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Ta4jAdapterBenchmark {

    /** Bars in the series. */
    public static final int BARS = 20_000;

    private BarBatch bars;
    private BarSeries series;
    private List<Instrument> instruments;
    /** The same bars as a source, built once and rewound for each run (ta4j's series is built once too). */
    private InMemoryBarSource source;
    /** The series' own source ({@code Ta4jSeries.source}), built once from the series and rewound for each run. */
    private Ta4jSeriesSource seriesSource;

    @Setup
    public void generate() {
        SyntheticEquityMarket m = new SyntheticEquityMarket(SyntheticEquityMarket.Settings.DEFAULTS
                .withSymbols(1).withDays(BARS).withSeed(3).withoutListingChanges());
        instruments = m.instruments();
        bars = new BarBatch(BARS);
        BarBatch b = new BarBatch(4096);
        while (m.readBatch(b)) {
            bars.addRange(b, 0, b.size());
        }
        series = Ta4jSeries.of("S000", bars, 0, ZoneOffset.UTC);
        source = new InMemoryBarSource(instruments, bars);
        seriesSource = Ta4jSeries.source(instruments.get(0), series);
    }

    /**
     * As {@link #qtradeAdapterNoEquityRows} the way a user holding a ta4j series runs it: the engine's source built
     * from the series ({@code Ta4jSeries.source}, once, like ta4j's series) and {@code Ta4jAdapter.onSource}, which
     * does not compare the source's own bars with the series.
     */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public int qtradeAdapterOnSourceNoEquityRows() {
        seriesSource.rewind();
        Ta4jAdapter adapter = Ta4jAdapter.onSource(seriesSource, sma(series), Ta4jAdapter.Settings.AT_SIGNAL_CLOSE);
        BarBacktest.builder().source(seriesSource).strategy("ta4j", adapter).recordEquity(false).build().run();
        return adapter.tradingRecord(0).getPositionCount();
    }

    /** As {@link #qtradeAdapterOnSourceNoEquityRows} with equity rows (the engine's default). */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public int qtradeAdapterOnSource() {
        seriesSource.rewind();
        Ta4jAdapter adapter = Ta4jAdapter.onSource(seriesSource, sma(series), Ta4jAdapter.Settings.AT_SIGNAL_CLOSE);
        BarBacktest.builder().source(seriesSource).strategy("ta4j", adapter).build().run();
        return adapter.tradingRecord(0).getPositionCount();
    }

    /** The prebuilt source, from its first bar. */
    private InMemoryBarSource source() {
        source.rewind();
        return source;
    }

    static Strategy sma(BarSeries s) {
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        SMAIndicator fast = new SMAIndicator(close, 10);
        SMAIndicator slow = new SMAIndicator(close, 30);
        return new BaseStrategy(new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow), 30);
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public int ta4jBarSeriesManager() {
        TradingRecord r = new BarSeriesManager(series, new TradeOnCurrentCloseModel()).run(sma(series));
        return r.getPositionCount();
    }

    /**
     * ta4j's {@code BacktestExecutor} on the same series and strategy: {@code BarSeriesManager.run} at the signal
     * close, then ta4j's {@code TradingStatement} (PnL and position statistics) of the trading record.
     */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public int ta4jBacktestExecutor() {
        BacktestExecutor executor = new BacktestExecutor(series, new TradingStatementGenerator(), new ZeroCostModel(),
                new ZeroCostModel(), new TradeOnCurrentCloseModel());
        List<TradingStatement> statements = executor.execute(List.of(sma(series)), series.numOf(1),
                Trade.TradeType.BUY);
        return statements.get(0).getPositionStatsReport().getProfitCount().intValue();
    }

    /** As {@link #qtradeAdapter}, then every result table built ({@code BacktestResult.tables()}). */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public int qtradeAdapterAllTables() {
        Ta4jAdapter adapter = Ta4jAdapter.onSeries(0, series, sma(series), Ta4jAdapter.Settings.AT_SIGNAL_CLOSE);
        BarResult result = BarBacktest.builder().source(source()).strategy("ta4j", adapter).build().run();
        return rows(result);
    }

    /** As {@link #qtradeAdapterNoEquityRows}, then every result table built ({@code BacktestResult.tables()}). */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public int qtradeAdapterNoEquityRowsAllTables() {
        Ta4jAdapter adapter = Ta4jAdapter.onSeries(0, series, sma(series), Ta4jAdapter.Settings.AT_SIGNAL_CLOSE);
        BarResult result = BarBacktest.builder().source(source()).strategy("ta4j", adapter).recordEquity(false)
                .build().run();
        return rows(result);
    }

    private static int rows(BarResult result) {
        int rows = 0;
        for (Table t : result.backtest().tables().values()) {
            rows += t.rowCount();
        }
        return rows;
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public int qtradeAdapter() {
        Ta4jAdapter adapter = Ta4jAdapter.onSeries(0, series, sma(series), Ta4jAdapter.Settings.AT_SIGNAL_CLOSE);
        BarBacktest.builder().source(source()).strategy("ta4j", adapter)
                .build().run();
        return adapter.tradingRecord(0).getPositionCount();
    }

    /**
     * As {@link #qtradeAdapterNoEquityRows} keeping no order or fill rows ({@code OrderHistory.OPEN_ONLY}: counts,
     * totals, portfolio and the ta4j trading record only, which is what ta4j's executor returns).
     */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public int qtradeAdapterOpenOnly() {
        Ta4jAdapter adapter = Ta4jAdapter.onSeries(0, series, sma(series), Ta4jAdapter.Settings.AT_SIGNAL_CLOSE);
        BarBacktest.builder().source(source()).strategy("ta4j", adapter)
                .recordEquity(false).orderHistory(OrderHistory.OPEN_ONLY).build().run();
        return adapter.tradingRecord(0).getPositionCount();
    }

    /** As {@link #qtradeAdapter} without the per-bar equity rows (ta4j's executor records no equity curve either). */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public int qtradeAdapterNoEquityRows() {
        Ta4jAdapter adapter = Ta4jAdapter.onSeries(0, series, sma(series), Ta4jAdapter.Settings.AT_SIGNAL_CLOSE);
        BarBacktest.builder().source(source()).strategy("ta4j", adapter)
                .recordEquity(false).build().run();
        return adapter.tradingRecord(0).getPositionCount();
    }
}
