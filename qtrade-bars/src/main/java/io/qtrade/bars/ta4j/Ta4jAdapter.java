package io.qtrade.bars.ta4j;

import io.qtrade.bars.BarContext;
import io.qtrade.bars.SeriesStrategy;
import io.qtrade.bars.order.BarOrder;
import io.qtrade.bars.order.BarOrderType;
import io.qtrade.core.Side;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.strategy.StrategyContext;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseTradingRecord;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.CostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.num.DoubleNum;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs a ta4j {@link org.ta4j.core.Strategy} in the bar engine, on every instrument (one ta4j strategy, series and
 * trading record per instrument) or on one instrument over a series built beforehand.
 *
 * <p>At each bar of an instrument (index {@code i} of its series) the adapter asks
 * {@code strategy.shouldOperate(i, record)} exactly as ta4j's {@code BarSeriesManager} does, and when it says yes
 * sends an order of {@link Settings#amount()} units: to enter when the record's current position is new, to exit
 * when it is open; {@link Trade.TradeType#BUY} starting type trades long, {@code SELL} short. The order executes as
 * {@link Settings#execution()} says:
 * <ul>
 *   <li>{@link BarOrderType#MARKET_ON_CLOSE}: at the signal bar's close, ta4j's {@code TradeOnCurrentCloseModel};
 *       the trade is recorded at index {@code i};</li>
 *   <li>{@link BarOrderType#MARKET_ON_OPEN}: at the next bar's open, ta4j's {@code TradeOnNextOpenModel} (the
 *       default of ta4j 0.17's {@code BarSeriesManager}); recorded at {@code i + 1}.</li>
 * </ul>
 * The record is updated when the order has filled (at its average fill price), so rules that read it (stop-loss,
 * stop-gain) see the engine's fills. With no slippage and the same bars, the trades (index, price, amount) and the
 * gross profit are ta4j's own; the engine's commission, slippage, buying power and corporate actions then apply as to
 * any strategy. {@link #tradingRecord(int)} gives each instrument's record for ta4j's analysis criteria.
 *
 * <p>It is a {@link SeriesStrategy}: alone on one instrument, the engine hands it each bar in place, and on a prebuilt
 * series whole runs of bars at which the engine has nothing to do ({@link #scan}); it then runs ta4j's own loop
 * ({@code shouldOperate} once per bar, in order, exactly the calls {@code BarSeriesManager} makes) up to the bar where
 * ta4j says to operate. The trades, fills, cash and equity are those of the general loop to the bit.
 */
public final class Ta4jAdapter implements SeriesStrategy {

    /**
     * How the adapter trades.
     *
     * @param startingType    {@code BUY}: long entries; {@code SELL}: short entries
     * @param amount          units per trade, {@code > 0}
     * @param execution       {@link BarOrderType#MARKET_ON_CLOSE} or {@link BarOrderType#MARKET_ON_OPEN}
     * @param recordCostModel the ta4j transaction cost model of the trading records (for ta4j's net profit figures);
     *                        the engine charges its own commission model
     * @param zone            time zone of the series' bar end times
     */
    public record Settings(Trade.TradeType startingType, double amount, BarOrderType execution,
                           CostModel recordCostModel, ZoneId zone) {

        /**
         * Long, one unit, at the next bar's open, no cost, UTC: ta4j 0.17's defaults ({@code BarSeriesManager(series)}
         * uses {@code TradeOnNextOpenModel}).
         */
        public static final Settings TA4J_DEFAULTS = new Settings(Trade.TradeType.BUY, 1.0,
                BarOrderType.MARKET_ON_OPEN, new ZeroCostModel(), ZoneOffset.UTC);
        /** As {@link #TA4J_DEFAULTS} but at the signal bar's close ({@code TradeOnCurrentCloseModel}). */
        public static final Settings AT_SIGNAL_CLOSE = TA4J_DEFAULTS.withExecution(BarOrderType.MARKET_ON_CLOSE);

        public Settings {
            Objects.requireNonNull(startingType, "startingType");
            Objects.requireNonNull(execution, "execution");
            Objects.requireNonNull(recordCostModel, "recordCostModel");
            Objects.requireNonNull(zone, "zone");
            if (!(amount > 0) || Double.isInfinite(amount)) {
                throw new IllegalArgumentException("ta4j adapter: amount must be finite and > 0, was " + amount);
            }
            if (execution != BarOrderType.MARKET_ON_CLOSE && execution != BarOrderType.MARKET_ON_OPEN) {
                throw new IllegalArgumentException("ta4j adapter: execution must be MARKET_ON_CLOSE or MARKET_ON_OPEN,"
                        + " was " + execution);
            }
        }

        public Settings withAmount(double value) {
            return new Settings(startingType, value, execution, recordCostModel, zone);
        }

        public Settings withExecution(BarOrderType value) {
            return new Settings(startingType, amount, value, recordCostModel, zone);
        }

        public Settings withStartingType(Trade.TradeType value) {
            return new Settings(value, amount, execution, recordCostModel, zone);
        }

        public Settings withRecordCostModel(CostModel value) {
            return new Settings(startingType, amount, execution, value, zone);
        }
    }

    private final Function<BarSeries, org.ta4j.core.Strategy> factory;
    private final Settings settings;
    /** For the prebuilt mode: the one instrument, its series and strategy; -1 in the streaming mode. */
    private final int onlyInstrument;
    private final BarSeries prebuiltSeries;
    private final org.ta4j.core.Strategy prebuiltStrategy;
    /** With {@link #onSource}: the source built from the prebuilt series; otherwise null. */
    private final Ta4jSeriesSource proof;
    private BarContext context;
    private BarSeries[] series;
    private org.ta4j.core.Strategy[] strategies;
    private TradingRecord[] records;
    private int[] barCount;
    /** Per instrument: the working order, its record index, and its fills so far. */
    private long[] pendingOrder;
    private int[] pendingIndex;
    private double[] pendingQty;
    private double[] pendingNotional;
    private double[] pendingLastPrice;
    private int[] pendingFills;
    /** Per instrument, the orders it sends (immutable, built once): to buy and to sell {@code amount}. */
    private BarOrder[] buyOrder;
    private BarOrder[] sellOrder;
    private boolean atClose;
    private boolean startsLong;
    /** Per instrument, the index at which {@link #scan} found a signal that {@link #onBar} acts on, or -1. */
    private int[] signalIndex;

    private Ta4jAdapter(Function<BarSeries, org.ta4j.core.Strategy> factory, Settings settings, int onlyInstrument,
                        BarSeries prebuiltSeries, org.ta4j.core.Strategy prebuiltStrategy,
                        Ta4jSeriesSource proof) {
        this.factory = factory;
        this.proof = proof;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.onlyInstrument = onlyInstrument;
        this.prebuiltSeries = prebuiltSeries;
        this.prebuiltStrategy = prebuiltStrategy;
    }

    /**
     * Every instrument: its bars are added to its own series as they arrive, and {@code factory} builds its ta4j
     * strategy over that series at the start.
     */
    public static Ta4jAdapter forEachInstrument(Function<BarSeries, org.ta4j.core.Strategy> factory,
                                                Settings settings) {
        return new Ta4jAdapter(Objects.requireNonNull(factory, "factory"), settings, -1, null, null, null);
    }

    /**
     * One instrument over a series built beforehand from the same bars (e.g. with {@link Ta4jSeries#of}): the
     * engine's bars drive the index, the series is not copied. Each bar's close must equal the series' close at
     * its index (checked; a mismatch names the index).
     */
    public static Ta4jAdapter onSeries(int instrument, BarSeries series, org.ta4j.core.Strategy strategy,
                                       Settings settings) {
        return new Ta4jAdapter(null, settings, instrument, Objects.requireNonNull(series, "series"),
                Objects.requireNonNull(strategy, "strategy"), null);
    }

    /**
     * As {@link #onSeries} (instrument 0) on the series of {@code source}, which the run must read: build it with
     * {@link Ta4jSeries#source} and give it to the backtest's builder. An engine bar that the source itself wrote at
     * the series index the adapter expects is the series' bar, so it is not compared with the series; any other (a
     * different source given to the builder, a bar the engine copied) is compared as {@link #onSeries} does, with the
     * same error. At the start and at the end of the run the series must still be what the source read
     * ({@link Ta4jSeriesSource#unchanged()}), or the run is refused.
     */
    public static Ta4jAdapter onSource(Ta4jSeriesSource source, org.ta4j.core.Strategy strategy, Settings settings) {
        Objects.requireNonNull(source, "source");
        return new Ta4jAdapter(null, settings, 0, source.series(), Objects.requireNonNull(strategy, "strategy"),
                source);
    }

    @Override
    public void onStart(StrategyContext c) {
        checkUnchanged("start");
        this.context = BarContext.of(c);
        int n = context.instruments().size();
        series = new BarSeries[n];
        strategies = new org.ta4j.core.Strategy[n];
        records = new TradingRecord[n];
        barCount = new int[n];
        pendingOrder = new long[n];
        pendingIndex = new int[n];
        pendingQty = new double[n];
        pendingNotional = new double[n];
        pendingLastPrice = new double[n];
        pendingFills = new int[n];
        buyOrder = new BarOrder[n];
        sellOrder = new BarOrder[n];
        atClose = settings.execution() == BarOrderType.MARKET_ON_CLOSE;
        startsLong = settings.startingType() == Trade.TradeType.BUY;
        signalIndex = new int[n];
        Arrays.fill(pendingOrder, -1);
        Arrays.fill(signalIndex, -1);
        for (int i = 0; i < n; i++) {
            if (onlyInstrument >= 0 && i != onlyInstrument) {
                continue;
            }
            if (onlyInstrument >= 0) {
                series[i] = prebuiltSeries;
                strategies[i] = prebuiltStrategy;
            } else {
                series[i] = Ta4jSeries.empty(context.instruments().get(i).id());
                strategies[i] = factory.apply(series[i]);
            }
            records[i] = new BaseTradingRecord(settings.startingType(), settings.recordCostModel(),
                    new ZeroCostModel());
            buyOrder[i] = atClose ? BarOrder.marketOnClose(i, Side.BUY, settings.amount())
                    : BarOrder.marketOnOpen(i, Side.BUY, settings.amount());
            sellOrder[i] = atClose ? BarOrder.marketOnClose(i, Side.SELL, settings.amount())
                    : BarOrder.marketOnOpen(i, Side.SELL, settings.amount());
        }
    }

    /**
     * Bar {@code row} of instrument {@code i}: added to its series (streaming mode) or checked against the series
     * (prebuilt mode), then {@code shouldOperate} at its index unless the previous signal's order still works.
     * (The engine calls this bar by bar on one series; {@code onBars} calls it for each bar of a slice.)
     */
    @Override
    public void onBar(int i, BarBatch bars, int row) {
        BarSeries s = series[i];
        if (s == null) {
            return;
        }
        int index;
        if (onlyInstrument >= 0) {
            index = s.getBeginIndex() + barCount[i];
            if ((proof == null || !proof.wrote(bars, row, index))
                    && (index > s.getEndIndex() || s.getBar(index).getClosePrice().doubleValue() != bars.close(row))) {
                throw notTheSeriesBar(i, s, index, bars.close(row));
            }
        } else {
            Ta4jSeries.add(s, bars.startTs(row), bars.endTs(row), bars.open(row), bars.high(row), bars.low(row),
                    bars.close(row), bars.volume(row), settings.zone());
            index = s.getEndIndex();
        }
        barCount[i]++;
        if (pendingOrder[i] >= 0) {
            return; // the previous signal's order is still working
        }
        TradingRecord record = records[i];
        boolean signal;
        if (signalIndex[i] == index) {
            signal = true; // decided by scan
            signalIndex[i] = -1;
        } else {
            signal = strategies[i].shouldOperate(index, record);
        }
        if (signal) {
            boolean entering = record.getCurrentPosition().isNew();
            boolean buy = entering == startsLong;
            pendingIndex[i] = atClose ? index : index + 1;
            pendingQty[i] = 0;
            pendingNotional[i] = 0;
            pendingFills[i] = 0;
            pendingOrder[i] = context.submit(buy ? buyOrder[i] : sellOrder[i]);
        }
    }

    /** On a prebuilt series: bars can be scanned (see {@link #scan}). */
    @Override
    public boolean scans() {
        return onlyInstrument >= 0;
    }

    /**
     * On a prebuilt series, {@link #onBar} for rows {@code [from, to)} up to the first at which ta4j says to operate
     * (or whose close is not the series', which {@code onBar} then refuses): ta4j's own loop, {@code shouldOperate}
     * once per bar in order, with no engine step between bars at which nothing happens.
     */
    @Override
    public int scan(int i, BarBatch bars, int from, int to) {
        BarSeries s = series[i];
        if (s == null || onlyInstrument < 0 || signalIndex[i] >= 0) {
            return from; // (a decision already taken is delivered through onBar first)
        }
        TradingRecord record = records[i];
        org.ta4j.core.Strategy strategy = strategies[i];
        int begin = s.getBeginIndex();
        int end = s.getEndIndex();
        int count = barCount[i];
        boolean waiting = pendingOrder[i] >= 0;
        // rows the source wrote at the indexes expected: the series' own bars, not compared
        boolean proven = proof != null && proof.wrote(bars, from, begin + count);
        for (int row = from; row < to; row++) {
            int index = begin + count;
            if (!proven && (index > end || s.getBar(index).getClosePrice().doubleValue() != bars.close(row))) {
                barCount[i] = count;
                return row;
            }
            if (!waiting && strategy.shouldOperate(index, record)) {
                barCount[i] = count;
                signalIndex[i] = index;
                return row;
            }
            count++;
        }
        barCount[i] = count;
        return to;
    }

    /** With {@link #onSource}: the series must still be what the source read at the run's end. */
    @Override
    public void onStop() {
        checkUnchanged("end");
    }

    private void checkUnchanged(String when) {
        if (proof != null && !proof.unchanged()) {
            BarSeries s = proof.series();
            throw new IllegalStateException("ta4j adapter: at the run's " + when + ", the " + proof.describe()
                    + " has changed: it now has bars " + s.getBeginIndex() + " to " + s.getEndIndex()
                    + (s.isEmpty() ? "" : ", last close " + s.getLastBar().getClosePrice())
                    + "; build the source after the series is complete");
        }
    }

    /** The error for an engine bar that is not the prebuilt series' bar at {@code index} (kept off the bar path). */
    private IllegalStateException notTheSeriesBar(int i, BarSeries s, int index, double close) {
        return new IllegalStateException("ta4j adapter: the engine's bar " + barCount[i] + " of "
                + context.instruments().get(i).id() + " (close " + close + ") is not the series' bar " + index
                + (index > s.getEndIndex() ? " (the series ends at " + s.getEndIndex() + ")"
                : " (close " + s.getBar(index).getClosePrice() + ")"));
    }

    @Override
    public void onFill(Fill fill) {
        // on one series, every order of the adapter is of its instrument
        int i = onlyInstrument >= 0 ? onlyInstrument : context.instrumentIndex(fill.instrument());
        if (pendingOrder[i] == fill.orderId()) {
            pendingQty[i] += fill.qty();
            pendingNotional[i] += fill.qty() * fill.price();
            pendingLastPrice[i] = fill.price();
            pendingFills[i]++;
        }
    }

    @Override
    public void onOrderUpdate(ExecutionReport report) {
        int i = onlyInstrument >= 0 ? onlyInstrument : context.instrumentIndex(report.instrument());
        if (pendingOrder[i] != report.orderId() || !report.status().isTerminal()) {
            return;
        }
        pendingOrder[i] = -1;
        if (report.status() == OrderStatus.FILLED || pendingQty[i] > 0) {
            // one fill: its price exactly (qty * price / qty may differ from price in the last bit)
            double price = pendingFills[i] == 1 ? pendingLastPrice[i] : pendingNotional[i] / pendingQty[i];
            records[i].operate(pendingIndex[i], DoubleNum.valueOf(price), DoubleNum.valueOf(pendingQty[i]));
        }
    }

    /** The trading record of instrument {@code instrument} (for ta4j's analysis criteria). */
    public TradingRecord tradingRecord(int instrument) {
        return records[instrument];
    }

    /** The series of instrument {@code instrument} as the adapter built (or was given) it. */
    public BarSeries series(int instrument) {
        return series[instrument];
    }

    @Override
    public String toString() {
        return "Ta4jAdapter[" + settings + (onlyInstrument >= 0 ? ", instrument " + onlyInstrument : "") + "]";
    }
}
