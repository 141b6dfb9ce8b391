package io.qtrade.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.qtrade.core.order.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.qtrade.server.DevTools.obj;
import static io.qtrade.server.PaperFixture.READ_TOKEN;
import static io.qtrade.server.PaperFixture.TRADE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real browser: paper trading against the loopback venue with the server on, the page opened in
 * headless Chromium (driven over the DevTools protocol), checked to update its ladder, PnL and positions as the
 * engine runs, and its kill-switch button pressed with the mouse: the resting orders are cancelled. Skipped when no
 * Chromium is installed. Writes {@code target/dashboard.png} (the README's screenshot is one of these).
 */
class DashboardBrowserTest {

    @Test
    void dashboardFollowsTheEngineAndItsKillSwitchButtonCancelsTheRestingOrders(@TempDir Path dir) throws Exception {
        Path chromium = DevTools.chromium();
        assumeTrue(chromium != null, "no headless Chromium found (/usr/bin/chromium or chromium on PATH); "
                + "install it: apt-get install chromium");
        try (PaperFixture f = new PaperFixture(8_000, 2 * PaperFixture.MS, PaperFixture.config());
             DevTools browser = DevTools.launch(chromium, dir)) {
            assertThat(Http.await(() -> f.maker.fills.size() >= 3, 60)).as("the maker fills").isTrue();
            browser.send("Emulation.setDeviceMetricsOverride", obj("width", 1400, "height", 940,
                    "deviceScaleFactor", 1, "mobile", false));
            browser.send("Page.navigate", obj("url", f.server.baseUrl() + "/#token=" + TRADE_TOKEN));
            assertThat(awaitPage(browser, "document.body.dataset.ready === 'true'", 60)).as("page loaded").isTrue();
            // The token left the address bar at once.
            assertThat(browser.eval("location.href").asText()).doesNotContain(TRADE_TOKEN);

            // Ladder: levels on both sides, and it changes as the engine runs.
            assertThat(awaitPage(browser, "document.querySelectorAll('#ladder tr.level.bid').length >= 3 && "
                    + "document.querySelectorAll('#ladder tr.level.ask').length >= 3", 30)).isTrue();
            String ladder = browser.eval("document.querySelector('#ladder tbody').innerText").asText();
            int bookUpdates = browser.eval("+document.body.dataset.bookUpdates").asInt();
            assertThat(awaitPage(browser, "+document.body.dataset.bookUpdates >= " + (bookUpdates + 20)
                    + " && document.querySelector('#ladder tbody').innerText !== " + jsString(ladder), 30))
                    .as("the ladder updates").isTrue();

            // PnL: shown, and it moves (a position is open and the mid moves).
            assertThat(awaitPage(browser, "document.getElementById('pnl').textContent !== '-'", 30)).isTrue();
            String pnl = browser.eval("document.getElementById('pnl').textContent").asText();
            int portfolioUpdates = browser.eval("+document.body.dataset.portfolioUpdates").asInt();
            assertThat(awaitPage(browser, "+document.body.dataset.portfolioUpdates >= " + (portfolioUpdates + 5)
                    + " && document.getElementById('pnl').textContent !== " + jsString(pnl), 60))
                    .as("the PnL updates").isTrue();

            // Positions: the row shows what the API says (polled: both follow the engine).
            Http http = new Http(f.server.baseUrl());
            assertThat(Http.await(() -> {
                try {
                    JsonNode rest = http.get("/api/v1/positions", READ_TOKEN).json();
                    String page = browser.eval("(document.querySelector('#positions tbody tr td.qty') || {})"
                            + ".textContent || ''").asText();
                    return rest.size() == 1 && page.equals(String.format(java.util.Locale.ROOT, "%.3f",
                            rest.get(0).get("qty").asDouble()));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }, 60)).as("the positions table shows the engine's position").isTrue();
            assertThat(browser.eval("document.querySelectorAll('#orders tbody tr').length").asInt())
                    .isGreaterThanOrEqualTo(1);

            // Wait for a few own fills in the price chart, then the screenshot of the live dashboard.
            awaitPage(browser, "+document.body.dataset.fills >= 6", 30);
            Thread.sleep(600);
            byte[] png = browser.screenshot();
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            Path out = Path.of("target", "dashboard.png");
            Files.createDirectories(out.getParent());
            Files.write(out, png);

            // The kill switch button, pressed with the mouse: every resting order is cancelled.
            List<Long> resting = http.get("/api/v1/orders", READ_TOKEN).json().findValuesAsText("orderId").stream()
                    .map(Long::parseLong).toList();
            assertThat(resting).isNotEmpty();
            browser.click("#kill-switch");
            assertThat(Http.await(f.killSwitch::isEngaged, 30)).as("engaged by the button").isTrue();
            assertThat(Http.await(() -> resting.stream().allMatch(o -> f.maker.reports.stream().anyMatch(r ->
                    r.orderId() == o && r.status() == OrderStatus.CANCELED)), 30)).as("resting orders cancelled")
                    .isTrue();
            assertThat(awaitPage(browser, "document.getElementById('ks-state').textContent === 'ENGAGED' && "
                    + "document.querySelectorAll('#orders tbody tr').length === 0", 30))
                    .as("the page shows the switch engaged and no open order").isTrue();
            assertThat(f.killSwitch.engagements().get(0).detail())
                    .isEqualTo("via API by token#1(TRADING): dashboard button");
            assertThat(browser.pageErrors).as("page exceptions and console errors").isEmpty();
        }
    }

    private static boolean awaitPage(DevTools browser, String condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (browser.eval("!!(" + condition + ")").asBoolean()) {
                    return true;
                }
            } catch (IllegalStateException loading) {
                // the document is not there yet (navigation in progress): look again
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static String jsString(String s) {
        return Http.JSON.valueToTree(s).toString();
    }
}
