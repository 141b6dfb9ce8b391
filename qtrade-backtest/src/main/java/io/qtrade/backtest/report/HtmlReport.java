package io.qtrade.backtest.report;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.attribution.PnlAttribution;
import io.qtrade.backtest.attribution.PnlBucket;
import io.qtrade.backtest.execution.ExecutionQuality;
import io.qtrade.backtest.execution.ExecutionSummary;
import io.qtrade.backtest.execution.MarketTape;
import io.qtrade.backtest.execution.OrderExecution;
import io.qtrade.backtest.report.chart.XyChart;
import io.qtrade.core.Instrument;
import io.qtrade.core.time.Timestamps;
import io.qtrade.risk.metrics.Conventions;
import io.qtrade.risk.metrics.PerformanceMetrics;
import io.qtrade.risk.metrics.PerformanceSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A backtest's report as one self-contained HTML file: summary metrics per strategy, the equity curve, drawdown,
 * inventory over time, PnL attribution (by strategy and instrument, by UTC hour; fees and rebates apart) and execution
 * quality (per strategy and instrument, and the orders with the largest implementation shortfall), then the caller's
 * {@link ReportSection}s ({@link ReportOptions.Builder#section(String, String)}), each in a
 * {@code <section id="section-N">} (N from 1).
 *
 * <p>Self-contained: the charts are inline {@code <svg>} elements drawn by {@link io.qtrade.backtest.report.chart}, the
 * style sheet and the one script are inline, and nothing refers to the network (the only {@code http} strings are
 * XML namespace names of the SVG elements, which a browser never fetches). Text from the result (strategy ids,
 * symbols, the title) is HTML-escaped. The inline script marks the page once every chart has a non-zero size:
 * {@code <body data-charts="N" data-charts-rendered="N">}, which the headless-browser test reads.
 *
 * <p>Metrics: each strategy's {@link EquityCurve} resampled to {@link ReportOptions#resampleStepNanos()} (when the run
 * is too short for 3 points at that step, to a hundredth of its span, said in the page), with the options'
 * {@link Conventions} and periods per year from the step; see {@link PerformanceMetrics}. Turnover is the strategy's
 * traded notional over its mean resampled equity.
 *
 * <pre>{@code
 * HtmlReport.write(result, Path.of("target/report.html"));
 * HtmlReport.write(result, path, ReportOptions.builder().title("MM on BTCUSDT").market(MarketTape.of(source)).build());
 * }</pre>
 */
public final class HtmlReport {

    private static final Logger LOG = LoggerFactory.getLogger(HtmlReport.class);
    private static final int MIN_GRID_POINTS = 3;

    private HtmlReport() {
    }

    /** Writes the report with {@link ReportOptions#DEFAULTS}. */
    public static Path write(BacktestResult result, Path file) {
        return write(result, file, ReportOptions.DEFAULTS);
    }

    /**
     * Writes the report to {@code file} (parent directories created; written to a temporary file and renamed, so a
     * reader never sees half a page).
     *
     * @return {@code file}
     * @throws UncheckedIOException naming the file that could not be written
     */
    public static Path write(BacktestResult result, Path file, ReportOptions options) {
        String html = render(result, options);
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            // Not Files.createTempFile: its owner-only permissions would stay on the published report.
            Path tmp = parent.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + System.nanoTime() + ".tmp");
            Files.writeString(tmp, html, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HTML report to " + file, e);
        }
        LOG.debug("wrote the backtest report {} ({} chars)", file, html.length());
        return file;
    }

    /** The report's HTML. */
    public static String render(BacktestResult result, ReportOptions options) {
        Objects.requireNonNull(result, "html report: result");
        Objects.requireNonNull(options, "html report: options");
        return new Page(result, options).html();
    }

    /** Builds one page. */
    private static final class Page {
        private final BacktestResult result;
        private final ReportOptions options;
        private final StringBuilder out = new StringBuilder(1 << 16);
        private final Map<String, EquityCurve> curves = new LinkedHashMap<>();
        private final Map<String, EquityCurve> grids = new LinkedHashMap<>();
        private final Map<String, Long> gridSteps = new LinkedHashMap<>();
        private int chartCount;

        Page(BacktestResult result, ReportOptions options) {
            this.result = result;
            this.options = options;
            for (String id : result.strategyIds()) {
                EquityCurve curve = Double.isNaN(options.capital()) ? EquityCurve.of(result, id)
                        : EquityCurve.of(result, id, options.capital());
                curves.put(id, curve);
                long step = options.resampleStepNanos();
                long[] ts = curve.ts();
                if (ts.length > 1) {
                    long span = ts[ts.length - 1] - ts[0];
                    if (span / step + 2 < MIN_GRID_POINTS) {
                        step = Math.max(1, span / 100);
                    }
                }
                gridSteps.put(id, step);
                grids.put(id, curve.resample(step));
            }
        }

        String html() {
            out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                    .append(escape(options.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
                    .append("</head>\n<body>\n<h1>").append(escape(options.title())).append("</h1>\n");
            meta();
            metricsTable();
            charts();
            attributionTable();
            execution();
            sections();
            out.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
            return out.toString();
        }

        private void meta() {
            Table eq = result.equity();
            out.append("<p class=\"meta\">Strategies: ");
            joinEscaped(result.strategyIds());
            out.append(". Instruments: ");
            List<String> ids = new ArrayList<>();
            for (Instrument i : result.instruments()) {
                ids.add(i.id());
            }
            joinEscaped(ids);
            out.append(". ").append(String.format(Locale.ROOT, "%,d", result.events())).append(" market events, ")
                    .append(result.orderRecords().size()).append(" orders, ").append(result.fillRecords().size())
                    .append(" fills.");
            if (eq.rowCount() > 0) {
                LongColumn ts = eq.longColumn("ts");
                out.append(" Market time ").append(time(ts.getLong(0))).append(" to ")
                        .append(time(ts.getLong(eq.rowCount() - 1))).append(" UTC.");
            }
            out.append("</p>\n");
        }

        private void metricsTable() {
            out.append("<h2>Summary metrics</h2>\n");
            List<String> ids = result.strategyIds();
            Map<String, PerformanceSummary> perf = new LinkedHashMap<>();
            Map<String, String> why = new LinkedHashMap<>();
            for (String id : ids) {
                EquityCurve g = grids.get(id);
                Conventions c = options.conventions().withPeriodsPerYear(
                        Conventions.periodsPerYearOf(gridSteps.get(id)));
                if (g.size() < MIN_GRID_POINTS) {
                    why.put(id, "fewer than " + MIN_GRID_POINTS + " equity points");
                    continue;
                }
                try {
                    perf.put(id, g.performance(c));
                } catch (IllegalArgumentException e) {
                    why.put(id, e.getMessage());
                }
            }
            out.append("<table class=\"metrics\">\n<thead><tr><th>metric</th>");
            for (String id : ids) {
                out.append("<th>").append(escape(id)).append("</th>");
            }
            out.append("</tr></thead>\n<tbody>\n");
            row("net PnL", ids, id -> num(result.portfolio(id).netPnl(), 4));
            row("capital (returns base)", ids, id -> num(curves.get(id).capital(), 2) + " <span class=\"note\">"
                    + escape(curves.get(id).capitalSource()) + "</span>");
            row("return grid", ids, id -> escape(duration(gridSteps.get(id))) + ", " + grids.get(id).size()
                    + " points");
            row("total return", ids, id -> pct(perf, id, PerformanceSummary::totalReturn));
            // Annualised figures only for runs of TearSheet.MIN_ANNUALISED_DAYS and more; one Sharpe definition here.
            boolean annualise = runSpanNanos() >= TearSheet.MIN_ANNUALISED_SPAN_NANOS;
            String withheld = "n/a <span class=\"note\">(run too short)</span>";
            row("annualised return (CAGR)", ids, id -> annualise
                    ? pct(perf, id, PerformanceSummary::annualisedReturn) : withheld);
            row("annualised volatility", ids, id -> annualise
                    ? pct(perf, id, PerformanceSummary::annualisedVolatility) : withheld);
            String period = duration(options.resampleStepNanos());
            if (annualise) {
                row("Sharpe (annualised)", ids, id -> val(perf, id, PerformanceSummary::sharpe, 3));
                row("Sortino (annualised)", ids, id -> val(perf, id, PerformanceSummary::sortino, 3));
                row("Calmar", ids, id -> val(perf, id, PerformanceSummary::calmar, 3));
            } else {
                row("Sharpe per " + period + " period (not annualised)", ids, id -> val(perf, id,
                        p -> p.sharpe() / Math.sqrt(p.conventions().periodsPerYear()), 3));
                row("Sortino per " + period + " period (not annualised)", ids, id -> val(perf, id,
                        p -> p.sortino() / Math.sqrt(p.conventions().periodsPerYear()), 3));
                row("Calmar", ids, id -> withheld);
            }
            row("max drawdown", ids, id -> pct(perf, id, s -> s.drawdown().maxDrawdown()));
            row("max drawdown (amount)", ids, id -> val(perf, id, s -> s.drawdown().maxDrawdownAmount(), 4));
            row("max drawdown duration", ids, id -> perf.containsKey(id)
                    ? escape(duration(perf.get(id).drawdown().durationNanos(grids.get(id).ts())))
                    + (perf.get(id).drawdown().recovered() ? "" : " (not recovered)") : "n/a");
            double a = options.conventions().confidence();
            String level = String.format(Locale.ROOT, "%.3g %%", a * 100);
            row("VaR " + level + " historical, per period", ids, id -> pct(perf, id,
                    PerformanceSummary::historicalVar));
            row("ES " + level + " historical, per period", ids, id -> pct(perf, id, PerformanceSummary::historicalEs));
            row("VaR " + level + " Gaussian", ids, id -> pct(perf, id, PerformanceSummary::gaussianVar));
            row("ES " + level + " Gaussian", ids, id -> pct(perf, id, PerformanceSummary::gaussianEs));
            row("VaR " + level + " Cornish-Fisher", ids, id -> pct(perf, id, PerformanceSummary::cornishFisherVar));
            row("ES " + level + " Cornish-Fisher", ids, id -> pct(perf, id, PerformanceSummary::cornishFisherEs));
            row("win rate (periods)", ids, id -> pct(perf, id, PerformanceSummary::winRate));
            row("profit factor (periods)", ids, id -> val(perf, id, PerformanceSummary::profitFactor, 3));
            row("turnover (notional / mean equity)", ids, id -> {
                double[] e = grids.get(id).equity();
                if (e.length == 0) {
                    return "n/a";
                }
                double notional = allInstrumentsTotal(id, "traded_notional");
                try {
                    return num(PerformanceMetrics.turnover(notional, e), 3);
                } catch (IllegalArgumentException ex) {
                    return "n/a <span class=\"note\">" + escape(ex.getMessage()) + "</span>";
                }
            });
            out.append("</tbody>\n</table>\n");
            if (!why.isEmpty()) {
                out.append("<p class=\"note\">No return metrics for ");
                int k = 0;
                for (Map.Entry<String, String> e : why.entrySet()) {
                    out.append(k++ == 0 ? "" : "; ").append(escape(e.getKey())).append(": ")
                            .append(escape(e.getValue()));
                }
                out.append(".</p>\n");
            }
            Conventions used = options.conventions().withPeriodsPerYear(
                    Conventions.periodsPerYearOf(options.resampleStepNanos()));
            out.append("<p class=\"note\">Conventions: ").append(escape(used.toString()))
                    .append(" (periods per year from the return grid, a 365-day year). VaR and ES are per grid "
                            + "period, positive for losses.");
            Table eq = result.equity();
            if (eq.rowCount() > 1) {
                long span = eq.longColumn("ts").getLong(eq.rowCount() - 1) - eq.longColumn("ts").getLong(0);
                out.append(" The run spans ").append(escape(duration(span)));
                out.append(span >= TearSheet.MIN_ANNUALISED_SPAN_NANOS
                        ? ": annualised figures extrapolate it to a year."
                        : ": annualised figures (CAGR, annualised volatility, Sharpe, Sortino, Calmar) are withheld, "
                        + "they need at least " + TearSheet.MIN_ANNUALISED_DAYS + " days; Sharpe and Sortino are shown"
                        + " per return period instead.");
            }
            out.append("</p>\n");
        }

        private long runSpanNanos() {
            Table eq = result.equity();
            return eq.rowCount() < 2 ? 0
                    : eq.longColumn("ts").getLong(eq.rowCount() - 1) - eq.longColumn("ts").getLong(0);
        }

        private double allInstrumentsTotal(String strategyId, String column) {
            Table t = result.totals();
            StringColumn s = t.stringColumn("strategy");
            StringColumn y = t.stringColumn("symbol");
            DoubleColumn c = t.doubleColumn(column);
            for (int r = 0; r < t.rowCount(); r++) {
                if (s.get(r).equals(strategyId) && y.get(r).equals(BacktestResult.ALL_INSTRUMENTS)) {
                    return c.getDouble(r);
                }
            }
            return Double.NaN;
        }

        private interface Cell {
            String of(String strategyId);
        }

        private interface Metric {
            double of(PerformanceSummary s);
        }

        private void row(String name, List<String> ids, Cell cell) {
            out.append("<tr><th>").append(escape(name)).append("</th>");
            for (String id : ids) {
                out.append("<td>").append(cell.of(id)).append("</td>");
            }
            out.append("</tr>\n");
        }

        private String pct(Map<String, PerformanceSummary> perf, String id, Metric m) {
            PerformanceSummary s = perf.get(id);
            return s == null ? "n/a" : small(m.of(s) * 100) + " %";
        }

        private String val(Map<String, PerformanceSummary> perf, String id, Metric m, int decimals) {
            PerformanceSummary s = perf.get(id);
            return s == null ? "n/a" : num(m.of(s), decimals);
        }

        private void charts() {
            List<Chart> list = options.chartList();
            if (list.isEmpty()) {
                return;
            }
            out.append("<h2>Charts</h2>\n");
            for (Chart c : list) {
                switch (c) {
                    case EQUITY -> equityChart();
                    case DRAWDOWN -> drawdownChart();
                    case INVENTORY -> inventoryChart();
                    case PNL_BY_HOUR -> pnlByHourChart();
                    case PNL_BY_STRATEGY -> pnlByStrategyChart();
                    default -> throw new IllegalStateException("unknown chart " + c);
                }
            }
        }

        private void figure(java.util.function.Function<String, String> chart, String name, String caption) {
            String id = "chart-" + name;
            chartCount++;
            out.append("<figure class=\"chart\" id=\"").append(id).append("-figure\">\n")
                    .append(chart.apply(id)).append("\n<figcaption>").append(escape(caption))
                    .append("</figcaption>\n</figure>\n");
        }

        private void equityChart() {
            XyChart.Builder data = Charts.timeChart("Equity", "equity", options.maxChartPoints());
            for (EquityCurve c : curves.values()) {
                data.series(c.strategyId(), c.ts(), c.equity(), XyChart.Style.LINE);
            }
            figure(data.build()::svg, "equity",
                    "Equity per strategy at every mark: capital + net PnL (realized + unrealized at the mid - fees).");
        }

        private void drawdownChart() {
            XyChart.Builder data = Charts.timeChart("Drawdown", "drawdown (%)", options.maxChartPoints());
            for (EquityCurve g : grids.values()) {
                double[] dd = g.drawdown();
                for (int k = 0; k < dd.length; k++) {
                    dd[k] = -100.0 * dd[k];
                }
                data.series(g.strategyId(), g.ts(), dd, XyChart.Style.AREA);
            }
            figure(data.build()::svg, "drawdown",
                    "Drawdown from the running peak of equity on the return grid, percent.");
        }

        private void inventoryChart() {
            Table eq = result.equity();
            XyChart.Builder data = Charts.timeChart("Inventory", "position (qty)", options.maxChartPoints());
            int added = 0;
            LongColumn ts = eq.longColumn("ts");
            StringColumn strategy = eq.stringColumn("strategy");
            StringColumn symbol = eq.stringColumn("symbol");
            DoubleColumn position = eq.doubleColumn("position");
            Map<String, List<Integer>> rows = new LinkedHashMap<>();
            for (int r = 0; r < eq.rowCount(); r++) {
                rows.computeIfAbsent(strategy.get(r) + " " + symbol.get(r), k -> new ArrayList<>()).add(r);
            }
            for (Map.Entry<String, List<Integer>> e : rows.entrySet()) {
                List<Integer> rs = e.getValue();
                long[] t = new long[rs.size()];
                double[] p = new double[rs.size()];
                boolean any = false;
                for (int k = 0; k < t.length; k++) {
                    t[k] = ts.getLong(rs.get(k));
                    p[k] = position.getDouble(rs.get(k));
                    any |= p[k] != 0.0;
                }
                if (any || rows.size() == 1) {
                    data.series(e.getKey(), t, p, XyChart.Style.STEP);
                    added++;
                }
            }
            if (added == 0 && !rows.isEmpty()) {
                Map.Entry<String, List<Integer>> first = rows.entrySet().iterator().next();
                List<Integer> rs = first.getValue();
                data.series(first.getKey(), new long[] {ts.getLong(rs.get(0))}, new double[] {0.0},
                        XyChart.Style.STEP);
            }
            figure(data.build()::svg, "inventory",
                    "Position per strategy and instrument at the marks (instruments a strategy never held are left "
                            + "out).");
        }

        private void pnlByHourChart() {
            if (noAttribution("PnL by hour chart")) {
                return;
            }
            List<PnlBucket> hours = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (PnlBucket b : attribution().byHour()) {
                if (active(b)) {
                    hours.add(b);
                    labels.add(String.format(Locale.ROOT, "%02d", b.hourUtc()));
                }
            }
            figure(Charts.pnlBars("PnL by hour of day (UTC)", "hour (UTC)", hours, labels)::svg, "pnl-by-hour",
                    "PnL attribution per UTC hour, all strategies: trading PnL, fees paid, rebates and net "
                            + "(hours without activity left out).");
        }

        private void pnlByStrategyChart() {
            if (noAttribution("PnL by strategy chart")) {
                return;
            }
            List<PnlBucket> buckets = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (PnlBucket b : attribution().byStrategyAndInstrument()) {
                if (active(b)) {
                    buckets.add(b);
                    labels.add(b.strategyId() + " / " + b.symbol());
                }
            }
            figure(Charts.pnlBars("PnL by strategy and instrument", "strategy / instrument", buckets, labels)::svg,
                    "pnl-by-strategy", "PnL attribution per strategy and instrument.");
        }

        private PnlAttribution attribution;

        private static boolean active(PnlBucket b) {
            return b.tradingPnl() != 0.0 || b.feesPaid() != 0.0 || b.rebates() != 0.0 || b.fundingPaid() != 0.0;
        }

        private String attributionUnavailable;

        /** The attribution, or null when the result cannot give it ({@link #attributionUnavailable} says why). */
        private PnlAttribution attribution() {
            if (attribution == null && attributionUnavailable == null) {
                try {
                    attribution = PnlAttribution.of(result);
                } catch (IllegalArgumentException e) {
                    attributionUnavailable = e.getMessage();
                }
            }
            return attribution;
        }

        private boolean noAttribution(String section) {
            if (attribution() != null) {
                return false;
            }
            out.append("<p class=\"note\">No ").append(escape(section)).append(": ")
                    .append(escape(attributionUnavailable)).append(".</p>\n");
            return true;
        }

        private void attributionTable() {
            if (attribution() == null) {
                out.append("<h2>PnL attribution</h2>\n");
                noAttribution("PnL attribution");
                return;
            }
            boolean funding = result.hasMargin();
            out.append("<h2>PnL attribution</h2>\n<table class=\"data\" id=\"attribution\">\n<thead><tr><th>strategy"
                    + "</th><th>instrument</th><th>trading PnL</th><th>fees paid</th><th>rebates</th>"
                    + (funding ? "<th>funding paid</th>" : "") + "<th>net PnL</th></tr></thead>\n<tbody>\n");
            List<PnlBucket> rows = new ArrayList<>();
            for (PnlBucket b : attribution().byStrategyAndInstrument()) {
                if (active(b)) {
                    rows.add(b);
                }
            }
            rows.addAll(attribution().byStrategy());
            rows.add(attribution().total());
            for (PnlBucket b : rows) {
                out.append("<tr><td>").append(escape(b.strategyId())).append("</td><td>").append(escape(b.symbol()))
                        .append("</td><td>").append(num(b.tradingPnl(), 4)).append("</td><td>")
                        .append(num(b.feesPaid(), 4)).append("</td><td>").append(num(b.rebates(), 4));
                if (funding) {
                    out.append("</td><td>").append(num(b.fundingPaid(), 4));
                }
                out.append("</td><td>").append(num(b.netPnl(), 4)).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n<p class=\"note\">Trading PnL is realized plus unrealized PnL marked to "
                    + "the mid; net = trading - fees paid + rebates; each row reconciles with the totals table. "
                    + "Hour buckets use the marks' times (trading) and the fills' times (fees).</p>\n");
            if (funding) {
                out.append("<p class=\"note\">Funding paid is perpetual funding at each funding time, position x"
                        + " mark price x rate (negative: received), bucketed by the funding time; net = trading - fees"
                        + " paid + rebates - funding paid.</p>\n");
                liquidationsTable();
                deliveriesTable();
            }
        }

        /** The deliveries of dated futures at expiry, when there were any: the delivery's own cash flow line. */
        private void deliveriesTable() {
            if (result.deliveryRecords().isEmpty()) {
                return;
            }
            out.append("<h2>Deliveries</h2>\n<table class=\"data\" id=\"deliveries\">\n<thead><tr><th>strategy</th>"
                    + "<th>instrument</th><th>expiry (UTC)</th><th>mode</th><th>position</th><th>entry price</th>"
                    + "<th>delivery price</th><th>realized PnL</th><th>released margin</th></tr></thead>\n<tbody>\n");
            tech.tablesaw.api.Table t = result.deliveries();
            for (int r = 0; r < t.rowCount(); r++) {
                io.qtrade.core.margin.Delivery d = result.deliveryRecords().get(r);
                out.append("<tr><td>").append(escape(t.stringColumn("strategy").get(r))).append("</td><td>")
                        .append(escape(d.instrument().id())).append("</td><td>")
                        .append(escape(java.time.Instant.ofEpochSecond(0, d.exchTs()).toString())).append("</td><td>")
                        .append(d.mode()).append("</td><td>").append(num(d.qty(), 6)).append("</td><td>")
                        .append(num(d.entryPrice(), 4)).append("</td><td>").append(num(d.deliveryPrice(), 4))
                        .append("</td><td>").append(num(d.realizedPnl(), 6)).append("</td><td>")
                        .append(num(d.releasedMargin(), 6)).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n<p class=\"note\">A dated future is delivered at its expiry at the mean of"
                    + " its index price rows over the last 30 minutes (Binance's settlement price, from the rows the data"
                    + " has), without a fee; its realized PnL is booked here, not as a fill.</p>\n");
        }

        /** The liquidations of a run with instruments on margin: what closed, where, and the insurance fund's part. */
        private void liquidationsTable() {
            out.append("<h2>Liquidations</h2>\n");
            if (result.liquidationRecords().isEmpty()) {
                out.append("<p class=\"note\">No position was liquidated.</p>\n");
                return;
            }
            out.append("<table class=\"data\" id=\"liquidations\">\n<thead><tr><th>strategy</th><th>instrument</th>"
                    + "<th>time (UTC)</th><th>mode</th><th>side</th><th>qty</th><th>entry price</th><th>mark price</th>"
                    + "<th>liquidation price</th><th>margin balance</th><th>maintenance margin</th><th>realized PnL</th>"
                    + "<th>clearance fee</th><th>insurance fund cover</th></tr></thead>\n<tbody>\n");
            tech.tablesaw.api.Table t = result.liquidations();
            for (int r = 0; r < t.rowCount(); r++) {
                io.qtrade.core.margin.Liquidation l = result.liquidationRecords().get(r);
                out.append("<tr><td>").append(escape(t.stringColumn("strategy").get(r))).append("</td><td>")
                        .append(escape(l.instrument().id())).append("</td><td>")
                        .append(escape(java.time.Instant.ofEpochSecond(0, l.exchTs()).toString())).append("</td><td>")
                        .append(l.mode()).append("</td><td>").append(l.side()).append("</td><td>")
                        .append(num(l.qty(), 6)).append("</td><td>").append(num(l.entryPrice(), 4)).append("</td><td>")
                        .append(num(l.price(), 4)).append("</td><td>").append(num(l.liquidationPrice(), 4))
                        .append("</td><td>").append(num(l.marginBalance(), 4)).append("</td><td>")
                        .append(num(l.maintenanceMargin(), 4)).append("</td><td>").append(num(l.realizedPnl(), 4))
                        .append("</td><td>").append(num(l.clearanceFee(), 4)).append("</td><td>")
                        .append(num(l.insuranceFundCover(), 4)).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n<p class=\"note\">A position is liquidated when its margin balance falls"
                    + " below its maintenance margin at the mark price (Binance's rule); it is closed at the mark. The"
                    + " clearance fee goes to the insurance fund; when the close loses more than the collateral, the fund"
                    + " covers the rest and the balance stays at 0.</p>\n");
        }

        private void execution() {
            MarketTape tape = options.market() != null ? options.market()
                    : MarketTape.builder(result.instruments()).build();
            out.append("<h2>Execution quality</h2>\n");
            ExecutionQuality q;
            try {
                q = ExecutionQuality.of(result, tape);
            } catch (IllegalArgumentException e) {
                out.append("<p class=\"note\">No execution quality: ").append(escape(e.getMessage()))
                        .append(".</p>\n");
                return;
            }
            if (options.market() == null) {
                out.append("<p class=\"note\">No market tape was given (ReportOptions.market): the interval VWAP "
                        + "and TWAP are not computed and the decision price is the arrival mid.</p>\n");
            }
            out.append("<table class=\"data\" id=\"execution\">\n<thead><tr><th>strategy</th><th>instrument</th>"
                    + "<th>orders</th><th>filled orders</th><th>fills</th><th>filled qty</th><th>filled notional</th>"
                    + "<th>fees</th><th>slippage vs arrival (bps)</th><th>vs VWAP (bps)</th><th>vs TWAP (bps)</th>"
                    + "<th>impl. shortfall</th><th>IS (bps)</th></tr></thead>\n<tbody>\n");
            for (ExecutionSummary s : q.summaries()) {
                out.append("<tr><td>").append(escape(s.strategyId())).append("</td><td>").append(escape(s.symbol()))
                        .append("</td><td>").append(s.orders()).append("</td><td>").append(s.filledOrders())
                        .append("</td><td>").append(s.fills()).append("</td><td>").append(num(s.filledQty(), 4))
                        .append("</td><td>").append(num(s.filledNotional(), 2)).append("</td><td>")
                        .append(num(s.fees(), 4)).append("</td><td>").append(num(s.slippageVsArrivalBps(), 3))
                        .append("</td><td>").append(num(s.slippageVsVwapBps(), 3)).append("</td><td>")
                        .append(num(s.slippageVsTwapBps(), 3)).append("</td><td>")
                        .append(num(s.implementationShortfall(), 4)).append("</td><td>")
                        .append(num(s.implementationShortfallBps(), 3)).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n<p class=\"note\">Slippage in bps of the benchmark, positive = cost, "
                    + "averaged over orders weighted by filled notional. Implementation shortfall (Perold 1988): "
                    + "fills against the decision mid, plus fees, plus the unfilled rest at the end mid.</p>\n");
            List<OrderExecution> orders = new ArrayList<>(q.orders());
            orders.removeIf(o -> Double.isNaN(o.implementationShortfall()));
            orders.sort(Comparator.comparingDouble(OrderExecution::implementationShortfall).reversed());
            int n = Math.min(options.maxOrderRows(), orders.size());
            if (n == 0) {
                return;
            }
            out.append("<h3>Orders with the largest shortfall (").append(n).append(" of ").append(q.orders().size())
                    .append(")</h3>\n<table class=\"data\" id=\"orders\">\n<thead><tr><th>strategy</th><th>order</th>"
                            + "<th>instrument</th><th>side</th><th>qty</th><th>filled</th><th>avg price</th>"
                            + "<th>decision</th><th>arrival mid</th><th>vs arrival (bps)</th><th>vs VWAP (bps)</th>"
                            + "<th>delay</th><th>trading</th><th>fees</th><th>opportunity</th><th>IS</th>"
                            + "<th>IS (bps)</th></tr></thead>\n<tbody>\n");
            for (int k = 0; k < n; k++) {
                OrderExecution o = orders.get(k);
                out.append("<tr><td>").append(escape(o.strategyId())).append("</td><td>").append(o.orderId())
                        .append("</td><td>").append(escape(o.symbol())).append("</td><td>").append(o.side())
                        .append("</td><td>").append(num(o.qty(), 4)).append("</td><td>").append(num(o.filledQty(), 4))
                        .append("</td><td>").append(num(o.avgFillPrice(), 6)).append("</td><td>")
                        .append(num(o.decisionPrice(), 6)).append("</td><td>").append(num(o.arrivalMid(), 6))
                        .append("</td><td>").append(num(o.slippageVsArrivalBps(), 3)).append("</td><td>")
                        .append(num(o.slippageVsVwapBps(), 3)).append("</td><td>").append(num(o.delayCost(), 4))
                        .append("</td><td>").append(num(o.tradingCost(), 4)).append("</td><td>")
                        .append(num(o.fees(), 4)).append("</td><td>").append(num(o.opportunityCost(), 4))
                        .append("</td><td>").append(num(o.implementationShortfall(), 4)).append("</td><td>")
                        .append(num(o.implementationShortfallBps(), 3)).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }

        private void sections() {
            List<ReportSection> list = options.sections();
            for (int k = 0; k < list.size(); k++) {
                ReportSection s = list.get(k);
                out.append("<section class=\"extra\" id=\"section-").append(k + 1).append("\">\n<h2>")
                        .append(escape(s.title())).append("</h2>\n").append(s.html());
                if (!s.html().endsWith("\n")) {
                    out.append('\n');
                }
                out.append("</section>\n");
            }
        }

        private void joinEscaped(List<String> items) {
            for (int k = 0; k < items.size(); k++) {
                out.append(k == 0 ? "" : ", ").append(escape(items.get(k)));
            }
        }
    }

    /** Escapes {@code & < > " '} for HTML text and attribute values. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A number with {@code decimals} decimals and thousands separators; NaN is "n/a", infinities "inf"/"-inf". */
    static String num(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String s = String.format(Locale.ROOT, "%,." + decimals + "f", v);
        // a value that rounds to zero prints without a sign
        return s.startsWith("-") && s.chars().noneMatch(c -> c >= '1' && c <= '9') ? s.substring(1) : s;
    }

    /** 4 decimals, or 4 significant digits in scientific notation below 0.001 in magnitude (0 stays "0.0000"). */
    static String small(double v) {
        if (Double.isFinite(v) && v != 0.0 && Math.abs(v) < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return num(v, 4);
    }

    /** An ISO-8601 UTC time of epoch nanoseconds. */
    static String time(long epochNanos) {
        return Timestamps.toInstant(epochNanos).toString();
    }

    /** A duration as {@code 1d 02h 03m 04.5s} (leading zero units left out). */
    static String duration(long nanos) {
        if (nanos < 1_000_000L) {
            return String.format(Locale.ROOT, "%,d ns", nanos);
        }
        long days = nanos / Timestamps.NANOS_PER_DAY;
        long hours = nanos % Timestamps.NANOS_PER_DAY / Timestamps.NANOS_PER_HOUR;
        long minutes = nanos % Timestamps.NANOS_PER_HOUR / Timestamps.NANOS_PER_MINUTE;
        double seconds = nanos % Timestamps.NANOS_PER_MINUTE / 1e9;
        StringBuilder b = new StringBuilder();
        if (days > 0) {
            b.append(days).append("d ");
        }
        if (days > 0 || hours > 0) {
            b.append(String.format(Locale.ROOT, "%02dh ", hours));
        }
        if (days > 0 || hours > 0 || minutes > 0) {
            b.append(String.format(Locale.ROOT, "%02dm ", minutes));
        }
        b.append(String.format(Locale.ROOT, seconds == Math.rint(seconds) ? "%02.0fs" : "%06.3fs", seconds));
        return b.toString();
    }

    private static final String STYLE = """
            body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 24px auto;
                   max-width: 1200px; color: #222; padding: 0 16px; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; }
            h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
            h3 { font-size: 1.05em; }
            table { border-collapse: collapse; font-size: 0.85em; margin: 8px 0; }
            th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: right; white-space: nowrap; }
            thead th { background: #f3f3f3; }
            tbody th { text-align: left; background: #fafafa; font-weight: normal; }
            table.data td:nth-child(-n+2) { text-align: left; }
            .meta, .note { color: #555; font-size: 0.85em; }
            figure.chart { margin: 16px 0; }
            figure.chart svg { width: 100%; height: auto; max-width: 960px; display: block; }
            figcaption { color: #555; font-size: 0.85em; }
            """;

    /** Marks the page once every chart is laid out with a non-zero size and holds drawn elements. */
    private static final String SCRIPT = """
            window.addEventListener('load', function () {
              var charts = document.querySelectorAll('figure.chart > svg');
              var rendered = 0;
              for (var i = 0; i < charts.length; i++) {
                var box = charts[i].getBoundingClientRect();
                var drawn = charts[i].querySelectorAll('path, line, rect, text').length;
                if (box.width > 0 && box.height > 0 && drawn > 0) {
                  rendered++;
                }
              }
              document.body.setAttribute('data-charts', String(charts.length));
              document.body.setAttribute('data-charts-rendered', String(rendered));
            });
            """;
}
