package io.qtrade.bars;

import io.qtrade.bars.corporate.CorporateAction;
import io.qtrade.bars.corporate.CorporateActions;
import io.qtrade.bars.cost.BpsCommission;
import io.qtrade.bars.cost.CashInterest;
import io.qtrade.bars.cost.FixedBpsSlippage;
import io.qtrade.bars.cost.ShortBorrow;
import io.qtrade.bars.cost.SlippageModel;
import io.qtrade.bars.cost.VolumeShareSlippage;
import io.qtrade.bars.order.BarOrder;
import io.qtrade.bars.order.BarOrderType;
import io.qtrade.bars.order.Bracket;
import io.qtrade.bars.ta4j.Ta4jAdapter;
import io.qtrade.bars.ta4j.Ta4jSeries;
import io.qtrade.bars.universe.Universe;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarSlice;
import io.qtrade.core.bar.InMemoryBarSource;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.store.bars.BarCsvReader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.StopGainRule;
import org.ta4j.core.rules.StopLossRule;
import org.ta4j.core.rules.UnderIndicatorRule;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one-series loop (one strategy, one instrument: {@code BarEngine.runOneSeries}) against the general
 * many-instrument loop on the same inputs: every result table (orders, fills, equity, totals) cell for cell and to
 * the bit, cash flows, rejections, counts, final cash and equity, and the ta4j trading records. Expected values come
 * from the general loop, which the other engine tests check against hand arithmetic; tolerance: none.
 */
class OneSeriesLoopTest {

    private static final Instrument AAPL = Instrument.spot("AAPL", "NASDAQ", 0.01, 1);

