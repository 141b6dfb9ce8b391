package io.qtrade.research.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.OrderHistory;
import io.qtrade.backtest.report.HtmlReport;
import io.qtrade.backtest.report.ReportOptions;
import io.qtrade.backtest.report.ReportSection;
import io.qtrade.research.montecarlo.MonteCarlo;
import io.qtrade.research.montecarlo.MonteCarloResult;
import io.qtrade.research.sweep.BacktestFactory;
import io.qtrade.research.sweep.GeneratedBacktests;
import io.qtrade.research.sweep.Metric;
import io.qtrade.research.sweep.ParameterGrid;
import io.qtrade.research.sweep.ParameterSet;
import io.qtrade.research.sweep.Partition;
import io.qtrade.research.sweep.Partitions;
import io.qtrade.research.sweep.RunMetrics;
import io.qtrade.research.sweep.SweepResult;
import io.qtrade.research.sweep.SweepRow;
import io.qtrade.research.walkforward.WalkForward;
import io.qtrade.research.walkforward.WalkForwardResult;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Research sections of the HTML report: content, order, numbers as in the results, and a real browser render. */
class ResearchReportTest {

    static final List<Partition> DAYS = Partitions.days("SIM", "AAA", LocalDate.of(2026, 11, 2), 4);
    static final ParameterGrid GRID = ParameterGrid.builder().values("offset", 0, 2).values("max", 3).build();
    static final BacktestFactory FACTORY = (p, part) -> GeneratedBacktests.quoting(p, part, 6_000);

    static SweepResult sweep;
    static WalkForwardResult walkForward;
    static MonteCarloResult monteCarlo;

    @BeforeAll
    static void run() {
        sweep = SweepHeatMapTest.sweep();
        walkForward = WalkForward.builder().grid(GRID).partitions(DAYS).inSample(2).outOfSample(1)
                .metric(Metric.NET_PNL).factory(FACTORY).samplePeriodNanos(1_000_000_000L).threads(2).build().run();
        // PnLs 1, -2, 3, -1, 2: hand-checkable observed final 3
        monteCarlo = MonteCarlo.builder().values(new double[] {1, -2, 3, -1, 2}).resamples(2_000).seed(7).iid()
                .build().run();
    }

    @Test
    void sweepSectionHoldsTheHeatMapThenTheRankingTableBestFirst() {
        ReportSection s = ResearchReport.sweep(sweep, Metric.SHARPE, "sweep");
        assertThat(s.title()).isEqualTo("Parameter sweep: ranking by sharpe");
        String html = s.html();
        int figure = html.indexOf("<figure class=\"chart\" id=\"sweep-figure\">\n<svg id='sweep'");
        int table = html.indexOf("<th>score_sharpe</th>");
        assertThat(figure).isPositive();
        assertThat(table).isGreaterThan(figure);
        // ranks 1.. with scores 12.5 (gamma 1, k 2), 11.5, 7.5, 3.5, 2.5, then the NaN set
        String rows = html.substring(table);
        int previous = 0;
        for (String score : new String[] {"<td>12.5000</td>", "<td>11.5000</td>", "<td>7.5000</td>",
            "<td>3.5000</td>", "<td>2.5000</td>", "<td>n/a</td>"}) {
            int at = rows.indexOf(score, previous);
            assertThat(at).as("score %s after position %d", score, previous).isGreaterThan(previous);
            previous = at;
        }
        assertThat(html).contains("12 backtests (0 failed)");
    }

    @Test
    void aSweepOfOneParameterGetsANoteInsteadOfAHeatMap() {
        List<ParameterSet> sets = List.of(new ParameterSet(0, List.of("gamma"), new double[] {1}));
        List<SweepRow> rows = List.of(new SweepRow(sets.get(0), DAYS.get(0),
                new RunMetrics(1, 0, 1, 1, 1, 1, 1, 1, 1), null));
        String html = ResearchReport.sweep(SweepResult.of(sets, rows, 1), Metric.SHARPE, "one").html();
        assertThat(html).doesNotContain("<svg").contains("No heat map: sweep heat map: the sweep has 1 parameter(s)");
    }

    @Test
    void walkForwardSectionStatesTheEfficiencyAndOneRowPerFold() {
        String html = ResearchReport.walkForward(walkForward).html();
        assertThat(walkForward.folds()).hasSize(2); // 4 days, in 2, out 1
        assertThat(html).contains("2 folds ranked by net_pnl")
                .contains("efficiency (mean out-of-sample score / mean in-sample score, Pardo 2008): "
                        + SweepHeatMap.number(walkForward.efficiency()) + ".")
                .contains("<th>out_score_net_pnl</th>");
        assertThat(count(html, "<tr><td>")).isEqualTo(2);
    }

    @Test
    void monteCarloSectionHoldsTheSummaryAndTheProbabilityOfLoss() {
        String html = ResearchReport.monteCarlo(monteCarlo, 0.95).html();
        assertThat(html).contains(String.format(Locale.ROOT, "Probability of a final loss: %.4f.",
                monteCarlo.probabilityOfLoss()));
        assertThat(html).contains("<tr><td>final</td><td>3.0000</td>"); // observed final = 1 - 2 + 3 - 1 + 2
        assertThat(html).contains("<tr><td>sharpe</td>").contains("<tr><td>max_drawdown</td>");
    }

    @Test
    void pageWithTheResearchSectionsRendersEveryChartInChromium(@TempDir Path dir) throws Exception {
        Path chromium = chromium();
        assumeTrue(chromium != null, "no headless Chromium (/usr/bin/chromium or chromium on PATH)");
        BacktestResult best = GeneratedBacktests.quoting(GRID.cartesian().get(0), DAYS.get(0), 6_000,
                OrderHistory.ALL).run();
        Path report = HtmlReport.write(best, dir.resolve("research.html"), ReportOptions.builder()
                .section(ResearchReport.sweep(sweep, Metric.SHARPE, "sweep"))
                .section(ResearchReport.walkForward(walkForward))
                .section(ResearchReport.monteCarlo(monteCarlo, 0.95)).build());
        String written = Files.readString(report, StandardCharsets.UTF_8);
        Matcher http = Pattern.compile("https?:").matcher(written);
        while (http.find()) {
            assertThat(written.substring(Math.max(0, http.start() - 40), http.start()))
                    .containsPattern("xmlns(:\\w+)?=[\"']$");
        }
        Path dom = dir.resolve("dom.html");
        Path log = dir.resolve("chromium.log");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=5000", "--dump-dom", report.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished within 120 s").isTrue();
        String stderr = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("chromium exit status; stderr:%n%s", stderr).isZero();
        String page = Files.readString(dom, StandardCharsets.UTF_8);
        // the report's 5 charts and the heat map, each laid out with a size and drawn content
        assertThat(page).contains("data-charts=\"6\"").contains("data-charts-rendered=\"6\"");
        for (String line : stderr.split("\n")) {
            if (line.contains(":CONSOLE") || line.contains("net::ERR")) {
                throw new AssertionError("the report produced a browser message: " + line);
            }
        }
    }

    static Path chromium() {
        for (String p : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                for (String name : new String[] {"chromium", "chromium-browser"}) {
                    if (Files.isExecutable(Path.of(d, name))) {
                        return Path.of(d, name);
                    }
                }
            }
        }
        return null;
    }

    static int count(String s, String part) {
        int n = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
