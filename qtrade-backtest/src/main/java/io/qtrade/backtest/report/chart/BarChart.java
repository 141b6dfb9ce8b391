package io.qtrade.backtest.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Grouped vertical bars: one group per category, one bar per series, written as an inline {@code <svg>} element.
 * A histogram is a bar chart with one series whose categories are the bins' labels ({@link #histogram}).
 *
 * <pre>{@code
 * String svg = BarChart.builder("PnL by hour of day (UTC)", List.of("00", "01", "02"))
 *         .yLabel("PnL (quote currency)")
 *         .series("net PnL", new double[] {1.5, -0.25, 3.0})
 *         .build()
 *         .svg("chart-pnl-by-hour");
 * }</pre>
 *
 * <p>The value axis always includes zero; bars grow up from zero for positive values and down for negative ones; a
 * NaN value draws no bar. When the category labels would overlap, every k-th one is shown.
 */
public final class BarChart {

    private record Series(String name, double[] values, String colour) {
    }

    private final String title;
    private final List<String> categories;
    private final String xLabel;
    private final String yLabel;
    private final int width;
    private final int height;
    private final List<Series> series;

    private BarChart(Builder b) {
        this.title = b.title;
        this.categories = List.copyOf(b.categories);
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.width = b.width;
        this.height = b.height;
        this.series = List.copyOf(b.series);
    }

    /** A chart with the given title (may be empty) and category labels, left to right. */
    public static Builder builder(String title, List<String> categories) {
        return new Builder(Objects.requireNonNull(title, "title"), List.copyOf(categories));
    }

