package io.qtrade.postgres;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where and as whom to connect to PostgreSQL: host, port, database, user and password, read only from the
 * environment ({@link #fromEnvironment()}) or from a file ({@link #fromFile(Path)}), never from code or a command
 * line.
 *
 * <p>The password never leaves this object except to the driver: it is not in {@link #toString()}, not in the JDBC
 * URL (it goes in the driver's connection properties), and {@link #connect()} removes it from any message the driver
 * gives before putting that message in a {@link PgException} (the driver's own exception is not chained, since its
 * message is what would carry it).
 *
 * <p>Environment variables are libpq's: {@code PGHOST} (default {@code localhost}), {@code PGPORT} (5432),
 * {@code PGDATABASE} (the user name), {@code PGUSER} (required), and the password from {@code PGPASSWORD} or, when
 * that is unset, from the file named by {@code QTRADE_PG_PASSWORD_FILE} (its first line).
 *
 * <p>The file form is a Java properties file with keys {@code host}, {@code port}, {@code database}, {@code user},
 * {@code password} (the same defaults; {@code user} required).
 */
public final class PgSettings {

    /** The variable naming a file whose first line is the password, read when {@code PGPASSWORD} is unset. */
    public static final String PASSWORD_FILE_ENV = "QTRADE_PG_PASSWORD_FILE";

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final char[] password;

    private PgSettings(String host, int port, String database, String user, char[] password) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("postgres settings: host must not be blank");
        }
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("postgres settings: port must be in 1..65535, was " + port);
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("postgres settings: user must be given (PGUSER or 'user' in the file)");
        }
        this.host = host;
        this.port = port;
        this.database = database == null || database.isBlank() ? user : database;
        this.user = user;
        this.password = password == null ? null : password.clone();
    }

    /** The settings from this process's environment; see the class comment for the variables. */
    public static PgSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * The settings from {@code env}, read as the process environment would be.
     *
     * @throws IllegalArgumentException naming the variable that is missing or malformed (never its value when it is
     *                                  the password)
     * @throws java.io.UncheckedIOException naming the password file when it cannot be read
     */
    public static PgSettings fromEnvironment(Map<String, String> env) {
        String pw = env.get("PGPASSWORD");
        char[] password = pw == null ? null : pw.toCharArray();
        if (password == null && env.get(PASSWORD_FILE_ENV) != null) {
            password = readPasswordFile(Path.of(env.get(PASSWORD_FILE_ENV)));
        }
        return new PgSettings(env.getOrDefault("PGHOST", "localhost"), port(env.get("PGPORT"), "PGPORT"),
                env.get("PGDATABASE"), env.get("PGUSER"), password);
    }

    /**
     * The settings from a properties file with keys {@code host, port, database, user, password}.
     *
     * @throws java.io.UncheckedIOException naming the file when it cannot be read
     */
    public static PgSettings fromFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read postgres settings file " + file, e);
        }
        String pw = p.getProperty("password");
        return new PgSettings(p.getProperty("host", "localhost"), port(p.getProperty("port"), "port in " + file),
                p.getProperty("database"), p.getProperty("user"), pw == null ? null : pw.toCharArray());
    }

    private static char[] readPasswordFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            String line = nl < 0 ? text : text.substring(0, nl);
            return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the postgres password file " + file + " (named by "
                    + PASSWORD_FILE_ENV + ")", e);
        }
    }

    private static int port(String text, String where) {
        if (text == null || text.isBlank()) {
            return 5432;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("postgres settings: " + where + " must be a port number, was '"
                    + text + "'");
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    /** Whether a password was given (the password itself is not readable). */
    public boolean hasPassword() {
        return password != null;
    }

    /** {@code jdbc:postgresql://host:port/database}: no user, no password. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database;
    }

    /**
     * Opens a connection (auto-commit on, as the driver gives it).
     *
     * @throws PgException naming the URL and user, with the driver's reason scrubbed of the password
     */
    public Connection connect() {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", new String(password));
        }
        props.setProperty("ApplicationName", "qtrade");
        try {
            return DriverManager.getConnection(jdbcUrl(), props);
        } catch (SQLException e) {
            throw new PgException(scrub("cannot connect to " + jdbcUrl() + " as user '" + user + "': "
                    + e.getMessage()), e.getSQLState());
        }
    }

    /** {@code text} with every occurrence of the password replaced by {@code ***}. */
    String scrub(String text) {
        if (text == null || password == null || password.length == 0) {
            return text;
        }
        return text.replace(new String(password), "***");
    }

    @Override
    public String toString() {
        return scrub("PgSettings[" + jdbcUrl() + ", user=" + user + ", password="
                + (password == null ? "none" : "***") + "]");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgSettings s && host.equals(s.host) && port == s.port && database.equals(s.database)
                && user.equals(s.user) && java.util.Arrays.equals(password, s.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, database, user);
    }
}
