package io.qtrade.backtest.report;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.Objects;

/**
 * A section a caller adds to an {@link HtmlReport} after its own sections: a title (HTML-escaped in the page, shown as
 * an {@code <h2>}) and a body of pre-rendered HTML that the page includes verbatim.
 *
 * <p>The body is trusted: it must be self-contained (no {@code <script src>}, {@code <link>}, external images or
 * fonts) for the page to stay so, and any text in it from outside the program must already be escaped. Build bodies
 * with {@link #table(String, Table)} (every cell escaped), {@link #escape(String)} and {@link #paragraph(String)}, or
 * inline SVG charts wrapped in {@link #figure(String, String, String)} (a {@code <figure class="chart">} that the
 * page's render check counts).
 *
 * @param title the heading, plain text
 * @param html  the body, trusted HTML
 */
public record ReportSection(String title, String html) {

    /** Validates. */
    public ReportSection {
        Objects.requireNonNull(title, "report section: title");
        Objects.requireNonNull(html, "report section: html of section '" + title + "'");
        if (title.isBlank()) {
            throw new IllegalArgumentException("report section: title is blank, expected a heading");
        }
    }

    /** A section holding one table ({@link #tableHtml(Table)}) under {@code title}. */
    public static ReportSection table(String title, Table table) {
        return new ReportSection(title, tableHtml(table));
    }

    /**
     * A Tablesaw table as an HTML {@code <table class="data">}: a header row of the column names, one row per table row;
     * every name and cell is HTML-escaped. Double and float columns show 4 decimals and thousands separators (NaN
     * as "n/a", infinities as "inf"/"-inf"); other cells show their text ({@code Column.getString}; missing: empty).
     */
    public static String tableHtml(Table table) {
        Objects.requireNonNull(table, "report section: table");
        StringBuilder b = new StringBuilder(256 + 64 * table.rowCount() * Math.max(1, table.columnCount()));
        b.append("<table class=\"data\">\n<thead><tr>");
        for (String name : table.columnNames()) {
            b.append("<th>").append(HtmlReport.escape(name)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < table.rowCount(); r++) {
            b.append("<tr>");
            for (Column<?> c : table.columns()) {
                b.append("<td>").append(cell(c, r)).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    /** {@code text} escaped for HTML text and attribute values ({@code & < > " '}). */
    public static String escape(String text) {
        return HtmlReport.escape(Objects.requireNonNull(text, "report section: text"));
    }

    /** A {@code <p class="note">} of escaped {@code text}. */
    public static String paragraph(String text) {
        return "<p class=\"note\">" + escape(text) + "</p>\n";
    }

    /**
     * An inline SVG chart as a {@code <figure class="chart">} with an escaped caption, as the report's own charts are.
     *
     * @param id      the figure's id, {@code [A-Za-z][A-Za-z0-9_-]*} (the SVG's own id should start with it)
     * @param svg     one {@code <svg>} element, trusted
     * @param caption the caption, plain text
     */
    public static String figure(String id, String svg, String caption) {
        Objects.requireNonNull(id, "report section: figure id");
        if (!id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("report section: figure id '" + id
                    + "', expected a letter then letters, digits, '_' or '-'");
        }
        Objects.requireNonNull(svg, "report section: svg of figure " + id);
        if (!svg.startsWith("<svg")) {
            throw new IllegalArgumentException("report section: svg of figure " + id
                    + " starts with '" + svg.substring(0, Math.min(20, svg.length())) + "', expected '<svg'");
        }
        return "<figure class=\"chart\" id=\"" + id + "-figure\">\n" + svg + "\n<figcaption>" + escape(caption)
                + "</figcaption>\n</figure>\n";
    }

    private static String cell(Column<?> c, int r) {
        if (c instanceof DoubleColumn d) {
            return HtmlReport.num(d.getDouble(r), 4);
        }
        if (c instanceof FloatColumn f) {
            return HtmlReport.num(f.getFloat(r), 4);
        }
        return HtmlReport.escape(c.getString(r));
    }

    @Override
    public String toString() {
        return "ReportSection[title=" + title + ", html=" + html.length() + " chars]";
    }
}
