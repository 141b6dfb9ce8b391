package io.qtrade.backtest.report.chart;

import java.awt.Color;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A grid of coloured, labelled cells (a parameter sweep's scores, monthly returns by year and month), written as an
 * inline {@code <svg>} element, with a colour legend from the lowest to the highest value.
 *
 * <pre>{@code
 * String svg = HeatMap.builder("Monthly returns (%)", months, years)
 *         .values(returnsPercent)                       // [column][row], NaN for an empty cell
 *         .colours(HeatMap.divergingAround(0, 5))       // red below 0, green above, saturated at +-5
 *         .build()
 *         .svg("monthly-returns");
 * }</pre>
 *
 * <p>Column {@code i} runs left to right, row {@code j} bottom to top (as a y axis). Every cell is an SVG
 * {@code <rect id='ID-cell-I-J' style="fill: rgb(R, G, B)">} followed by its label (the value with up to four
 * significant digits, or "n/a"), in black or white by the cell's luminance.
 */
public final class HeatMap {

    private final String title;
    private final List<String> columns;
    private final List<String> rows;
    private final String xLabel;
    private final String yLabel;
    private final String legendLabel;
    private final double[][] values;
    private final String[][] labels;
    private final DoubleFunction<Color> colours;
    private final double legendLow;
    private final double legendHigh;
    private final int width;
    private final int height;

    private HeatMap(Builder b) {
        this.title = b.title;
        this.columns = b.columns;
        this.rows = b.rows;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.legendLabel = b.legendLabel;
        this.values = b.values;
        this.labels = b.labels;
        this.colours = b.colours;
        this.legendLow = b.legendLow;
        this.legendHigh = b.legendHigh;
        this.width = b.width;
        this.height = b.height;
    }

    /** A map with the given title, column labels (left to right) and row labels (bottom to top). */
    public static Builder builder(String title, List<String> columns, List<String> rows) {
        return new Builder(Objects.requireNonNull(title, "title"), List.copyOf(columns), List.copyOf(rows));
    }

    /**
     * Red below {@code centre}, white at it, green above, saturated at {@code centre -+ halfRange}; grey for NaN.
     */
    public static DoubleFunction<Color> divergingAround(double centre, double halfRange) {
        if (!(halfRange > 0)) {
            throw new IllegalArgumentException("halfRange: expected > 0, got " + halfRange);
        }
        Color low = new Color(0xC4, 0x4E, 0x52);
        Color high = new Color(0x55, 0xA8, 0x68);
        return v -> {
            if (Double.isNaN(v)) {
                return NO_VALUE;
            }
            double t = Math.max(-1, Math.min(1, (v - centre) / halfRange));
            return t < 0 ? mix(Color.WHITE, low, -t) : mix(Color.WHITE, high, t);
        };
    }

    /** The grey of a cell without a value (#D9D9D9). */
    public static final Color NO_VALUE = new Color(0xD9, 0xD9, 0xD9);

    /** {@code a + t (b - a)} per channel, rounded. */
    public static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    /**
     * The map as an {@code <svg id='ID' ...>} element.
     *
     * @param id the element id, a letter or '_' then letters, digits, '-' or '_'
     */
    public String svg(String id) {
        Svg.requireId(id);
        StringBuilder out = new StringBuilder(8192);
        Svg.open(out, id, width, height, title);
        int nx = columns.size();
        int ny = rows.size();
        double widestRow = 0;
        for (String r : rows) {
            widestRow = Math.max(widestRow, Svg.textWidth(r, 11));
        }
        double left = Math.max(60, widestRow + 40);
        double right = width - 110;
        double top = title.isEmpty() ? 16 : 40;
        double bottom = height - 50;
        double cw = (right - left) / Math.max(1, nx);
        double ch = (bottom - top) / Math.max(1, ny);
        int fontSize = (int) Math.max(8, Math.min(12, Math.min(ch * 0.45, cw / 5.5)));
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double v = values[i][j];
                Color c = colours.apply(v);
                double x = left + i * cw;
                double y = bottom - (j + 1) * ch;
                out.append("<rect id='").append(id).append("-cell-").append(i).append('-').append(j)
                        .append("' x=\"").append(Svg.fmt(x)).append("\" y=\"").append(Svg.fmt(y))
                        .append("\" width=\"").append(Svg.fmt(cw)).append("\" height=\"").append(Svg.fmt(ch))
                        .append("\" style=\"fill: rgb(").append(c.getRed()).append(", ").append(c.getGreen())
                        .append(", ").append(c.getBlue()).append("); stroke: white\"/>");
                String text = labels != null ? labels[i][j] : number(v);
                out.append("<text x=\"").append(Svg.fmt(x + cw / 2)).append("\" y=\"")
                        .append(Svg.fmt(y + ch / 2 + fontSize * 0.35)).append("\" font-size=\"").append(fontSize)
                        .append("\" text-anchor=\"middle\" ").append(Svg.FONT).append(" fill=\"")
                        .append(luminance(c) > 140 ? "black" : "white").append("\">").append(Svg.escape(text))
                        .append("</text>");
            }
        }
        int everyX = Math.max(1, (int) Math.ceil(widest(columns) / Math.max(1, cw - 4)));
        for (int i = 0; i < nx; i += everyX) {
            Svg.text(out, left + (i + 0.5) * cw, bottom + 15, 11, "middle", null, columns.get(i));
        }
        int everyY = Math.max(1, (int) Math.ceil(14 / Math.max(1, ch)));
        for (int j = 0; j < ny; j += everyY) {
            Svg.text(out, left - 6, bottom - (j + 0.5) * ch + 4, 11, "end", null, rows.get(j));
        }
        if (!xLabel.isEmpty()) {
            Svg.text(out, (left + right) / 2, bottom + 34, 12, "middle", null, xLabel);
        }
        if (!yLabel.isEmpty()) {
            Svg.verticalText(out, 16, (top + bottom) / 2, 12, yLabel);
        }
        drawLegend(out, right + 30, top, bottom);
        Svg.close(out);
        return out.toString();
    }

    private void drawLegend(StringBuilder out, double x, double top, double bottom) {
        int steps = 32;
        double h = (bottom - top) / steps;
        boolean defined = legendHigh >= legendLow;
        for (int k = 0; k < steps; k++) {
            double v = defined ? legendLow + (k + 0.5) / steps * (legendHigh - legendLow) : Double.NaN;
            Color c = colours.apply(v);
            out.append("<rect x=\"").append(Svg.fmt(x)).append("\" y=\"").append(Svg.fmt(bottom - (k + 1) * h))
                    .append("\" width=\"16\" height=\"").append(Svg.fmt(h + 0.5)).append("\" fill=\"rgb(")
                    .append(c.getRed()).append(',').append(c.getGreen()).append(',').append(c.getBlue())
                    .append(")\"/>");
        }
        Svg.text(out, x + 20, top + 10, 10, "start", null, defined ? number(legendHigh) : "n/a");
        Svg.text(out, x + 20, bottom, 10, "start", null, defined ? number(legendLow) : "n/a");
        if (!legendLabel.isEmpty()) {
            Svg.verticalText(out, x + 70, (top + bottom) / 2, 11, legendLabel);
        }
    }

    private static double widest(List<String> labels) {
        double w = 0;
        for (String s : labels) {
            w = Math.max(w, Svg.textWidth(s, 11));
        }
        return w;
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    /** Up to four significant digits, plain notation where it fits; "n/a", "inf", "-inf" for non-finite values. */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "n/a" : v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.format(java.util.Locale.ROOT, "%.0f", v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return s;
    }

    /** Collects the cells and the layout of a {@link HeatMap}. */
    public static final class Builder {
        private final String title;
        private final List<String> columns;
        private final List<String> rows;
        private String xLabel = "";
        private String yLabel = "";
        private String legendLabel = "";
        private double[][] values;
        private String[][] labels;
        private DoubleFunction<Color> colours;
        private double legendLow = Double.NaN;
        private double legendHigh = Double.NaN;
        private int width = 960;
        private int height = 480;

        private Builder(String title, List<String> columns, List<String> rows) {
            if (columns.isEmpty() || rows.isEmpty()) {
                throw new IllegalArgumentException("heat map '" + title + "': expected at least one column and one"
                        + " row, got " + columns.size() + " x " + rows.size());
            }
            this.title = title;
            this.columns = columns;
            this.rows = rows;
        }

        public Builder xLabel(String label) {
            this.xLabel = Objects.requireNonNull(label, "xLabel");
            return this;
        }

        public Builder yLabel(String label) {
            this.yLabel = Objects.requireNonNull(label, "yLabel");
            return this;
        }

        /** The colour legend's label (default none). */
        public Builder legendLabel(String label) {
            this.legendLabel = Objects.requireNonNull(label, "legendLabel");
            return this;
        }

        /**
         * The cell values, {@code [column][row]}; NaN for an empty cell. Copied.
         */
        public Builder values(double[][] values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("values: " + values.length + " columns, expected "
                        + columns.size());
            }
            double[][] copy = new double[values.length][];
            for (int i = 0; i < values.length; i++) {
                if (values[i].length != rows.size()) {
                    throw new IllegalArgumentException("values[" + i + "]: " + values[i].length + " rows, expected "
                            + rows.size());
                }
                copy[i] = values[i].clone();
            }
            this.values = copy;
            return this;
        }

        /** Cell labels, {@code [column][row]}, instead of the values with four significant digits. Copied. */
        public Builder labels(String[][] labels) {
            String[][] copy = new String[labels.length][];
            for (int i = 0; i < labels.length; i++) {
                copy[i] = labels[i].clone();
            }
            this.labels = copy;
            return this;
        }

        /** The colour of a value (NaN included). */
        public Builder colours(DoubleFunction<Color> colours) {
            this.colours = Objects.requireNonNull(colours, "colours");
            return this;
        }

        /** The range the legend shows (default: the smallest and largest finite value). */
        public Builder legendRange(double low, double high) {
            this.legendLow = low;
            this.legendHigh = high;
            return this;
        }

        public Builder size(int width, int height) {
            if (width < 300 || height < 150) {
                throw new IllegalArgumentException("heat map size: expected at least 300 x 150, got " + width + " x "
                        + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        public HeatMap build() {
            if (values == null) {
                throw new IllegalStateException("heat map '" + title + "': no values; call values(double[][])");
            }
            if (labels != null && (labels.length != columns.size() || labels[0].length != rows.size())) {
                throw new IllegalStateException("heat map '" + title + "': labels are " + labels.length + " x "
                        + labels[0].length + ", values " + columns.size() + " x " + rows.size());
            }
            if (colours == null) {
                colours = divergingAround(0, maxAbs(values));
            }
            if (Double.isNaN(legendLow) || Double.isNaN(legendHigh)) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double[] column : values) {
                    for (double v : column) {
                        if (Double.isFinite(v)) {
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                    }
                }
                legendLow = lo;
                legendHigh = hi;
            }
            return new HeatMap(this);
        }

        private static double maxAbs(double[][] values) {
            double m = 0;
            for (double[] column : values) {
                for (double v : column) {
                    if (Double.isFinite(v)) {
                        m = Math.max(m, Math.abs(v));
                    }
                }
            }
            return m > 0 ? m : 1;
        }
    }

    @Override
    public String toString() {
        return "HeatMap[title=" + title + ", " + columns.size() + " x " + rows.size() + "]";
    }
}
