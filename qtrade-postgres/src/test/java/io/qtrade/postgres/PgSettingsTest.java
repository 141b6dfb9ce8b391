package io.qtrade.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qtrade.core.bar.BarInterval;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials come from the environment or a file, and the password appears nowhere: not in {@code toString}, the
 * JDBC URL, an exception's message or stack trace, nor in anything written to standard output or error (where
 * slf4j-simple logs) while the module works against a real server.
 */
@ExtendWith(PgClusterExtension.class)
class PgSettingsTest {

    @Test
    void settingsFromTheEnvironmentConnectAndNeverShowThePassword(PgCluster cluster) throws Exception {
        String password = cluster.password();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        System.setErr(tee);
        try {
            PgSettings settings = cluster.settings();
            assertThat(settings.toString()).doesNotContain(password).contains("password=***")
                    .contains("127.0.0.1:" + cluster.port());
            assertThat(settings.jdbcUrl()).doesNotContain(password);
            try (Connection c = settings.connect()) {
                new PgBarSink(c, BarInterval.ONE_MINUTE, PgBarRoundTripTest.INSTRUMENTS)
                        .write(PgBarRoundTripTest.bars(10, 0, 60_000_000_000L, 9));
                new PgResults(c);
            }
            // wrong password and wrong user: refused, messages free of both the right and the wrong password
            Map<String, String> env = new HashMap<>(cluster.environment());
            env.put("PGPASSWORD", password + "-wrong");
            PgException e = catchPg(() -> PgSettings.fromEnvironment(env).connect());
            assertThat(e.getMessage()).contains("127.0.0.1:" + cluster.port()).contains("qtrade")
                    .contains("password authentication failed");
            assertThat(e.sqlState()).isEqualTo("28P01");
            assertNoSecret(e, password);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String logged = captured.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("created qtrade_bars");   // the capture did see the module's log
        assertThat(logged).doesNotContain(password);
    }

    @Test
    void aServerErrorThatQuotesThePasswordIsScrubbed(PgCluster cluster) {
        // PostgreSQL names the database in "database ... does not exist": make the database name the password.
        Map<String, String> env = new HashMap<>(cluster.environment());
        env.put("PGDATABASE", cluster.password());
        PgException e = catchPg(() -> PgSettings.fromEnvironment(env).connect());
        assertThat(e.getMessage()).contains("does not exist");
        assertNoSecret(e, cluster.password());
    }

    @Test
    void settingsFromAFileAndFromAPasswordFileConnect(PgCluster cluster, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("pg.properties");
        Files.writeString(file, "host=127.0.0.1\nport=" + cluster.port() + "\ndatabase=postgres\nuser=qtrade\n"
                + "password=" + cluster.password() + "\n");
        try (Connection c = PgSettings.fromFile(file).connect()) {
            assertThat(c.isValid(5)).isTrue();
        }
        Path pw = dir.resolve("pw");
        Files.writeString(pw, cluster.password() + "\n");
        Map<String, String> env = new HashMap<>(cluster.environment());
        env.remove("PGPASSWORD");
        env.put(PgSettings.PASSWORD_FILE_ENV, pw.toString());
        PgSettings fromEnv = PgSettings.fromEnvironment(env);
        assertThat(fromEnv.hasPassword()).isTrue();
        assertThat(fromEnv).isEqualTo(cluster.settings());
        try (Connection c = fromEnv.connect()) {
            assertThat(c.isValid(5)).isTrue();
        }
        env.put(PgSettings.PASSWORD_FILE_ENV, dir.resolve("missing").toString());
        assertThatThrownBy(() -> PgSettings.fromEnvironment(env)).hasMessageContaining("missing")
                .hasMessageContaining(PgSettings.PASSWORD_FILE_ENV);
        env.remove("PGUSER");
        env.put("PGPASSWORD", "x");
        assertThatThrownBy(() -> PgSettings.fromEnvironment(env)).hasMessageContaining("PGUSER");
    }

    private static PgException catchPg(Runnable r) {
        try {
            r.run();
        } catch (PgException e) {
            return e;
        }
        throw new AssertionError("expected a PgException");
    }

    private static void assertNoSecret(Throwable e, String password) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(password);
        assertThat(e.toString()).doesNotContain(password);
    }
}
