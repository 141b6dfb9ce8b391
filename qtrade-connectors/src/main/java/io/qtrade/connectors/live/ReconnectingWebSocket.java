package io.qtrade.connectors.live;

import io.qtrade.core.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One venue WebSocket kept open: a supervisor thread connects with the JDK's {@link java.net.http.WebSocket},
 * hands every complete text or binary message to a {@link Handler} on the receive thread, and after a drop
 * reconnects with the {@link ReconnectPolicy}'s backoff (waited through the injected {@link Sleeper}). A connection
 * older than {@code maxConnectionAgeNanos} is closed and reopened at once (Binance closes every connection after 24
 * hours; reopening a little earlier loses nothing a resync cannot repair). A connection on which nothing (message,
 * heartbeat, ping) has arrived for {@code idleTimeoutNanos} is taken for dead and reopened with backoff: a half-open
 * TCP connection never reports its end, and venues send heartbeats (Kite every second) or pings (Binance) so that
 * silence means failure. Pings are answered with pongs by the JDK client itself (RFC 6455 section 5.5.2) and counted
 * here.
 *
 * <p>No secret reaches a log line or a disconnect reason: every exception text is passed through
 * {@link Redaction#redact} first (the JDK may quote the URI, with its {@code api_key}, {@code access_token} or listen
 * key, back in its messages).
 *
 * <p>A handler that throws does not kill the supervisor: the exception is logged, counted in
 * {@link #handlerErrors()}, and the connection is reset if the handler's {@link Handler#resetOnError} says so
 * (a malformed frame may leave the stream's state unknown).
 */
public final class ReconnectingWebSocket implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReconnectingWebSocket.class);

    /** What the connection does with messages; called on the receive thread, one message at a time. */
    public interface Handler {
        /** A connection opened (also after a reconnect): send subscriptions here. */
        void onOpen(WebSocket socket);

        /** One complete text message. */
        void onText(CharSequence text);

        /** One complete binary message; the buffer is read-only for the call. */
        void onBinary(ByteBuffer data);

        /** The connection closed or failed; {@code reason} says why. */
        void onDisconnect(String reason);

        /** Whether {@code error}, thrown while handling a message, requires a fresh connection. */
        boolean resetOnError(RuntimeException error);
    }

    private final String name;
    private final Supplier<URI> uri;
    private final HttpClient http;
    private final Handler handler;
    private final ReconnectPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final long maxConnectionAgeNanos;
    private final long idleTimeoutNanos;
    private final Thread supervisor;
    private volatile long lastHeardNanos;
    private volatile long idleResets;
    private volatile boolean closed;
    private volatile WebSocket socket;
    private volatile CompletableFuture<String> ended;
    private volatile long connects;
    private volatile long disconnects;
    private volatile long pings;
    private volatile long handlerErrors;
    private volatile long rotations;
    private volatile boolean gaveUp;

    /**
     * @param name                  for log lines and the thread name (no secret: the URI is never logged)
     * @param uri                   the address to connect to, asked anew on every attempt (a new listen key)
     * @param http                  the JDK client that opens the WebSocket
     * @param handler               what to do with messages
     * @param policy                backoff between attempts
     * @param sleeper               how to wait the backoff
     * @param clock                 for the connection's age
     * @param maxConnectionAgeNanos reopen a connection this old, {@code > 0}
     * @param idleTimeoutNanos      reopen a connection silent this long, {@code > 0}
     */
    public ReconnectingWebSocket(String name, Supplier<URI> uri, HttpClient http, Handler handler,
                                 ReconnectPolicy policy, Sleeper sleeper, Clock clock, long maxConnectionAgeNanos,
                                 long idleTimeoutNanos) {
        this.name = Objects.requireNonNull(name, "name");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.http = Objects.requireNonNull(http, "http");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxConnectionAgeNanos <= 0) {
            throw new IllegalArgumentException("maxConnectionAgeNanos must be > 0, was " + maxConnectionAgeNanos);
        }
        this.maxConnectionAgeNanos = maxConnectionAgeNanos;
        if (idleTimeoutNanos <= 0) {
            throw new IllegalArgumentException("idleTimeoutNanos must be > 0, was " + idleTimeoutNanos);
        }
        this.idleTimeoutNanos = idleTimeoutNanos;
        this.supervisor = new Thread(this::run, "qtrade-ws-" + name);
        this.supervisor.setDaemon(true);
    }

    /** Starts connecting; returns at once. */
    public ReconnectingWebSocket start() {
        supervisor.start();
        return this;
    }

    private void run() {
        ReconnectPolicy.Schedule schedule = policy.newSchedule();
        while (!closed) {
            CompletableFuture<String> end = new CompletableFuture<>();
            ended = end;
            WebSocket ws;
            try {
                ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                        .buildAsync(uri.get(), new Listener(end)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | RuntimeException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                LOG.warn("{}: connection attempt {} failed: {}", name, schedule.attempts() + 1,
                        Redaction.redact(cause));
                if (!backoff(schedule)) {
                    return;
                }
                continue;
            }
            socket = ws;
            connects++;
            schedule.reset();
            long openedAt = clock.nowNanos();
            lastHeardNanos = openedAt;
            LOG.info("{}: connected (connection #{})", name, connects);
            String reason;
            try {
                handler.onOpen(ws);
                reason = waitForEnd(end, openedAt, ws);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ws.abort();
                return;
            } catch (RuntimeException e) {
                reason = "onOpen failed: " + e;
                ws.abort();
            }
            socket = null;
            if (closed) {
                return;
            }
            disconnects++;
            reason = Redaction.redact(reason);
            LOG.warn("{}: disconnected ({}); reconnecting", name, reason);
            try {
                handler.onDisconnect(reason);
            } catch (RuntimeException e) {
                LOG.warn("{}: onDisconnect failed: {}", name, Redaction.redact(e));
            }
            if (!reason.startsWith("rotation") && !backoff(schedule)) {
                return;
            }
        }
    }

    private String waitForEnd(CompletableFuture<String> end, long openedAt, WebSocket ws) throws InterruptedException {
        while (true) {
            long now = clock.nowNanos();
            long left = maxConnectionAgeNanos - (now - openedAt);
            long idleLeft = idleTimeoutNanos - (now - lastHeardNanos);
            try {
                return end.get(Math.max(1, Math.min(left, idleLeft)), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                return "failed: " + e.getCause();
            } catch (TimeoutException e) {
                now = clock.nowNanos();
                left = maxConnectionAgeNanos - (now - openedAt);
                if (now - lastHeardNanos >= idleTimeoutNanos) {
                    idleResets++;
                    ws.abort();
                    return "silent for " + (now - lastHeardNanos) / 1_000_000L + " ms (idle timeout "
                            + idleTimeoutNanos / 1_000_000L + " ms)";
                }
                if (left <= 0) {
                    rotations++;
                    LOG.info("{}: connection is {} s old (limit {} s): reopening", name,
                            (clock.nowNanos() - openedAt) / 1_000_000_000L, maxConnectionAgeNanos / 1_000_000_000L);
                    ws.sendClose(WebSocket.NORMAL_CLOSURE, "rotation").exceptionally(t -> null);
                    ws.abort();
                    return "rotation after " + maxConnectionAgeNanos + " ns";
                }
            }
        }
    }

    private boolean backoff(ReconnectPolicy.Schedule schedule) {
        if (!schedule.hasNext()) {
            gaveUp = true;
            LOG.error("{}: gave up after {} reconnection attempts in a row", name, schedule.attempts());
            return false;
        }
        long delay = schedule.nextDelayNanos();
        LOG.info("{}: reconnecting in {} ms (attempt {})", name, delay / 1_000_000L, schedule.attempts());
        try {
            sleeper.sleepNanos(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Closes the connection on purpose (the client does not reconnect) and waits for the supervisor to end. */
    @Override
    public void close() {
        closed = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        CompletableFuture<String> end = ended;
        if (end != null) {
            end.complete("closed by the client");
        }
        supervisor.interrupt();
        try {
            supervisor.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the current connection abruptly, as a network failure would: the supervisor reconnects. */
    public void dropConnection() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
            CompletableFuture<String> end = ended;
            if (end != null) {
                end.complete("dropped by the client");
            }
        }
    }

    /** Connections opened so far. */
    public long connects() {
        return connects;
    }

    /** Connections lost (not counting {@link #close()}). */
    public long disconnects() {
        return disconnects;
    }

    /** Pings received (each answered with a pong by the JDK client). */
    public long pings() {
        return pings;
    }

    /** Exceptions thrown by the handler. */
    public long handlerErrors() {
        return handlerErrors;
    }

    /** Connections reopened because they reached the maximum age. */
    public long rotations() {
        return rotations;
    }

    /** Connections reset because nothing arrived for the idle timeout. */
    public long idleResets() {
        return idleResets;
    }

    /** Whether the reconnect policy ran out of attempts. */
    public boolean gaveUp() {
        return gaveUp;
    }

    /** Whether a connection is open now. */
    public boolean isConnected() {
        return socket != null;
    }

    private final class Listener implements WebSocket.Listener {
        private final CompletableFuture<String> end;
        private final StringBuilder text = new StringBuilder(4096);
        private ByteBuffer binary = ByteBuffer.allocate(4096);

        Listener(CompletableFuture<String> end) {
            this.end = end;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastHeardNanos = clock.nowNanos();
            if (text.length() == 0 && last) {
                handle(webSocket, data, null);
            } else {
                text.append(data);
                if (last) {
                    handle(webSocket, text, null);
                    text.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            lastHeardNanos = clock.nowNanos();
            if (binary.position() == 0 && last) {
                handle(webSocket, null, data.asReadOnlyBuffer());
            } else {
                if (binary.remaining() < data.remaining()) {
                    ByteBuffer bigger = ByteBuffer.allocate(Math.max(binary.capacity() * 2,
                            binary.position() + data.remaining()));
                    binary.flip();
                    bigger.put(binary);
                    binary = bigger;
                }
                binary.put(data);
                if (last) {
                    binary.flip();
                    handle(webSocket, null, binary.asReadOnlyBuffer());
                    binary.clear();
                }
            }
            webSocket.request(1);
            return null;
        }

        private void handle(WebSocket webSocket, CharSequence t, ByteBuffer b) {
            if (end.isDone()) {
                return;
            }
            try {
                if (t != null) {
                    handler.onText(t);
                } else {
                    handler.onBinary(b);
                }
            } catch (RuntimeException e) {
                handlerErrors++;
                boolean reset = handler.resetOnError(e);
                LOG.warn("{}: message rejected ({}): {}", name, reset ? "connection reset" : "connection kept",
                        Redaction.redact(e.getMessage()));
                if (reset) {
                    webSocket.abort();
                    end.complete("reset after a bad message: " + e.getMessage());
                }
            }
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            lastHeardNanos = clock.nowNanos();
            pings++;
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            lastHeardNanos = clock.nowNanos();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            end.complete("closed by the server, status " + statusCode + (reason.isEmpty() ? "" : " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            end.complete("error: " + error);
        }
    }

    @Override
    public String toString() {
        return "ReconnectingWebSocket[" + name + ", policy=" + policy + ", maxConnectionAgeNanos="
                + maxConnectionAgeNanos + ", idleTimeoutNanos=" + idleTimeoutNanos + ", connects=" + connects + ", disconnects=" + disconnects + "]";
    }
}
