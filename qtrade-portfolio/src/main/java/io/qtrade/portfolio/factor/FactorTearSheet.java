package io.qtrade.portfolio.factor;

import io.qtrade.backtest.report.ReportSection;
import io.qtrade.backtest.report.chart.BarChart;
import io.qtrade.backtest.report.chart.XyChart;
import java.util.List;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * An alphalens-style tear sheet: Tablesaw tables of the IC summary and decay, the IC per date, quantile returns with
 * turnover and the factor autocorrelation, and a {@link ReportSection} for the backtest HTML report holding those
 * tables with two inline SVG charts (IC per date for the shortest horizon; mean return per quantile).
 *
 * @param data      the factor and prices
 * @param horizons  forward-return horizons in dates (alphalens: 1, 5, 21)
 * @param quantiles Q
 * @param weighting weighting inside quantiles
 */
public record FactorTearSheet(FactorData data, int[] horizons, int quantiles, QuantileWeighting weighting) {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 300;

    /** Validates. */
    public FactorTearSheet {
        if (horizons == null || horizons.length == 0) {
            throw new IllegalArgumentException("factor tear sheet: no horizons");
        }
        horizons = horizons.clone();
        if (quantiles < 2) {
            throw new IllegalArgumentException("factor tear sheet: quantiles " + quantiles + ", expected >= 2");
        }
    }

    /** Horizons 1, 5, 21, five equal-weighted quantiles. */
    public static FactorTearSheet of(FactorData data) {
        return new FactorTearSheet(data, FactorAnalysis.DEFAULT_HORIZONS, 5, QuantileWeighting.EQUAL);
    }

    /** One row per horizon and method: mean IC, std, IR, t, p, dates. */
    public Table icSummary() {
        IntColumn h = IntColumn.create("horizon");
        StringColumn m = StringColumn.create("method");
        DoubleColumn mean = DoubleColumn.create("ic_mean");
        DoubleColumn std = DoubleColumn.create("ic_std");
        DoubleColumn ir = DoubleColumn.create("ic_ir");
        DoubleColumn t = DoubleColumn.create("t_stat");
        DoubleColumn p = DoubleColumn.create("p_value");
        IntColumn n = IntColumn.create("dates");
        for (CorrelationMethod method : CorrelationMethod.values()) {
            for (IcSeries s : FactorAnalysis.informationCoefficientDecay(data, horizons, method)) {
                h.append(s.horizon());
                m.append(method.name().toLowerCase(java.util.Locale.ROOT));
                mean.append(s.mean());
                std.append(s.std());
                ir.append(s.icIr());
                t.append(s.tStat());
                p.append(s.pValue());
                n.append(s.dates());
            }
        }
        return Table.create("ic summary", h, m, mean, std, ir, t, p, n);
    }

    /** The Spearman IC per date, one column per horizon ({@code ic_1}, {@code ic_5}, ...). */
    public Table icPerDate() {
        Table table = Table.create("ic per date", DateColumn.create("date", data.dates()));
        for (int hz : horizons) {
            table.addColumns(DoubleColumn.create("ic_" + hz,
                    FactorAnalysis.informationCoefficient(data, hz, CorrelationMethod.SPEARMAN).perDate()));
        }
        return table;
    }

    /** One row per quantile and horizon (mean return, mean turnover) plus a long-short row per horizon. */
    public Table quantileSummary() {
        IntColumn h = IntColumn.create("horizon");
        StringColumn q = StringColumn.create("quantile");
        DoubleColumn mean = DoubleColumn.create("mean_return");
        DoubleColumn turn = DoubleColumn.create("turnover");
        for (int hz : horizons) {
            QuantileReturns r = FactorAnalysis.quantileReturns(data, hz, quantiles, weighting);
            for (int k = 0; k < quantiles; k++) {
                h.append(hz);
                q.append(Integer.toString(k + 1));
                mean.append(r.mean()[k]);
                turn.append(r.turnover()[k]);
            }
            h.append(hz);
            q.append("long-short");
            mean.append(r.meanLongShort());
            turn.append(Double.NaN);
        }
        return Table.create("quantile returns", h, q, mean, turn);
    }

    /** Mean factor rank autocorrelation at lag 1 and at each horizon. */
    public Table autocorrelation() {
        IntColumn lag = IntColumn.create("lag");
        DoubleColumn ac = DoubleColumn.create("rank_autocorrelation");
        java.util.TreeSet<Integer> lags = new java.util.TreeSet<>();
        lags.add(1);
        for (int hz : horizons) {
            lags.add(hz);
        }
        for (int l : lags) {
            if (l < data.dateCount()) {
                lag.append(l);
                ac.append(FactorAnalysis.meanOfFinite(FactorAnalysis.rankAutocorrelation(data, l)));
            }
        }
        return Table.create("factor autocorrelation", lag, ac);
    }

    /** The tear sheet as one section of the backtest HTML report: four tables and two charts. */
    public ReportSection section(String title) {
        StringBuilder html = new StringBuilder();
        html.append(ReportSection.paragraph("Factor over " + data.dateCount() + " dates and " + data.assetCount()
                + " assets; forward returns P(t+h)/P(t) - 1; " + quantiles + " quantiles, " + weighting.name()
                .toLowerCase(java.util.Locale.ROOT) + " weighted."));
        html.append("<h3>Information coefficient</h3>\n").append(ReportSection.tableHtml(icSummary()));
        html.append(ReportSection.figure("factor-ic", icChart(), "Spearman IC per date, horizon " + horizons[0]));
        html.append("<h3>Quantile returns</h3>\n").append(ReportSection.tableHtml(quantileSummary()));
        html.append(ReportSection.figure("factor-quantiles", quantileChart(), "Mean forward return by quantile"));
        html.append("<h3>Factor rank autocorrelation</h3>\n").append(ReportSection.tableHtml(autocorrelation()));
        return new ReportSection(title, html.toString());
    }

    private String icChart() {
        IcSeries s = FactorAnalysis.informationCoefficient(data, horizons[0], CorrelationMethod.SPEARMAN);
        long[] ts = new long[s.perDate().length];
        for (int k = 0; k < ts.length; k++) {
            ts[k] = data.dates()[k].toEpochDay() * 86_400_000_000_000L;
        }
        return XyChart.builder("Information coefficient", XyChart.Axis.TIME_UTC).xLabel("date").yLabel("IC")
                .size(WIDTH, HEIGHT).series("IC h=" + horizons[0], ts, s.perDate(), XyChart.Style.LINE).build()
                .svg("factor-ic-svg");
    }

    private String quantileChart() {
        List<String> labels = new java.util.ArrayList<>();
        for (int k = 0; k < quantiles; k++) {
            labels.add(Integer.toString(k + 1));
        }
        BarChart.Builder chart = BarChart.builder("Mean return by quantile", labels).xLabel("quantile")
                .yLabel("mean return").size(WIDTH, HEIGHT);
        for (int hz : horizons) {
            QuantileReturns r = FactorAnalysis.quantileReturns(data, hz, quantiles, weighting);
            chart.series("h=" + hz, r.mean());
        }
        return chart.build().svg("factor-quantiles-svg");
    }

    /** @return the tear sheet's tables, for export */
    public List<Table> tables() {
        return List.of(icSummary(), icPerDate(), quantileSummary(), autocorrelation());
    }
}
