package io.qtrade.backtest.report;

import io.qtrade.backtest.attribution.PnlBucket;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.Color;
import java.awt.Rectangle;
import java.util.List;
import java.util.TimeZone;

/** JFreeChart charts of the report, rendered to inline SVG by JFreeSVG. */
final class Charts {

    static final int WIDTH = 960;
    static final int HEIGHT = 380;

    private Charts() {
    }

    /** A series of epoch-nanosecond times and values, thinned to at most {@code maxPoints} (last value per bucket). */
    static XYSeries series(String key, long[] tsNanos, double[] values, int maxPoints) {
        XYSeries s = new XYSeries(key, false, true);
        int n = tsNanos.length;
        int stride = Math.max(1, (n + maxPoints - 1) / maxPoints);
        for (int k = 0; k < n; k++) {
            if ((k + 1) % stride == 0 || k == n - 1 || k == 0) {
                s.add(tsNanos[k] / 1e6, values[k]);
            }
        }
        return s;
    }

    /** A time-series line chart (x: UTC time). */
    static JFreeChart timeLines(String title, String yLabel, XYSeriesCollection data, boolean steps,
                                boolean area) {
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, "time (UTC)", yLabel, data, true, false, false);
        XYPlot plot = chart.getXYPlot();
        ((DateAxis) plot.getDomainAxis()).setTimeZone(TimeZone.getTimeZone("UTC"));
        if (steps) {
            plot.setRenderer(new XYStepRenderer());
        } else if (area) {
            plot.setRenderer(new XYAreaRenderer(XYAreaRenderer.AREA));
            plot.setForegroundAlpha(0.6f);
        } else {
            ((XYLineAndShapeRenderer) plot.getRenderer()).setDrawSeriesLineAsPath(true);
        }
        style(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        return chart;
    }

    /** Grouped bars of trading PnL, fees paid (negative), rebates and net PnL per bucket label. */
    static JFreeChart pnlBars(String title, String categoryLabel, List<PnlBucket> buckets, List<String> labels) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int k = 0; k < buckets.size(); k++) {
            PnlBucket b = buckets.get(k);
            String label = labels.get(k);
            data.addValue(b.tradingPnl(), "trading PnL", label);
            data.addValue(-b.feesPaid(), "fees paid", label);
            data.addValue(b.rebates(), "rebates", label);
            data.addValue(b.netPnl(), "net PnL", label);
        }
        JFreeChart chart = ChartFactory.createBarChart(title, categoryLabel, "PnL (quote currency)", data);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new Color(0x4C72B0));
        r.setSeriesPaint(1, new Color(0xC44E52));
        r.setSeriesPaint(2, new Color(0x55A868));
        r.setSeriesPaint(3, new Color(0x333333));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        style(chart);
        return chart;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
    }

    /**
     * The chart as an {@code <svg>} element with the given id; every id inside it (clip paths, gradients) starts with
     * {@code id + "-"} so that several charts can share a page.
     */
    static String svg(JFreeChart chart, String id) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(id + "-");
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement(id, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }
}
