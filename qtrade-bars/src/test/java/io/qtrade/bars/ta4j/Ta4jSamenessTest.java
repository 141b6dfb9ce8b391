package io.qtrade.bars.ta4j;

import io.qtrade.bars.BarBacktest;
import io.qtrade.bars.BarResult;
import io.qtrade.bars.cost.BpsCommission;
import io.qtrade.store.bars.BarCsvReader;
import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.InMemoryBarSource;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.ExecutionReport;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Strategy;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.StopGainRule;
import org.ta4j.core.rules.StopLossRule;
import org.ta4j.core.rules.UnderIndicatorRule;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The adapter against ta4j 0.17's own {@code BarSeriesManager} on AAPL's 2013 daily bars (ta4j-examples data, MIT):
 * the same trades (index, price, amount) and the same gross (and, with a linear cost, net) profit.
 */
class Ta4jSamenessTest {

    private static final Instrument AAPL = Instrument.spot("AAPL", "NASDAQ", 0.01, 1);
    private static final double AMOUNT = 10;

    static BarBatch aapl() {
        try {
            Path file = Path.of(Ta4jSamenessTest.class.getResource("/io/qtrade/bars/data/aapl_daily_2013_ta4j.csv")
                    .toURI());
            return BarCsvReader.read(file, BarCsvReader.Settings.UTC_DAYS).bars();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Strategy smaCrossover(BarSeries s) {
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        SMAIndicator fast = new SMAIndicator(close, 5);
        SMAIndicator slow = new SMAIndicator(close, 20);
        return new BaseStrategy("sma 5/20", new CrossedUpIndicatorRule(fast, slow),
                new CrossedDownIndicatorRule(fast, slow), 20);
    }

    static Strategy rsiReversion(BarSeries s) {
        RSIIndicator rsi = new RSIIndicator(new ClosePriceIndicator(s), 14);
        return new BaseStrategy("rsi 14 35/65", new UnderIndicatorRule(rsi, 35), new OverIndicatorRule(rsi, 65), 14);
    }

    static Strategy trendWithStops(BarSeries s) {
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        return new BaseStrategy("close > sma10, stop 3% / gain 5%", new OverIndicatorRule(close,
                new SMAIndicator(close, 10)), new StopLossRule(close, 3).or(new StopGainRule(close, 5)), 10);
    }

    static Strategy macd(BarSeries s) {
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        EMAIndicator signal = new EMAIndicator(macd, 9);
        return new BaseStrategy("macd 12/26/9", new CrossedUpIndicatorRule(macd, signal),
                new CrossedDownIndicatorRule(macd, signal), 26);
    }

    private record Run(TradingRecord record, List<Fill> fills, BarResult result) {
    }


    private static Run runAdapter(Function<BarSeries, Strategy> factory, Ta4jAdapter.Settings settings,
                                  double commissionBps) {
        BarBatch bars = aapl();
        Ta4jAdapter adapter = Ta4jAdapter.forEachInstrument(factory, settings);
        List<Fill> fills = new ArrayList<>();
        io.qtrade.core.strategy.Strategy recording = new io.qtrade.core.strategy.Strategy() {
            @Override
            public void onStart(io.qtrade.core.strategy.StrategyContext context) {
                adapter.onStart(context);
            }

            @Override
            public void onBars(io.qtrade.core.bar.BarSlice slice) {
                adapter.onBars(slice);
            }

            @Override
            public void onFill(Fill fill) {
                fills.add(fill);
                adapter.onFill(fill);
            }

            @Override
            public void onOrderUpdate(ExecutionReport report) {
                adapter.onOrderUpdate(report);
            }
        };
        BarResult result = BarBacktest.builder().source(new InMemoryBarSource(List.of(AAPL), bars))
                .strategy("ta4j", recording).initialCash(1e6).commission(BpsCommission.of(commissionBps))
                .build().run();
        return new Run(adapter.tradingRecord(0), fills, result);
    }

    private static void assertSameTrades(TradingRecord expected, Run actual, BarSeries series) {
        List<Trade> want = expected.getTrades();
        List<Trade> got = actual.record().getTrades();
        assertThat(want).as("ta4j makes trades on this data").hasSizeGreaterThanOrEqualTo(4);
        assertThat(got).hasSameSizeAs(want);
        assertThat(actual.fills()).hasSameSizeAs(want);
        for (int k = 0; k < want.size(); k++) {
            Trade w = want.get(k);
            Trade g = got.get(k);
            Fill f = actual.fills().get(k);
            assertThat(g.getIndex()).as("trade %d index", k).isEqualTo(w.getIndex());
            assertThat(g.getType()).isEqualTo(w.getType());
            assertThat(Double.doubleToLongBits(g.getPricePerAsset().doubleValue())).as("trade %d price", k)
                    .isEqualTo(Double.doubleToLongBits(w.getPricePerAsset().doubleValue()));
            assertThat(g.getAmount().doubleValue()).isEqualTo(w.getAmount().doubleValue());
            // the engine's fill: same price and amount, at the bar the index names
            assertThat(f.price()).isEqualTo(w.getPricePerAsset().doubleValue());
            assertThat(f.qty()).isEqualTo(w.getAmount().doubleValue());
            assertThat(f.side().name()).isEqualTo(w.getType().name());
            long barEnd = series.getBar(w.getIndex()).getEndTime().toEpochSecond() * 1_000_000_000L;
            assertThat(f.exchTs()).isEqualTo(barEnd);
        }
    }

    private static double grossProfit(TradingRecord r) {
        double sum = 0;
        for (Position p : r.getPositions()) {
            sum += p.getGrossProfit().doubleValue();
        }
        return sum;
    }

    private static double netProfit(TradingRecord r) {
        double sum = 0;
        for (Position p : r.getPositions()) {
            sum += p.getProfit().doubleValue();
        }
        return sum;
    }

    private static void checkAtClose(Function<BarSeries, Strategy> factory) {
        BarSeries series = Ta4jSeries.of("AAPL", aapl(), 0, ZoneOffset.UTC);
        TradingRecord expected = new BarSeriesManager(series, new TradeOnCurrentCloseModel())
                .run(factory.apply(series), Trade.TradeType.BUY, DoubleNum.valueOf(AMOUNT));
        Run run = runAdapter(factory, Ta4jAdapter.Settings.AT_SIGNAL_CLOSE.withAmount(AMOUNT), 0);
        assertSameTrades(expected, run, series);
        // gross PnL: ta4j's closed positions against the engine's realized PnL (tolerance: float summation order)
        assertThat(run.result().portfolio("ta4j").realizedPnl()).isCloseTo(grossProfit(expected), within(1e-9));
    }

    @Test
    void smaCrossoverMakesTa4jsTrades() {
        checkAtClose(Ta4jSamenessTest::smaCrossover);
    }

    @Test
    void rsiReversionMakesTa4jsTrades() {
        checkAtClose(Ta4jSamenessTest::rsiReversion);
    }

    @Test
    void stopLossAndStopGainRulesReadingTheRecordMakeTa4jsTrades() {
        checkAtClose(Ta4jSamenessTest::trendWithStops);
    }

    @Test
    void macdCrossoverMakesTa4jsTrades() {
        checkAtClose(Ta4jSamenessTest::macd);
    }

    @Test
    void ta4jsDefaultNextOpenExecutionMatchesTradeOnNextOpenModel() {
        BarSeries series = Ta4jSeries.of("AAPL", aapl(), 0, ZoneOffset.UTC);
        // BarSeriesManager(series) executes with TradeOnNextOpenModel in ta4j 0.17
        TradingRecord expected = new BarSeriesManager(series)
                .run(macd(series), Trade.TradeType.BUY, DoubleNum.valueOf(AMOUNT));
        Run run = runAdapter(Ta4jSamenessTest::macd, Ta4jAdapter.Settings.TA4J_DEFAULTS.withAmount(AMOUNT), 0);
        assertSameTrades(expected, run, series);
        assertThat(run.result().portfolio("ta4j").realizedPnl()).isCloseTo(grossProfit(expected), within(1e-9));
    }

    @Test
    void shortStrategyAndLinearCostsMatchTa4jsNetProfit() {
        BarSeries series = Ta4jSeries.of("AAPL", aapl(), 0, ZoneOffset.UTC);
        LinearTransactionCostModel cost = new LinearTransactionCostModel(0.001); // 10 bps of each trade's value
        TradingRecord expected = new BarSeriesManager(series, cost, new ZeroCostModel(), new TradeOnCurrentCloseModel())
                .run(rsiReversion(series), Trade.TradeType.SELL, DoubleNum.valueOf(AMOUNT));
        Run run = runAdapter(Ta4jSamenessTest::rsiReversion, Ta4jAdapter.Settings.AT_SIGNAL_CLOSE.withAmount(AMOUNT)
                .withStartingType(Trade.TradeType.SELL).withRecordCostModel(cost), 10);
        assertSameTrades(expected, run, series);
        var p = run.result().portfolio("ta4j");
        assertThat(p.realizedPnl()).isCloseTo(grossProfit(expected), within(1e-9));
        // ta4j nets each closed position's entry and exit costs; the engine charged the same 10 bps per fill
        double openCost = run.record().getCurrentPosition().isOpened()
                ? run.fills().get(run.fills().size() - 1).fee() : 0.0;
        assertThat(p.realizedPnl() - (p.fees() - openCost)).isCloseTo(netProfit(expected), within(1e-9));
    }

    @Test
    void manyInstrumentsEachMakeTheirOwnTa4jTrades() {
        // instrument 0: AAPL 2013; instrument 1: the same bars at half the price, every 7th day missing
        BarBatch aapl = aapl();
        BarBatch both = new BarBatch(2 * aapl.size());
        BarBatch second = new BarBatch(aapl.size());
        for (int r = 0; r < aapl.size(); r++) {
            both.add(0, aapl.startTs(r), aapl.endTs(r), aapl.open(r), aapl.high(r), aapl.low(r), aapl.close(r),
                    aapl.volume(r));
            if (r % 7 != 3) {
                both.add(1, aapl.startTs(r), aapl.endTs(r), aapl.open(r) / 2, aapl.high(r) / 2, aapl.low(r) / 2,
                        aapl.close(r) / 2, aapl.volume(r));
                second.add(0, aapl.startTs(r), aapl.endTs(r), aapl.open(r) / 2, aapl.high(r) / 2, aapl.low(r) / 2,
                        aapl.close(r) / 2, aapl.volume(r));
            }
        }
        Instrument half = Instrument.spot("HALF", "NASDAQ", 0.005, 1);
        Ta4jAdapter adapter = Ta4jAdapter.forEachInstrument(Ta4jSamenessTest::smaCrossover,
                Ta4jAdapter.Settings.AT_SIGNAL_CLOSE.withAmount(AMOUNT));
        BarResult result = BarBacktest.builder().source(new InMemoryBarSource(List.of(AAPL, half), both))
                .strategy("ta4j", adapter).initialCash(1e6).build().run();
        BarBatch[] alone = {aapl, second};
        double gross = 0;
        for (int i = 0; i < 2; i++) {
            BarSeries series = Ta4jSeries.of("S" + i, alone[i], 0, ZoneOffset.UTC);
            TradingRecord expected = new BarSeriesManager(series, new TradeOnCurrentCloseModel())
                    .run(smaCrossover(series), Trade.TradeType.BUY, DoubleNum.valueOf(AMOUNT));
            List<Trade> want = expected.getTrades();
            List<Trade> got = adapter.tradingRecord(i).getTrades();
            assertThat(want).hasSizeGreaterThanOrEqualTo(4);
            assertThat(got).hasSameSizeAs(want);
            for (int k = 0; k < want.size(); k++) {
                assertThat(got.get(k).getIndex()).isEqualTo(want.get(k).getIndex());
                assertThat(got.get(k).getPricePerAsset().doubleValue())
                        .isEqualTo(want.get(k).getPricePerAsset().doubleValue());
            }
            gross += grossProfit(expected);
        }
        assertThat(result.portfolio("ta4j").realizedPnl()).isCloseTo(gross, within(1e-9));
    }
}
