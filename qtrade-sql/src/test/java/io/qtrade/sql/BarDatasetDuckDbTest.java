package io.qtrade.sql;

import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarInterval;
import io.qtrade.core.bar.InMemoryBarSource;
import io.qtrade.store.TickFormat;
import io.qtrade.store.bars.BarStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** DuckDB reads the store's bars dataset as it is: Hive partitions (interval, venue, symbol, year) and columns. */
class BarDatasetDuckDbTest {

    private static final long DAY = 86_400_000_000_000L;

    @TempDir
    Path root;

    @Test
    void duckDbReadsTheBarsDatasetWithItsHivePartitions() throws Exception {
        Instrument a = Instrument.spot("AAA", "X", 0.01, 1);
        Instrument b = Instrument.spot("BBB", "X", 0.01, 1);
        BarBatch bars = new BarBatch(16);
        long d0 = java.time.LocalDate.of(2023, 12, 29).toEpochDay();
        for (int d = 0; d < 4; d++) {   // 2023-12-29 .. 2024-01-01: two year partitions
            long start = (d0 + d) * DAY;
            bars.add(0, start, start + DAY, 10 + d, 11 + d, 9 + d, 10 + d, 100, 10.2 + d, 5);
            bars.add(1, start, start + DAY, 20, 21, 19, 20.5, 7);
        }
        for (TickFormat format : TickFormat.values()) {
            Path dir = root.resolve(format.extension());
            BarStore.at(dir).write(new InMemoryBarSource(List.of(a, b), bars), BarInterval.ONE_DAY, format);
            String glob = dir.resolve("bars").toString().replace('\\', '/') + "/**/*." + format.extension();
            String read = format == TickFormat.PARQUET
                    ? "read_parquet('" + glob + "', hive_partitioning = true)"
                    : "read_csv_auto('" + glob + "', hive_partitioning = true)";
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT symbol, interval, count(*) AS n, sum(close) AS c,"
                         + " count(DISTINCT year) AS years, sum(trade_count) AS trades FROM " + read
                         + " GROUP BY symbol, interval ORDER BY symbol")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString("symbol")).isEqualTo("AAA");
                assertThat(r.getString("interval")).isEqualTo("1d");
                assertThat(r.getLong("n")).isEqualTo(4);
                assertThat(r.getDouble("c")).isCloseTo(10 + 11 + 12 + 13, within(1e-12));
                assertThat(r.getLong("years")).isEqualTo(2);
                assertThat(r.getLong("trades")).isEqualTo(20);
                assertThat(r.next()).isTrue();
                assertThat(r.getString("symbol")).isEqualTo("BBB");
                assertThat(r.getDouble("c")).isCloseTo(82.0, within(1e-12));
                assertThat(r.next()).isFalse();
            }
        }
    }
}
