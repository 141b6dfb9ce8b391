package io.qtrade.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarInterval;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The snippet of qtrade-postgres/README.md, verbatim between the markers, against a private cluster. */
@ExtendWith(PgClusterExtension.class)
class ReadmeSnippetTest {

    @Test
    void theReadmeSnippetStoresAndReadsBarsAResultAndAFill(PgCluster cluster) throws Exception {
        PgSettings settings = cluster.freshDatabase("readme");   // README: PgSettings.fromEnvironment()
        BacktestResult backtestResult = PgResultsRoundTripTest.backtest();
        // --- README snippet begins
        Instrument aaa = Instrument.spot("AAA", "SYN", 0.01, 1);
        try (Connection c = settings.connect()) {
            BarBatch bars = new BarBatch(2);
            bars.add(0, 0L, 60_000_000_000L, 100.00, 101.00, 99.50, 100.50, 1_200);
            bars.add(0, 60_000_000_000L, 120_000_000_000L, 100.50, 100.75, 100.00, 100.25, 800);
            new PgBarSink(c, BarInterval.ONE_MINUTE, List.of(aaa)).write(bars);   // one COPY; tables made if missing

            BarBatch back = new BarBatch(1_024);
            try (PgBarSource source = PgBarSource.open(c, BarInterval.ONE_MINUTE, List.of(aaa), 0, Long.MAX_VALUE,
                    ReadMode.COPY)) {
                source.readBatch(back);                                            // the two bars, as written
            }

            PgResults results = new PgResults(c);
            results.write("mm-001", Map.of("gamma", "0.1", "kappa", "1.5"), backtestResult);
            StoredRun run = results.read("mm-001");                                // parameters and four tables

            try (PgFillSink fills = new PgFillSink(c, "mm", 100)) {                // COPY every 100 fills, and on close
                fills.accept(new Fill(7, aaa, Side.BUY, 100.00, 2, -0.01, Liquidity.MAKER, 5_000, 5_100));
            }
            List<Fill> stored = PgFillSink.read(c, "mm", List.of(aaa), 0, Long.MAX_VALUE);
        // --- README snippet ends
            assertThat(back.size()).isEqualTo(2);
            assertThat(back.close(1)).isEqualTo(100.25);
            assertThat(back.tradeCount(0)).isEqualTo(BarBatch.NO_TRADE_COUNT);
            assertThat(run.parameters()).containsEntry("kappa", "1.5");
            assertThat(run.table("fills").rowCount()).isEqualTo(backtestResult.fills().rowCount());
            assertThat(stored).containsExactly(new Fill(7, aaa, Side.BUY, 100.00, 2, -0.01, Liquidity.MAKER, 5_000,
                    5_100));
        }
    }
}
