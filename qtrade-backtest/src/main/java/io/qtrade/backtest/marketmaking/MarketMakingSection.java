package io.qtrade.backtest.marketmaking;

import io.qtrade.backtest.report.ReportSection;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Path2D;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;

/**
 * The market-making section of the HTML report: the summary table (fills, spread capture, markouts at each horizon,
 * quote time at the touch), a price chart per instrument with the market's mid and every own fill (buys as up
 * triangles, sells as down triangles), and the inventory histogram of each strategy and instrument (chart and table).
 * Add it with {@code ReportOptions.builder().section(MarketMakingSection.of(diagnostics))}; it is rendered like any
 * {@link ReportSection} (inline SVG, nothing loaded from the network).
 */
public final class MarketMakingSection {

    /** The section's title. */
    public static final String TITLE = "Market making";
    /** At most this many mid points per price chart (the last of each bucket is kept). */
    public static final int MAX_MID_POINTS = 2_000;

    private static final int WIDTH = 960;
    private static final int HEIGHT = 380;

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
                html.append(ReportSection.figure(id, svg(priceChart(d, i), id), "Mid of " + inst.id()
                        + " with the own fills (buys up, sells down)"));
            }
        }
        int k = 0;
        for (InventoryHistogram h : d.inventories()) {
            String id = "mm-inventory-" + (++k);
            html.append(ReportSection.figure(id, svg(inventoryChart(h), id), "Inventory of " + h.strategyId()
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

    private static JFreeChart priceChart(MarketMakingDiagnostics d, int i) {
        TouchTape tape = d.tape();
        Instrument inst = tape.instruments().get(i);
        XYSeries mid = new XYSeries("mid", false, true);
        int n = tape.size(i);
        int stride = Math.max(1, (n + MAX_MID_POINTS - 1) / MAX_MID_POINTS);
        for (int k = 0; k < n; k++) {
            if ((k + 1) % stride == 0 || k == 0 || k == n - 1) {
                double m = tape.midAt(i, tape.ts(i, k));
                if (!Double.isNaN(m)) {
                    mid.add(tape.ts(i, k) / 1e6, m);
                }
            }
        }
        XYSeries buys = new XYSeries("own buys", false, true);
        XYSeries sells = new XYSeries("own sells", false, true);
        for (FillMarkout f : d.fills()) {
            if (f.instrument() == i) {
                (f.side() == Side.BUY ? buys : sells).add(f.exchTs() / 1e6, f.price());
            }
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Mid and own fills: " + inst.id(), "time (UTC)",
                "price", new XYSeriesCollection(mid), true, false, false);
        XYPlot plot = chart.getXYPlot();
        ((DateAxis) plot.getDomainAxis()).setTimeZone(TimeZone.getTimeZone("UTC"));
        XYStepRenderer line = new XYStepRenderer();
        line.setSeriesPaint(0, new Color(0x4C72B0));
        plot.setRenderer(0, line);
        XYSeriesCollection marks = new XYSeriesCollection();
        marks.addSeries(buys);
        marks.addSeries(sells);
        plot.setDataset(1, marks);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesShape(0, triangle(true));
        dots.setSeriesShape(1, triangle(false));
        dots.setSeriesPaint(0, new Color(0x55A868));
        dots.setSeriesPaint(1, new Color(0xC44E52));
        plot.setRenderer(1, dots);
        style(chart);
        plot.getRangeAxis().setAutoRange(true);
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }

    private static java.awt.Shape triangle(boolean up) {
        Path2D.Double p = new Path2D.Double();
        double s = up ? -5 : 5;
        p.moveTo(0, s);
        p.lineTo(-4.5, -s);
        p.lineTo(4.5, -s);
        p.closePath();
        return p;
    }

    private static JFreeChart inventoryChart(InventoryHistogram h) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (InventoryBin b : h.bins()) {
            String label = b.lower() == b.upper() ? num(b.lower()) : num(b.lower()) + ".." + num(b.upper());
            data.addValue(b.timeFraction(), "time fraction", label);
        }
        JFreeChart chart = ChartFactory.createBarChart("Inventory: " + h.strategyId() + " / " + h.symbol(),
                "position", "fraction of time", data);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new Color(0x4C72B0));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        style(chart);
        return chart;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setBackgroundPaint(Color.WHITE);
            xy.setDomainGridlinePaint(new Color(0xDDDDDD));
            xy.setRangeGridlinePaint(new Color(0xDDDDDD));
        }
    }

    private static String svg(JFreeChart chart, String id) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(id + "-");
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement(id, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }
}
