package io.qtrade.backtest.marketmaking;

import io.qtrade.backtest.report.ReportSection;
import io.qtrade.backtest.report.chart.BarChart;
import io.qtrade.backtest.report.chart.XyChart;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The market-making section of the HTML report: the summary table (fills, spread capture, markouts at each horizon,
 * quote time at the touch), a price chart per instrument with the market's mid and every own fill (buys and sells
 * as two point series), and the inventory histogram of each strategy and instrument (chart and table).
 * Add it with {@code ReportOptions.builder().section(MarketMakingSection.of(diagnostics))}; it is rendered like any
 * {@link ReportSection} (inline SVG, nothing loaded from the network).
 */
public final class MarketMakingSection {

    /** The section's title. */
    public static final String TITLE = "Market making";
    /** At most this many mid points per price chart (the last of each bucket is kept). */
    public static final int MAX_MID_POINTS = 2_000;

    private MarketMakingSection() {
    }

    /** The section for these diagnostics. */
    public static ReportSection of(MarketMakingDiagnostics d) {
        Objects.requireNonNull(d, "market-making section: diagnostics");
        StringBuilder html = new StringBuilder();
        html.append(ReportSection.paragraph("Markout at h = side x (mid at fill time + h - fill price), spread capture"
                + " = side x (mid before the fill - fill price), both in bps of the mid before the fill and"
                + " quantity-weighted; quote time = fraction of the tape window with an own order at or better than"
                + " the market's best price on that side."));
        html.append("<h3>Summary</h3>\n").append(ReportSection.tableHtml(d.summaryTable()));
        int figure = 0;
        for (int i = 0; i < d.result().instruments().size(); i++) {
            if (hasFills(d, i)) {
                Instrument inst = d.result().instruments().get(i);
                String id = "mm-price-" + (++figure);
                html.append(ReportSection.figure(id, priceChart(d, i).svg(id), "Mid of " + inst.id()
                        + " with the own fills (buys and sells as points)"));
            }
        }
        int k = 0;
        for (InventoryHistogram h : d.inventories()) {
            String id = "mm-inventory-" + (++k);
            html.append(ReportSection.figure(id, inventoryChart(h).svg(id), "Inventory of " + h.strategyId()
                    + " in " + h.symbol() + ": time fraction per position"));
        }
        html.append("<h3>Inventory histograms</h3>\n").append(ReportSection.tableHtml(d.inventoryTable()));
        return new ReportSection(TITLE, html.toString());
    }

    private static boolean hasFills(MarketMakingDiagnostics d, int i) {
        for (FillMarkout f : d.fills()) {
            if (f.instrument() == i) {
                return true;
            }
        }
        return false;
    }

    private static XyChart priceChart(MarketMakingDiagnostics d, int i) {
        TouchTape tape = d.tape();
        Instrument inst = tape.instruments().get(i);
        int n = tape.size(i);
        long[] ts = new long[n];
        double[] mid = new double[n];
        for (int k = 0; k < n; k++) {
            ts[k] = tape.ts(i, k);
            mid[k] = tape.midAt(i, ts[k]);
        }
        List<Long> buyTs = new ArrayList<>();
        List<Double> buyPx = new ArrayList<>();
        List<Long> sellTs = new ArrayList<>();
        List<Double> sellPx = new ArrayList<>();
        for (FillMarkout f : d.fills()) {
            if (f.instrument() == i) {
                (f.side() == Side.BUY ? buyTs : sellTs).add(f.exchTs());
                (f.side() == Side.BUY ? buyPx : sellPx).add(f.price());
            }
        }
        return XyChart.builder("Mid and own fills: " + inst.id(), XyChart.Axis.TIME_UTC).yLabel("price")
                .maxPoints(MAX_MID_POINTS)
                .series("mid", ts, mid, XyChart.Style.STEP)
                .series("own buys", longs(buyTs), doubles(buyPx), XyChart.Style.POINTS)
                .series("own sells", longs(sellTs), doubles(sellPx), XyChart.Style.POINTS)
                .build();
    }

    private static long[] longs(List<Long> xs) {
        long[] a = new long[xs.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = xs.get(k);
        }
        return a;
    }

    private static double[] doubles(List<Double> xs) {
        double[] a = new double[xs.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = xs.get(k);
        }
        return a;
    }

    private static BarChart inventoryChart(InventoryHistogram h) {
        List<String> labels = new ArrayList<>();
        double[] values = new double[h.bins().size()];
        for (int k = 0; k < values.length; k++) {
            InventoryBin b = h.bins().get(k);
            labels.add(b.lower() == b.upper() ? num(b.lower()) : num(b.lower()) + ".." + num(b.upper()));
            values[k] = b.timeFraction();
        }
        return BarChart.builder("Inventory: " + h.strategyId() + " / " + h.symbol(), labels).xLabel("position")
                .yLabel("fraction of time").series("time fraction", values).build();
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

}
