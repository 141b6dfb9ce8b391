package io.qtrade.bars;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.report.EquityCurve;
import io.qtrade.backtest.report.HtmlReport;
import io.qtrade.backtest.report.ReportOptions;
import io.qtrade.backtest.report.ReportSection;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.metrics.Conventions;
import io.qtrade.risk.metrics.PerformanceSummary;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link BarBacktest} produced: the tick engine's {@link BacktestResult} (orders, fills, equity and totals
 * tables, final portfolios; so PnL attribution, metrics and the HTML report work unchanged), plus what only bars
 * have: cash flows that are not fills (dividends, interest, borrow fees), orders refused with their reason, bars
 * dropped by the universe, and the benchmark's buy-and-hold equity.
 *
 * <p>In the orders table, {@code type} is the bar order type ({@code MARKET_ON_OPEN}, {@code STOP_LIMIT}, ...,
 * {@code DELISTING} for the engine's close of a delisted position); a split re-issues a working order in post-split
 * units under the same id (the old row CANCELED). The totals' all-instrument row's {@code net_pnl} includes the
 * non-fill cash flows ({@link Portfolio#otherCash()}); per-instrument rows do not.
 */
public final class BarResult {

    /** The {@code symbol} of a cash flow of the whole account (interest). */
    public static final String ALL = BacktestResult.ALL_INSTRUMENTS;

    /** What a non-fill cash flow is. */
    public enum CashFlowKind {
        DIVIDEND,
        INTEREST,
        BORROW
    }

    /**
     * A cash flow that is not a fill.
     *
     * @param ts       bar time, epoch nanoseconds
     * @param strategy strategy id
     * @param symbol   instrument id, or {@link #ALL}
     * @param kind     what it is
     * @param amount   into the account (negative: paid), quote currency
     */
    public record CashFlow(long ts, String strategy, String symbol, CashFlowKind kind, double amount) {
    }

    /**
     * An order the engine refused (buying power, not listed, no bar at the close).
     *
     * @param ts       bar time
     * @param strategy strategy id
     * @param orderId  the order
     * @param symbol   instrument id
     * @param reason   why
     */
    public record Rejection(long ts, String strategy, long orderId, String symbol, String reason) {
    }

    private final BacktestResult backtest;
    private final long bars;
    private final long slices;
    private final long droppedBars;
    private final long wallNanos;
    private final Map<String, StrategyRun> runs = new LinkedHashMap<>();
    private final String benchmarkSymbol;
    private final long[] benchmarkTs;
    private final double[] benchmarkEquity;
    private final double initialCash;

    BarResult(BarEngine engine, long wallNanos) {
        Map<String, Portfolio> portfolios = new LinkedHashMap<>();
        for (StrategyRun r : engine.runs) {
            portfolios.put(r.id, r.portfolio);
            runs.put(r.id, r);
        }
        this.backtest = engine.recorder.finish(portfolios, engine.bars, wallNanos);
        this.bars = engine.bars;
        this.slices = engine.slices;
        this.droppedBars = engine.droppedBars;
        this.wallNanos = wallNanos;
        this.benchmarkSymbol = engine.config.benchmarkSymbol;
        this.benchmarkTs = Arrays.copyOf(engine.benchmarkTs, engine.benchmarkSize);
        this.benchmarkEquity = Arrays.copyOf(engine.benchmarkEquity, engine.benchmarkSize);
        this.initialCash = engine.config.initialCash;
    }

    /** The result tables, portfolios and counts, as the tick engine gives them. */
    public BacktestResult backtest() {
        return backtest;
    }

    /** A strategy's final portfolio (in the base currency). */
    public Portfolio portfolio(String strategyId) {
        return backtest.portfolio(strategyId);
    }

    /** A strategy's final cash and positions in {@code currency}. */
    public Portfolio portfolio(String strategyId, String currency) {
        return run(strategyId).portfolio(currency);
    }

    /** A strategy's final equity, in the base currency (every currency's equity at its last FX rate). */
    public double equity(String strategyId) {
        return run(strategyId).equity();
    }

    /** Bars read from the source (including dropped ones). */
    public long bars() {
        return bars;
    }

    /** Bar times processed (slices shown to the strategies). */
    public long slices() {
        return slices;
    }

    /** Bars dropped because their symbol was not listed then. */
    public long droppedBars() {
        return droppedBars;
    }

    /** Wall-clock time of the run, nanoseconds (not part of the deterministic results). */
    public long wallNanos() {
        return wallNanos;
    }

    /** {@code bars / wall seconds}. */
    public double barsPerSecond() {
        return wallNanos == 0 ? Double.NaN : bars * 1e9 / wallNanos;
    }

    /** Dividends received (negative: paid on shorts) by a strategy, quote currency. */
    public double dividends(String strategyId) {
        return run(strategyId).dividends;
    }

    /** Interest on cash received (negative: paid) by a strategy. */
    public double interest(String strategyId) {
        return run(strategyId).interest;
    }

    /** Borrow fees paid on shorts by a strategy (positive). */
    public double borrowFees(String strategyId) {
        return run(strategyId).borrowFees;
    }

    /** Every refused order, by strategy then time. */
    public List<Rejection> rejections() {
        List<Rejection> out = new ArrayList<>();
        for (StrategyRun r : runs.values()) {
            out.addAll(r.rejected);
        }
        return out;
    }

    /** Every non-fill cash flow, by strategy then time. */
    public List<CashFlow> cashFlows() {
        List<CashFlow> out = new ArrayList<>();
        for (StrategyRun r : runs.values()) {
            out.addAll(r.cashFlows);
        }
        return out;
    }

    /** {@link #cashFlows()} as a table: {@code ts, strategy, symbol, kind, amount}. */
    public Table cashFlowTable() {
        List<CashFlow> all = cashFlows();
        Table t = Table.create("cash_flows", LongColumn.create("ts"), StringColumn.create("strategy"),
                StringColumn.create("symbol"), StringColumn.create("kind"), DoubleColumn.create("amount"));
        for (CashFlow c : all) {
            t.longColumn("ts").append(c.ts());
            t.stringColumn("strategy").append(c.strategy());
            t.stringColumn("symbol").append(c.symbol());
            t.stringColumn("kind").append(c.kind().name());
            t.doubleColumn("amount").append(c.amount());
        }
        return t;
    }

    /** {@link #rejections()} as a table: {@code ts, strategy, order_id, symbol, reason}. */
    public Table rejectionTable() {
        Table t = Table.create("rejections", LongColumn.create("ts"), StringColumn.create("strategy"),
                LongColumn.create("order_id"), StringColumn.create("symbol"), StringColumn.create("reason"));
        for (Rejection r : rejections()) {
            t.longColumn("ts").append(r.ts());
            t.stringColumn("strategy").append(r.strategy());
            t.longColumn("order_id").append(r.orderId());
            t.stringColumn("symbol").append(r.symbol());
            t.stringColumn("reason").append(r.reason());
        }
        return t;
    }

    /** A strategy's equity curve, one point per bar time ({@code initialCash + strategy_net_pnl}). */
    public EquityCurve equityCurve(String strategyId) {
        return EquityCurve.of(backtest, strategyId);
    }

    /** The buy-and-hold benchmark's equity curve (initial cash in the benchmark symbol), if one was asked for. */
    public Optional<EquityCurve> benchmark() {
        if (benchmarkSymbol == null || benchmarkTs.length == 0) {
            return Optional.empty();
        }
        return Optional.of(EquityCurve.of("benchmark " + benchmarkSymbol, benchmarkTs, benchmarkEquity, initialCash));
    }

    /**
     * Performance of a strategy's per-bar equity ({@link PerformanceSummary}); {@code conventions} say how many
     * bars make a year ({@link Conventions#DAILY}: 252).
     */
    public PerformanceSummary performance(String strategyId, Conventions conventions) {
        return equityCurve(strategyId).performance(conventions);
    }

    /**
     * One row per strategy (and the benchmark): total and annualised return, volatility, Sharpe, maximum drawdown,
     * fees, dividends, interest, borrow fees, rejected orders; on per-bar returns with {@code conventions}.
     */
    public Table summary(Conventions conventions) {
        Table t = Table.create("summary", StringColumn.create("strategy"), DoubleColumn.create("total_return"),
                DoubleColumn.create("annualised_return"), DoubleColumn.create("annualised_volatility"),
                DoubleColumn.create("sharpe"), DoubleColumn.create("max_drawdown"), DoubleColumn.create("fees"),
                DoubleColumn.create("dividends"), DoubleColumn.create("interest"), DoubleColumn.create("borrow_fees"),
                DoubleColumn.create("rejected_orders"));
        for (StrategyRun r : runs.values()) {
            PerformanceSummary p = performance(r.id, conventions);
            addRow(t, r.id, p, r.portfolio.fees(), r.dividends, r.interest, r.borrowFees, r.rejections);
        }
        benchmark().ifPresent(b -> addRow(t, b.strategyId(), b.performance(conventions), 0, 0, 0, 0, 0));
        return t;
    }

    private static void addRow(Table t, String id, PerformanceSummary p, double fees, double dividends,
                               double interest, double borrow, int rejected) {
        t.stringColumn("strategy").append(id);
        t.doubleColumn("total_return").append(p.totalReturn());
        t.doubleColumn("annualised_return").append(p.annualisedReturn());
        t.doubleColumn("annualised_volatility").append(p.annualisedVolatility());
        t.doubleColumn("sharpe").append(p.sharpe());
        t.doubleColumn("max_drawdown").append(p.drawdown().maxDrawdown());
        t.doubleColumn("fees").append(fees);
        t.doubleColumn("dividends").append(dividends);
        t.doubleColumn("interest").append(interest);
        t.doubleColumn("borrow_fees").append(borrow);
        t.doubleColumn("rejected_orders").append(rejected);
    }

    /**
     * Writes the HTML report of {@link HtmlReport} (equity, drawdown, PnL attribution, orders...) with the bar
     * sections added: the summary against the benchmark (per-bar returns, {@code conventions}), the non-fill cash
     * flows by kind and the refused orders.
     */
    public Path writeReport(Path file, String title, Conventions conventions) {
        return writeReport(file, title, conventions, List.of());
    }

    /**
     * {@link #writeReport(Path, String, Conventions)} with {@code extra} sections (e.g. a comparison table of the
     * strategies' turnover and costs) placed right after the summary and the equity chart.
     */
    public Path writeReport(Path file, String title, Conventions conventions, List<ReportSection> extra) {
        ReportOptions.Builder options = ReportOptions.builder().title(title)
                .resampleStepNanos(BarEngine.NANOS_PER_DAY);
        options.section("Strategies against the benchmark (per-bar returns)", summary(conventions));
        options.section(new ReportSection("Equity of the strategies and the benchmark",
                ReportSection.figure("bars-equity", equitySvg(), "Equity per bar time, base currency; the benchmark"
                        + " is buy-and-hold of its symbol with the same initial cash, no costs")));
        extra.forEach(options::section);
        Table flows = cashFlowTable();
        if (flows.rowCount() > 0) {
            options.section("Cash flows other than fills (totals by strategy and kind)",
                    flows.summarize("amount", tech.tablesaw.aggregate.AggregateFunctions.sum)
                            .by("strategy", "kind"));
        }
        Table rejections = rejectionTable();
        if (rejections.rowCount() > 0) {
            options.section("Refused orders (first 200)", rejections.first(200));
        }
        return HtmlReport.write(backtest, file, options.build());
    }

    /** An SVG line chart of every strategy's equity curve and the benchmark's. */
    String equitySvg() {
        List<EquityCurve> curves = new ArrayList<>();
        for (String id : runs.keySet()) {
            curves.add(equityCurve(id));
        }
        benchmark().ifPresent(curves::add);
        io.qtrade.backtest.report.chart.XyChart.Builder chart = io.qtrade.backtest.report.chart.XyChart
                .builder("", io.qtrade.backtest.report.chart.XyChart.Axis.TIME_UTC).yLabel("equity").size(900, 360);
        for (EquityCurve c : curves) {
            chart.series(c.strategyId(), c.ts(), c.equity(), io.qtrade.backtest.report.chart.XyChart.Style.LINE);
        }
        return chart.build().svg("bars-equity-svg");
    }

    private StrategyRun run(String strategyId) {
        StrategyRun r = runs.get(strategyId);
        if (r == null) {
            throw new IllegalArgumentException("no strategy '" + strategyId + "' in this result; strategies: "
                    + runs.keySet());
        }
        return r;
    }

    @Override
    public String toString() {
        return "BarResult[strategies=" + runs.keySet() + ", bars=" + bars + ", slices=" + slices + ", dropped="
                + droppedBars + ", orders=" + backtest.orderCount() + ", fills=" + backtest.fillCount() + "]";
    }
}
