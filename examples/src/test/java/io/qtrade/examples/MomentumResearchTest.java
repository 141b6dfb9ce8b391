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

    @Test
    void readsABarStoreOrACsvFolderGivenAsArgument() throws Exception {
        // two symbols' daily bars as CSV files, then the same bars in a bar store: both sources give the same bars
        Path csv = Files.createDirectories(dir.resolve("csv"));
        StringBuilder a = new StringBuilder("Date,Close\n");
        StringBuilder b = new StringBuilder("Date,Close\n");
        java.time.LocalDate d = java.time.LocalDate.of(2024, 1, 1);
        for (int k = 0; k < 30; k++) {
            a.append(d.plusDays(k)).append(',').append(10 + k).append('\n');
            b.append(d.plusDays(k)).append(',').append(50 - k).append('\n');
        }
        Files.writeString(csv.resolve("AAA.csv"), a);
        Files.writeString(csv.resolve("BBB.csv"), b);
        io.qtrade.core.bar.BarSource fromCsv = MomentumResearch.source(csv);
        assertThat(fromCsv.instruments()).extracting(io.qtrade.core.Instrument::symbol).containsExactly("AAA", "BBB");
        Path store = dir.resolve("store");
        io.qtrade.store.bars.BarStore.at(store).write(MomentumResearch.source(csv),
                io.qtrade.core.bar.BarInterval.ONE_DAY, io.qtrade.store.TickFormat.PARQUET);
        io.qtrade.core.bar.BarSource fromStore = MomentumResearch.source(store);
        assertThat(fromStore.instruments()).extracting(io.qtrade.core.Instrument::symbol)
                .containsExactly("AAA", "BBB");
        io.qtrade.core.bar.BarBatch x = new io.qtrade.core.bar.BarBatch(100);
        io.qtrade.core.bar.BarBatch y = new io.qtrade.core.bar.BarBatch(100);
        fromCsv.readBatch(x);
        fromStore.readBatch(y);
        assertThat(y.size()).isEqualTo(60);
        assertThat(x.size()).isEqualTo(60);
        for (int r = 0; r < 60; r++) {
            assertThat(new long[] {y.instrument(r), y.startTs(r), y.endTs(r)})
                    .containsExactly(x.instrument(r), x.startTs(r), x.endTs(r));
            assertThat(y.close(r)).isEqualTo(x.close(r));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MomentumResearch.source(dir.resolve("none")))
                .hasMessageContaining("is not a directory");
    }
}
