package io.qtrade.backtest.report.chart;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A line, step, area or point chart of one or more series against a time axis (epoch nanoseconds, labelled in UTC)
 * or a numeric axis, written as a self-contained inline {@code <svg>} element.
 *
 * <pre>{@code
 * String svg = XyChart.builder("Equity", XyChart.Axis.TIME_UTC)
 *         .yLabel("equity")
 *         .series("mm", tsNanos, equity, XyChart.Style.LINE)
 *         .build()
 *         .svg("chart-equity");
 * }</pre>
 *
 * <p>Axis ticks are nice numbers (1, 2, 5 x 10^k) on the value axis and calendar steps (seconds to months) on the
 * time axis. Non-finite points are skipped (a gap in a line). A series longer than {@link Builder#maxPoints} is
 * thinned to its first point and the last point of each of {@code maxPoints} equal index buckets, which keeps its
 * end value and the shape of a mark-to-market path. Immutable once built; {@link #svg} may be called many times.
 */
public final class XyChart {

    /** What the x values are. */
    public enum Axis {
        /** Epoch nanoseconds, labelled as UTC dates and times. */
        TIME_UTC,
        /** Plain numbers. */
        NUMBER
    }

    /** How a series is drawn. */
    public enum Style {
        /** Straight segments between points. */
        LINE,
        /** A value holds until the next point (positions, inventories). */
        STEP,
        /** A line with the area down to zero filled. */
        AREA,
        /** A marker per point, no line (fills on a price chart). */
        POINTS
    }

    /** One named series. */
    private record Series(String name, double[] x, double[] y, Style style, String colour) {
    }

    private final String title;
    private final Axis axis;
    private final String xLabel;
    private final String yLabel;
    private final int width;
    private final int height;
    private final List<Series> series;

    private XyChart(Builder b) {
        this.title = b.title;
        this.axis = b.axis;
        this.xLabel = b.xLabel != null ? b.xLabel : (axis == Axis.TIME_UTC ? "time (UTC)" : "");
        this.yLabel = b.yLabel;
        this.width = b.width;
        this.height = b.height;
        this.series = List.copyOf(b.series);
    }

    /** A chart with the given title (may be empty) and x axis. */
    public static Builder builder(String title, Axis axis) {
        return new Builder(Objects.requireNonNull(title, "title"), Objects.requireNonNull(axis, "axis"));
    }

    /** Number of series. */
    public int seriesCount() {
        return series.size();
    }

    /**
     * The chart as an {@code <svg id='ID' ...>} element.
     *
     * @param id the element id, a letter or '_' then letters, digits, '-' or '_'
     */
    public String svg(String id) {
        Svg.requireId(id);
        StringBuilder out = new StringBuilder(4096);
        Svg.open(out, id, width, height, title);
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        boolean area = false;
        for (Series s : series) {
            area |= s.style == Style.AREA;
            for (int k = 0; k < s.x.length; k++) {
                if (Double.isFinite(s.x[k]) && Double.isFinite(s.y[k])) {
                    xmin = Math.min(xmin, s.x[k]);
                    xmax = Math.max(xmax, s.x[k]);
                    ymin = Math.min(ymin, s.y[k]);
                    ymax = Math.max(ymax, s.y[k]);
                }
            }
        }
        double left = 88;
        double right = width - 20;
        double top = title.isEmpty() ? 16 : 38;
        boolean legend = series.size() > 1 || (series.size() == 1 && !series.get(0).name.isEmpty());
        double bottom = height - (legend ? 70 : 44);
        if (!(xmax >= xmin)) {
            Svg.text(out, width / 2.0, height / 2.0, 13, "middle", null, "no data");
            Svg.close(out);
            return out.toString();
        }
        if (area) {
            ymin = Math.min(ymin, 0);
            ymax = Math.max(ymax, 0);
        }
        double[] yr = Svg.niceRange(ymin, ymax, 6);
        double x0 = xmin;
        double x1 = xmax > xmin ? xmax : xmin + 1;
        Frame f = new Frame(left, right, top, bottom, x0, x1, yr[0], yr[1]);
        drawGridAndAxes(out, f);
        out.append("<g clip-path=\"none\">");
        for (int i = 0; i < series.size(); i++) {
            drawSeries(out, f, series.get(i));
        }
        out.append("</g>");
        if (legend) {
            drawLegend(out, bottom + 58);
        }
        Svg.close(out);
        return out.toString();
    }

    /** The plot area and the data ranges it shows. */
    private record Frame(double left, double right, double top, double bottom, double x0, double x1, double y0,
                         double y1) {
        double px(double x) {
            return left + (x - x0) / (x1 - x0) * (right - left);
        }

        double py(double y) {
            return bottom - (y - y0) / (y1 - y0) * (bottom - top);
        }
    }

    private void drawGridAndAxes(StringBuilder out, Frame f) {
        double[] yt = Svg.niceTicks(f.y0, f.y1, 6);
        double ystep = yt.length > 1 ? yt[1] - yt[0] : 0;
        for (double t : yt) {
            double y = f.py(t);
            Svg.line(out, f.left, y, f.right, y, t == 0 ? "#999999" : "#DDDDDD", 1);
            Svg.text(out, f.left - 6, y + 4, 11, "end", null, Svg.tickLabel(t, ystep));
        }
        if (axis == Axis.TIME_UTC) {
            TimeTicks tt = TimeTicks.of((long) f.x0, (long) f.x1, 7);
            for (int k = 0; k < tt.ticks.length; k++) {
                double x = f.px(tt.ticks[k]);
                Svg.line(out, x, f.top, x, f.bottom, "#EEEEEE", 1);
                Svg.text(out, x, f.bottom + 16, 11, "middle", null, tt.labels[k]);
            }
        } else {
            double[] xt = Svg.niceTicks(f.x0, f.x1, 8);
            double xstep = xt.length > 1 ? xt[1] - xt[0] : 0;
            for (double t : xt) {
                double x = f.px(t);
                Svg.line(out, x, f.top, x, f.bottom, "#EEEEEE", 1);
                Svg.text(out, x, f.bottom + 16, 11, "middle", null, Svg.tickLabel(t, xstep));
            }
        }
        out.append("<rect x=\"").append(Svg.fmt(f.left)).append("\" y=\"").append(Svg.fmt(f.top))
                .append("\" width=\"").append(Svg.fmt(f.right - f.left)).append("\" height=\"")
                .append(Svg.fmt(f.bottom - f.top)).append("\" fill=\"none\" stroke=\"#888888\"/>");
        if (!xLabel.isEmpty()) {
            Svg.text(out, (f.left + f.right) / 2, f.bottom + 34, 12, "middle", null, xLabel);
        }
        if (!yLabel.isEmpty()) {
            Svg.verticalText(out, 18, (f.top + f.bottom) / 2, 12, yLabel);
        }
    }

    private static void drawSeries(StringBuilder out, Frame f, Series s) {
        if (s.style == Style.POINTS) {
            out.append("<g fill=\"").append(s.colour).append("\">");
            for (int k = 0; k < s.x.length; k++) {
                if (Double.isFinite(s.x[k]) && Double.isFinite(s.y[k])) {
                    out.append("<circle cx=\"").append(Svg.fmt(f.px(s.x[k]))).append("\" cy=\"")
                            .append(Svg.fmt(f.py(s.y[k]))).append("\" r=\"3\"/>");
                }
            }
            out.append("</g>");
            return;
        }
        StringBuilder d = new StringBuilder(s.x.length * 16);
        boolean pen = false;
        double lastY = Double.NaN;
        double firstX = Double.NaN;
        double lastX = Double.NaN;
        for (int k = 0; k < s.x.length; k++) {
            if (!(Double.isFinite(s.x[k]) && Double.isFinite(s.y[k]))) {
                pen = false;
                continue;
            }
            double x = f.px(s.x[k]);
            double y = f.py(s.y[k]);
            if (!pen) {
                d.append(d.length() == 0 ? "M" : " M").append(Svg.fmt(x)).append(',').append(Svg.fmt(y));
                pen = true;
                if (Double.isNaN(firstX)) {
                    firstX = x;
                }
            } else {
                if (s.style == Style.STEP) {
                    d.append(" L").append(Svg.fmt(x)).append(',').append(Svg.fmt(lastY));
                }
                d.append(" L").append(Svg.fmt(x)).append(',').append(Svg.fmt(y));
            }
            lastY = y;
            lastX = x;
        }
        if (d.length() == 0) {
            return;
        }
        if (s.style == Style.AREA) {
            double zero = f.py(0);
            out.append("<path d=\"").append(d).append(" L").append(Svg.fmt(lastX)).append(',')
                    .append(Svg.fmt(zero)).append(" L").append(Svg.fmt(firstX)).append(',').append(Svg.fmt(zero))
                    .append(" Z\" fill=\"").append(s.colour).append("\" fill-opacity=\"0.35\" stroke=\"none\"/>");
        }
        out.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(s.colour)
                .append("\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/>");
    }

    private void drawLegend(StringBuilder out, double y) {
        double total = 0;
        for (Series s : series) {
            total += 22 + Svg.textWidth(s.name, 11) + 14;
        }
        double x = Math.max(10, (width - total) / 2);
        for (Series s : series) {
            if (s.style == Style.POINTS) {
                out.append("<circle cx=\"").append(Svg.fmt(x + 8)).append("\" cy=\"").append(Svg.fmt(y - 4))
                        .append("\" r=\"3\" fill=\"").append(s.colour).append("\"/>");
            } else {
                Svg.line(out, x, y - 4, x + 16, y - 4, s.colour, 3);
            }
            Svg.text(out, x + 22, y, 11, "start", null, s.name);
            x += 22 + Svg.textWidth(s.name, 11) + 14;
        }
    }

    /** Calendar ticks over a time range: a step from one second to one year giving about {@code target} ticks. */
    private record TimeTicks(long[] ticks, String[] labels) {
        private static final long S = 1_000_000_000L;
        private static final long[] STEPS = {S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, 60 * S, 120 * S, 300 * S,
            600 * S, 900 * S, 1800 * S, 3600 * S, 7200 * S, 3 * 3600 * S, 6 * 3600 * S, 12 * 3600 * S, 86_400 * S,
            2 * 86_400 * S, 7 * 86_400 * S, 14 * 86_400 * S, 30 * 86_400 * S, 91 * 86_400 * S, 182 * 86_400 * S,
            365 * 86_400 * S, 730 * 86_400 * S, 1826 * 86_400 * S};

        static TimeTicks of(long lo, long hi, int target) {
            long span = Math.max(1, hi - lo);
            long step = STEPS[STEPS.length - 1];
            for (long s : STEPS) {
                if (span / s <= target) {
                    step = s;
                    break;
                }
            }
            if (span < S) {
                return new TimeTicks(new long[] {lo}, new String[] {format(lo, "HH:mm:ss.SSS")});
            }
            String pattern = step < 60 * S ? "HH:mm:ss" : step < 86_400 * S ? "MM-dd HH:mm"
                    : step < 30 * 86_400 * S ? "yyyy-MM-dd" : "yyyy-MM";
            if (span <= 86_400 * S && step < 86_400 * S && step >= 60 * S) {
                pattern = "HH:mm";
            }
            long first = Math.floorDiv(lo, step) * step;
            if (first < lo) {
                first += step;
            }
            List<Long> ts = new ArrayList<>();
            for (long t = first; t <= hi && ts.size() < 64; t += step) {
                ts.add(t);
            }
            long[] ticks = new long[ts.size()];
            String[] labels = new String[ts.size()];
            for (int k = 0; k < ticks.length; k++) {
                ticks[k] = ts.get(k);
                labels[k] = format(ticks[k], pattern);
            }
            return new TimeTicks(ticks, labels);
        }

        private static String format(long nanos, String pattern) {
            return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC)
                    .format(Instant.ofEpochSecond(Math.floorDiv(nanos, S), Math.floorMod(nanos, S)));
        }
    }

    /** Collects the series and the layout of an {@link XyChart}. */
    public static final class Builder {
        private final String title;
        private final Axis axis;
        private String xLabel;
        private String yLabel = "";
        private int width = 960;
        private int height = 380;
        private int maxPoints = 2000;
        private final List<Series> series = new ArrayList<>();

        private Builder(String title, Axis axis) {
            this.title = title;
            this.axis = axis;
        }

        /** The x axis label (default "time (UTC)" on a time axis, none on a numeric one). */
        public Builder xLabel(String label) {
            this.xLabel = Objects.requireNonNull(label, "xLabel");
            return this;
        }

        /** The y axis label, with its unit (default none). */
        public Builder yLabel(String label) {
            this.yLabel = Objects.requireNonNull(label, "yLabel");
            return this;
        }

        /** Size in SVG user units (default 960 x 380). */
        public Builder size(int width, int height) {
            if (width < 200 || height < 120) {
                throw new IllegalArgumentException("chart size: expected at least 200 x 120, got " + width + " x "
                        + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        /** Most points drawn per series (default 2000; at least 2); longer series are thinned (see the class doc). */
        public Builder maxPoints(int maxPoints) {
            if (maxPoints < 2) {
                throw new IllegalArgumentException("maxPoints: expected at least 2, got " + maxPoints);
            }
            this.maxPoints = maxPoints;
            return this;
        }

        /**
         * Adds a series on a time axis.
         *
         * @param tsNanos epoch nanoseconds, not modified
         * @param values  same length, not modified
         */
        public Builder series(String name, long[] tsNanos, double[] values, Style style) {
            requireAxis(Axis.TIME_UTC, name);
            double[] x = new double[tsNanos.length];
            for (int k = 0; k < x.length; k++) {
                x[k] = tsNanos[k];
            }
            return add(name, x, values, style);
        }

        /**
         * Adds a series on a numeric axis.
         *
         * @param x      not modified
         * @param values same length, not modified
         */
        public Builder series(String name, double[] x, double[] values, Style style) {
            requireAxis(Axis.NUMBER, name);
            return add(name, x.clone(), values, style);
        }

        private void requireAxis(Axis expected, String name) {
            if (axis != expected) {
                throw new IllegalArgumentException("series '" + name + "': the chart's x axis is " + axis
                        + "; use the " + (axis == Axis.TIME_UTC ? "long[] epoch-nanosecond" : "double[]")
                        + " form");
            }
        }

        private Builder add(String name, double[] x, double[] y, Style style) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(style, "style");
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but "
                        + y.length + " y values");
            }
            series.add(new Series(name, x, y.clone(), style, Svg.PALETTE[series.size() % Svg.PALETTE.length]));
            return this;
        }

        /** The chart; series longer than {@link #maxPoints} are thinned here. */
        public XyChart build() {
            for (int i = 0; i < series.size(); i++) {
                Series s = series.get(i);
                series.set(i, thin(s, maxPoints));
            }
            return new XyChart(this);
        }

        private static Series thin(Series s, int maxPoints) {
            int n = s.x.length;
            if (n <= maxPoints || s.style == Style.POINTS) {
                return s;
            }
            int buckets = maxPoints - 1;
            double[] tx = new double[maxPoints];
            double[] ty = new double[maxPoints];
            tx[0] = s.x[0];
            ty[0] = s.y[0];
            for (int b = 1; b <= buckets; b++) {
                int last = (int) Math.min(n - 1, (long) b * (n - 1) / buckets);
                tx[b] = s.x[last];
                ty[b] = s.y[last];
            }
            return new Series(s.name, tx, ty, s.style, s.colour);
        }
    }

    @Override
    public String toString() {
        return "XyChart[title=" + title + ", axis=" + axis + ", series=" + series.size() + ", size=" + width + "x"
                + height + "]";
    }
}
