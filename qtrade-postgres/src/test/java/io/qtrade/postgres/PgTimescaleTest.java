package io.qtrade.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarInterval;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The TimescaleDB branch of {@link PgSchema}: on plain PostgreSQL (what Debian 12 and so the tests' server have)
 * the fallback and its log line, and the hypertable statements checked as far as a server without the extension
 * can (they parse, and fail only for the missing function); with TimescaleDB installed for the server, the
 * hypertables themselves, else that test is skipped with how to install it.
 */
@ExtendWith(PgClusterExtension.class)
class PgTimescaleTest {

    static final String TIMESCALE_HINT = "SKIPPED: TimescaleDB is not installed for this PostgreSQL server "
            + "(pg_available_extensions has no 'timescaledb'). Debian 12 packages none (apt-cache search timescale "
            + "finds nothing); install Timescale's 'timescaledb-2-postgresql-15' from Timescale's own apt repository, "
            + "or build its Apache-2.0 part from source against postgresql-server-dev-15 (cmake, -DAPACHE_ONLY=ON), "
            + "so that <bin>/../lib/timescaledb.so exists: the test cluster then preloads it and this test runs the "
            + "hypertable path.";

    PgCluster cluster;
    PgSettings settings;

    @BeforeEach
    void database(PgCluster cluster) {
        this.cluster = cluster;
        settings = cluster.freshDatabase("timescale");
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /** Runs {@code action} with System.err captured (slf4j-simple writes there, looking it up at each line). */
    private static String stderrOf(Runnable action) {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(saved);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        saved.print(out);
        return out;
    }

    @Test
    void withoutTheExtensionTheTablesArePlainAndOneLineSaysSo() throws Exception {
        try (Connection c = settings.connect()) {
            // The extension is per database: this fresh one has none, whatever the server has installed.
            assertThat(PgSchema.timescaleVersion(c)).isNull();
            String log = stderrOf(() -> {
                PgSchema.ensureBars(c);
                PgSchema.ensureLiveFills(c);
            });
            assertThat(log).contains("postgres: TimescaleDB extension not installed; created qtrade_bars as a plain "
                    + "table").contains("postgres: TimescaleDB extension not installed; created qtrade_live_fills as "
                    + "a plain table");
            // Ordinary heap tables ('r'), no child tables (a hypertable's chunks inherit from it).
            assertThat(text(c, "SELECT relkind FROM pg_class WHERE relname = 'qtrade_bars'")).isEqualTo("r");
            assertThat(text(c, "SELECT relkind FROM pg_class WHERE relname = 'qtrade_live_fills'")).isEqualTo("r");
            assertThat(column(c, "SELECT inhrelid::regclass::text FROM pg_inherits")).isEmpty();
            // Created once: a second call finds the tables and logs nothing.
            assertThat(stderrOf(() -> PgSchema.ensureBars(c))).doesNotContain("qtrade_bars");
        }
    }

    /**
     * Both forms of the statement PgSchema issues with TimescaleDB, run on this database without it: PostgreSQL
     * parses them and fails only at the missing function (SQLSTATE 42883 undefined_function, never 42601
     * syntax_error), named with the argument types TimescaleDB declares (by_range(name, anyelement ...);
     * create_hypertable(regclass, name, chunk_time_interval anyelement ...)).
     */
    @Test
    void theHypertableStatementsParseAndLackOnlyTheFunctionOnPlainPostgres() throws Exception {
        try (Connection c = settings.connect()) {
            PgSchema.ensureBars(c);
            SQLException newForm = failure(c, PgSchema.hypertableSql("2.17.2", "qtrade_bars", "end_ts"));
            assertThat(newForm.getSQLState()).isEqualTo("42883");
            assertThat(newForm.getMessage()).contains("by_range(unknown, bigint) does not exist");
            SQLException oldForm = failure(c, PgSchema.hypertableSql("2.12.0", "qtrade_bars", "end_ts"));
            assertThat(oldForm.getSQLState()).isEqualTo("42883");
            assertThat(oldForm.getMessage()).contains("create_hypertable(unknown, unknown, "
                    + "chunk_time_interval => bigint, if_not_exists => boolean) does not exist");
        }
    }

    private static SQLException failure(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("'" + sql + "' ran on a server without TimescaleDB");
    }

    @Test
    void withTimescaleDbTheTimeTablesAreHypertablesAndBarsRoundTrip() throws Exception {
        try (Connection c = settings.connect()) {
            Assumptions.assumeTrue(text(c, "SELECT name FROM pg_available_extensions WHERE name = 'timescaledb'")
                    != null, TIMESCALE_HINT);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
            }
            String version = PgSchema.timescaleVersion(c);
            assertThat(version).isNotNull();
            String log = stderrOf(() -> {
                PgSchema.ensureBars(c);
                PgSchema.ensureLiveFills(c);
            });
            assertThat(log).contains("postgres: created qtrade_bars as a TimescaleDB " + version
                    + " hypertable on end_ts (one-day chunks)");
            assertThat(column(c, "SELECT hypertable_name FROM timescaledb_information.hypertables "
                    + "ORDER BY hypertable_name")).containsExactly("qtrade_bars", "qtrade_live_fills");
            // Three days of minute bars (end times within three UTC days): three one-day chunks, read back row for row by COPY and JDBC.
            BarBatch bars = PgBarRoundTripTest.bars(3 * 1_440 - 1, 1_700_006_400_000_000_000L, 60_000_000_000L, 5);
            PgBarSink sink = new PgBarSink(c, BarInterval.ONE_MINUTE, PgBarRoundTripTest.INSTRUMENTS,
                    WriteMode.COPY);
            sink.write(bars);
            assertThat(text(c, "SELECT count(*) FROM timescaledb_information.chunks "
                    + "WHERE hypertable_name = 'qtrade_bars'")).isEqualTo("3");
            for (ReadMode mode : ReadMode.values()) {
                try (PgBarSource source = PgBarSource.open(c, BarInterval.ONE_MINUTE,
                        PgBarRoundTripTest.INSTRUMENTS, Long.MIN_VALUE, Long.MAX_VALUE, mode)) {
                    PgBarRoundTripTest.assertSameRows(PgBarRoundTripTest.readAll(source, bars.size()), bars);
                }
            }
        }
        assertThat(PgCluster.preload(cluster.bin())).contains("timescaledb");
    }
}
