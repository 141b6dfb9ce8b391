package io.qtrade.sql;

import io.qtrade.store.HiveLayout;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickStore;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.time.Timestamps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** DuckDB reads the SDK's Parquet parts as written: the interoperability proof for Spark and ClickHouse users. */
class TickSqlTest {

    static final Instrument BTC = Instrument.spot("BTCUSDT", "SIM", 0.01, 0.001);
    static final long DAY = Timestamps.startOfDay(LocalDate.of(2024, 1, 2));
    static final long MIN = Timestamps.NANOS_PER_MINUTE;

    /** Five trades in two minutes plus one depth update (not a trade). */
    static Path store(Path root) {
        EventBatch b = new EventBatch(16);
        b.addTrade(0, DAY + 1, DAY + 101, Side.BUY, 100.0, 1);
        b.addDepth(0, DAY + 2, DAY + 102, Side.SELL, 100.5, 3);
        b.addTrade(0, DAY + 10 * Timestamps.NANOS_PER_SECOND, DAY + 10 * Timestamps.NANOS_PER_SECOND + 300,
                Side.SELL, 99.0, 2);
        b.addTrade(0, DAY + 50 * Timestamps.NANOS_PER_SECOND, DAY + 50 * Timestamps.NANOS_PER_SECOND + 100,
                Side.BUY, 101.0, 1);
        b.addTrade(0, DAY + MIN + 5, DAY + MIN + 105, Side.BUY, 102.0, 4);
        b.addTrade(0, DAY + MIN + 6, DAY + MIN + 106, null, 103.0, 1);
        TickStore.at(root).write(new InMemoryEventSource(List.of(BTC), b), TickFormat.PARQUET);
        return root;
    }

    @Test
    void oneMinuteOhlcvMatchesHandComputedBars(@TempDir Path root) {
        try (TickSql sql = TickSql.open(store(root))) {
            Table bars = sql.ohlcv(60);
            assertThat(bars.rowCount()).isEqualTo(2);
            Row first = bars.row(0);
            assertThat(first.getString("venue")).isEqualTo("SIM");
            assertThat(first.getString("symbol")).isEqualTo("BTCUSDT");
            // Minute 0: trades 100 x1, 99 x2, 101 x1 -> O 100, H 101, L 99, C 101, V 4, VWAP (100+198+101)/4.
            assertThat(first.getDouble("open")).isEqualTo(100.0);
            assertThat(first.getDouble("high")).isEqualTo(101.0);
            assertThat(first.getDouble("low")).isEqualTo(99.0);
            assertThat(first.getDouble("close")).isEqualTo(101.0);
            assertThat(first.getDouble("volume")).isEqualTo(4.0);
            assertThat(first.getLong("trades")).isEqualTo(3);
            assertThat(first.getDouble("vwap")).isCloseTo(399.0 / 4, within(1e-12));
            // Minute 1: 102 x4 then 103 x1 -> O 102, C 103, V 5, VWAP (408 + 103) / 5.
            Row second = bars.row(1);
            assertThat(second.getDouble("open")).isEqualTo(102.0);
            assertThat(second.getDouble("close")).isEqualTo(103.0);
            assertThat(second.getDouble("vwap")).isCloseTo(511.0 / 5, within(1e-12));
        }
    }

    @Test
    void aPartLeftInProgressByAKilledWriterIsInvisibleToDuckDb(@TempDir Path root) throws Exception {
        store(root);
        Path dir = HiveLayout.partitionDir(root, "SIM", "BTCUSDT", LocalDate.of(2024, 1, 2));
        // What a process killed mid-write leaves: a truncated file under the hidden in-progress name.
        byte[] whole = Files.readAllBytes(dir.resolve("part-0.parquet"));
        Files.write(HiveLayout.inProgressFile(dir, 1, TickFormat.PARQUET),
                java.util.Arrays.copyOf(whole, whole.length / 2));
        try (TickSql sql = TickSql.open(root)) {
            assertThat(sql.query("SELECT count(*) AS n FROM ticks").row(0).getLong("n")).isEqualTo(6);
        }
    }

    @Test
    void duckDbSeesHivePartitionColumnsAndEveryRow(@TempDir Path root) {
        try (TickSql sql = TickSql.open(store(root))) {
            Table t = sql.query("SELECT venue, symbol, CAST(date AS VARCHAR) AS d, count(*) AS n,"
                    + " CAST(sum(local_ts - exch_ts) AS BIGINT) AS lat FROM ticks GROUP BY ALL");
            assertThat(t.rowCount()).isEqualTo(1);
            assertThat(t.row(0).getString("d")).isEqualTo("2024-01-02");
            assertThat(t.row(0).getLong("n")).isEqualTo(6);
            // Latencies 100 + 100 + 300 + 100 + 100 + 100 ns.
            assertThat(t.row(0).getLong("lat")).isEqualTo(800);
            Table daily = sql.dailySummary();
            assertThat(daily.row(0).getLong("trades")).isEqualTo(5);
            assertThat(daily.row(0).getDouble("volume")).isEqualTo(9.0);
        }
    }
}
