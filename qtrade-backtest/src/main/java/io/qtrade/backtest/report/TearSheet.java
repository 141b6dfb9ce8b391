package io.qtrade.backtest.report;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.FillRecord;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.time.Timestamps;
import io.qtrade.backtest.report.chart.BarChart;
import io.qtrade.backtest.report.chart.XyChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The tear sheet of a backtest, as {@link ReportSection}s to add to an {@link HtmlReport}
 * ({@code ReportOptions.builder().sections(...)}): run settings, period returns (histogram), rolling Sharpe ratio and
 * volatility, the five worst drawdowns, a daily (or, for runs of two months and more, monthly) returns heat map, a
 * buy-and-hold benchmark comparison and round-trip trade statistics.
 *
 * <pre>{@code
 * Backtest backtest = ...;
 * BacktestResult result = backtest.run();
 * TearSheet sheet = TearSheet.of(result, RunSettings.of(backtest, "sample store, venue SIM"));
 * ReportOptions.Builder options = ReportOptions.builder().title("my run");
 * sheet.sections().forEach(options::section);
 * HtmlReport.write(result, Path.of("report.html"), options.build());
 * }</pre>
 *
 * <h2>Definitions</h2>
 * <ul>
 *   <li>Returns: each strategy's {@link EquityCurve} resampled to the tear sheet's period ({@link #periodNanos()}:
 *       one day for runs of {@value #DAILY_GRID_DAYS} days and more, one hour for runs of two days and more, one minute
 *       otherwise), {@code r_k = E_k / E_{k-1} - 1}.</li>
 *   <li>Sharpe ratio: one definition in every table of the tear sheet, {@code mean(r) / sd(r)} (sample standard
 *       deviation, no risk-free rate), <em>per period</em>; multiplied by {@code sqrt(periods per 365-day year)}
 *       (annualised) only when the run spans at least {@value #MIN_ANNUALISED_DAYS} days
 *       ({@link #MIN_ANNUALISED_SPAN_NANOS}). Shorter runs show "n/a" for annualised figures with the reason: three
 *       days of a market maker extrapolated to a year say nothing about a year (Lo 2002 on the error of a Sharpe
 *       ratio estimated from few observations).</li>
 *   <li>Rolling Sharpe and volatility: over the last {@link #rollingWindow()} periods (a day of hours, a month of
 *       days, an hour of minutes).</li>
 *   <li>Drawdowns: maximal peak-to-trough episodes of equity on the period grid, the worst five by depth, with peak,
 *       trough and recovery times (ISO-8601 UTC).</li>
 *   <li>Benchmark: buy-and-hold of each instrument the strategy traded, one unit bought at the first mark and held,
 *       on the same grid (from the equity table's {@code mark_price}); correlation and beta of the strategy's period
 *       returns against it.</li>
 *   <li>Round trips: fills matched first-in first-out per strategy and instrument; a round trip is a matched
 *       quantity, its PnL {@code (exit - entry) x qty x multiplier x sign}, gross of fees (fees are in the PnL
 *       attribution table); holding time from the opening to the closing fill.</li>
 * </ul>
 * Lo, A. W. (2002), "The Statistics of Sharpe Ratios", Financial Analysts Journal 58(4), 36-52.
 */
public final class TearSheet {

    /** Runs shorter than this many days get no annualised figures. */
    public static final int MIN_ANNUALISED_DAYS = 30;
    /** {@link #MIN_ANNUALISED_DAYS} in nanoseconds. */
    public static final long MIN_ANNUALISED_SPAN_NANOS = MIN_ANNUALISED_DAYS * Timestamps.NANOS_PER_DAY;
    /** Runs of this many days and more use daily returns and a monthly heat map. */
    public static final int DAILY_GRID_DAYS = 60;
    /** The number of worst drawdowns listed. */
    public static final int WORST_DRAWDOWNS = 5;

    private static final double DAYS_PER_YEAR = 365.0;

    private final BacktestResult result;
    private final RunSettings settings;
    private final long spanNanos;
    private final long periodNanos;
    private final int rollingWindow;
    private final Map<String, EquityCurve> grids = new LinkedHashMap<>();

    private TearSheet(BacktestResult result, RunSettings settings) {
        this.result = result;
        this.settings = settings;
        Table eq = result.equity();
        LongColumn ts = eq.longColumn("ts");
        this.spanNanos = eq.rowCount() < 2 ? 0 : ts.getLong(eq.rowCount() - 1) - ts.getLong(0);
        if (spanNanos >= DAILY_GRID_DAYS * Timestamps.NANOS_PER_DAY) {
            periodNanos = Timestamps.NANOS_PER_DAY;
            rollingWindow = 21;
        } else if (spanNanos >= 2 * Timestamps.NANOS_PER_DAY) {
            periodNanos = Timestamps.NANOS_PER_HOUR;
            rollingWindow = 24;
        } else {
            periodNanos = Timestamps.NANOS_PER_MINUTE;
            rollingWindow = 60;
        }
        for (String id : result.strategyIds()) {
            grids.put(id, EquityCurve.of(result, id).resample(periodNanos));
        }
    }

    /** The tear sheet of {@code result}, run with {@code settings}. */
    public static TearSheet of(BacktestResult result, RunSettings settings) {
        return new TearSheet(Objects.requireNonNull(result, "tear sheet: result"),
                Objects.requireNonNull(settings, "tear sheet: settings"));
    }

    /** The return period, nanoseconds. */
    public long periodNanos() {
        return periodNanos;
    }

    /** Periods in the rolling window. */
    public int rollingWindow() {
        return rollingWindow;
    }

    /** Whether the run is long enough for annualised figures ({@link #MIN_ANNUALISED_SPAN_NANOS}). */
    public boolean annualised() {
        return spanNanos >= MIN_ANNUALISED_SPAN_NANOS;
    }

    /** Why annualised figures are withheld, or the empty string when they are shown. */
    public String withheldReason() {
        return annualised() ? "" : "the run spans " + HtmlReport.duration(spanNanos) + "; annualised figures need at"
                + " least " + MIN_ANNUALISED_DAYS + " days";
    }

    /** The sections, in order: settings, returns, rolling, drawdowns, heat map, benchmark, round trips. */
    public List<ReportSection> sections() {
        List<ReportSection> out = new ArrayList<>();
        out.add(new ReportSection("Run settings", settingsHtml()));
        out.add(new ReportSection("Returns (" + periodName() + ")", returnsHtml()));
        out.add(new ReportSection("Rolling Sharpe ratio and volatility", rollingHtml()));
        out.add(new ReportSection("Worst " + WORST_DRAWDOWNS + " drawdowns", drawdownsHtml()));
        out.add(new ReportSection(heatMapMonthly() ? "Monthly returns" : "Daily returns", heatMapHtml()));
        out.add(new ReportSection("Benchmark: buy and hold", benchmarkHtml()));
        out.add(new ReportSection("Round trips", roundTripsHtml()));
        return out;
    }

    // ------------------------------------------------------------------------------------------------ settings

    private String settingsHtml() {
        StringBuilder b = new StringBuilder("<table class=\"data\" id=\"run-settings\">\n<tbody>\n");
        kv(b, "data", settings.data());
        kv(b, "market time", result.equity().rowCount() == 0 ? "n/a" : HtmlReport.time(firstTs()) + " to "
                + HtmlReport.time(lastTs()) + " (" + HtmlReport.duration(spanNanos) + ")");
        kv(b, "seed", Long.toString(settings.seed()));
        kv(b, "initial cash per strategy", HtmlReport.num(settings.initialCash(), 2));
        kv(b, "equity marks", "every " + HtmlReport.duration(settings.markIntervalNanos()));
        kv(b, "engine", settings.engineVersion());
        kv(b, "events", String.format(Locale.ROOT, "%,d", result.events()));
        b.append("</tbody>\n</table>\n<table class=\"data\" id=\"run-models\">\n<thead><tr><th>instrument</th>"
                + "<th>tick / lot</th><th>latency model</th><th>queue model</th><th>fee model</th></tr></thead>\n"
                + "<tbody>\n");
        for (ExchangeSettings e : settings.exchanges()) {
            Instrument i = e.instrument();
            b.append("<tr><td>").append(esc(i.id())).append("</td><td>").append(esc(plain(i.tickSize())))
                    .append(" / ").append(esc(plain(i.lotSize()))).append("</td><td>")
                    .append(esc(String.valueOf(e.latency()))).append("</td><td>")
                    .append(esc(String.valueOf(e.queue()))).append("</td><td>").append(esc(String.valueOf(e.fees())))
                    .append("</td></tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    private static void kv(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(esc(k)).append("</th><td style=\"text-align:left\">").append(esc(v))
                .append("</td></tr>\n");
    }

    // ------------------------------------------------------------------------------------------------ returns

    private String returnsHtml() {
        StringBuilder b = new StringBuilder();
        b.append("<table class=\"metrics\" id=\"period-returns\">\n<thead><tr><th>").append(esc(periodName()))
                .append(" returns</th>");
        for (String id : grids.keySet()) {
            b.append("<th>").append(esc(id)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        Map<String, double[]> returns = new LinkedHashMap<>();
        for (Map.Entry<String, EquityCurve> e : grids.entrySet()) {
            returns.put(e.getKey(), returns(e.getValue().equity()));
        }
        metricRow(b, "periods", returns, r -> Integer.toString(r.length));
        metricRow(b, "total return", returns, r -> pct(compound(r)));
        metricRow(b, "mean return per " + periodShort(), returns, r -> pct(mean(r)));
        metricRow(b, "volatility per " + periodShort() + " (sample sd)", returns, r -> pct(sd(r)));
        metricRow(b, sharpeLabel(), returns, r -> HtmlReport.num(sharpeShown(r), 3));
        metricRow(b, "annualised volatility", returns, r -> annualised()
                ? pct(sd(r) * Math.sqrt(periodsPerYear())) : "n/a");
        metricRow(b, "best " + periodShort(), returns, r -> r.length == 0 ? "n/a" : pct(max(r)));
        metricRow(b, "worst " + periodShort(), returns, r -> r.length == 0 ? "n/a" : pct(min(r)));
        metricRow(b, "positive " + periodShort() + "s", returns, r -> r.length == 0 ? "n/a"
                : pct(positiveShare(r)));
        b.append("</tbody>\n</table>\n");
        b.append(ReportSection.paragraph(sharpeNote()));
        BarChart histogram = histogram("Distribution of " + periodName() + " returns", returns, HISTOGRAM_BINS);
        if (histogram != null) {
            b.append(figure(histogram::svg, "returns-histogram", "Histogram of each strategy's " + periodName()
                    + " returns, basis points of equity (" + HISTOGRAM_BINS + " equal bins over all strategies' "
                    + "returns; the label is the bin's centre)."));
        }
        return b.toString();
    }

    /** Bins of the returns histogram. */
    static final int HISTOGRAM_BINS = 30;

    /** One bar series per strategy: counts of its returns, in bps, in equal bins over every strategy's range. */
    static BarChart histogram(String title, Map<String, double[]> returns, int bins) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] r : returns.values()) {
            for (double v : r) {
                lo = Math.min(lo, v * 1e4);
                hi = Math.max(hi, v * 1e4);
            }
        }
        if (!(hi >= lo)) {
            return null;
        }
        double width = hi > lo ? (hi - lo) / bins : 1.0;
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < bins; k++) {
            labels.add(String.format(Locale.ROOT, "%.3g", lo + (k + 0.5) * width));
        }
        BarChart.Builder chart = BarChart.builder(title, labels).xLabel("return (bps)").yLabel("periods");
        for (Map.Entry<String, double[]> e : returns.entrySet()) {
            double[] counts = new double[bins];
            for (double v : e.getValue()) {
                counts[Math.min(bins - 1, (int) ((v * 1e4 - lo) / width))]++;
            }
            chart.series(e.getKey(), counts);
        }
        return chart.build();
    }

    private interface Stat {
        String of(double[] returns);
    }

    private static void metricRow(StringBuilder b, String name, Map<String, double[]> returns, Stat stat) {
        b.append("<tr><th>").append(esc(name)).append("</th>");
        for (double[] r : returns.values()) {
            b.append("<td>").append(stat.of(r)).append("</td>");
        }
        b.append("</tr>\n");
    }

    /** The Sharpe ratio this tear sheet shows: per period, or annualised when the run is long enough. */
    double sharpeShown(double[] r) {
        double s = sd(r);
        if (r.length < 2 || !(s > 0)) {
            return Double.NaN;
        }
        double perPeriod = mean(r) / s;
        return annualised() ? perPeriod * Math.sqrt(periodsPerYear()) : perPeriod;
    }

    String sharpeLabel() {
        return annualised() ? "Sharpe (annualised from " + periodName() + " returns)"
                : "Sharpe per " + periodShort() + " (not annualised)";
    }

    private String sharpeNote() {
        String s = "Sharpe ratio in this tear sheet: mean / sample standard deviation of the " + periodName()
                + " returns, no risk-free rate";
        return annualised() ? s + ", times sqrt(" + HtmlReport.num(periodsPerYear(), 0) + " periods per 365-day "
                + "year)." : s + ", per " + periodShort() + ". Annualised figures: n/a, " + withheldReason() + ".";
    }

    private double periodsPerYear() {
        return DAYS_PER_YEAR * Timestamps.NANOS_PER_DAY / (double) periodNanos;
    }

    private String periodName() {
        return periodNanos == Timestamps.NANOS_PER_DAY ? "daily" : periodNanos == Timestamps.NANOS_PER_HOUR
                ? "hourly" : "1-minute";
    }

    private String periodShort() {
        return periodNanos == Timestamps.NANOS_PER_DAY ? "day" : periodNanos == Timestamps.NANOS_PER_HOUR ? "hour"
                : "minute";
    }

    // ------------------------------------------------------------------------------------------------ rolling

    private String rollingHtml() {
        String per = annualised() ? "annualised" : "per " + periodShort();
        XyChart.Builder sharpe = XyChart.builder("Rolling Sharpe ratio (" + rollingWindow + " " + periodShort()
                + "s, " + per + ")", XyChart.Axis.TIME_UTC).yLabel("Sharpe").maxPoints(2_000);
        XyChart.Builder vol = XyChart.builder("Rolling volatility (" + rollingWindow + " " + periodShort() + "s, "
                + per + ")", XyChart.Axis.TIME_UTC).yLabel("volatility (%)").maxPoints(2_000);
        int drawn = 0;
        for (Map.Entry<String, EquityCurve> e : grids.entrySet()) {
            long[] ts = e.getValue().ts();
            double[] r = returns(e.getValue().equity());
            if (r.length < rollingWindow) {
                continue;
            }
            double[][] rolling = rolling(r, rollingWindow);
            long[] t = Arrays.copyOfRange(ts, rollingWindow, ts.length);
            double[] s = rolling[0];
            double[] v = rolling[1];
            if (annualised()) {
                double f = Math.sqrt(periodsPerYear());
                for (int k = 0; k < s.length; k++) {
                    s[k] *= f;
                    v[k] *= f;
                }
            }
            for (int k = 0; k < v.length; k++) {
                v[k] *= 100;
            }
            sharpe.series(e.getKey(), t, s, XyChart.Style.LINE);
            vol.series(e.getKey(), t, v, XyChart.Style.LINE);
            drawn++;
        }
        if (drawn == 0) {
            return ReportSection.paragraph("Not shown: fewer than " + rollingWindow + " " + periodName()
                    + " returns (the rolling window).");
        }
        return figure(sharpe.build()::svg, "rolling-sharpe",
                "Sharpe ratio of the last " + rollingWindow + " " + periodName() + " returns, " + per + ".")
                + figure(vol.build()::svg, "rolling-volatility",
                "Sample standard deviation of the last " + rollingWindow + " " + periodName() + " returns, percent, "
                        + per + ".");
    }

    /** {rolling mean / sd, rolling sd} over windows of {@code w} returns ending at each index {@code w-1..}. */
    static double[][] rolling(double[] r, int w) {
        int n = r.length - w + 1;
        double[] sharpe = new double[n];
        double[] vol = new double[n];
        for (int k = 0; k < n; k++) {
            double[] window = Arrays.copyOfRange(r, k, k + w);
            double s = sd(window);
            vol[k] = s;
            sharpe[k] = s > 0 ? mean(window) / s : Double.NaN;
        }
        return new double[][] {sharpe, vol};
    }

    // ------------------------------------------------------------------------------------------------ drawdowns

    /**
     * One drawdown episode on a grid.
     *
     * @param peakTs      time of the peak, epoch ns
     * @param troughTs    time of the trough, epoch ns
     * @param recoveryTs  first time equity is back at the peak, or {@link Long#MIN_VALUE} when it never is
     * @param depth       (peak - trough) / peak
     * @param amount      peak - trough, quote currency
     */
    record Drawdown(long peakTs, long troughTs, long recoveryTs, double depth, double amount) {

        boolean recovered() {
            return recoveryTs != Long.MIN_VALUE;
        }
    }

    /** The maximal drawdown episodes of {@code equity}, deepest first, at most {@code n}. */
    static List<Drawdown> worstDrawdowns(long[] ts, double[] equity, int n) {
        List<Drawdown> all = new ArrayList<>();
        int peak = 0;
        int trough = -1;
        for (int k = 1; k < equity.length; k++) {
            if (equity[k] >= equity[peak]) {
                if (trough >= 0) {
                    all.add(new Drawdown(ts[peak], ts[trough], ts[k], 1 - equity[trough] / equity[peak],
                            equity[peak] - equity[trough]));
                    trough = -1;
                }
                peak = k;
            } else if (trough < 0 || equity[k] < equity[trough]) {
                trough = k;
            }
        }
        if (trough >= 0) {
            all.add(new Drawdown(ts[peak], ts[trough], Long.MIN_VALUE, 1 - equity[trough] / equity[peak],
                    equity[peak] - equity[trough]));
        }
        all.sort(Comparator.comparingDouble(Drawdown::amount).reversed());
        return all.subList(0, Math.min(n, all.size()));
    }

    private String drawdownsHtml() {
        StringBuilder b = new StringBuilder("<table class=\"data\" id=\"worst-drawdowns\">\n<thead><tr><th>strategy"
                + "</th><th>rank</th><th>peak (UTC)</th><th>trough (UTC)</th><th>recovered (UTC)</th><th>depth</th>"
                + "<th>amount</th><th>peak to trough</th><th>peak to recovery</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, EquityCurve> e : grids.entrySet()) {
            List<Drawdown> dds = worstDrawdowns(e.getValue().ts(), e.getValue().equity(), WORST_DRAWDOWNS);
            if (dds.isEmpty()) {
                b.append("<tr><td>").append(esc(e.getKey())).append("</td><td colspan=\"8\">no drawdown on the ")
                        .append(periodName()).append(" grid</td></tr>\n");
            }
            for (int k = 0; k < dds.size(); k++) {
                Drawdown d = dds.get(k);
                b.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(k + 1).append("</td><td>")
                        .append(second(d.peakTs())).append("</td><td>").append(second(d.troughTs()))
                        .append("</td><td>").append(d.recovered() ? second(d.recoveryTs()) : "not recovered")
                        .append("</td><td>").append(pct(d.depth())).append("</td><td>")
                        .append(HtmlReport.num(d.amount(), 4)).append("</td><td>")
                        .append(esc(HtmlReport.duration(d.troughTs() - d.peakTs()))).append("</td><td>")
                        .append(d.recovered() ? esc(HtmlReport.duration(d.recoveryTs() - d.peakTs())) : "n/a")
                        .append("</td></tr>\n");
            }
        }
        return b.append("</tbody>\n</table>\n").append(ReportSection.paragraph("Peak-to-trough episodes of equity on"
                + " the " + periodName() + " grid, the " + WORST_DRAWDOWNS + " largest by amount per strategy; an "
                + "episode ends when equity is back at its peak.")).toString();
    }

    // ------------------------------------------------------------------------------------------------ heat map

    private boolean heatMapMonthly() {
        return spanNanos >= DAILY_GRID_DAYS * Timestamps.NANOS_PER_DAY;
    }

    /**
     * Returns per calendar bucket (UTC day, or month): equity at the bucket's last grid point over equity at the
     * previous bucket's last point (the first bucket: over the first point). Keys {@code YYYY-MM-DD} or
     * {@code YYYY-MM}, in time order.
     */
    static Map<String, Double> calendarReturns(long[] ts, double[] equity, boolean monthly) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (ts.length == 0) {
            return out;
        }
        double base = equity[0];
        for (int k = 0; k < ts.length; k++) {
            String key = bucket(ts[k], monthly);
            boolean last = k == ts.length - 1 || !bucket(ts[k + 1], monthly).equals(key);
            if (last) {
                out.put(key, equity[k] / base - 1);
                base = equity[k];
            }
        }
        return out;
    }

    private static String bucket(long ts, boolean monthly) {
        LocalDate d = Instant.ofEpochSecond(0, ts).atOffset(ZoneOffset.UTC).toLocalDate();
        return monthly ? d.toString().substring(0, 7) : d.toString();
    }

    private String heatMapHtml() {
        boolean monthly = heatMapMonthly();
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, EquityCurve> e : grids.entrySet()) {
            Map<String, Double> r = calendarReturns(e.getValue().ts(), e.getValue().equity(), monthly);
            double scale = 0;
            for (double v : r.values()) {
                scale = Math.max(scale, Math.abs(v));
            }
            // rows: year (monthly) or month (daily); columns: month 1-12 or day 1-31
            Map<String, Double[]> rows = new LinkedHashMap<>();
            int columns = monthly ? 12 : 31;
            for (Map.Entry<String, Double> c : r.entrySet()) {
                String row = c.getKey().substring(0, monthly ? 4 : 7);
                int col = Integer.parseInt(c.getKey().substring(monthly ? 5 : 8)) - 1;
                rows.computeIfAbsent(row, x -> new Double[columns])[col] = c.getValue();
            }
            b.append("<h3>").append(esc(e.getKey()))
                    .append("</h3>\n<table class=\"heatmap\" style=\"font-size:0.72em\">\n<thead><tr><th>")
                    .append(monthly ? "year" : "month").append("</th>");
            for (int c = 0; c < columns; c++) {
                b.append("<th>").append(c + 1).append("</th>");
            }
            b.append("</tr></thead>\n<tbody>\n");
            for (Map.Entry<String, Double[]> row : rows.entrySet()) {
                b.append("<tr><th>").append(row.getKey()).append("</th>");
                for (Double v : row.getValue()) {
                    if (v == null) {
                        b.append("<td></td>");
                    } else {
                        b.append("<td style=\"background:").append(colour(v, scale)).append("\">")
                                .append(pct(v)).append("</td>");
                    }
                }
                b.append("</tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        return b.append(ReportSection.paragraph((monthly ? "Monthly" : "Daily (UTC)") + " returns of equity: green "
                + "gains, red losses, the colour's strength relative to the largest absolute value of the strategy."))
                .toString();
    }

    /** A background colour for {@code v}: green for gains, red for losses, alpha up to 0.75 at {@code |v| = scale}. */
    static String colour(double v, double scale) {
        double a = scale > 0 ? Math.min(1.0, Math.abs(v) / scale) * 0.75 : 0.0;
        return String.format(Locale.ROOT, v >= 0 ? "rgba(40,160,70,%.2f)" : "rgba(200,50,50,%.2f)", a);
    }

    // ------------------------------------------------------------------------------------------------ benchmark

    private String benchmarkHtml() {
        Table eq = result.equity();
        StringColumn strategy = eq.stringColumn("strategy");
        StringColumn symbol = eq.stringColumn("symbol");
        LongColumn ts = eq.longColumn("ts");
        DoubleColumn mark = eq.doubleColumn("mark_price");
        StringBuilder b = new StringBuilder("<table class=\"data\" id=\"benchmark\">\n<thead><tr><th>strategy</th>"
                + "<th>series</th><th>total return</th><th>volatility per " + periodShort() + "</th><th>"
                + esc(sharpeLabel()) + "</th><th>max drawdown</th><th>correlation with the strategy</th>"
                + "<th>beta to it</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, EquityCurve> e : grids.entrySet()) {
            String id = e.getKey();
            EquityCurve g = e.getValue();
            double[] rs = returns(g.equity());
            benchRow(b, id, "strategy equity", g.equity(), rs);
            for (String sym : tradedSymbols(id)) {
                List<Long> t = new ArrayList<>();
                List<Double> p = new ArrayList<>();
                for (int r = 0; r < eq.rowCount(); r++) {
                    if (strategy.get(r).equals(id) && symbol.get(r).equals(sym) && Double.isFinite(mark.getDouble(r))
                            && mark.getDouble(r) > 0) {
                        t.add(ts.getLong(r));
                        p.add(mark.getDouble(r));
                    }
                }
                if (t.size() < 2) {
                    continue;
                }
                double[] onGrid = previousTick(t, p, g.ts());
                double[] rb = returns(onGrid);
                benchRow(b, id, "buy and hold " + sym, onGrid, rs, rb);
            }
        }
        return b.append("</tbody>\n</table>\n").append(ReportSection.paragraph("Buy and hold: one unit of the "
                + "instrument bought at the first mark and held, its mark price sampled on the strategy's "
                + periodName() + " grid. Correlation and beta: the strategy's " + periodName() + " returns against the"
                + " benchmark's (beta = cov / var of the benchmark). A market maker should have little of either."))
                .toString();
    }

    private void benchRow(StringBuilder b, String id, String name, double[] level, double[] strategyReturns) {
        benchRow(b, id, name, level, strategyReturns, null);
    }

    private void benchRow(StringBuilder b, String id, String name, double[] level, double[] strategyReturns,
                          double[] benchmarkReturns) {
        double[] r = benchmarkReturns == null ? strategyReturns : benchmarkReturns;
        double maxDd = 0;
        double peak = Double.NEGATIVE_INFINITY;
        for (double v : level) {
            peak = Math.max(peak, v);
            maxDd = Math.max(maxDd, 1 - v / peak);
        }
        b.append("<tr><td>").append(esc(id)).append("</td><td>").append(esc(name)).append("</td><td>")
                .append(level.length < 2 ? "n/a" : pct(level[level.length - 1] / level[0] - 1)).append("</td><td>")
                .append(pct(sd(r))).append("</td><td>").append(HtmlReport.num(sharpeShown(r), 3)).append("</td><td>")
                .append(pct(maxDd)).append("</td><td>");
        if (benchmarkReturns == null) {
            b.append("</td><td></td></tr>\n");
        } else {
            b.append(HtmlReport.num(correlation(strategyReturns, benchmarkReturns), 3)).append("</td><td>")
                    .append(HtmlReport.num(beta(strategyReturns, benchmarkReturns), 4)).append("</td></tr>\n");
        }
    }

    private List<String> tradedSymbols(String strategyId) {
        List<String> out = new ArrayList<>();
        for (FillRecord f : result.fillRecords()) {
            if (f.strategyId().equals(strategyId) && !out.contains(f.symbol())) {
                out.add(f.symbol());
            }
        }
        out.sort(null);
        return out;
    }

    /** Values of the series {@code (t, p)} at each grid time: the last at or before it (the first before any). */
    static double[] previousTick(List<Long> t, List<Double> p, long[] grid) {
        double[] out = new double[grid.length];
        int j = 0;
        for (int k = 0; k < grid.length; k++) {
            while (j + 1 < t.size() && t.get(j + 1) <= grid[k]) {
                j++;
            }
            out[k] = p.get(j);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ round trips

    /**
     * One matched round trip.
     *
     * @param strategyId the strategy
     * @param symbol     the instrument's symbol
     * @param entryTs    time of the opening fill, epoch ns
     * @param exitTs     time of the closing fill, epoch ns
     * @param qty        matched quantity
     * @param pnl        {@code (exit - entry) x qty x multiplier x sign}, gross of fees
     */
    record RoundTrip(String strategyId, String symbol, long entryTs, long exitTs, double qty, double pnl) {
    }

    /** The fills matched first-in first-out per strategy and instrument, in the order they close. */
    static List<RoundTrip> roundTrips(List<FillRecord> fills, List<Instrument> instruments) {
        Map<String, Deque<double[]>> open = new LinkedHashMap<>(); // {signed qty, price, ts}
        List<RoundTrip> out = new ArrayList<>();
        List<FillRecord> sorted = new ArrayList<>(fills);
        sorted.sort(Comparator.comparingLong(FillRecord::exchTs));
        for (FillRecord f : sorted) {
            double multiplier = instruments.get(f.instrument()).contractMultiplier();
            Deque<double[]> lots = open.computeIfAbsent(f.strategyId() + "\u0000" + f.instrument(),
                    k -> new ArrayDeque<>());
            double q = f.side() == Side.BUY ? f.qty() : -f.qty();
            while (q != 0 && !lots.isEmpty() && Math.signum(lots.peekFirst()[0]) != Math.signum(q)) {
                double[] lot = lots.peekFirst();
                double m = Math.min(Math.abs(q), Math.abs(lot[0]));
                double sign = Math.signum(lot[0]);
                out.add(new RoundTrip(f.strategyId(), f.symbol(), (long) lot[2], f.exchTs(), m,
                        (f.price() - lot[1]) * m * multiplier * sign));
                lot[0] -= sign * m;
                q += sign * m;
                if (Math.abs(lot[0]) < 1e-12) {
                    lots.pollFirst();
                }
                if (Math.abs(q) < 1e-12) {
                    q = 0;
                }
            }
            if (q != 0) {
                lots.addLast(new double[] {q, f.price(), f.exchTs()});
            }
        }
        return out;
    }

    private String roundTripsHtml() {
        List<RoundTrip> trips = roundTrips(result.fillRecords(), result.instruments());
        StringBuilder b = new StringBuilder("<table class=\"metrics\" id=\"round-trips\">\n<thead><tr><th>round "
                + "trips (FIFO, gross of fees)</th>");
        for (String id : grids.keySet()) {
            b.append("<th>").append(esc(id)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        Map<String, List<RoundTrip>> by = new LinkedHashMap<>();
        for (String id : grids.keySet()) {
            by.put(id, new ArrayList<>());
        }
        for (RoundTrip t : trips) {
            by.computeIfAbsent(t.strategyId(), k -> new ArrayList<>()).add(t);
        }
        tripRow(b, "round trips", by, l -> Integer.toString(l.size()));
        tripRow(b, "win rate", by, l -> l.isEmpty() ? "n/a" : pct(count(l, true) / (double) l.size()));
        tripRow(b, "average win", by, l -> HtmlReport.num(avg(l, true), 4));
        tripRow(b, "average loss", by, l -> HtmlReport.num(avg(l, false), 4));
        tripRow(b, "win / loss ratio", by, l -> HtmlReport.num(Math.abs(avg(l, true) / avg(l, false)), 3));
        tripRow(b, "profit factor (gross wins / gross losses)", by, l -> HtmlReport.num(
                sum(l, true) / -sum(l, false), 3));
        tripRow(b, "expectancy per round trip", by, l -> l.isEmpty() ? "n/a"
                : HtmlReport.num((sum(l, true) + sum(l, false)) / l.size(), 4));
        tripRow(b, "largest win", by, l -> l.isEmpty() ? "n/a"
                : HtmlReport.num(l.stream().mapToDouble(RoundTrip::pnl).max().orElse(Double.NaN), 4));
        tripRow(b, "largest loss", by, l -> l.isEmpty() ? "n/a"
                : HtmlReport.num(l.stream().mapToDouble(RoundTrip::pnl).min().orElse(Double.NaN), 4));
        tripRow(b, "median holding time", by, l -> {
            if (l.isEmpty()) {
                return "n/a";
            }
            long[] h = l.stream().mapToLong(t -> t.exitTs() - t.entryTs()).sorted().toArray();
            return esc(HtmlReport.duration(h[h.length / 2]));
        });
        return b.append("</tbody>\n</table>\n").append(ReportSection.paragraph("Fills matched first-in first-out "
                + "per strategy and instrument; PnL in the quote currency before fees (a maker's rebates are in the "
                + "PnL attribution table); a round trip with PnL exactly 0 counts as neither win nor loss."))
                .toString();
    }

    private interface TripStat {
        String of(List<RoundTrip> trips);
    }

    private static void tripRow(StringBuilder b, String name, Map<String, List<RoundTrip>> by, TripStat stat) {
        b.append("<tr><th>").append(esc(name)).append("</th>");
        for (List<RoundTrip> l : by.values()) {
            b.append("<td>").append(stat.of(l)).append("</td>");
        }
        b.append("</tr>\n");
    }

    private static long count(List<RoundTrip> l, boolean wins) {
        return l.stream().filter(t -> wins ? t.pnl() > 0 : t.pnl() < 0).count();
    }

    private static double sum(List<RoundTrip> l, boolean wins) {
        return l.stream().mapToDouble(RoundTrip::pnl).filter(p -> wins ? p > 0 : p < 0).sum();
    }

    private static double avg(List<RoundTrip> l, boolean wins) {
        long n = count(l, wins);
        return n == 0 ? Double.NaN : sum(l, wins) / n;
    }

    // ------------------------------------------------------------------------------------------------ statistics

    static double[] returns(double[] level) {
        if (level.length < 2) {
            return new double[0];
        }
        double[] r = new double[level.length - 1];
        for (int k = 1; k < level.length; k++) {
            r[k - 1] = level[k] / level[k - 1] - 1;
        }
        return r;
    }

    static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample standard deviation (n - 1); NaN below two values. */
    static double sd(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    static double correlation(double[] x, double[] y) {
        double c = covariance(x, y);
        return c / (sd(x) * sd(y));
    }

    static double beta(double[] x, double[] benchmark) {
        double v = sd(benchmark);
        return covariance(x, benchmark) / (v * v);
    }

    private static double covariance(double[] x, double[] y) {
        int n = Math.min(x.length, y.length);
        if (n < 2) {
            return Double.NaN;
        }
        double mx = mean(Arrays.copyOf(x, n));
        double my = mean(Arrays.copyOf(y, n));
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += (x[k] - mx) * (y[k] - my);
        }
        return s / (n - 1);
    }

    private static double compound(double[] r) {
        double g = 1;
        for (double v : r) {
            g *= 1 + v;
        }
        return g - 1;
    }

    private static double max(double[] x) {
        return Arrays.stream(x).max().orElse(Double.NaN);
    }

    private static double min(double[] x) {
        return Arrays.stream(x).min().orElse(Double.NaN);
    }

    private static double positiveShare(double[] x) {
        return Arrays.stream(x).filter(v -> v > 0).count() / (double) x.length;
    }

    // ------------------------------------------------------------------------------------------------ formatting

    private static String figure(java.util.function.Function<String, String> chart, String name, String caption) {
        String id = "chart-tear-" + name;
        return ReportSection.figure(id, chart.apply(id), caption);
    }

    private long firstTs() {
        return result.equity().longColumn("ts").getLong(0);
    }

    private long lastTs() {
        Table eq = result.equity();
        return eq.longColumn("ts").getLong(eq.rowCount() - 1);
    }

    /** An ISO-8601 UTC time to the second (the grid's points carry the first mark's fraction of a second). */
    static String second(long epochNanos) {
        return Timestamps.toInstant(epochNanos).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** A percentage for people: 4 significant decimals of percent, scientific below 0.001 %. */
    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : HtmlReport.small(v * 100) + " %";
    }

    /** A tick or lot size without binary noise: {@code 0.001}, not {@code 0.0010000000000000002}. */
    static String plain(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static String esc(String s) {
        return HtmlReport.escape(s);
    }
}
