package io.qtrade.bars;

import io.qtrade.bars.cost.BpsCommission;
import io.qtrade.bars.cost.FixedBpsSlippage;
import io.qtrade.bars.order.BarOrderType;
import io.qtrade.bars.ta4j.Ta4jAdapter;
import io.qtrade.bars.ta4j.Ta4jSeries;
import io.qtrade.bars.ta4j.Ta4jSeriesSource;
import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarSource;
import io.qtrade.core.bar.InMemoryBarSource;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.num.DoubleNum;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Ta4jAdapter#onSource} on a {@link Ta4jSeriesSource}: the engine runs on the series' own bars, the adapter
 * skips its per-bar comparison with the series, and the results are those of {@link Ta4jAdapter#onSeries} over an
 * {@code InMemoryBarSource} of the same bars, every table cell and trade to the bit (expected values: the
 * {@code onSeries} run, which {@code OneSeriesLoopTest} and {@code Ta4jSamenessTest} check against the general loop
 * and ta4j's {@code BarSeriesManager}; tolerance: none). Bars that are not the series' are refused as before.
 */
class Ta4jSeriesSourceTest {

    private static final Instrument AAPL = Instrument.spot("AAPL", "NASDAQ", 0.01, 1);

    private static final List<Function<BarSeries, org.ta4j.core.Strategy>> TA4J = List.of(
            s -> OneSeriesLoopTest.smaCrossover(s, 5, 20), OneSeriesLoopTest::rsiReversion,
            OneSeriesLoopTest::trendWithStops, OneSeriesLoopTest::macd);

    private record Run(BarResult result, TradingRecord record) {
    }

    private static Run run(BarSource source, Ta4jAdapter adapter, boolean equityRows, boolean general) {
        BarBacktest.Builder b = BarBacktest.builder().source(source).initialCash(1e6)
                .commission(BpsCommission.of(5)).slippage(new FixedBpsSlippage(3)).recordEquity(equityRows)
                .strategy("ta4j", adapter);
        if (general) {
            b.generalLoop();
        }
        return new Run(b.build().run(), adapter.tradingRecord(0));
    }

    /** The qtrade-bars README's snippet, as written there (between the markers). */
    @Test
    void theReadmeSnippetRunsAndTradesAsOnSeries() {
        BarSeries series = Ta4jSeries.of("AAPL", OneSeriesLoopTest.aapl(), 0, ZoneOffset.UTC);
        // README begin
        Instrument aapl = Instrument.spot("AAPL", "NASDAQ", 0.01, 1);
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator fast = new SMAIndicator(close, 10);
        SMAIndicator slow = new SMAIndicator(close, 30);
        org.ta4j.core.Strategy sma = new BaseStrategy(new CrossedUpIndicatorRule(fast, slow),
                new CrossedDownIndicatorRule(fast, slow), 30);

        Ta4jSeriesSource source = Ta4jSeries.source(aapl, series);
        Ta4jAdapter adapter = Ta4jAdapter.onSource(source, sma, Ta4jAdapter.Settings.AT_SIGNAL_CLOSE);
        BarResult result = BarBacktest.builder()
                .source(source)
                .strategy("sma", adapter)
                .initialCash(100_000)
                .build().run();
        TradingRecord trades = adapter.tradingRecord(0);   // ta4j's own record of the same trades
        // README end
        BarSeries again = Ta4jSeries.of("AAPL", OneSeriesLoopTest.aapl(), 0, ZoneOffset.UTC);
        Ta4jAdapter reference = Ta4jAdapter.onSeries(0, again, OneSeriesLoopTest.smaCrossover(again, 10, 30),
                Ta4jAdapter.Settings.AT_SIGNAL_CLOSE);
        BarResult expected = BarBacktest.builder().source(new InMemoryBarSource(List.of(AAPL), OneSeriesLoopTest.aapl()))
                .strategy("sma", reference).initialCash(100_000).build().run();
        assertThat(trades.getPositionCount()).isPositive()
                .isEqualTo(reference.tradingRecord(0).getPositionCount());
        assertThat(result.backtest().fills().rowCount()).isEqualTo(expected.backtest().fills().rowCount()).isPositive();
        assertThat(Double.doubleToRawLongBits(result.equity("sma")))
                .isEqualTo(Double.doubleToRawLongBits(expected.equity("sma")));
    }

    @Test
    void onTheSeriesOwnSourceTheResultsAreThoseOfOnSeriesToTheBit() {
        BarBatch bars = OneSeriesLoopTest.aapl();
        int trades = 0;
        for (Function<BarSeries, org.ta4j.core.Strategy> factory : TA4J) {
            for (BarOrderType execution : List.of(BarOrderType.MARKET_ON_CLOSE, BarOrderType.MARKET_ON_OPEN)) {
                for (Trade.TradeType start : Trade.TradeType.values()) {
                    for (boolean equityRows : new boolean[] {true, false}) {
                        Ta4jAdapter.Settings settings = Ta4jAdapter.Settings.TA4J_DEFAULTS.withAmount(10)
                                .withExecution(execution).withStartingType(start);
                        BarSeries series = Ta4jSeries.of("AAPL", bars, 0, ZoneOffset.UTC);
                        Run want = run(new InMemoryBarSource(List.of(AAPL), bars),
                                Ta4jAdapter.onSeries(0, series, factory.apply(series), settings), equityRows, false);
                        BarSeries own = Ta4jSeries.of("AAPL", bars, 0, ZoneOffset.UTC);
                        Ta4jSeriesSource source = Ta4jSeries.source(AAPL, own);
                        for (boolean general : new boolean[] {false, true}) {
                            source.rewind();
                            Run got = run(source, Ta4jAdapter.onSource(source, factory.apply(own), settings),
                                    equityRows, general);
                            OneSeriesLoopTest.assertSameResults(want.result(), got.result());
                            OneSeriesLoopTest.assertSameRecords(want.record(), got.record());
                            // a fresh strategy on the same series: the series' indicator caches do not matter
                            own = Ta4jSeries.of("AAPL", bars, 0, ZoneOffset.UTC);
                            source = Ta4jSeries.source(AAPL, own);
                        }
                        trades += want.record().getTrades().size();
                    }
                }
            }
        }
        assertThat(trades).as("the strategies trade on these bars").isGreaterThan(100);
    }

    @Test
    void theSourceServesTheSeriesBarsAsTa4jSeriesOfReadsThem() {
        BarBatch bars = OneSeriesLoopTest.aapl();
        Ta4jSeriesSource source = Ta4jSeries.source(AAPL, Ta4jSeries.of("AAPL", bars, 0, ZoneOffset.UTC));
        BarBatch into = new BarBatch(100);
        int row = 0;
        while (source.readBatch(into)) {
            for (int r = 0; r < into.size(); r++, row++) {
                assertThat(into.instrument(r)).isZero();
                assertThat(into.startTs(r)).isEqualTo(bars.startTs(row));
                assertThat(into.endTs(r)).isEqualTo(bars.endTs(row));
                assertThat(into.open(r)).isEqualTo(bars.open(row));
                assertThat(into.high(r)).isEqualTo(bars.high(row));
                assertThat(into.low(r)).isEqualTo(bars.low(row));
                assertThat(into.close(r)).isEqualTo(bars.close(row));
                assertThat(into.volume(r)).isEqualTo(bars.volume(row));
            }
        }
        assertThat(row).isEqualTo(bars.size());
    }

    /** {@code bars} with the close of row {@code row} moved to its high or low (a different, valid bar). */
    private static BarBatch withOtherClose(BarBatch bars, int row) {
        BarBatch out = new BarBatch(bars.size());
        for (int r = 0; r < bars.size(); r++) {
            double close = bars.close(r);
            if (r == row) {
                close = close != bars.high(r) ? bars.high(r) : bars.low(r);
            }
            out.add(bars.instrument(r), bars.startTs(r), bars.endTs(r), bars.open(r), bars.high(r), bars.low(r),
                    close, bars.volume(r));
        }
        return out;
    }

    private static String message(Runnable run) {
        try {
            run.run();
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t.getCause() != null && t.getMessage() != null && !t.getMessage().contains("ta4j adapter")) {
                t = t.getCause();
            }
            return t.getMessage();
        }
        throw new AssertionError("the run was not refused");
    }

    @Test
    void barsFromAnotherSourceAreStillComparedAndRefusedWithTheSameMessage() {
        BarBatch bars = OneSeriesLoopTest.aapl();
        for (int row : new int[] {0, 7, 150, bars.size() - 1}) {
            BarBatch other = withOtherClose(bars, row);
            for (boolean general : new boolean[] {false, true}) {
                BarSeries series = Ta4jSeries.of("AAPL", bars, 0, ZoneOffset.UTC);
                String want = message(() -> run(new InMemoryBarSource(List.of(AAPL), other),
                        Ta4jAdapter.onSeries(0, series, OneSeriesLoopTest.smaCrossover(series, 5, 20),
                                Ta4jAdapter.Settings.AT_SIGNAL_CLOSE), true, general));
                BarSeries own = Ta4jSeries.of("AAPL", bars, 0, ZoneOffset.UTC);
                Ta4jSeriesSource source = Ta4jSeries.source(AAPL, own);
                String got = message(() -> run(new InMemoryBarSource(List.of(AAPL), other),
                        Ta4jAdapter.onSource(source, OneSeriesLoopTest.smaCrossover(own, 5, 20),
                                Ta4jAdapter.Settings.AT_SIGNAL_CLOSE), true, general));
                assertThat(want).contains("is not the series' bar " + row);
                assertThat(got).isEqualTo(want);
            }
        }
    }

    @Test
    void aSeriesChangedAfterItsSourceWasBuiltIsRefusedAtTheStart() {
        BarBatch bars = OneSeriesLoopTest.aapl();
        List<java.util.function.Consumer<BarSeries>> changes = List.of(
                s -> s.addBar(Duration.ofDays(1), s.getLastBar().getEndTime().plusDays(1), DoubleNum.valueOf(1),
                        DoubleNum.valueOf(2), DoubleNum.valueOf(1), DoubleNum.valueOf(2), DoubleNum.valueOf(5)),
                s -> s.addPrice(DoubleNum.valueOf(s.getLastBar().getHighPrice().doubleValue() + 1)),
                s -> s.addTrade(DoubleNum.valueOf(3), s.getLastBar().getClosePrice()),
                s -> s.setMaximumBarCount(10));
        for (int k = 0; k < changes.size(); k++) {
            BarSeries own = Ta4jSeries.of("AAPL", bars, 0, ZoneOffset.UTC);
            Ta4jSeriesSource source = Ta4jSeries.source(AAPL, own);
            assertThat(source.unchanged()).isTrue();
            changes.get(k).accept(own);
            assertThat(source.unchanged()).as("change %d", k).isFalse();
            String m = message(() -> run(source, Ta4jAdapter.onSource(source,
                    OneSeriesLoopTest.smaCrossover(own, 5, 20), Ta4jAdapter.Settings.AT_SIGNAL_CLOSE), true, false));
            assertThat(m).as("change %d", k).startsWith("ta4j adapter: at the run's start, the ta4j series AAPL")
                    .contains("has changed");
        }
    }

    /**
     * The comparison is skipped on the source's own bars: an earlier bar changed in place after the source was built
     * (ta4j's {@code Bar.addPrice}, the documented blind spot) is refused by {@code onSeries}, which compares every
     * bar, and not by {@code onSource} on the one-series loop, which runs on what the source read.
     */
    @Test
    void onTheSourcesOwnBarsTheAdapterDoesNotCompareThemWithTheSeries() {
        BarBatch bars = OneSeriesLoopTest.aapl();
        BarSeries own = Ta4jSeries.of("AAPL", bars, 0, ZoneOffset.UTC);
        Ta4jSeriesSource source = Ta4jSeries.source(AAPL, own);
        own.getBar(50).addPrice(DoubleNum.valueOf(own.getBar(50).getHighPrice().doubleValue() + 1));
        String refused = message(() -> run(new InMemoryBarSource(List.of(AAPL), bars), Ta4jAdapter.onSeries(0, own,
                OneSeriesLoopTest.smaCrossover(own, 5, 20), Ta4jAdapter.Settings.AT_SIGNAL_CLOSE), true, false));
        assertThat(refused).contains("is not the series' bar 50");
        Run ran = run(source, Ta4jAdapter.onSource(source, OneSeriesLoopTest.smaCrossover(own, 5, 20),
                Ta4jAdapter.Settings.AT_SIGNAL_CLOSE), true, false);
        assertThat(ran.result().bars()).isEqualTo(bars.size());
    }
}
