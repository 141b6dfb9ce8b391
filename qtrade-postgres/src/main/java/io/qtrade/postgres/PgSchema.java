package io.qtrade.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables of this module, created if missing, and the SQL plumbing the sinks and sources share.
 *
 * <p>Tables (times are {@code bigint} epoch nanoseconds, UTC, so a round trip is exact; PostgreSQL's
 * {@code timestamptz} keeps only microseconds):
 * <ul>
 *   <li>{@code qtrade_instruments(venue, symbol, tick_size, lot_size, contract_multiplier)}, key
 *       {@code (venue, symbol)};</li>
 *   <li>{@code qtrade_bars(venue, symbol, bar_interval, start_ts, end_ts, open, high, low, close, volume, vwap,
 *       trade_count)}, key {@code (venue, symbol, bar_interval, end_ts)}; {@code vwap} and {@code trade_count}
 *       NULL when the source had none;</li>
 *   <li>{@code qtrade_runs(run_id, created_at)} and {@code qtrade_run_params(run_id, name, value)};
 *       {@code qtrade_result_orders}, {@code _fills}, {@code _equity}, {@code _totals}: {@code run_id, row_no} and the
 *       columns of {@link io.qtrade.backtest.BacktestResult}'s tables (see {@link PgResults});</li>
 *   <li>{@code qtrade_live_fills(seq, strategy, order_id, venue, symbol, side, price, qty, fee, liquidity, exch_ts,
 *       local_ts)}, {@code seq} an identity giving the storage order (see
 *       {@link PgFillSink}).</li>
 * </ul>
 *
 * <p>When the TimescaleDB extension is installed in the database ({@code pg_extension}), {@code qtrade_bars}
 * ({@code end_ts}), {@code qtrade_live_fills} ({@code exch_ts}) and {@code qtrade_result_equity} ({@code ts}) are
 * made hypertables with one-day chunks (86400000000000 ns on the integer time column; TimescaleDB's
 * {@code by_range} interface from 2.13, the older one before); otherwise they stay plain tables. Either way one
 * INFO log line says which.
 */
public final class PgSchema {

    private static final Logger LOG = LoggerFactory.getLogger(PgSchema.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** One day in nanoseconds: the chunk interval of the hypertables. */
    public static final long CHUNK_NANOS = 86_400_000_000_000L;

    private PgSchema() {
    }

    /** Whether the TimescaleDB extension is installed in the connection's database. */
    public static boolean timescaleInstalled(Connection c) {
        return timescaleVersion(c) != null;
    }

    /** The installed TimescaleDB extension's version ({@code pg_extension.extversion}), or {@code null}. */
    public static String timescaleVersion(Connection c) {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'")) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw fail("looking up the timescaledb extension", e);
        }
    }

    /**
     * The statement that makes {@code table} a hypertable on the integer column {@code timeColumn} with one-day
     * chunks: {@code create_hypertable('t', by_range('c', 86400000000000))} from TimescaleDB 2.13 (the "new
     * interface"), {@code create_hypertable('t', 'c', chunk_time_interval => 86400000000000::bigint,
     * if_not_exists => TRUE)} before it (the interface 2.13 deprecated).
     */
    static String hypertableSql(String version, String table, String timeColumn) {
        if (atLeast(version, 2, 13)) {
            return "SELECT create_hypertable('" + table + "', by_range('" + timeColumn + "', " + CHUNK_NANOS
                    + "::bigint), if_not_exists => TRUE)";
        }
        return "SELECT create_hypertable('" + table + "', '" + timeColumn + "', chunk_time_interval => "
                + CHUNK_NANOS + "::bigint, if_not_exists => TRUE)";
    }

