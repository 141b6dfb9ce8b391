package io.qtrade.examples;

import io.qtrade.bars.synthetic.SyntheticEquityMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The momentum example on a smaller generated universe (60 symbols, 4 years): what it trades, prints and writes. */
class MomentumResearchTest {

    @TempDir
    Path dir;

    @Test
    void rebalancesMonthlyIntoTheTopDecileAndWritesTheReport() throws Exception {
        SyntheticEquityMarket market = SyntheticEquityMarket.of(60, 1008, 7);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MomentumResearch.Outcome o = MomentumResearch.run(market, market.universe(), dir,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("momentum 12-1 top decile", "equal-weight buy and hold", "report: ");
        var result = o.result();
        // 4 years of months minus the first 12 months of history: ~36 rebalances, each a few orders
        var orders = result.backtest().orders();
        long momentumOrders = orders.stringColumn("strategy").countOccurrences("momentum 12-1 top decile");
        assertThat(momentumOrders).isBetween(60L, 600L);
        // buy and hold: one order per symbol listed on the first day, then only delisting closes
        long holdOrders = orders.stringColumn("strategy").countOccurrences("equal-weight buy and hold");
        long listedAtStart = market.universe().listings().stream()
                .filter(l -> l.listed().equals(market.dates().get(0))).count();
        long delistedHeld = market.universe().listings().stream()
                .filter(l -> l.listed().equals(market.dates().get(0))
                        && !l.delisted().equals(io.qtrade.bars.universe.Universe.STILL_LISTED)).count();
        assertThat(holdOrders).isEqualTo(listedAtStart + delistedHeld);
        // costs were charged, and the cash account held: no short position anywhere at the end
        assertThat(result.portfolio("momentum 12-1 top decile").fees()).isPositive();
        result.portfolio("momentum 12-1 top decile").positions().values()
                .forEach(p -> assertThat(p.qty()).isGreaterThanOrEqualTo(0));
        // equity identity with costs: equity - initial cash = net PnL
        var p = result.portfolio("equal-weight buy and hold");
        assertThat(p.netPnl()).isCloseTo(p.equity() - 1_000_000, within(1e-6));
        assertThat(o.summary().rowCount()).isEqualTo(2);
        String html = Files.readString(o.report());
        assertThat(html).contains("Cross-sectional momentum", "Strategies against the benchmark",
                "Equity of the strategies and the benchmark", "id=\"bars-equity-figure\"");
    }
}
