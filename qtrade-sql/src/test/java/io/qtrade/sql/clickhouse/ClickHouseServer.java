package io.qtrade.sql.clickhouse;

import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private {@code clickhouse-server} for one test class: its own temp directory (config, data, tmp, log), loopback
 * only, a free HTTP and a free native-protocol port, a {@code default} user without password and a
 * {@value #PASSWORD_USER} user with password {@value #PASSWORD}. Started by {@link ClickHouseServerExtension}.
 *
 * <p>The binary is, in order: the path in the environment variable {@value #BINARY_ENV}; {@code clickhouse-server}
 * on the {@code PATH} or in {@code /usr/sbin}, {@code /usr/bin}, {@code /usr/local/bin} (Debian puts it in
 * {@code /usr/sbin}); the single {@code clickhouse} binary of upstream packages, run as {@code clickhouse server}.
 * Without one, {@link #start()} aborts the tests with a message saying how to install it.
 */
final class ClickHouseServer implements AutoCloseable {

    static final String BINARY_ENV = "QTRADE_CLICKHOUSE_SERVER";
    static final String PASSWORD_USER = "qtrade_writer";
    static final String PASSWORD = "pw-Zq7!never-logged";
    static final String INSTALL_HINT = "clickhouse-server not found (looked at $" + BINARY_ENV + ", the PATH,"
            + " /usr/sbin, /usr/bin, /usr/local/bin): install it with `sudo apt-get install clickhouse-server`"
            + " (Debian/Ubuntu; .ci/run does this) or point " + BINARY_ENV + " at the binary;"
            + " the ClickHouse tests are skipped";

    /** Searched after the PATH: Debian installs the server in /usr/sbin, which a non-root PATH often lacks. */
    static final List<Path> STANDARD_DIRS = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"),
            Path.of("/usr/local/bin"));

    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Path dir;
    private final Process process;
    private final int httpPort;
    private final List<String> command;

    private ClickHouseServer(Path dir, Process process, int httpPort, List<String> command) {
        this.dir = dir;
        this.process = process;
        this.httpPort = httpPort;
        this.command = command;
    }

    /**
     * Finds the binary, writes the config, starts the server and waits until {@code GET /ping} answers {@code Ok.}.
     *
     * @throws TestAbortedException when no binary is found
     * @throws IllegalStateException when the server does not come up; the message holds the end of its log
     */
    static ClickHouseServer start() throws IOException, InterruptedException {
        return start(findCommand(System.getenv(BINARY_ENV), System.getenv("PATH"), STANDARD_DIRS));
    }

    /** Starts {@code command} (the binary and its arguments); aborts the tests when it is empty. */
    static ClickHouseServer start(List<String> command) throws IOException, InterruptedException {
        if (command.isEmpty()) {
            throw new TestAbortedException(INSTALL_HINT);
        }
        Path dir = Files.createTempDirectory("qtrade-clickhouse-");
        int httpPort = freePort();
        int tcpPort = freePort();
        while (tcpPort == httpPort) {
            tcpPort = freePort();
        }
        Files.writeString(dir.resolve("config.xml"), config(dir, httpPort, tcpPort), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("users.xml"), USERS, StandardCharsets.UTF_8);
        List<String> full = new ArrayList<>(command);
        full.add("--config-file=" + dir.resolve("config.xml"));
        Path log = dir.resolve("server.log");
        Process process = new ProcessBuilder(full)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ClickHouseServer server = new ClickHouseServer(dir, process, httpPort, full);
        ClickHouseClient client = server.client();
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (!client.ping()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String tail = server.logTail();
                server.close();
                throw new IllegalStateException("clickhouse-server " + full + " did not answer /ping on port "
                        + httpPort + (process.isAlive() ? " within 60 s" : ", it exited with " + process.exitValue())
                        + "; log:\n" + tail);
            }
            Thread.sleep(100);
        }
        return server;
    }

    /** A client of this server as its {@code default} user. */
    ClickHouseClient client() {
        return ClickHouseClient.builder(endpoint()).build();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** Kills the server at once (SIGKILL), as a crash or an OOM killer would; {@link #close()} still cleans up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** Stops the server (SIGTERM, then SIGKILL after 20 s) and deletes its directory. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private String logTail() {
        try {
            String text = Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8);
            return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * The command that runs the server: from {@code env} (the value of {@value #BINARY_ENV}), else the first
     * {@code clickhouse-server} in {@code path}'s directories then {@code extraDirs}, else the first
     * {@code clickhouse}; empty when there is none.
     */
    static List<String> findCommand(String env, String path, List<Path> extraDirs) {
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(BINARY_ENV + " is " + env + ", which is not an executable file");
            }
            return p.getFileName().toString().equals("clickhouse") ? List.of(env, "server") : List.of(env);
        }
        List<Path> dirs = new ArrayList<>();
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                if (!d.isEmpty()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        dirs.addAll(extraDirs);
        for (Path d : dirs) {
            Path server = d.resolve("clickhouse-server");
            if (Files.isRegularFile(server) && Files.isExecutable(server)) {
                return List.of(server.toString());
            }
        }
        for (Path d : dirs) {
            Path single = d.resolve("clickhouse");
            if (Files.isRegularFile(single) && Files.isExecutable(single)) {
                return List.of(single.toString(), "server");
            }
        }
        return List.of();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String config(Path dir, int httpPort, int tcpPort) {
        return """
                <?xml version="1.0"?>
                <yandex>
                  <logger><level>warning</level><console>1</console></logger>
                  <listen_host>127.0.0.1</listen_host>
                  <http_port>%d</http_port>
                  <tcp_port>%d</tcp_port>
                  <path>%s/data/</path>
                  <tmp_path>%s/tmp/</tmp_path>
                  <user_files_path>%s/user_files/</user_files_path>
                  <format_schema_path>%s/format_schemas/</format_schema_path>
                  <mark_cache_size>268435456</mark_cache_size>
                  <users_config>users.xml</users_config>
                  <default_profile>default</default_profile>
                  <default_database>default</default_database>
                  <timezone>UTC</timezone>
                </yandex>
                """.formatted(httpPort, tcpPort, dir, dir, dir, dir);
    }

    private static final String USERS = """
            <?xml version="1.0"?>
            <yandex>
              <profiles><default></default></profiles>
              <users>
                <default>
                  <password></password>
                  <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                  <profile>default</profile>
                  <quota>default</quota>
                </default>
                <%1$s>
                  <password>%2$s</password>
                  <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                  <profile>default</profile>
                  <quota>default</quota>
                </%1$s>
              </users>
              <quotas><default></default></quotas>
            </yandex>
            """.formatted(PASSWORD_USER, PASSWORD);

    @Override
    public String toString() {
        return "ClickHouseServer[" + command + ", http port " + httpPort + ", dir " + dir + "]";
    }
}
