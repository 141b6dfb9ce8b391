package io.qtrade.sql.clickhouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Talks to one ClickHouse server over its HTTP interface with the JDK {@link HttpClient}: statements in the request
 * body, inserts with the statement in the {@code query} URL parameter and the rows in the body, results streamed back.
 *
 * <p>Protocol, as ClickHouse documents its HTTP interface, tested against ClickHouse 18.16 (Debian bookworm's
 * package) and using nothing current releases dropped: {@code POST /?database=D} with the statement as body;
 * {@code POST /?database=D&query=INSERT...FORMAT RowBinary} with the rows as body; {@code GET /ping} answers
 * {@code Ok.}. A failed statement answers an HTTP error status with {@code Code: N, ...} text. The user and
 * password travel in an HTTP Basic {@code Authorization} header, never in the URL, a log line, an exception
 * message or {@link #toString()}.
 *
 * <p>With {@link Builder#compression(boolean)} request bodies are sent gzip-compressed
 * ({@code Content-Encoding: gzip}) and results are asked for gzip-compressed ({@code enable_http_compression=1},
 * {@code Accept-Encoding: gzip}): worth it across a network, not on loopback.
 *
 * <p>Immutable and thread-safe; one instance shares one connection pool.
 */
public final class ClickHouseClient {

    /** Database used when none is given. */
    public static final String DEFAULT_DATABASE = "default";
    /** User used when none is given: ClickHouse's built-in {@code default} user. */
    public static final String DEFAULT_USER = "default";
    /** Time allowed to open a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Time allowed until a response's headers arrive (a streamed body may take longer). */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseClient.class);
    private static final int MAX_ERROR_BYTES = 64 * 1024;

    private final URI endpoint;
    private final String database;
    private final String user;
    private final boolean passwordSet;
    private final String authorization;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final boolean compression;
    private final HttpClient http;

    private ClickHouseClient(Builder b) {
        this.endpoint = b.endpoint;
        this.database = b.database;
        this.user = b.user;
        this.passwordSet = !b.password.isEmpty();
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((b.user + ":" + b.password).getBytes(StandardCharsets.UTF_8));
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.compression = b.compression;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
    }

    /**
     * A builder for a server's HTTP endpoint.
     *
     * @param endpoint {@code http://host:port} (or {@code https://}) of the HTTP interface, port 8123 by default
     *                 on a server; no user info, path, query or fragment
     */
    public static Builder builder(URI endpoint) {
        return new Builder(endpoint);
    }

    /** The HTTP endpoint. */
    public URI endpoint() {
        return endpoint;
    }

    /** The database every statement runs in. */
    public String database() {
        return database;
    }

    /** Whether bodies are gzip-compressed both ways. */
    public boolean compression() {
        return compression;
    }

    /**
     * Whether the server answers {@code GET /ping} with {@code Ok.}; {@code false} when it cannot be reached.
     */
    public boolean ping() {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/ping")).timeout(connectTimeout).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().strip().equals("Ok.");
        } catch (IOException e) {
            LOG.debug("ping of {} failed: {}", endpoint, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs one statement (DDL, or a query with a small result) and returns the whole answer as UTF-8 text.
     *
     * @throws ClickHouseException  when the server answers an error; it carries the status and the server's message
     * @throws UncheckedIOException when the server cannot be reached
     */
    public String execute(String statement) {
        Objects.requireNonNull(statement, "statement");
        byte[] body = statement.getBytes(StandardCharsets.UTF_8);
        HttpResponse<InputStream> response = send(post(uri(null), body, 0, body.length, false), statement);
        try (InputStream in = responseBody(response)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the answer of ClickHouse at " + where() + " to ["
                    + ClickHouseException.shorten(statement) + "] failed", e);
        }
    }

    /**
     * Sends {@code length} bytes of {@code rows}, from {@code offset}, as the data of an {@code INSERT} statement.
     * The array is read during the call only; the caller may reuse it afterwards.
     *
     * @param insertStatement {@code INSERT INTO t (columns) FORMAT F}, without data
     * @throws ClickHouseException  when the server refuses the rows; nothing of this request is stored then
     * @throws UncheckedIOException when the server cannot be reached
     */
    public void insert(String insertStatement, byte[] rows, int offset, int length) {
        Objects.requireNonNull(insertStatement, "insertStatement");
        Objects.checkFromIndexSize(offset, length, rows.length);
        HttpRequest request;
        if (compression) {
            byte[] gzipped = gzip(rows, offset, length);
            request = post(uri(insertStatement), gzipped, 0, gzipped.length, true);
        } else {
            request = post(uri(insertStatement), rows, offset, length, false);
        }
        HttpResponse<InputStream> response = send(request, insertStatement);
        try (InputStream in = response.body()) {
            in.transferTo(OutputStream.nullOutputStream()); // drained, so that the connection is reused
        } catch (IOException e) {
            throw new UncheckedIOException("reading the answer of ClickHouse at " + where() + " to ["
                    + ClickHouseException.shorten(insertStatement) + "] failed", e);
        }
    }

    /**
     * Runs a query and returns its result as a stream, decompressed; the caller reads it to the end or closes it.
     *
     * @throws ClickHouseException  when the server answers an error status
     * @throws UncheckedIOException when the server cannot be reached
     */
    public InputStream query(String statement) {
        Objects.requireNonNull(statement, "statement");
        byte[] body = statement.getBytes(StandardCharsets.UTF_8);
        HttpResponse<InputStream> response = send(post(uri(null), body, 0, body.length, false), statement);
        try {
            return responseBody(response);
        } catch (IOException e) {
            throw new UncheckedIOException("opening the result of ClickHouse at " + where() + " for ["
                    + ClickHouseException.shorten(statement) + "] failed", e);
        }
    }

    /** {@code endpoint (database D, user U)}: where a statement went, for messages; never the password. */
    String where() {
        return endpoint + " (database " + database + ", user " + user + ")";
    }

    private URI uri(String insertStatement) {
        StringBuilder sb = new StringBuilder(endpoint.toString());
        if (sb.charAt(sb.length() - 1) != '/') {
            sb.append('/');
        }
        sb.append("?database=").append(URLEncoder.encode(database, StandardCharsets.UTF_8));
        if (compression) {
            sb.append("&enable_http_compression=1");
        }
        if (insertStatement != null) {
            sb.append("&query=").append(URLEncoder.encode(insertStatement, StandardCharsets.UTF_8));
        }
        return URI.create(sb.toString());
    }

    private HttpRequest post(URI uri, byte[] body, int offset, int length, boolean gzippedBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body, offset, length));
        if (compression) {
            request.header("Accept-Encoding", "gzip");
            if (gzippedBody) {
                request.header("Content-Encoding", "gzip");
            }
        }
        return request.build();
    }

    private HttpResponse<InputStream> send(HttpRequest request, String statement) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("ClickHouse at " + where() + " could not be reached for ["
                    + ClickHouseException.shorten(statement) + "]: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while waiting for ClickHouse at "
                    + where()));
        }
        if (response.statusCode() != 200) {
            String message;
            try (InputStream in = responseBody(response)) {
                message = new String(in.readNBytes(MAX_ERROR_BYTES), StandardCharsets.UTF_8);
            } catch (IOException e) {
                message = "(the error body could not be read: " + e.getMessage() + ")";
            }
            throw new ClickHouseException(where(), response.statusCode(), message, statement);
        }
        return response;
    }

    private static InputStream responseBody(HttpResponse<InputStream> response) throws IOException {
        boolean gzipped = response.headers().firstValue("Content-Encoding")
                .map(v -> v.equalsIgnoreCase("gzip")).orElse(false);
        return gzipped ? new GZIPInputStream(response.body(), 64 * 1024) : response.body();
    }

    private static byte[] gzip(byte[] rows, int offset, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, length / 3));
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            gz.write(rows, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip of an in-memory buffer failed", e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "ClickHouseClient[endpoint=" + endpoint + ", database=" + database + ", user=" + user
                + ", password=" + (passwordSet ? "(set)" : "(none)") + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", compression=" + compression + "]";
    }

    /** Options of a {@link ClickHouseClient}; every setter checks its value. */
    public static final class Builder {
        private final URI endpoint;
        private String database = DEFAULT_DATABASE;
        private String user = DEFAULT_USER;
        private String password = "";
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private boolean compression;

        private Builder(URI endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            String scheme = endpoint.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new IllegalArgumentException("endpoint must be an http:// or https:// URI, was " + endpoint);
            }
            if (endpoint.getHost() == null) {
                throw new IllegalArgumentException("endpoint has no host: " + endpoint);
            }
            if (endpoint.getRawUserInfo() != null) {
                throw new IllegalArgumentException("endpoint must not carry credentials; use user() and password()"
                        + " (endpoint host " + endpoint.getHost() + ")");
            }
            if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null
                    || (endpoint.getRawPath() != null && !endpoint.getRawPath().isEmpty()
                    && !endpoint.getRawPath().equals("/"))) {
                throw new IllegalArgumentException("endpoint must be scheme://host:port only, was " + endpoint);
            }
            this.endpoint = URI.create(scheme + "://" + endpoint.getRawAuthority());
        }

        /** The database every statement runs in; default {@link #DEFAULT_DATABASE}. */
        public Builder database(String database) {
            this.database = Identifiers.require("database", database);
            return this;
        }

        /** The ClickHouse user; default {@link #DEFAULT_USER}. */
        public Builder user(String user) {
            Objects.requireNonNull(user, "user");
            if (user.isEmpty() || user.indexOf(':') >= 0) {
                throw new IllegalArgumentException("user must be non-empty and without ':', was \"" + user + "\"");
            }
            this.user = user;
            return this;
        }

        /** The user's password; default none. Kept out of every message and {@code toString()}. */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Time allowed to open a connection, positive; default {@link #DEFAULT_CONNECT_TIMEOUT}. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /** Time allowed until a response's headers arrive, positive; default {@link #DEFAULT_REQUEST_TIMEOUT}. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("requestTimeout", timeout);
            return this;
        }

        /** Gzip request and response bodies; default off (loopback gains nothing from it). */
        public Builder compression(boolean compression) {
            this.compression = compression;
            return this;
        }

        /** The client; opens no connection yet. */
        public ClickHouseClient build() {
            return new ClickHouseClient(this);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }
    }
}
