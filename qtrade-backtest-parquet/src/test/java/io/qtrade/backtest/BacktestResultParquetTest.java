package io.qtrade.backtest;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.parquet.ParquetReadBack;
import io.qtrade.backtest.parquet.ResultParquetWriter;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.LognormalLatency;
import io.qtrade.backtest.queue.LogProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.risk.RiskDecision;
import io.qtrade.risk.RiskGate;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static io.qtrade.backtest.Scenarios.AAA;
import static io.qtrade.backtest.Scenarios.BBB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BacktestResultParquetTest {

    @TempDir
    static Path dir;

    static BacktestResult result;
    static List<Path> files;

    private static ExchangeSettings settings(Instrument i) {
        return ExchangeSettings.builder(i).latency(new LognormalLatency(20_000, 20_000, 0.6, 3))
                .queue(new ProbabilisticQueue(LogProbability.INSTANCE)).fees(new BpsFees(-0.2, 1.0)).build();
    }

    /**
     * Two market makers on two instruments of a random L2 tape, with a risk gate that refuses every 9th order, so
     * the tables hold fills of both liquidities, rejected orders (a reason) and accepted ones (no reason, a missing
     * cell), and NaN cells (the all-instrument rows' final position).
     */
    @BeforeAll
    static void runAndWrite() {
        EventBatch b = RandomTape.generate(BBB, 0, 12, 20_000, 50_000);
        int[] checks = {0};
        RiskGate everyNinth = (strategy, request, portfolio, now) -> ++checks[0] % 9 == 0
                ? RiskDecision.reject("TEST_NINTH", "the test gate refuses every 9th order") : RiskDecision.ACCEPT;
        result = Backtest.builder()
                .source(RandomTape.source(AAA, 11, 20_000, 50_000))
                .source(new InMemoryEventSource(List.of(BBB), b))
                .exchange(settings(AAA)).exchange(settings(BBB))
                .strategy("mm", new QuotingStrategy(0, 1, 5, 97))
                .strategy("other", new QuotingStrategy(1, 2, 4, 31))
                .riskGate(everyNinth)
                .markIntervalNanos(100_000)
                .seed(5).build().run();
        files = new ResultParquetWriter().writeAll(result, dir.resolve("run"));
    }

    @Test
    void theFourTablesAreWrittenInTablesOrder() {
        assertThat(files).containsExactly(dir.resolve("run/orders.parquet"), dir.resolve("run/fills.parquet"),
                dir.resolve("run/equity.parquet"), dir.resolve("run/totals.parquet"));
    }

    @Test
    void theRunExercisesEveryKindOfCell() {
        Table orders = result.orders();
        assertThat(orders.stringColumn("reason").countMissing()).isPositive();
        assertThat(orders.stringColumn("reason").isNotMissing().size()).isPositive();
        assertThat(result.fills().stringColumn("liquidity").unique().asList()).contains("MAKER", "TAKER");
        assertThat(result.totals().doubleColumn("final_position").countMissing()).isEqualTo(2);
        assertThat(result.equity().rowCount()).isGreaterThan(100);
    }

    @Test
    void everyCellOfEveryResultTableReadsBackEqualWithParquetAvro() {
        int i = 0;
        for (Map.Entry<String, Table> t : result.tables().entrySet()) {
            ParquetReadBack.assertSameCells(t.getValue(), files.get(i++));
        }
    }

    @Test
    void missingCellsAreParquetNulls() {
        List<GenericRecord> totals = ParquetReadBack.records(dir.resolve("run/totals.parquet"));
        // Rows per strategy: AAA, BBB, then "*" (all instruments), whose final_position is NaN in Tablesaw.
        assertThat(totals).hasSize(6);
        assertThat(totals.get(2).get("symbol").toString()).isEqualTo(BacktestResult.ALL_INSTRUMENTS);
        assertThat(totals.get(2).get("final_position")).isNull();
        assertThat(totals.get(0).get("final_position")).isNotNull();
        long nullReasons = ParquetReadBack.records(dir.resolve("run/orders.parquet")).stream()
                .filter(r -> r.get("reason") == null).count();
        assertThat(nullReasons).isEqualTo(result.orders().stringColumn("reason").countMissing());
    }

    @Test
    void theFooterSchemaHasTheTablesawColumnTypes() {
        MessageType fills = ParquetReadBack.footer(dir.resolve("run/fills.parquet")).getFileMetaData().getSchema();
        assertThat(fills.getType("exch_ts").asPrimitiveType().getPrimitiveTypeName())
                .isEqualTo(PrimitiveTypeName.INT64);
        assertThat(fills.getType("price").asPrimitiveType().getPrimitiveTypeName())
                .isEqualTo(PrimitiveTypeName.DOUBLE);
        assertThat(fills.getType("symbol").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.stringType());
        MessageType totals = ParquetReadBack.footer(dir.resolve("run/totals.parquet")).getFileMetaData().getSchema();
        assertThat(totals.getType("orders").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.intType(32, true));
        assertThat(totals.getFieldCount()).isEqualTo(result.totals().columnCount());
    }

    @Test
    void duckDbAgreesOnTheTotalsAndTheEquityIdentity() throws SQLException {
        Path equity = dir.resolve("run/equity.parquet");
        Path fills = dir.resolve("run/fills.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*), sum(qty), sum(fee), count(DISTINCT strategy)"
                    + " FROM read_parquet('" + fills + "')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(result.fills().rowCount());
                // Sums in a different order than Tablesaw's: equal to rounding, 1e-9 relative.
                double qty = result.fills().doubleColumn("qty").sum();
                double fee = result.fills().doubleColumn("fee").sum();
                assertThat(rs.getDouble(2)).isCloseTo(qty, within(1e-9 * Math.abs(qty)));
                assertThat(rs.getDouble(3)).isCloseTo(fee, within(1e-9 * Math.max(1.0, Math.abs(fee))));
                assertThat(rs.getLong(4)).isEqualTo(2);
            }
            // net_pnl = realized + unrealized - fees on every row (BacktestResult's identity), recomputed by DuckDB.
            try (ResultSet rs = st.executeQuery("SELECT max(abs(net_pnl - (realized_pnl + unrealized_pnl - fees))),"
                    + " count(*) FROM read_parquet('" + equity + "')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getDouble(1)).isLessThanOrEqualTo(1e-9);
                assertThat(rs.getLong(2)).isEqualTo(result.equity().rowCount());
            }
        }
    }
}
