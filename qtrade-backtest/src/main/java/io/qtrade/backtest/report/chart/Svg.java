package io.qtrade.backtest.report.chart;

import java.util.Locale;

/**
 * What every chart of the package shares: the SVG envelope, text escaping, number formatting, the axis-tick rules
 * and the colour palette. Package-private: the charts are the public surface.
 */
final class Svg {

    /** Colours of successive series (the "deep" palette of seaborn, readable on white and in grey print). */
    static final String[] PALETTE = {"#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860", "#DA8BC3",
        "#8C8C8C", "#CCB974", "#64B5CD"};

    static final String FONT = "font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\"";

    /** Average advance of a character of the chart font, in units of the font size (for layout only). */
    static final double CHAR_WIDTH = 0.58;

    private Svg() {
    }

    /** Refuses an id that is not a valid XML name start followed by letters, digits, '-' or '_'. */
    static String requireId(String id) {
        if (id == null || !id.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("chart id: expected a letter or '_' followed by letters, digits, '-' or"
                    + " '_', got " + (id == null ? "null" : "'" + id + "'"));
        }
        return id;
    }

    /** Opens the {@code <svg>} element: single-quoted id (the report's convention), namespace, view box. */
    static void open(StringBuilder out, String id, int width, int height, String title) {
        out.append("<svg id='").append(id).append("' xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" role=\"img\">");
        out.append("<title>").append(escape(title)).append("</title>");
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"white\"/>");
        if (!title.isEmpty()) {
            text(out, width / 2.0, 22, 15, "middle", "bold", title);
        }
    }

    static void close(StringBuilder out) {
        out.append("</svg>");
    }

    static void text(StringBuilder out, double x, double y, int size, String anchor, String weight, String s) {
        out.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" font-size=\"")
                .append(size).append("\" text-anchor=\"").append(anchor).append("\" ").append(FONT);
        if (weight != null) {
            out.append(" font-weight=\"").append(weight).append('"');
        }
        out.append('>').append(escape(s)).append("</text>");
    }

    /** Text turned 90 degrees counter-clockwise about its anchor (a vertical axis label). */
    static void verticalText(StringBuilder out, double x, double y, int size, String s) {
        out.append("<text transform=\"translate(").append(fmt(x)).append(',').append(fmt(y))
                .append(") rotate(-90)\" font-size=\"").append(size).append("\" text-anchor=\"middle\" ")
                .append(FONT).append('>').append(escape(s)).append("</text>");
    }

    static void line(StringBuilder out, double x1, double y1, double x2, double y2, String stroke, double width) {
        out.append("<line x1=\"").append(fmt(x1)).append("\" y1=\"").append(fmt(y1)).append("\" x2=\"")
                .append(fmt(x2)).append("\" y2=\"").append(fmt(y2)).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(fmt(width)).append("\"/>");
    }

    static double textWidth(String s, int size) {
        return s.length() * size * CHAR_WIDTH;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A coordinate with at most two decimals, no exponent, no trailing zeros. */
    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * A tick label for people: up to six significant digits, thousands unseparated, no binary noise
     * ({@code 0.1470000000000001} prints as {@code 0.147}), exponent form only beyond 1e9 or below 1e-4.
     */
    static String label(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e9 || a < 1e-4) {
            return String.format(Locale.ROOT, "%.3g", v).replace("e+0", "e").replace("e+", "e");
        }
        String s = new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
        return s;
    }

    /**
     * A tick label: the value with as many decimals as the tick step needs (a step of 0.05 shows two), so that
     * neighbouring ticks never print alike; {@link #label} for steps beyond the plain range.
     */
    static String tickLabel(double v, double step) {
        if (!(step > 0) || Math.abs(v) >= 1e12 || step < 1e-9) {
            return label(v);
        }
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        return new java.math.BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * Tick values of a linear axis over [lo, hi]: multiples of a "nice" step (1, 2 or 5 times a power of ten) as in
     * Heckbert, "Nice numbers for graph labels", Graphics Gems (1990), aiming at about {@code target} ticks.
     */
    static double[] niceTicks(double lo, double hi, int target) {
        if (!(hi > lo)) {
            return new double[] {lo};
        }
        double step = niceStep((hi - lo) / Math.max(1, target - 1));
        long first = (long) Math.ceil(lo / step - 1e-9);
        int n = (int) (Math.floor(hi / step + 1e-9) - first) + 1;
        double[] t = new double[Math.max(n, 0)];
        for (int k = 0; k < t.length; k++) {
            // (first + k) * step carries binary noise (3 * 0.2 = 0.6000000000000001): round to 12 digits.
            t[k] = new java.math.BigDecimal((first + k) * step).round(new java.math.MathContext(12)).doubleValue();
        }
        return t;
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        double nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return nice * p;
    }

    /** [lo, hi] widened to the nice steps around it, with a small margin when the data are flat. */
    static double[] niceRange(double lo, double hi, int target) {
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.05;
            lo -= pad;
            hi += pad;
        }
        double step = niceStep((hi - lo) / Math.max(1, target - 1));
        return new double[] {Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step};
    }
}
