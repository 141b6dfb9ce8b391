package io.qtrade.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.backtest.attribution.MultiHourMarket;
import io.qtrade.backtest.attribution.PnlAttribution;
import io.qtrade.backtest.execution.MarketTape;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.time.Timestamps;
import io.qtrade.risk.metrics.Conventions;
import io.qtrade.risk.metrics.PerformanceSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report of the three-hour two-strategy backtest: content, numbers and self-containment. */
class HtmlReportTest {

    static BacktestResult result;
    static MarketTape tape;
    static String html;

    @BeforeAll
    static void render() {
        InMemoryEventSource source = MultiHourMarket.source(11, 8_000);
        result = MultiHourMarket.run(source, 100_000);
        source.rewind();
        tape = MarketTape.of(source);
        html = HtmlReport.render(result, options());
    }

    static ReportOptions options() {
        return ReportOptions.builder().title("MM <test> & \"quotes\"").market(tape).build();
    }

    @Test
    void pageHoldsOneInlineSvgPerChart() {
        for (String id : new String[] {"chart-equity", "chart-drawdown", "chart-inventory", "chart-pnl-by-hour",
                "chart-pnl-by-strategy"}) {
            assertThat(html).contains("<svg id='" + id + "'");
        }
        assertThat(count(html, "<svg ")).isEqualTo(5);
        assertThat(count(html, "<figure class=\"chart\"")).isEqualTo(5);
    }

    @Test
    void nothingRefersToTheNetwork() {
        // every "http" in the page is an XML namespace name (xmlns="http://www.w3.org/2000/svg" and the like)
        Matcher m = Pattern.compile("https?:").matcher(html);
        int found = 0;
        while (m.find()) {
            String before = html.substring(Math.max(0, m.start() - 40), m.start());
            assertThat(before).as("context of an http reference at %d", m.start())
                    .containsPattern("xmlns(:\\w+)?=[\"']$");
            found++;
        }
        assertThat(found).isPositive();
        assertThat(html).doesNotContain("<link").doesNotContain("@import").doesNotContain(" src=")
                .doesNotContain("url(http");
    }

    @Test
    void titleAndIdsAreHtmlEscaped() {
        assertThat(html).contains("<title>MM &lt;test&gt; &amp; &quot;quotes&quot;</title>");
        assertThat(html).doesNotContain("<test>");
    }

    @Test
    void metricsTableShowsTheResampledEquityMetrics() {
        EquityCurve g = EquityCurve.of(result, "mm-a").resample(Timestamps.NANOS_PER_MINUTE);
        PerformanceSummary s = g.performance(Conventions.DAILY.withPeriodsPerYear(
                Conventions.periodsPerYearOf(Timestamps.NANOS_PER_MINUTE)));
        // A three-hour run: annualised figures are withheld and the Sharpe ratio is per 1-minute period.
        String sharpeRow = rowOf("Sharpe per 01m 00s period (not annualised)");
        assertThat(sharpeRow).contains("<td>" + String.format(Locale.ROOT, "%,.3f",
                s.sharpe() / Math.sqrt(Conventions.periodsPerYearOf(Timestamps.NANOS_PER_MINUTE))) + "</td>");
        assertThat(html).doesNotContain("<th>Sharpe (annualised)</th>");
        assertThat(rowOf("annualised return (CAGR)")).contains("n/a").contains("run too short");
        assertThat(rowOf("Calmar")).contains("n/a");
        assertThat(html).contains("annualised figures (CAGR, annualised volatility, Sharpe, Sortino, Calmar) are "
                + "withheld, they need at least 30 days");
        assertThat(rowOf("max drawdown")).contains(HtmlReport.small(s.drawdown().maxDrawdown() * 100) + " %");
        assertThat(rowOf("net PnL")).contains(String.format(Locale.ROOT, "%,.4f", result.portfolio("mm-b").netPnl()));
    }

    @Test
    void attributionTableTotalIsTheSumOfNetPnl() {
        double net = result.portfolio("mm-a").netPnl() + result.portfolio("mm-b").netPnl();
        assertThat(PnlAttribution.of(result).total().netPnl()).isCloseTo(net, within(1e-9));
        assertThat(html).contains("<tr><td>*</td><td>*</td>");
        assertThat(html).contains(String.format(Locale.ROOT, "%,.4f</td></tr>", net));
    }

