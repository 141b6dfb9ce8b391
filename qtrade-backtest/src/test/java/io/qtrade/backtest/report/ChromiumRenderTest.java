package io.qtrade.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.attribution.MultiHourMarket;
import io.qtrade.backtest.execution.MarketTape;
import io.qtrade.core.market.InMemoryEventSource;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in headless Chromium (Debian's {@code chromium}, which {@code .ci/run} installs) with the network
 * off and checks that the page loaded without a console message and that every chart was laid out with a non-zero
 * size and drawn content (the page's own script sets {@code data-charts-rendered}). Skipped when no Chromium is
 * installed.
 */
class ChromiumRenderTest {

    static Path chromium() {
        for (String p : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                for (String name : new String[] {"chromium", "chromium-browser"}) {
                    Path p = Path.of(dir, name);
                    if (Files.isExecutable(p)) {
                        return p;
                    }
                }
            }
        }
        return null;
    }

    @Test
    void reportLoadsWithoutErrorsAndRendersEveryChart(@TempDir Path dir) throws Exception {
        Path chromium = chromium();
        assumeTrue(chromium != null, "no headless Chromium found (/usr/bin/chromium or chromium on PATH); "
                + "install it: apt-get install chromium");
        InMemoryEventSource source = MultiHourMarket.source(11, 4_000);
        BacktestResult result = MultiHourMarket.run(source, 100_000);
        source.rewind();
        Path report = HtmlReport.write(result, dir.resolve("report.html"),
                ReportOptions.builder().market(MarketTape.of(source)).build());
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
        assertThat(page).as("the page's script ran and found the charts").contains("data-charts=\"5\"");
        assertThat(page).as("every chart has a size and drawn content").contains("data-charts-rendered=\"5\"");
        // Chromium logs each console message (errors, uncaught exceptions, failed loads) as a CONSOLE line naming
        // its source; the report writes none.
        for (String line : stderr.split("\n")) {
            if (line.contains(":CONSOLE") || line.contains("net::ERR")) {
                throw new AssertionError("the report produced a browser message: " + line);
            }
        }
    }
}
