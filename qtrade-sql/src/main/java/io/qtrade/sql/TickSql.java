package io.qtrade.sql;

import io.qtrade.store.TickStore;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * Runs SQL over a tick store's Parquet parts with DuckDB ({@code org.duckdb:duckdb_jdbc}, embedded, in-memory, no
 * server) and returns each result as a Tablesaw {@link Table}.
 *
 * <p>Every query sees a view {@code ticks} over {@code root/**}{@code /*.parquet} read with
 * {@code hive_partitioning = true}, so besides the {@link io.qtrade.store.TickSchema} columns it has
 * {@code venue}, {@code symbol} and {@code date} from the directory names, plus {@code ts}, the {@code exch_ts}
 * as a DuckDB {@code TIMESTAMP_NS} (UTC):
 * <pre>{@code
 * try (TickSql sql = TickSql.open(Path.of("data/ticks"))) {
 *     Table bars = sql.ohlcv(60);                           // one-minute bars of trades, per symbol
 *     Table t = sql.query("SELECT symbol, count(*) n FROM ticks GROUP BY symbol ORDER BY symbol");
 * }
 * }</pre>
 * Hidden in-progress parts never match the glob, so a query never sees a half-written file. DuckDB sums
 * {@code BIGINT} columns into {@code HUGEINT}, which JDBC (and so Tablesaw) cannot map: cast such a sum to
 * {@code BIGINT} or {@code DOUBLE}.
 */
public final class TickSql implements AutoCloseable {

    private final Path root;
    private final Connection connection;

    private TickSql(Path root, Connection connection) {
        this.root = root;
        this.connection = connection;
    }

    /**
     * Opens an in-memory DuckDB database with the {@code ticks} view over {@code root}'s Parquet parts.
     *
     * @throws IllegalStateException when DuckDB cannot be started or the store has no Parquet part
     */
    public static TickSql open(Path root) {
        Objects.requireNonNull(root, "root");
        String glob = root.toAbsolutePath().toString().replace("'", "''") + "/**/*.parquet";
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                s.execute("CREATE VIEW ticks AS SELECT *, make_timestamp_ns(exch_ts) AS ts FROM read_parquet('"
                        + glob + "', hive_partitioning = true, hive_types = {'date': DATE})");
            }
            return new TickSql(root, c);
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new IllegalStateException("DuckDB could not open the tick store at " + root + ": "
                    + e.getMessage(), e);
        }
    }

    /** Opens the SQL view over {@code store}'s root. */
    public static TickSql open(TickStore store) {
        return open(store.root());
    }

    /**
     * Runs {@code sql} and returns its result.
     *
     * @throws IllegalArgumentException with DuckDB's message when the statement fails
     */
    public Table query(String sql) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return Table.read().db(rs);
        } catch (SQLException e) {
            throw new IllegalArgumentException("DuckDB refused the query over " + root + ": " + e.getMessage()
                    + "\n" + sql, e);
        }
    }

    /**
     * OHLCV bars of trades ({@code kind = 2}) per venue, symbol and bar, bars of {@code barSeconds} aligned on the
     * epoch (UTC):
     * <pre>{@code
     * bar = time_bucket(barSeconds, ts); open/close = price of the first/last trade by (exch_ts, file order)
     * high/low = max/min price; volume = sum(qty); trades = count(*); vwap = sum(price * qty) / sum(qty)
     * }</pre>
     * Columns: {@code venue, symbol, bar, open, high, low, close, volume, trades, vwap}, ordered by venue,
     * symbol and bar. Bars without trades are absent.
     */
    public Table ohlcv(int barSeconds) {
        if (barSeconds <= 0) {
            throw new IllegalArgumentException("barSeconds must be positive, was " + barSeconds);
        }
        return query("SELECT venue, symbol, time_bucket(INTERVAL " + barSeconds + " SECOND, ts) AS bar,"
                + " arg_min(price, exch_ts) AS open, max(price) AS high, min(price) AS low,"
                + " arg_max(price, exch_ts) AS close, sum(qty) AS volume, count(*) AS trades,"
                + " sum(price * qty) / sum(qty) AS vwap"
                + " FROM ticks WHERE kind = 2 GROUP BY ALL ORDER BY venue, symbol, bar");
    }

    /**
     * One row per venue, symbol and UTC date: {@code events}, {@code trades}, traded {@code volume},
     * {@code vwap}, first and last trade price, and the mean and maximum {@code local_ts - exch_ts} feed latency
     * in microseconds.
     */
    public Table dailySummary() {
        return query("SELECT venue, symbol, date, count(*) AS events,"
                + " count(*) FILTER (WHERE kind = 2) AS trades,"
                + " sum(qty) FILTER (WHERE kind = 2) AS volume,"
                + " sum(price * qty) FILTER (WHERE kind = 2) / sum(qty) FILTER (WHERE kind = 2) AS vwap,"
                + " avg(local_ts - exch_ts) / 1000.0 AS mean_latency_us,"
                + " max(local_ts - exch_ts) / 1000.0 AS max_latency_us"
                + " FROM ticks GROUP BY ALL ORDER BY venue, symbol, date");
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing DuckDB over " + root, e);
        }
    }

    @Override
    public String toString() {
        return "TickSql[" + root + "]";
    }
}