    @Test
    void executionTableHasVwapBenchmarksWhenATapeIsGiven() {
        assertThat(html).contains("<table class=\"data\" id=\"execution\">");
        assertThat(html).doesNotContain("No market tape was given");
        String withoutTape = HtmlReport.render(result, ReportOptions.builder().charts().build());
        assertThat(withoutTape).contains("No market tape was given").doesNotContain("<svg");
    }

    @Test
    void aTapeOfOtherInstrumentsIsNamedInThePageInsteadOfTheExecutionTable() {
        MarketTape other = MarketTape.builder(java.util.List.of(MultiHourMarket.BBB)).build();
        String page = HtmlReport.render(result, ReportOptions.builder().charts().market(other).build());
        assertThat(page).contains("No execution quality: execution quality: the tape&#39;s instruments [BBB@SYN] are "
                + "not the backtest&#39;s [AAA@SYN, BBB@SYN]").doesNotContain("id=\"execution\"");
    }

    @Test
    void writeCreatesTheFileAtomically(@TempDir Path dir) throws Exception {
        Path file = HtmlReport.write(result, dir.resolve("sub/report.html"), options());
        assertThat(Files.readString(file)).isEqualTo(html);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.count()).isEqualTo(1);
        }
        // the same permissions as any file the process writes (not a temporary file's owner-only mode)
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        if (Files.getFileStore(plain).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
        }
    }

    @Test
    void aRunWithoutOrdersStillGivesEveryChartAndSaysWhyMetricsAreMissing() {
        InMemoryEventSource source = MultiHourMarket.source(3, 50);
        BacktestResult idle = Backtest.builder().source(source)
                .exchange(ExchangeSettings.builder(MultiHourMarket.AAA)
                        .latency(ConstantLatency.ZERO)
                        .queue(RiskAverseQueue.INSTANCE).build())
                .exchange(ExchangeSettings.builder(MultiHourMarket.BBB)
                        .latency(ConstantLatency.ZERO)
                        .queue(RiskAverseQueue.INSTANCE).build())
                .strategy("idle", new Strategy() { }).markIntervalNanos(0).build().run();
        String page = HtmlReport.render(idle, ReportOptions.DEFAULTS);
        assertThat(count(page, "<svg ")).isEqualTo(5);
        assertThat(page).contains("No return metrics for idle: fewer than 3 equity points");
        assertThat(rowOf(page, "Sharpe per 01m 00s period (not annualised)")).contains("<td>n/a</td>");
        assertThat(rowOf(page, "net PnL")).contains("<td>0.0000</td>");
    }

    @Test
    void durationsAndNumbersAreFormattedForPeople() {
        assertThat(HtmlReport.duration(90 * Timestamps.NANOS_PER_MINUTE + 5 * Timestamps.NANOS_PER_SECOND))
                .isEqualTo("01h 30m 05s");
        assertThat(HtmlReport.duration(1_500)).isEqualTo("1,500 ns");
        assertThat(HtmlReport.num(Double.NaN, 2)).isEqualTo("n/a");
        assertThat(HtmlReport.num(-1234.5, 1)).isEqualTo("-1,234.5");
        assertThat(HtmlReport.num(-0.00001, 4)).isEqualTo("0.0000");
        assertThat(HtmlReport.small(0.000123456)).isEqualTo("1.235e-04");
        assertThat(HtmlReport.small(12.5)).isEqualTo("12.5000");
    }

    private static String rowOf(String metric) {
        return rowOf(html, metric);
    }

    private static String rowOf(String page, String metric) {
        String html = page;
        int at = html.indexOf("<tr><th>" + metric + "</th>");
        assertThat(at).as("row %s", metric).isNotNegative();
        return html.substring(at, html.indexOf("</tr>", at));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int k = s.indexOf(what); k >= 0; k = s.indexOf(what, k + 1)) {
            n++;
        }
        return n;
    }
}
