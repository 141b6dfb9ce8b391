package io.qtrade.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for tests: {@code initdb} into a temporary directory (password authentication,
 * scram-sha-256, superuser {@code qtrade} with a random password), {@code pg_ctl start} on a free loopback port with
 * the socket in that directory, and {@link #close()} stops it ({@code pg_ctl stop -m fast}) and deletes the directory.
 *
 * <p>The binaries are Debian's ({@code apt-get install postgresql}), found under
 * {@code /usr/lib/postgresql/<version>/bin} (highest version) or in {@code $QTRADE_PG_BIN}. {@code initdb} refuses
 * to run as root, so as root the commands run as the {@code postgres} OS user the package creates (or
 * {@code nobody}) through {@code runuser -u}; the temporary directory is made world-writable for that.
 */
final class PgCluster implements AutoCloseable {

    static final String INSTALL_HINT = "PostgreSQL server binaries (initdb, pg_ctl) not found under "
            + "/usr/lib/postgresql/*/bin or $QTRADE_PG_BIN: install them with `apt-get install postgresql` "
            + "(.ci/run does) to run the PostgreSQL integration tests";

    private final Path bin;
    private final Path dir;
    private final List<String> asUser;
    private final int port;
    private final String password;

    private PgCluster(Path bin, Path dir, List<String> asUser, int port, String password) {
        this.bin = bin;
        this.dir = dir;
        this.asUser = asUser;
        this.port = port;
        this.password = password;
    }

    /** The directory holding initdb and pg_ctl, if any. */
    static Optional<Path> findBinaries() {
        String env = System.getenv("QTRADE_PG_BIN");
        if (env != null) {   // given: that directory only (set it to a missing one to see the skip)
            return Files.isExecutable(Path.of(env, "initdb")) && Files.isExecutable(Path.of(env, "pg_ctl"))
                    ? Optional.of(Path.of(env)) : Optional.empty();
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(PgCluster::version));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static PgCluster start(Path bin) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("qtrade-pg-");
        List<String> asUser = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            String user = run(List.of("id", "-u", "postgres"), null, 10) == 0 ? "postgres" : "nobody";
            asUser.addAll(List.of("runuser", "-u", user, "--"));
        }
        String password = "pw-" + Long.toHexString(new java.security.SecureRandom().nextLong());
        Path pwFile = dir.resolve("pwfile");
        Files.writeString(pwFile, password + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(pwFile, PosixFilePermissions.fromString("rw-r--r--"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        PgCluster cluster = new PgCluster(bin, dir, asUser, port, password);
        cluster.pg(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "qtrade",
                "--pwfile=" + pwFile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"), 120);
        Files.delete(pwFile);
        cluster.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                "-l", dir.resolve("server.log").toString(), "-o", "-p " + port + " -k " + dir
                        + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                        + " -c full_page_writes=off" + preload(bin), "start"), 90);
        return cluster;
    }

    /**
     * {@code -c shared_preload_libraries=timescaledb} when TimescaleDB's library is installed for this server
     * ({@code <bin>/../lib/timescaledb.so}, where its packages put it), else nothing: TimescaleDB must be preloaded
     * before {@code CREATE EXTENSION timescaledb} works. Debian 12 packages no TimescaleDB, so here it is absent.
     */
    static String preload(Path bin) {
        return Files.exists(bin.getParent().resolve("lib").resolve("timescaledb.so"))
                ? " -c shared_preload_libraries=timescaledb" : "";
    }

    private void pg(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(asUser);
        full.addAll(command);
        Path log = dir.resolve("command.log");
        int rc = run(full, log, timeoutSeconds);
        if (rc != 0) {
            String out = Files.exists(log) ? Files.readString(log) : "";
            Path server = dir.resolve("server.log");
            String serverLog = Files.exists(server) ? Files.readString(server) : "";
            throw new IllegalStateException("'" + String.join(" ", command) + "' exited with " + rc + ":\n" + out
                    + serverLog);
        }
    }

    private static int run(List<String> command, Path log, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD
                : ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("'" + String.join(" ", command) + "' did not finish in "
                    + timeoutSeconds + " s");
        }
        return p.exitValue();
    }

    int port() {
        return port;
    }

    /** The cluster's settings as {@link PgSettings#fromEnvironment(Map)} reads them. */
    Map<String, String> environment() {
        return Map.of("PGHOST", "127.0.0.1", "PGPORT", Integer.toString(port), "PGDATABASE", "postgres",
                "PGUSER", "qtrade", "PGPASSWORD", password);
    }

    PgSettings settings() {
        return PgSettings.fromEnvironment(environment());
    }

    /** The password, for tests that check it never appears where it must not. */
    String password() {
        return password;
    }

    /** Creates a fresh database and returns settings for it (each test class its own tables). */
    /** The directory of the server's binaries (initdb, pg_ctl). */
    Path bin() {
        return bin;
    }

    PgSettings freshDatabase(String name) {
        try (var c = settings().connect(); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> env = new java.util.HashMap<>(environment());
        env.put("PGDATABASE", name);
        return PgSettings.fromEnvironment(env);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
                    "stop"), 60);
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
