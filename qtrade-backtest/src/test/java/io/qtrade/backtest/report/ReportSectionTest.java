package io.qtrade.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.attribution.MultiHourMarket;
import io.qtrade.core.market.InMemoryEventSource;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Caller sections of the HTML report: placement, escaping, charts counted, self-containment, bad input. */
class ReportSectionTest {

    static final String SVG = "<svg id='extra-chart' xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
            + "<rect x=\"0\" y=\"0\" width=\"10\" height=\"10\" style=\"fill: rgb(0,0,0)\"/></svg>";

    static BacktestResult result;
    static String html;

    @BeforeAll
    static void render() {
        InMemoryEventSource source = MultiHourMarket.source(11, 2_000);
        result = MultiHourMarket.run(source, 100_000);
        html = HtmlReport.render(result, ReportOptions.builder()
                .section("Sweep <ranking> & co", "<p id=\"trusted\">kept <b>as is</b></p>")
                .section("A table", table())
                .section(new ReportSection("A chart", ReportSection.figure("extra", SVG, "caption <x>")))
                .build());
    }

    static Table table() {
        return Table.create("t", StringColumn.create("name <n>", new String[] {"a<b", "c&d"}),
                IntColumn.create("count", new int[] {1, 1234}),
                DoubleColumn.create("value", new double[] {1234.56789, Double.NaN}));
    }

    @Test
    void sectionsFollowTheReportsOwnInTheOrderAdded() {
        int execution = html.indexOf("<h2>Execution quality</h2>");
        int first = html.indexOf("<section class=\"extra\" id=\"section-1\">");
        int second = html.indexOf("<section class=\"extra\" id=\"section-2\">");
        int third = html.indexOf("<section class=\"extra\" id=\"section-3\">");
        assertThat(execution).isPositive();
        assertThat(first).isGreaterThan(execution);
        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
        assertThat(html.indexOf("<script>")).isGreaterThan(third);
    }

    @Test
    void titleIsEscapedAndBodyIsKeptVerbatim() {
        assertThat(html).contains("<h2>Sweep &lt;ranking&gt; &amp; co</h2>\n<p id=\"trusted\">kept <b>as is</b></p>");
        assertThat(html).doesNotContain("<ranking>");
    }

    @Test
    void tableHtmlEscapesEveryCellAndFormatsNumbers() {
        // doubles: 4 decimals with thousands separators, NaN as n/a; ints as their text
        assertThat(ReportSection.tableHtml(table())).isEqualTo("<table class=\"data\">\n"
                + "<thead><tr><th>name &lt;n&gt;</th><th>count</th><th>value</th></tr></thead>\n<tbody>\n"
                + "<tr><td>a&lt;b</td><td>1</td><td>1,234.5679</td></tr>\n"
                + "<tr><td>c&amp;d</td><td>1234</td><td>n/a</td></tr>\n"
                + "</tbody>\n</table>\n");
        assertThat(html).contains("<h2>A table</h2>\n" + ReportSection.tableHtml(table()));
    }

    @Test
    void aFigureInASectionIsCountedByTheRenderCheck() {
        assertThat(count(html, "<figure class=\"chart\"")).isEqualTo(6); // 5 report charts + the section's
        assertThat(html).contains("<figure class=\"chart\" id=\"extra-figure\">\n" + SVG
                + "\n<figcaption>caption &lt;x&gt;</figcaption>\n</figure>\n");
    }

    @Test
    void pageWithSectionsStillRefersToNothingOnTheNetwork() {
        Matcher m = Pattern.compile("https?:").matcher(html);
        while (m.find()) {
            String before = html.substring(Math.max(0, m.start() - 40), m.start());
            assertThat(before).as("context of an http reference at %d", m.start())
                    .containsPattern("xmlns(:\\w+)?=[\"']$");
        }
        assertThat(html).doesNotContain("<link").doesNotContain(" src=");
    }

    @Test
    void defaultsHaveNoSectionsAndTheOldConstructorStillWorks() {
        assertThat(ReportOptions.DEFAULTS.sections()).isEmpty();
        ReportOptions old = new ReportOptions("t", ReportOptions.DEFAULTS.charts(), null,
                ReportOptions.DEFAULTS.resampleStepNanos(), ReportOptions.DEFAULTS.conventions(), Double.NaN, 5, 10);
        assertThat(old.sections()).isEmpty();
        assertThat(HtmlReport.render(result, old)).doesNotContain("<section");
    }

    @Test
    void badSectionsAreNamed() {
        assertThatThrownBy(() -> new ReportSection(" ", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("title is blank");
        assertThatThrownBy(() -> new ReportSection("t", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("section 't'");
        assertThatThrownBy(() -> ReportSection.figure("1bad", SVG, "c")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("figure id '1bad'");
        assertThatThrownBy(() -> ReportSection.figure("ok", "<div/>", "c"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected '<svg'");
        List<ReportSection> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> new ReportOptions("t", ReportOptions.DEFAULTS.charts(), null, 1,
                ReportOptions.DEFAULTS.conventions(), Double.NaN, 5, 10, withNull))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sections[0] is null");
    }

    static int count(String s, String part) {
        int n = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
