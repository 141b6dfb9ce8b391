package io.qtrade.backtest.marketmaking;

import io.qtrade.backtest.report.HtmlReport;
import io.qtrade.backtest.report.ReportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The report with the market-making section in headless Chromium (network off): every chart, the section's price
 * and inventory charts included, is laid out with drawn content and the browser logs no message. Skipped without
 * Chromium ({@code apt-get install chromium}; {@code .ci/run} installs it).
 */
class MarketMakingSectionRenderTest {

    @Test
    void theSectionsChartsRenderInTheBrowser(@TempDir Path dir) throws Exception {
        Path chromium = null;
        for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(p))) {
                chromium = Path.of(p);
            }
        }
        assumeTrue(chromium != null, "no headless Chromium at /usr/bin/chromium; install it: apt-get install chromium");
        MarketMakingDiagnostics d = MarketMakingDiagnosticsTest.diagnostics();
        Path report = HtmlReport.write(d.result(), dir.resolve("report.html"),
                ReportOptions.builder().title("mm").section(MarketMakingSection.of(d)).build());
        String html = Files.readString(report);
        Matcher m = Pattern.compile("<figure class=\"chart\"").matcher(html);
        int figures = 0;
        while (m.find()) {
            figures++;
        }
        assertThat(figures).isGreaterThanOrEqualTo(2);
        Path dom = dir.resolve("dom.html");
        Path log = dir.resolve("chromium.log");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=5000", "--dump-dom", report.toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished within 120 s").isTrue();
        String stderr = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("chromium exit status; stderr:%n%s", stderr).isZero();
        String page = Files.readString(dom, StandardCharsets.UTF_8);
        assertThat(page).contains("data-charts=\"" + figures + "\"", "data-charts-rendered=\"" + figures + "\"");
        for (String line : stderr.split("\n")) {
            if (line.contains(":CONSOLE") || line.contains("net::ERR")) {
                throw new AssertionError("the report produced a browser message: " + line);
            }
        }
    }
}