    static BarBatch aapl() {
        try {
            Path file = Path.of(OneSeriesLoopTest.class.getResource("/io/qtrade/bars/data/aapl_daily_2013_ta4j.csv")
                    .toURI());
            return BarCsvReader.read(file, BarCsvReader.Settings.UTC_DAYS).bars();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    // The ta4j strategies of Ta4jSamenessTest.
    static org.ta4j.core.Strategy smaCrossover(BarSeries s, int fast, int slow) {
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        SMAIndicator f = new SMAIndicator(close, fast);
        SMAIndicator w = new SMAIndicator(close, slow);
        return new BaseStrategy(new CrossedUpIndicatorRule(f, w), new CrossedDownIndicatorRule(f, w), slow);
    }

    static org.ta4j.core.Strategy rsiReversion(BarSeries s) {
        RSIIndicator rsi = new RSIIndicator(new ClosePriceIndicator(s), 14);
        return new BaseStrategy(new UnderIndicatorRule(rsi, 35), new OverIndicatorRule(rsi, 65), 14);
    }

    static org.ta4j.core.Strategy trendWithStops(BarSeries s) {
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        return new BaseStrategy(new OverIndicatorRule(close, new SMAIndicator(close, 10)),
                new StopLossRule(close, 3).or(new StopGainRule(close, 5)), 10);
    }

    static org.ta4j.core.Strategy macd(BarSeries s) {
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        EMAIndicator signal = new EMAIndicator(macd, 9);
        return new BaseStrategy(new CrossedUpIndicatorRule(macd, signal), new CrossedDownIndicatorRule(macd, signal),
                26);
    }

    private static final List<Function<BarSeries, org.ta4j.core.Strategy>> TA4J = List.of(
            s -> smaCrossover(s, 5, 20), OneSeriesLoopTest::rsiReversion, OneSeriesLoopTest::trendWithStops,
            OneSeriesLoopTest::macd);

    /** One run: the engine's result and the adapter's trading record. */
    private record Run(BarResult result, TradingRecord record) {
    }

    private static BarBacktest.Builder builder(Instrument instrument, BarBatch bars, double commissionBps,
                                               SlippageModel slippage, boolean equityRows) {
        return BarBacktest.builder().source(new InMemoryBarSource(List.of(instrument), bars)).initialCash(1e6)
                .commission(BpsCommission.of(commissionBps)).slippage(slippage).recordEquity(equityRows);
    }

    private static Run ta4jRun(BarBatch bars, Function<BarSeries, org.ta4j.core.Strategy> factory,
                               Ta4jAdapter.Settings settings, boolean prebuilt, double commissionBps,
                               SlippageModel slippage, boolean equityRows, boolean general) {
        Ta4jAdapter adapter;
        if (prebuilt) {
            BarSeries series = Ta4jSeries.of("AAPL", bars, 0, ZoneOffset.UTC);
            adapter = Ta4jAdapter.onSeries(0, series, factory.apply(series), settings);
        } else {
            adapter = Ta4jAdapter.forEachInstrument(factory, settings);
        }
        BarBacktest.Builder b = builder(AAPL, bars, commissionBps, slippage, equityRows).strategy("ta4j", adapter);
        if (general) {
            b.generalLoop();
        }
        BarBacktest backtest = b.build();
        assertThat(new BarEngine(backtest).oneSeries()).isEqualTo(!general);
        return new Run(backtest.run(), adapter.tradingRecord(0));
    }

    static void assertSameTable(String name, Table want, Table got) {
        assertThat(got.columnNames()).as(name).isEqualTo(want.columnNames());
        assertThat(got.rowCount()).as(name + " rows").isEqualTo(want.rowCount());
        for (int c = 0; c < want.columnCount(); c++) {
            Column<?> w = want.column(c);
            Column<?> g = got.column(c);
            for (int r = 0; r < want.rowCount(); r++) {
                // Double.equals compares the bits: the same double, or both NaN
                assertThat((Object) g.get(r)).as("%s row %d column %s", name, r, w.name()).isEqualTo(w.get(r));
            }
        }
    }

    static void assertSameResults(BarResult want, BarResult got) {
        Map<String, Table> w = want.backtest().tables();
        Map<String, Table> g = got.backtest().tables();
        assertThat(g.keySet()).isEqualTo(w.keySet());
        for (String name : w.keySet()) {
            assertSameTable(name, w.get(name), g.get(name));
        }
        assertThat(got.bars()).isEqualTo(want.bars());
        assertThat(got.slices()).isEqualTo(want.slices());
        assertThat(got.droppedBars()).isEqualTo(want.droppedBars());
        assertThat(got.cashFlows()).isEqualTo(want.cashFlows());
        assertThat(got.rejections()).isEqualTo(want.rejections());
        for (String id : want.backtest().strategyIds()) {
            assertThat(Double.doubleToLongBits(got.portfolio(id).cash()))
                    .isEqualTo(Double.doubleToLongBits(want.portfolio(id).cash()));
            assertThat(Double.doubleToLongBits(got.equity(id))).isEqualTo(Double.doubleToLongBits(want.equity(id)));
            assertThat(Double.doubleToLongBits(got.portfolio(id).fees()))
                    .isEqualTo(Double.doubleToLongBits(want.portfolio(id).fees()));
        }
        assertThat(got.benchmark().isPresent()).isEqualTo(want.benchmark().isPresent());
        want.benchmark().ifPresent(b -> {
            assertThat(got.benchmark().orElseThrow().ts()).isEqualTo(b.ts());
            assertThat(got.benchmark().orElseThrow().equity()).isEqualTo(b.equity());
        });
    }

    static void assertSameRecords(TradingRecord want, TradingRecord got) {
        List<Trade> w = want.getTrades();
        List<Trade> g = got.getTrades();
        assertThat(g).hasSameSizeAs(w);
        for (int k = 0; k < w.size(); k++) {
            assertThat(g.get(k).getIndex()).isEqualTo(w.get(k).getIndex());
            assertThat(g.get(k).getType()).isEqualTo(w.get(k).getType());
            assertThat(Double.doubleToLongBits(g.get(k).getPricePerAsset().doubleValue()))
                    .isEqualTo(Double.doubleToLongBits(w.get(k).getPricePerAsset().doubleValue()));
            assertThat(g.get(k).getAmount().doubleValue()).isEqualTo(w.get(k).getAmount().doubleValue());
        }
    }

    private static void checkTa4j(BarBatch bars, Function<BarSeries, org.ta4j.core.Strategy> factory,
                                  Ta4jAdapter.Settings settings, boolean prebuilt, double commissionBps,
                                  SlippageModel slippage, boolean equityRows) {
        Run general = ta4jRun(bars, factory, settings, prebuilt, commissionBps, slippage, equityRows, true);
        Run lean = ta4jRun(bars, factory, settings, prebuilt, commissionBps, slippage, equityRows, false);
        assertSameResults(general.result(), lean.result());
        assertSameRecords(general.record(), lean.record());
    }

    @Test
    void theTa4jStrategiesOfTheSamenessTestGiveTheSameResultsOnBothLoops() {
        BarBatch bars = aapl();
        int trades = 0;
        for (Function<BarSeries, org.ta4j.core.Strategy> factory : TA4J) {
            for (BarOrderType execution : List.of(BarOrderType.MARKET_ON_CLOSE, BarOrderType.MARKET_ON_OPEN)) {
                for (boolean prebuilt : new boolean[] {true, false}) {
                    Ta4jAdapter.Settings settings = Ta4jAdapter.Settings.TA4J_DEFAULTS.withAmount(10)
                            .withExecution(execution);
                    checkTa4j(bars, factory, settings, prebuilt, 0, SlippageModel.NONE, true);
                    checkTa4j(bars, factory, settings, prebuilt, 5, new FixedBpsSlippage(3), true);
                    checkTa4j(bars, factory, settings.withStartingType(Trade.TradeType.SELL), prebuilt, 5,
                            new FixedBpsSlippage(3), false);
                }
            }
            trades += ta4jRun(bars, factory, Ta4jAdapter.Settings.AT_SIGNAL_CLOSE, true, 0, SlippageModel.NONE, true,
                    false).record().getTrades().size();
        }
        assertThat(trades).as("the strategies trade on these bars").isGreaterThan(20);
    }

    /** A rule that logs each question ta4j is asked ("entry 41") and answers as its delegate. */
    private record CountingRule(String name, org.ta4j.core.Rule delegate, List<String> log)
            implements org.ta4j.core.Rule {
        @Override
        public boolean isSatisfied(int index, TradingRecord tradingRecord) {
            log.add(name + " " + index);
            return delegate.isSatisfied(index, tradingRecord);
        }
    }

    private static Function<BarSeries, org.ta4j.core.Strategy> counting(
            Function<BarSeries, org.ta4j.core.Strategy> factory, List<String> log) {
        return s -> {
            org.ta4j.core.Strategy base = factory.apply(s);
            return new BaseStrategy(new CountingRule("entry", base.getEntryRule(), log),
                    new CountingRule("exit", base.getExitRule(), log), base.getUnstableBars());
        };
    }

    @Test
    void theAdapterAsksTa4jExactlyTheRuleQuestionsBarSeriesManagerAsks() {
        // ta4j evaluates one rule per bar (entry when flat, exit when in a position), once; so must both loops
        BarBatch bars = aapl();
        for (Function<BarSeries, org.ta4j.core.Strategy> factory : TA4J) {
            List<String> ta4j = new ArrayList<>();
            BarSeries series = Ta4jSeries.of("AAPL", bars, 0, ZoneOffset.UTC);
            new org.ta4j.core.backtest.BarSeriesManager(series, new org.ta4j.core.backtest.TradeOnCurrentCloseModel())
                    .run(counting(factory, ta4j).apply(series), Trade.TradeType.BUY,
                            org.ta4j.core.num.DoubleNum.valueOf(10));
            assertThat(ta4j).as("one question per bar after the unstable ones").hasSizeLessThanOrEqualTo(bars.size());
            for (boolean general : new boolean[] {true, false}) {
                List<String> adapter = new ArrayList<>();
                ta4jRun(bars, counting(factory, adapter), Ta4jAdapter.Settings.AT_SIGNAL_CLOSE.withAmount(10), true, 0,
                        SlippageModel.NONE, true, general);
                assertThat(adapter).as(general ? "general loop" : "one-series loop").isEqualTo(ta4j);
            }
        }
    }

    @Test
    void aVolumeCapCarriesMarketOnCloseRemaindersToLaterBarsTheSameWayOnBothLoops() {
        // 10% of each bar's volume: AAPL volumes are ~1e7, so trade 3e6 units to leave remainders working
        BarBatch bars = aapl();
        Ta4jAdapter.Settings settings = Ta4jAdapter.Settings.AT_SIGNAL_CLOSE.withAmount(3e6);
        Run general = ta4jRun(bars, s -> smaCrossover(s, 5, 20), settings, true, 1, new VolumeShareSlippage(0.1, 0.1),
                true, true);
        Run lean = ta4jRun(bars, s -> smaCrossover(s, 5, 20), settings, true, 1, new VolumeShareSlippage(0.1, 0.1),
                true, false);
        assertThat(general.result().backtest().fillCount()).as("partial fills")
                .isGreaterThan(general.result().backtest().orderCount());
        assertSameResults(general.result(), lean.result());
        assertSameRecords(general.record(), lean.record());
    }

    /** A random walk of {@code n} daily bars with a seeded generator: closes, ranges, volumes, gaps. */
    static BarBatch randomBars(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BarBatch b = new BarBatch(n);
        double close = 50 + rnd.nextDouble() * 100;
        long day = 86_400_000_000_000L;
        for (int d = 0; d < n; d++) {
            double open = close * (1 + 0.01 * (rnd.nextDouble() - 0.5));
            close = Math.max(1.0, close * (1 + 0.03 * (rnd.nextDouble() - 0.5)));
            double high = Math.max(open, close) * (1 + 0.01 * rnd.nextDouble());
            double low = Math.min(open, close) * (1 - 0.01 * rnd.nextDouble());
            b.add(0, d * day, (d + 1) * day, open, high, low, close, 1e5 + rnd.nextInt(1_000_000));
        }
        return b;
    }

    @Property(tries = 60)
    void generatedSeriesGiveTheSameResultsOnBothLoops(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                      @ForAll @IntRange(min = 40, max = 400) int days,
                                                      @ForAll @IntRange(min = 2, max = 8) int fast,
                                                      @ForAll @IntRange(min = 9, max = 30) int slow,
                                                      @ForAll boolean atClose, @ForAll boolean prebuilt,
                                                      @ForAll boolean shortSide, @ForAll boolean equityRows,
                                                      @ForAll @IntRange(min = 0, max = 20) int costBps) {
        BarBatch bars = randomBars(seed, days);
        Ta4jAdapter.Settings settings = Ta4jAdapter.Settings.TA4J_DEFAULTS.withAmount(1 + seed % 50)
                .withExecution(atClose ? BarOrderType.MARKET_ON_CLOSE : BarOrderType.MARKET_ON_OPEN)
                .withStartingType(shortSide ? Trade.TradeType.SELL : Trade.TradeType.BUY);
        checkTa4j(bars, s -> smaCrossover(s, fast, slow), settings, prebuilt, costBps,
                costBps == 0 ? SlippageModel.NONE : new FixedBpsSlippage(costBps / 2.0), equityRows);
    }

    /**
     * A scanning strategy (the one-series loop's quiet runs, whose equity rows are kept as marks with the portfolio's
     * valuation) holding a position across a 2:1 split and a dividend, with no accrual between: the split and the
     * dividend change the valuation, and the rows after them must use the new one. Quiet runs of every length (two
     * rows between two actions, the shortest kept with their values; long ones kept as marks). Bit for bit the
     * general loop's tables, and the rows by hand: buy 10 at close(5) = 101.25, so cash 998,987.50; 20 shares after
     * the split; 10.00 of dividend on day 100.
     */
    @Test
    void equityRowsAfterASplitAndADividendUseTheNewPositionOnBothLoops() {
        long day = BarEngine.NANOS_PER_DAY;
        BarBatch bars = new BarBatch(200);
        for (int d = 0; d < 200; d++) {
            double close = d < 60 ? 100 + 0.25 * d : (100 + 0.25 * d) / 2;
            bars.add(0, d * day, (d + 1) * day, close, close, close, close, 1e6);
        }
        CorporateActions actions = new CorporateActions(List.of(
                CorporateAction.split("AAPL", LocalDate.ofEpochDay(60), 2),
                CorporateAction.dividend("AAPL", LocalDate.ofEpochDay(63), 0.25),
                CorporateAction.dividend("AAPL", LocalDate.ofEpochDay(100), 0.5)));
        BarResult[] results = new BarResult[2];
        for (int loop = 0; loop < 2; loop++) {
            SeriesStrategy buyHoldSell = new SeriesStrategy() {
                BarContext c;
                int n;

                @Override
                public void onStart(StrategyContext context) {
                    c = BarContext.of(context);
                }

                @Override
                public boolean scans() {
                    return true;
                }

                @Override
                public int scan(int instrument, BarBatch b, int from, int to) {
                    for (int row = from; row < to; row++) {
                        if (n == 5 || n == 150) {
                            return row;
                        }
                        n++;
                    }
                    return to;
                }

                @Override
                public void onBar(int instrument, BarBatch b, int row) {
                    if (n == 5) {
                        c.submit(BarOrder.marketOnClose(0, Side.BUY, 10));
                    } else if (n == 150) {
                        c.submit(BarOrder.marketOnClose(0, Side.SELL, 20));
                    }
                    n++;
                }
            };
            BarBacktest.Builder b = builder(AAPL, bars, 0, SlippageModel.NONE, true).corporateActions(actions)
                    .strategy("s", buyHoldSell);
            if (loop == 0) {
                b.generalLoop();
            }
            results[loop] = b.build().run();
        }
        assertSameResults(results[0], results[1]);
        Table eq = results[1].backtest().equity();
        assertThat(eq.rowCount()).isEqualTo(200); // one row per bar time
        double cash = 1e6 - 10 * 101.25;
        for (int r = 0; r < eq.rowCount(); r++) {
            long d = eq.longColumn("ts").getLong(r) / day - 1;
            double position = eq.doubleColumn("position").getDouble(r);
            double equity = eq.doubleColumn("strategy_equity").getDouble(r);
            double close = bars.close((int) d);
            if (d >= 70 && d < 100) {
                assertThat(position).isEqualTo(20.0);
                assertThat(equity).as("day %d", d).isEqualTo(cash + 20 * 0.25 + 20 * close);
            } else if (d >= 110 && d < 150) {
                assertThat(position).isEqualTo(20.0);
                assertThat(equity).as("day %d", d).isEqualTo(cash + 20 * 0.25 + 20 * 0.5 + 20 * close);
            }
        }
    }

    /**
     * Every kind of bar order, brackets, timers, the slice read from a timer and from the callback, a split and a
     * dividend, a listing window (bars dropped before and after it), cash interest
     * and a short's borrow fee, a buying-power refusal and a benchmark: the engine's other paths through the
     * one-series loop.
     */
    @Test
    void ordersBracketsTimersCorporateActionsListingAndAccrualsGiveTheSameResultsOnBothLoops() {
        BarBatch bars = randomBars(11, 120);
        Supplier<Strategy> strategy = () -> new Strategy() {
            BarContext c;
            int n;
            final List<Double> seen = new ArrayList<>();

            @Override
            public void onStart(StrategyContext context) {
                c = BarContext.of(context);
                c.scheduleEvery(5 * 86_400_000_000_000L);
            }

            @Override
            public void onTimer(long timerId, long nowNanos) {
                BarSlice s = c.currentBars();
                seen.add(s.size() > 0 ? s.close(0) : Double.NaN);
                if (n % 3 == 0) {
                    c.submit(BarOrder.trailingStopFraction(0, Side.SELL, 5, 0.02));
                }
            }

            @Override
            public void onBars(BarSlice slice) {
                double close = slice.close(0);
                switch (n++ % 9) {
                    case 0 -> c.submit(BarOrder.marketOnOpen(0, Side.BUY, 20));
                    case 1 -> c.submit(BarOrder.limit(0, Side.BUY, 10, close * 0.99));
                    case 2 -> c.submitBracket(new Bracket(BarOrder.marketOnOpen(0, Side.BUY, 15), close * 0.97,
                            close * 1.03));
                    case 3 -> c.submit(BarOrder.stop(0, Side.SELL, 30, close * 0.98));
                    case 4 -> c.submit(BarOrder.marketOnClose(0, Side.SELL, 60)); // may go short: borrow fee
                    case 5 -> c.submit(BarOrder.stopLimit(0, Side.BUY, 10, close * 1.01, close * 1.02));
                    case 6 -> c.submit(BarOrder.takeProfit(0, Side.SELL, 5, close * 1.02));
                    case 7 -> c.submit(BarOrder.marketOnClose(0, Side.BUY, 1e9)); // refused: buying power
                    default -> c.rebalanceToWeights(new double[] {0.3}, new io.qtrade.bars.order.Rebalance(
                            BarOrderType.MARKET_ON_OPEN, 0));
                }
            }
        };
        CorporateActions actions = new CorporateActions(List.of(
                CorporateAction.split("AAPL", LocalDate.ofEpochDay(30), 2),
                CorporateAction.dividend("AAPL", LocalDate.ofEpochDay(50), 0.4),
                CorporateAction.dividend("AAPL", LocalDate.ofEpochDay(70), 0.3)));
        Universe universe = new Universe(List.of(new Universe.Listing("AAPL", LocalDate.ofEpochDay(3),
                LocalDate.ofEpochDay(110))));
        BarResult[] results = new BarResult[2];
        for (int k = 0; k < 2; k++) {
            BarBacktest.Builder b = builder(AAPL, bars, 4, new FixedBpsSlippage(2), true).strategy("s", strategy.get())
                    .corporateActions(actions).universe(universe)
                    .cashInterest(new CashInterest(0.03, 0.06)).shortBorrow(new ShortBorrow(150))
                    .buyingPower(io.qtrade.bars.cost.BuyingPower.margin(2)).benchmark("AAPL");
            if (k == 0) {
                b.generalLoop();
            }
            results[k] = b.build().run();
        }
        BarResult general = results[0];
        assertThat(general.droppedBars()).as("bars outside the listing").isEqualTo(3 + 9);
        assertThat(general.rejections()).as("buying power refusals").isNotEmpty();
        assertThat(general.cashFlows()).extracting(BarResult.CashFlow::kind).contains(BarResult.CashFlowKind.DIVIDEND,
                BarResult.CashFlowKind.INTEREST, BarResult.CashFlowKind.BORROW);
        assertThat(general.backtest().orderRecords()).extracting(o -> o.typeName()).contains("TRAILING_STOP", "STOP",
                "STOP_LIMIT", "TAKE_PROFIT", "LIMIT", "MARKET_ON_CLOSE", "MARKET_ON_OPEN");
        assertSameResults(general, results[1]);
    }

    /**
     * The end-of-data delisting ({@code BarEngine.endOfData}): the data ends on the delisting day (day 59 of 60),
     * after it (delisted on day 50: the last 9 bars dropped), or before it (day 60, the day after the data's last:
     * the position is kept); with and without equity rows. Both loops give the same tables to the bit.
     */
    @Test
    void theEndOfDataDelistingGivesTheSameResultsOnBothLoops() {
        BarBatch bars = randomBars(23, 60);
        Supplier<Strategy> strategy = () -> new Strategy() {
            BarContext c;
            int n;

            @Override
            public void onStart(StrategyContext context) {
                c = BarContext.of(context);
            }

            @Override
            public void onBars(BarSlice slice) {
                double close = slice.close(0);
                switch (n++ % 5) {
                    case 0 -> c.submit(BarOrder.marketOnClose(0, Side.BUY, 20));
                    case 1 -> c.submit(BarOrder.limit(0, Side.BUY, 10, close * 0.99));
                    case 2 -> c.submit(BarOrder.marketOnOpen(0, Side.SELL, 5));
                    case 3 -> c.submit(BarOrder.stop(0, Side.SELL, 30, close * 0.5)); // still working at the end
                    default -> c.submit(BarOrder.limit(0, Side.SELL, 1, close * 1.5));
                }
            }
        };
        for (int delisted : new int[] {59, 50, 60}) {
            for (boolean equityRows : new boolean[] {true, false}) {
                Universe universe = new Universe(List.of(new Universe.Listing("AAPL", LocalDate.ofEpochDay(0),
                        LocalDate.ofEpochDay(delisted))));
                BarResult[] results = new BarResult[2];
                for (int k = 0; k < 2; k++) {
                    BarBacktest.Builder b = builder(AAPL, bars, 4, new FixedBpsSlippage(2), equityRows)
                            .strategy("s", strategy.get()).universe(universe);
                    if (k == 0) {
                        b.generalLoop();
                    }
                    results[k] = b.build().run();
                }
                BarResult general = results[0];
                List<String> types = general.backtest().orders().stringColumn("type").asList();
                long last = Math.min(delisted + 1, 60) * 86_400_000_000_000L;
                if (delisted < 60) {
                    assertThat(types.get(types.size() - 1)).as("delisted on day %d", delisted).isEqualTo("DELISTING");
                    assertThat(general.portfolio("s").position(AAPL).qty()).isZero();
                    assertThat(general.backtest().orders().longColumn("send_ts").get(types.size() - 1))
                            .isEqualTo(last);
                    assertThat(general.droppedBars()).isEqualTo(59 - delisted);
                } else {
                    assertThat(types).doesNotContain("DELISTING");
                    assertThat(general.portfolio("s").position(AAPL).qty()).isNotZero();
                }
                if (equityRows) {
                    Table eq = general.backtest().equity();
                    int r = eq.rowCount() - 1;
                    assertThat(eq.longColumn("ts").get(r)).isEqualTo(last);
                    assertThat(eq.doubleColumn("strategy_equity").get(r)).isEqualTo(general.equity("s"));
                }
                assertSameResults(general, results[1]);
            }
        }
    }

    @Test
    void badInputIsRefusedWithTheSameMessageOnBothLoops() {
        BarBatch dup = new BarBatch(4);
        long day = 86_400_000_000_000L;
        dup.add(0, 0, day, 10, 11, 9, 10, 100);
        dup.add(0, day, 2 * day, 10, 11, 9, 10, 100);
        dup.add(0, day, 2 * day, 10, 11, 9, 10, 100);
        BarBatch late = new BarBatch(4);
        late.add(0, day, 2 * day, 10, 11, 9, 10, 100);
        late.add(0, 0, day, 10, 11, 9, 10, 100);
        for (BarBatch bad : List.of(dup, late)) {
            List<String> messages = new ArrayList<>();
            for (boolean general : new boolean[] {true, false}) {
                // a source that does not check the order itself, as a file reader may not
                io.qtrade.core.bar.BarSource source = new io.qtrade.core.bar.BarSource() {
                    boolean done;

                    @Override
                    public List<Instrument> instruments() {
                        return List.of(AAPL);
                    }

                    @Override
                    public boolean readBatch(BarBatch into) {
                        into.clear();
                        if (done) {
                            return false;
                        }
                        into.addRange(bad, 0, bad.size());
                        done = true;
                        return true;
                    }
                };
                BarBacktest.Builder b = BarBacktest.builder().source(source).strategy("s", new Strategy() {
                });
                if (general) {
                    b.generalLoop();
                }
                assertThatThrownBy(() -> b.build().run()).isInstanceOf(IllegalArgumentException.class)
                        .satisfies(e -> messages.add(e.getMessage()));
            }
            assertThat(messages.get(1)).isEqualTo(messages.get(0));
        }
    }
}
