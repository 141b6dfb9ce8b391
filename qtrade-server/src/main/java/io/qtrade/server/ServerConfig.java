package io.qtrade.server;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Settings of a {@link QtradeServer}. Everything but the tokens has a safe default: loopback only, no CORS, small
 * request bodies, a per-token rate limit, bounded per-client queues.
 *
 * @param port                     TCP port, 0 for any free one (default {@value #DEFAULT_PORT})
 * @param bindAddress              address to listen on (default {@value #DEFAULT_BIND_ADDRESS}, loopback only); a
 *                                 non-loopback address without {@code tls} logs a warning, since the server then
 *                                 speaks plain HTTP
 * @param tokens                   the accepted bearer tokens
 * @param requestsPerSecond        sustained request rate per token (token bucket refill, per second)
 * @param burst                    bucket size: requests a token may make at once
 * @param maxBodyBytes             largest request body (413 beyond)
 * @param corsOrigins              origins allowed cross-origin access; empty (default): none, CORS closed
 * @param clientQueueMessages      per-WebSocket-client queue; a full queue drops (samples) messages for that client
 * @param slowClientTimeoutNanos   a client whose queue stays full this long is disconnected
 * @param authTimeoutNanos         a WebSocket client that has not authenticated within this is disconnected
 * @param bookIntervalNanos        top-of-book and depth sampling interval of the streams (default 50 ms: 20 Hz)
 * @param portfolioIntervalNanos   portfolio, equity, signals and risk sampling interval (default 200 ms)
 * @param streamFlushIntervalNanos how often each WebSocket client is written what waits for it, as one frame
 *                                 (default 10 ms): the most a message waits in the server before its write starts
 * @param tls                      TLS settings (HTTPS and WSS only), or null for plain HTTP (default)
 */
public record ServerConfig(int port, String bindAddress, ApiTokens tokens, double requestsPerSecond, int burst,
                           int maxBodyBytes, List<String> corsOrigins, int clientQueueMessages,
                           long slowClientTimeoutNanos, long authTimeoutNanos, long bookIntervalNanos,
                           long portfolioIntervalNanos, long streamFlushIntervalNanos, TlsConfig tls) {

    /** Default port. */
    public static final int DEFAULT_PORT = 8321;
    /** Default bind address: IPv4 loopback. */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    /** Default sustained requests per second per token. */
    public static final double DEFAULT_REQUESTS_PER_SECOND = 50;
    /** Default burst per token. */
    public static final int DEFAULT_BURST = 100;
    /** Default largest request body, bytes. */
    public static final int DEFAULT_MAX_BODY_BYTES = 8 * 1024;
    /** Default per-client queue, messages. */
    public static final int DEFAULT_CLIENT_QUEUE_MESSAGES = 4096;
    /** Default sampling interval of top of book and depth: 50 ms (20 Hz). */
    public static final long DEFAULT_BOOK_INTERVAL_NANOS = 50_000_000L;
    /** Default interval between two frames to one WebSocket client: 10 ms. */
    public static final long DEFAULT_STREAM_FLUSH_INTERVAL_NANOS = 10_000_000L;

    /** Checks every setting, naming the first bad one. */
    public ServerConfig {
        Objects.requireNonNull(tokens, "server config: tokens must be given (ApiTokens.fromEnvironment())");
        Objects.requireNonNull(bindAddress, "server config: bindAddress");
        corsOrigins = List.copyOf(corsOrigins);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("server config: port must be in 0..65535, was " + port);
        }
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("server config: requestsPerSecond must be finite and > 0, was "
                    + requestsPerSecond);
        }
        positive("burst", burst);
        positive("maxBodyBytes", maxBodyBytes);
        positive("clientQueueMessages", clientQueueMessages);
        positive("slowClientTimeoutNanos", slowClientTimeoutNanos);
        positive("authTimeoutNanos", authTimeoutNanos);
        positive("bookIntervalNanos", bookIntervalNanos);
        positive("portfolioIntervalNanos", portfolioIntervalNanos);
        positive("streamFlushIntervalNanos", streamFlushIntervalNanos);
        for (String o : corsOrigins) {
            if (o.equals("*") || !(o.startsWith("http://") || o.startsWith("https://"))) {
                throw new IllegalArgumentException("server config: corsOrigins: '" + o
                        + "' is not an origin (scheme://host[:port]; '*' is refused)");
            }
        }
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("server config: " + name + " must be > 0, was " + value);
        }
    }

    /** A builder with the defaults. */
    public static Builder builder(ApiTokens tokens) {
        return new Builder(tokens);
    }

    /** Never the tokens: their counts. */
    @Override
    public String toString() {
        return "ServerConfig[" + bindAddress + ":" + port + ", " + tokens + ", " + requestsPerSecond + " req/s burst "
                + burst + ", maxBody=" + maxBodyBytes + " B, cors=" + corsOrigins + ", clientQueue="
                + clientQueueMessages + ", slowClientTimeout=" + slowClientTimeoutNanos + " ns, book every "
                + bookIntervalNanos + " ns, portfolio every " + portfolioIntervalNanos + " ns, flush every "
                + streamFlushIntervalNanos + " ns" + (tls == null ? ", plain HTTP" : ", " + tls) + "]";
    }

    /** Builder of a {@link ServerConfig}. */
    public static final class Builder {
        private final ApiTokens tokens;
        private int port = DEFAULT_PORT;
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private double requestsPerSecond = DEFAULT_REQUESTS_PER_SECOND;
        private int burst = DEFAULT_BURST;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private List<String> corsOrigins = List.of();
        private int clientQueueMessages = DEFAULT_CLIENT_QUEUE_MESSAGES;
        private long slowClientTimeoutNanos = TimeUnit.SECONDS.toNanos(10);
        private long authTimeoutNanos = TimeUnit.SECONDS.toNanos(5);
        private long bookIntervalNanos = DEFAULT_BOOK_INTERVAL_NANOS;
        private long portfolioIntervalNanos = TimeUnit.MILLISECONDS.toNanos(200);
        private long streamFlushIntervalNanos = DEFAULT_STREAM_FLUSH_INTERVAL_NANOS;
        private TlsConfig tls;

        private Builder(ApiTokens tokens) {
            this.tokens = tokens;
        }

        /** TCP port, 0 for any free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Address to listen on (loopback unless set). */
        public Builder bindAddress(String address) {
            this.bindAddress = address;
            return this;
        }

        /** Per-token rate limit: sustained requests per second and burst. */
        public Builder rateLimit(double requestsPerSecond, int burst) {
            this.requestsPerSecond = requestsPerSecond;
            this.burst = burst;
            return this;
        }

        /** Largest request body, bytes. */
        public Builder maxBodyBytes(int bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        /** Origins allowed cross-origin access (none unless set). */
        public Builder corsOrigins(List<String> origins) {
            this.corsOrigins = origins;
            return this;
        }

        /** Per-client queue size and how long it may stay full before the client is dropped. */
        public Builder slowClients(int queueMessages, long timeoutNanos) {
            this.clientQueueMessages = queueMessages;
            this.slowClientTimeoutNanos = timeoutNanos;
            return this;
        }

        /** Time a WebSocket client has to authenticate. */
        public Builder authTimeoutNanos(long nanos) {
            this.authTimeoutNanos = nanos;
            return this;
        }

        /** Sampling intervals: books, and portfolio/equity/signals/risk. */
        public Builder intervals(long bookNanos, long portfolioNanos) {
            this.bookIntervalNanos = bookNanos;
            this.portfolioIntervalNanos = portfolioNanos;
            return this;
        }

        /**
         * Interval between two frames to one WebSocket client (everything waiting for it goes out as one frame, one
         * JSON message per line); the most a message waits in the server before its write starts.
         */
        public Builder streamFlushIntervalNanos(long nanos) {
            this.streamFlushIntervalNanos = nanos;
            return this;
        }

        /** Serves HTTPS and WSS only, with the key and certificate of {@code tls}. */
        public Builder tls(TlsConfig tls) {
            this.tls = Objects.requireNonNull(tls, "server config: tls");
            return this;
        }

        /** The settings, checked. */
        public ServerConfig build() {
            return new ServerConfig(port, bindAddress, tokens, requestsPerSecond, burst, maxBodyBytes, corsOrigins,
                    clientQueueMessages, slowClientTimeoutNanos, authTimeoutNanos, bookIntervalNanos,
                    portfolioIntervalNanos, streamFlushIntervalNanos, tls);
        }
    }
}
