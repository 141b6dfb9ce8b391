package io.qtrade.examples;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.FillRecord;
import io.qtrade.core.Side;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.portfolio.Portfolio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Runs the paper-trading demo for two seconds against its loopback venue and checks what it reports: every row the
 * client received was processed, the maker's quotes went out, every fill is a post-only maker fill with the 0.5 bps
 * rebate, and the portfolio agrees with its fills. (Paper trading runs on the wall clock, so the fill count is not
 * fixed; the accounting identities are.)
 */
class PaperTradingDemoTest {

    private static PaperTradingDemo.Run run;
    private static String printed;

    @BeforeAll
    static void runTheDemo() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        run = PaperTradingDemo.run(TimeUnit.SECONDS.toNanos(2), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        printed = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyReceivedRowReachesTheEngineAndTheMakerQuotes() {
        BacktestResult r = run.result();
        assertThat(run.frames()).isPositive();
        assertThat(run.snapshots()).isGreaterThanOrEqualTo(1);
        assertThat(r.events()).isEqualTo(run.rows());
        assertThat(r.orderCount()).isGreaterThanOrEqualTo(2); // at least a bid and an ask
        assertThat(printed).contains("paper trading BTCUSDT@BINANCE on the loopback venue ws://127.0.0.1:",
                "orders ", "net PnL ", "kill switch engagements 0, feed disconnects 0");
    }

    @Test
    void fillsArePostOnlyMakerFillsWithTheRebateAndThePortfolioAgreesWithThem() {
        BacktestResult r = run.result();
        double position = 0;
        double fees = 0;
        for (FillRecord f : r.fillRecords()) {
            assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER);
            // BpsFees(-0.5, 2.0): fee = -0.5e-4 * price * qty (a rebate).
            assertThat(f.fee()).isCloseTo(-0.5e-4 * f.price() * f.qty(), within(1e-15));
            position += f.side() == Side.BUY ? f.qty() : -f.qty();
            fees += f.fee();
        }
        Portfolio p = r.portfolio("mm");
        assertThat(p.position(PaperTradingDemo.BTCUSDT).qty()).isCloseTo(position, within(1e-12));
        assertThat(p.fees()).isCloseTo(fees, within(1e-12));
        // SimpleMarketMaker(maxPosition 0.005): it stops quoting the side that would pass it, so one quote (0.001)
        // beyond it at most.
        assertThat(Math.abs(position)).isLessThanOrEqualTo(0.006 + 1e-12);
        assertThat(printed).contains("fills " + r.fillRecords().size());
    }
}