    /**
     * A histogram of {@code values} (non-finite ones ignored) in {@code bins} equal-width bins from the smallest to
     * the largest value; bars are counts, labelled by each bin's centre.
     *
     * @param values not modified
     */
    public static BarChart histogram(String title, String xLabel, double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins: expected at least 1, got " + bins);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double[] counts = new double[bins];
        List<String> labels = new ArrayList<>(bins);
        if (lo <= hi) {
            double w = hi > lo ? (hi - lo) / bins : 1;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    counts[Math.min(bins - 1, (int) ((v - lo) / w))]++;
                }
            }
            for (int k = 0; k < bins; k++) {
                labels.add(Svg.label(lo + (k + 0.5) * w));
            }
        } else {
            for (int k = 0; k < bins; k++) {
                labels.add("");
            }
        }
        return builder(title, labels).xLabel(xLabel).yLabel("count").series("", counts).build();
    }

    /** Number of categories. */
    public int categoryCount() {
        return categories.size();
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
        double ymin = 0;
        double ymax = 0;
        for (Series s : series) {
            for (double v : s.values) {
                if (Double.isFinite(v)) {
                    ymin = Math.min(ymin, v);
                    ymax = Math.max(ymax, v);
                }
            }
        }
        double left = 88;
        double right = width - 20;
        double top = title.isEmpty() ? 16 : 38;
        boolean legend = series.size() > 1 || (series.size() == 1 && !series.get(0).name.isEmpty());
        double bottom = height - (legend ? 70 : 44);
        if (categories.isEmpty() || series.isEmpty()) {
            Svg.text(out, width / 2.0, height / 2.0, 13, "middle", null, "no data");
            Svg.close(out);
            return out.toString();
        }
        double[] yr = Svg.niceRange(ymin, ymax, 6);
        double y0 = yr[0];
        double y1 = yr[1];
        double[] yt = Svg.niceTicks(y0, y1, 6);
        double ystep = yt.length > 1 ? yt[1] - yt[0] : 0;
        for (double t : yt) {
            double y = bottom - (t - y0) / (y1 - y0) * (bottom - top);
            Svg.line(out, left, y, right, y, t == 0 ? "#999999" : "#DDDDDD", 1);
            Svg.text(out, left - 6, y + 4, 11, "end", null, Svg.tickLabel(t, ystep));
        }
        int n = categories.size();
        double slot = (right - left) / n;
        double groupWidth = slot * 0.8;
        double barWidth = groupWidth / series.size();
        double zero = bottom - (0 - y0) / (y1 - y0) * (bottom - top);
        double widest = 0;
        for (String c : categories) {
            widest = Math.max(widest, Svg.textWidth(c, 11));
        }
        int every = Math.max(1, (int) Math.ceil((widest + 6) / slot));
        for (int c = 0; c < n; c++) {
            double gx = left + c * slot + (slot - groupWidth) / 2;
            for (int i = 0; i < series.size(); i++) {
                double v = series.get(i).values[c];
                if (!Double.isFinite(v) || v == 0) {
                    continue;
                }
                double y = bottom - (v - y0) / (y1 - y0) * (bottom - top);
                out.append("<rect x=\"").append(Svg.fmt(gx + i * barWidth)).append("\" y=\"")
                        .append(Svg.fmt(Math.min(y, zero))).append("\" width=\"").append(Svg.fmt(barWidth))
                        .append("\" height=\"").append(Svg.fmt(Math.abs(zero - y))).append("\" fill=\"")
                        .append(series.get(i).colour).append("\"><title>")
                        .append(Svg.escape(categories.get(c) + (series.get(i).name.isEmpty() ? "" : ", "
                                + series.get(i).name) + ": " + Svg.label(v)))
                        .append("</title></rect>");
            }
            if (c % every == 0) {
                Svg.text(out, left + (c + 0.5) * slot, bottom + 16, 11, "middle", null, categories.get(c));
            }
        }
        out.append("<rect x=\"").append(Svg.fmt(left)).append("\" y=\"").append(Svg.fmt(top)).append("\" width=\"")
                .append(Svg.fmt(right - left)).append("\" height=\"").append(Svg.fmt(bottom - top))
                .append("\" fill=\"none\" stroke=\"#888888\"/>");
        if (!xLabel.isEmpty()) {
            Svg.text(out, (left + right) / 2, bottom + 34, 12, "middle", null, xLabel);
        }
        if (!yLabel.isEmpty()) {
            Svg.verticalText(out, 18, (top + bottom) / 2, 12, yLabel);
        }
        if (legend) {
            double total = 0;
            for (Series s : series) {
                total += 20 + Svg.textWidth(s.name, 11) + 14;
            }
            double x = Math.max(10, (width - total) / 2);
            double y = bottom + 60;
            for (Series s : series) {
                out.append("<rect x=\"").append(Svg.fmt(x)).append("\" y=\"").append(Svg.fmt(y - 10))
                        .append("\" width=\"12\" height=\"12\" fill=\"").append(s.colour).append("\"/>");
                Svg.text(out, x + 18, y, 11, "start", null, s.name);
                x += 20 + Svg.textWidth(s.name, 11) + 14;
            }
        }
        Svg.close(out);
        return out.toString();
    }

    /** Collects the series and the layout of a {@link BarChart}. */
    public static final class Builder {
        private final String title;
        private final List<String> categories;
        private String xLabel = "";
        private String yLabel = "";
        private int width = 960;
        private int height = 380;
        private final List<Series> series = new ArrayList<>();

        private Builder(String title, List<String> categories) {
            this.title = title;
            this.categories = categories;
        }

        /** The category axis label (default none). */
        public Builder xLabel(String label) {
            this.xLabel = Objects.requireNonNull(label, "xLabel");
            return this;
        }

        /** The value axis label, with its unit (default none). */
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

        /**
         * Adds a series with a value per category, in category order.
         *
         * @param values one per category, not modified
         */
        public Builder series(String name, double[] values) {
            Objects.requireNonNull(name, "name");
            if (values.length != categories.size()) {
                throw new IllegalArgumentException("series '" + name + "': " + values.length + " values for "
                        + categories.size() + " categories");
            }
            series.add(new Series(name, values.clone(), Svg.PALETTE[series.size() % Svg.PALETTE.length]));
            return this;
        }

        /** Adds a series drawn in the given colour ({@code #RRGGBB}). */
        public Builder series(String name, double[] values, String colour) {
            if (colour == null || !colour.matches("#[0-9A-Fa-f]{6}")) {
                throw new IllegalArgumentException("series '" + name + "': colour: expected #RRGGBB, got " + colour);
            }
            series(name, values);
            Series s = series.remove(series.size() - 1);
            series.add(new Series(s.name, s.values, colour));
            return this;
        }

        public BarChart build() {
            return new BarChart(this);
        }
    }

    @Override
    public String toString() {
        return "BarChart[title=" + title + ", categories=" + categories.size() + ", series=" + series.size() + "]";
    }
}