    /** Whether a dotted version such as {@code 2.17.2} is at least {@code major.minor}. */
    static boolean atLeast(String version, int major, int minor) {
        String[] parts = version.split("[.-]");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return ma > major || ma == major && mi >= minor;
        } catch (NumberFormatException e) {
            throw new PgException("postgres: cannot read the TimescaleDB version '" + version + "'");
        }
    }

    /** Creates {@code qtrade_instruments} and {@code qtrade_bars} if missing. */
    public static void ensureBars(Connection c) {
        execute(c, "creating qtrade_instruments", "CREATE TABLE IF NOT EXISTS qtrade_instruments ("
                + "venue text NOT NULL, symbol text NOT NULL, tick_size double precision NOT NULL, "
                + "lot_size double precision NOT NULL, contract_multiplier double precision NOT NULL, "
                + "PRIMARY KEY (venue, symbol))");
        createTimeTable(c, "qtrade_bars", "end_ts", "venue text NOT NULL, symbol text NOT NULL, "
                + "bar_interval text NOT NULL, start_ts bigint NOT NULL, end_ts bigint NOT NULL, "
                + "open double precision NOT NULL, high double precision NOT NULL, low double precision NOT NULL, "
                + "close double precision NOT NULL, volume double precision NOT NULL, vwap double precision, "
                + "trade_count bigint, PRIMARY KEY (venue, symbol, bar_interval, end_ts)");
    }

    /** Creates {@code qtrade_live_fills} if missing. */
    public static void ensureLiveFills(Connection c) {
        createTimeTable(c, "qtrade_live_fills", "exch_ts", "seq bigint GENERATED ALWAYS AS IDENTITY, "
                + "strategy text NOT NULL, order_id bigint NOT NULL, "
                + "venue text NOT NULL, symbol text NOT NULL, side text NOT NULL, price double precision NOT NULL, "
                + "qty double precision NOT NULL, fee double precision NOT NULL, liquidity text NOT NULL, "
                + "exch_ts bigint NOT NULL, local_ts bigint NOT NULL");
        execute(c, "indexing qtrade_live_fills", "CREATE INDEX IF NOT EXISTS qtrade_live_fills_strategy "
                + "ON qtrade_live_fills (strategy, exch_ts)");
    }

    /**
     * Creates {@code table} with {@code columns} if missing, and makes it a hypertable on {@code timeColumn} when
     * TimescaleDB is installed; logs which.
     */
    static void createTimeTable(Connection c, String table, String timeColumn, String columns) {
        identifier(table);
        if (tableExists(c, table)) {
            return;
        }
        execute(c, "creating " + table, "CREATE TABLE IF NOT EXISTS " + table + " (" + columns + ")");
        String version = timescaleVersion(c);
        if (version != null) {
            execute(c, "making " + table + " a hypertable", hypertableSql(version, table, identifier(timeColumn)));
            LOG.info("postgres: created {} as a TimescaleDB {} hypertable on {} (one-day chunks)", table, version,
                    timeColumn);
        } else {
            LOG.info("postgres: TimescaleDB extension not installed; created {} as a plain table", table);
        }
    }

    static boolean tableExists(Connection c, String table) {
        try (var s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        } catch (SQLException e) {
            throw fail("looking up table " + table, e);
        }
    }

    /** {@code name} when it is a plain lower-case SQL identifier, else an exception naming it. */
    static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a lower-case SQL identifier ([a-z_][a-z0-9_]*,"
                    + " at most 63 characters)");
        }
        return name;
    }

    /** {@code s} as an SQL string literal ({@code standard_conforming_strings} on: quotes doubled). */
    static String literal(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("text '" + s.replace('\0', '?') + "' holds a NUL character");
        }
        return "'" + s.replace("'", "''") + "'";
    }

    static void execute(Connection c, String what, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw fail(what, e);
        }
    }

    static CopyManager copyApi(Connection c) {
        try {
            return c.unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw fail("opening the COPY interface (is this a PostgreSQL driver connection?)", e);
        }
    }

    /** Checks that string literals are standard ({@link #literal} relies on it). */
    static void requireStandardStrings(Connection c) {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW standard_conforming_strings")) {
            r.next();
            if (!"on".equals(r.getString(1))) {
                throw new PgException("postgres: standard_conforming_strings is " + r.getString(1)
                        + "; this module needs it on (the default since PostgreSQL 9.1)");
            }
        } catch (SQLException e) {
            throw fail("reading standard_conforming_strings", e);
        }
    }

    static PgException fail(String what, SQLException e) {
        StringBuilder m = new StringBuilder("postgres: ").append(what).append(" failed: ").append(e.getMessage());
        SQLException next = e.getNextException();
        if (next != null && next != e) {
            m.append(" (").append(next.getMessage()).append(')');
        }
        return new PgException(m.toString(), e.getSQLState());
    }
}
