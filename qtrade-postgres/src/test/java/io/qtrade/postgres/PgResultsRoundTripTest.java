package io.qtrade.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Backtest results stored under a run id with parameters and read back row for row, cell for cell. */
@ExtendWith(PgClusterExtension.class)
class PgResultsRoundTripTest {

    PgSettings settings;

    @BeforeEach
    void database(PgCluster cluster) {
        settings = cluster.freshDatabase("results");
    }

    /**
     * qtrade-backtest's README run (a GTC buy of 2 at the bid filled by a print of 12 behind 10 ahead, maker rebate)
     * plus a second strategy whose sell never fills, so the tables hold both values and missing values.
     */
    static BacktestResult backtest() {
        Instrument aaa = Instrument.spot("AAA", "SYN", 0.01, 1);
        EventBatch events = new EventBatch(16);
        events.addDepth(0, 1_000, 1_200, Side.BUY, 100.00, 10);
        events.addDepth(0, 1_000, 1_200, Side.SELL, 100.02, 10);
        events.addTrade(0, 5_000, 5_200, Side.SELL, 100.00, 12);
        events.addDepth(0, 5_000, 5_200, Side.BUY, 100.00, 0);
        Strategy buyer = new Strategy() {
            @Override
            public void onStart(StrategyContext ctx) {
                ctx.submitLimit(0, Side.BUY, 100.00, 2, TimeInForce.GTC);
            }
        };
        Strategy seller = new Strategy() {
            @Override
            public void onStart(StrategyContext ctx) {
                ctx.submitLimit(0, Side.SELL, 100.05, 3, TimeInForce.GTC);
            }
        };
        return Backtest.builder()
                .source(new InMemoryEventSource(List.of(aaa), events))
                .exchange(ExchangeSettings.builder(aaa)
                        .latency(new ConstantLatency(100, 100))
                        .queue(RiskAverseQueue.INSTANCE)
                        .fees(new BpsFees(-0.5, 2.0))
                        .build())
                .strategy("buyer", buyer)
                .strategy("seller", seller)
                .build()
                .run();
    }

    static void assertSameTable(Table actual, Table expected) {
        assertThat(actual.name()).isEqualTo(expected.name());
        assertThat(actual.columnNames()).isEqualTo(expected.columnNames());
        assertThat(actual.rowCount()).as("rows of %s", expected.name()).isEqualTo(expected.rowCount());
        for (int c = 0; c < expected.columnCount(); c++) {
            Column<?> e = expected.column(c);
            Column<?> a = actual.column(c);
            assertThat(a.type()).as("type of %s.%s", expected.name(), e.name()).isEqualTo(e.type());
            for (int r = 0; r < expected.rowCount(); r++) {
                assertThat(a.isMissing(r)).as("%s.%s row %d missing", expected.name(), e.name(), r)
                        .isEqualTo(e.isMissing(r));
                if (!e.isMissing(r)) {
                    // Double.equals / Float.equals compare bits: -0.0 and 0.0 differ, NaN equals NaN.
                    assertThat((Object) a.get(r)).as("%s.%s row %d", expected.name(), e.name(), r)
                            .isEqualTo(e.get(r));
                }
            }
        }
    }

    @Test
    void aBacktestsFourTablesAndParametersReadBackRowForRow() throws Exception {
        BacktestResult result = backtest();
        assertThat(result.fills().rowCount()).isEqualTo(1);
        assertThat(result.orders().rowCount()).isEqualTo(2);
        Map<String, String> params = Map.of("fees", "BpsFees(-0.5, 2.0)", "latency.entry_ns", "100",
                "note", "tab\there, quote ' and backslash \\");
        try (Connection c = settings.connect()) {
            PgResults results = new PgResults(c);
            results.write("run-1", params, result);
            results.write("run-2", Map.of(), result);
            assertThat(results.runIds()).containsExactly("run-1", "run-2");
            StoredRun run = results.read("run-1");
            assertThat(run.parameters()).isEqualTo(params);
            assertThat(run.tables().keySet()).containsExactly("orders", "fills", "equity", "totals");
            for (Map.Entry<String, Table> t : result.tables().entrySet()) {
                assertSameTable(run.table(t.getKey()), t.getValue());
            }
            // one row per run in the SQL view of the fills, as a notebook would count them
            try (var s = c.createStatement(); var r = s.executeQuery(
                    "SELECT run_id, count(*), sum(qty) FROM qtrade_result_fills GROUP BY run_id ORDER BY run_id")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("run-1");
                assertThat(r.getLong(2)).isEqualTo(1);
                assertThat(r.getDouble(3)).isEqualTo(2.0);
                assertThat(r.next()).isTrue();
                assertThat(r.next()).isFalse();
            }
        }
    }

    @Test
    void everyStoredColumnTypeWithMissingValuesAndExtremesRoundTrips() throws Exception {
        ShortColumn s = ShortColumn.create("s", new short[] {-7, 0, Short.MAX_VALUE});
        s.setMissing(1);
        IntColumn i = IntColumn.create("i", -42, 0, Integer.MAX_VALUE);
        i.setMissing(1);
        LongColumn l = LongColumn.create("l", new long[] {1_732_492_800_123_456_789L, 0, Long.MAX_VALUE});
        l.setMissing(1);
        FloatColumn f = FloatColumn.create("f", new float[] {1.5f, 0f, -3.25e-7f});
        f.setMissing(1);
        DoubleColumn d = DoubleColumn.create("d", 100.01, Double.NaN, -0.0);
        BooleanColumn b = BooleanColumn.create("b", true, false, false);
        b.setMissing(1);
        StringColumn t = StringColumn.create("t", "AAA-SYN\n\\N", "", "Zürich € \t'");
        Table table = Table.create("extra", s, i, l, f, d, b, t);
        try (Connection c = settings.connect()) {
            PgResults results = new PgResults(c);
            results.write("types", Map.of("k", "v"), Map.of("extra", table));
            assertSameTable(results.read("types").table("extra"), table);
        }
    }

    @Test
    void aRunIdStoredTwiceOrAnUnstoredTypeIsRefusedAndNothingIsKept() throws Exception {
        BacktestResult result = backtest();
        try (Connection c = settings.connect()) {
            PgResults results = new PgResults(c);
            results.write("dup", Map.of("a", "1"), result);
            assertThatThrownBy(() -> results.write("dup", Map.of("a", "2"), result))
                    .isInstanceOf(PgException.class).hasMessageContaining("run dup is already stored");
            assertThat(results.read("dup").parameters()).containsExactly(Map.entry("a", "1"));
            assertThat(c.getAutoCommit()).isTrue();

            Table dated = Table.create("dated", DateColumn.create("day"));
            assertThatThrownBy(() -> results.write("dated", Map.of(), Map.of("dated", dated)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column day of table dated");
            assertThat(results.runIds()).containsExactly("dup");
            assertThatThrownBy(() -> results.read("nope")).isInstanceOf(PgException.class)
                    .hasMessageContaining("run nope is not stored");
        }
    }
}
