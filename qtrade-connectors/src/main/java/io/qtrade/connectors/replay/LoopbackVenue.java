package io.qtrade.connectors.replay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An in-process venue on the loopback interface: a WebSocket server (Java-WebSocket) that replays recorded frames,
 * and an HTTP server (the JDK's {@code com.sun.net.httpserver}) that answers REST requests from scripted routes.
 *
 * <h2>The replayed stream</h2>
 * The frames form one venue stream with a shared cursor, as a live venue's stream goes on whoever listens: each
 * client connection is sent the frames from the cursor on, {@code frameIntervalNanos} apart. The script can
 * <ul>
 *   <li>{@link Builder#dropAfter(int, int)}: once frame {@code index} has been sent, close the TCP connection without
 *       a close handshake (what a network failure looks like), and let the next {@code lost} frames go by while the
 *       client is away (they count as emitted: the venue sent them to nobody);</li>
 *   <li>{@link Builder#skip(int...)}: never send these frames (a sequence gap on a connection that stays up);</li>
 *   <li>{@link Builder#holdUntilRequest(Predicate, String, String)}: on each connection, after the first frame the
 *       predicate accepts, send nothing more until the client has been answered on a REST route (a depth snapshot).
 *       This makes a script's indices independent of how fast the client is: without it, a client slowed by a loaded
 *       machine may fetch its snapshot after a scripted gap, and never see the gap.</li>
 * </ul>
 * {@link #framesEmitted()} is the cursor: the frames the venue has produced, sent or not, so that a REST route can
 * answer with the state after exactly those frames (a depth snapshot). Received client messages (subscriptions)
 * and HTTP requests are recorded for the test to inspect.
 */
public final class LoopbackVenue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackVenue.class);

    private final List<ReplayFrame> frames;
    private final long frameIntervalNanos;
    private final Map<Integer, Integer> drops;
    private final Set<Integer> skips;
    private final Map<String, Function<HttpExchangeRecord, HttpAnswer>> routes;
    private final boolean playAfterClientMessage;
    private final Predicate<ReplayFrame> holdAfter;
    private final String holdRoute;
    private final Object holdLock = new Object();
    private long holdRouteAnswers;
    private final Map<WebSocket, CountDownLatch> subscribed = new ConcurrentHashMap<>();
    private final Server ws;
    private final HttpServer http;
    private final List<HttpExchangeRecord> requests = new CopyOnWriteArrayList<>();
    private final List<String> handshakes = new CopyOnWriteArrayList<>();
    private final List<List<String>> received = new CopyOnWriteArrayList<>();
    private final Map<WebSocket, List<String>> receivedBy = new ConcurrentHashMap<>();
    private final Object cursorLock = new Object();
    private int cursor;
    private int framesSent;
    private int connections;
    private int dropsDone;
    private final java.util.concurrent.atomic.AtomicInteger pongs = new java.util.concurrent.atomic.AtomicInteger();

    private LoopbackVenue(Builder b) {
        this.frames = List.copyOf(b.frames);
        this.frameIntervalNanos = b.frameIntervalNanos;
        this.drops = Map.copyOf(b.drops);
        this.skips = Set.copyOf(b.skips);
        this.routes = Map.copyOf(b.routes);
        this.playAfterClientMessage = b.playAfterClientMessage;
        this.holdAfter = b.holdAfter;
        this.holdRoute = b.holdRoute;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.ws = new Server(new InetSocketAddress(loopback, 0));
        ws.setReuseAddr(true);
        ws.start();
        try {
            if (!ws.started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the loopback WebSocket server did not start within 10 s");
            }
            this.http = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the loopback venue", e);
        } catch (IOException e) {
            throw new UncheckedIOException("starting the loopback HTTP server", e);
        }
        http.createContext("/", this::serve);
        http.start();
    }

    /** A builder over the recorded frames, in the order the venue sent them. */
    public static Builder builder(List<ReplayFrame> frames) {
        return new Builder(frames);
    }

    /** Text frames from a recording: one frame per non-blank line of a UTF-8 file. */
    public static List<ReplayFrame> textLines(Path recording) {
        List<ReplayFrame> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(recording, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(ReplayFrame.text(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the recording " + recording, e);
        }
        return out;
    }

    /** {@code ws://127.0.0.1:port}: the WebSocket base address. */
    public URI webSocketBase() {
        return URI.create("ws://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + ws.getPort());
    }

    /** {@code http://127.0.0.1:port}: the REST base address. */
    public URI httpBase() {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + http.getAddress().getPort());
    }

    /** Frames the venue has produced so far (sent, skipped or lost during a drop). */
    public int framesEmitted() {
        synchronized (cursorLock) {
            return cursor;
        }
    }

    /** Frames actually sent to a client. */
    public int framesSent() {
        synchronized (cursorLock) {
            return framesSent;
        }
    }

    /** WebSocket connections accepted so far. */
    public int connections() {
        synchronized (cursorLock) {
            return connections;
        }
    }

    /** Connections dropped by the script so far. */
    public int dropsDone() {
        synchronized (cursorLock) {
            return dropsDone;
        }
    }

    /** Sends a WebSocket ping to every open connection; returns how many were sent. */
    public int ping() {
        int n = 0;
        for (WebSocket conn : ws.getConnections()) {
            if (conn.isOpen()) {
                conn.sendPing();
                n++;
            }
        }
        return n;
    }

    /** Pongs received from clients. */
    public int pongs() {
        return pongs.get();
    }

    /** The request paths ({@code /stream?streams=...}) of each WebSocket handshake, in order. */
    public List<String> handshakes() {
        return List.copyOf(handshakes);
    }

    /** The text messages each connection received from its client, one list per connection, in order. */
    public List<List<String>> clientMessages() {
        List<List<String>> out = new ArrayList<>();
        for (List<String> l : received) {
            out.add(List.copyOf(l));
        }
        return out;
    }

    /** Every HTTP request received, in order. */
    public List<HttpExchangeRecord> requests() {
        return List.copyOf(requests);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            URI uri = exchange.getRequestURI();
            String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
            HttpExchangeRecord record = new HttpExchangeRecord(exchange.getRequestMethod(), uri.getPath(), query,
                    Collections.unmodifiableMap(headers), body);
            requests.add(record);
            Function<HttpExchangeRecord, HttpAnswer> route = routes.get(record.method() + " " + record.path());
            HttpAnswer answer = route == null
                    ? HttpAnswer.of(404, "{\"code\":-1,\"msg\":\"no route " + record.method() + " " + record.path() + "\"}")
                    : route.apply(record);
            if (holdRoute != null && holdRoute.equals(record.method() + " " + record.path())) {
                synchronized (holdLock) {
                    holdRouteAnswers++;
                    holdLock.notifyAll();
                }
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("loopback route failed: {}", e.toString());
            throw e;
        }
    }

    private void play(WebSocket conn) {
        try {
            CountDownLatch first = subscribed.get(conn);
            if (playAfterClientMessage && first != null && !first.await(10, TimeUnit.SECONDS)) {
                LOG.warn("no client message within 10 s: nothing replayed on this connection");
                return;
            }
            boolean held = holdAfter == null;
            long answersAtOpen;
            synchronized (holdLock) {
                answersAtOpen = holdRouteAnswers;
            }
            while (conn.isOpen()) {
                ReplayFrame frame;
                boolean drop;
                synchronized (cursorLock) {
                    if (cursor >= frames.size()) {
                        return;
                    }
                    int index = cursor++;
                    frame = skips.contains(index) ? null : frames.get(index);
                    Integer lost = drops.get(index);
                    drop = lost != null;
                    if (drop) {
                        cursor = Math.min(frames.size(), cursor + lost);
                    }
                    if (frame != null) {
                        framesSent++;
                        if (frame.isBinary()) {
                            conn.send(frame.binary());
                        } else {
                            conn.send(frame.text());
                        }
                    }
                    if (drop) {
                        dropsDone++;
                    }
                }
                if (drop) {
                    drop(conn);
                    return;
                }
                if (!held && frame != null && holdAfter.test(frame)) {
                    held = true;
                    awaitHoldRoute(answersAtOpen);
                }
                if (frameIntervalNanos > 0) {
                    TimeUnit.NANOSECONDS.sleep(frameIntervalNanos);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("replay to a closed connection stopped: {}", e.toString());
        }
    }

    /** Waits (at most 10 s) until the hold route has been answered more than {@code answersAtOpen} times. */
    private void awaitHoldRoute(long answersAtOpen) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (holdLock) {
            while (holdRouteAnswers <= answersAtOpen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("no request on {} within 10 s of the held frame: replay goes on", holdRoute);
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(holdLock, left);
            }
        }
    }

    /**
     * Drops the TCP connection without a close handshake, after the frames already sent have left: waits (up to
     * 1 s) for the send buffer to drain, then closes the socket channel itself, which the client sees as an
     * abnormal closure (1006) or an I/O error.
     */
    private static void drop(WebSocket conn) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (conn.hasBufferedData() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        if (conn instanceof WebSocketImpl impl && impl.getChannel() != null) {
            try {
                impl.getChannel().close();
            } catch (IOException e) {
                LOG.debug("closing the dropped channel: {}", e.toString());
            }
        }
        conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the replay script");
    }

    /** Stops both servers. */
    @Override
    public void close() {
        http.stop(0);
        try {
            ws.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "LoopbackVenue[ws=" + webSocketBase() + ", http=" + httpBase() + ", frames=" + frames.size()
                + ", frameIntervalNanos=" + frameIntervalNanos + ", drops=" + drops + ", skips=" + skips + ", routes="
                + routes.keySet() + "]";
    }

    private final class Server extends WebSocketServer {
        private final CountDownLatch started = new CountDownLatch(1);

        Server(InetSocketAddress address) {
            super(address, 1);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            handshakes.add(handshake.getResourceDescriptor());
            List<String> messages = new CopyOnWriteArrayList<>();
            received.add(messages);
            receivedBy.put(conn, messages);
            subscribed.put(conn, new CountDownLatch(1));
            synchronized (cursorLock) {
                connections++;
            }
            Thread t = new Thread(() -> play(conn), "qtrade-replay-" + handshakes.size());
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            receivedBy.remove(conn);
            subscribed.remove(conn);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            List<String> l = receivedBy.get(conn);
            if (l != null) {
                l.add(message);
            }
            CountDownLatch first = subscribed.get(conn);
            if (first != null) {
                first.countDown();
            }
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            onMessage(conn, "binary:" + message.remaining());
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            LOG.debug("loopback WebSocket error: {}", ex.toString());
        }

        @Override
        public void onWebsocketPong(WebSocket conn, org.java_websocket.framing.Framedata frame) {
            pongs.incrementAndGet();
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    /** The replay script and the REST routes. */
    public static final class Builder {
        private final List<ReplayFrame> frames;
        private long frameIntervalNanos;
        private final Map<Integer, Integer> drops = new HashMap<>();
        private final Set<Integer> skips = new HashSet<>();
        private final Map<String, Function<HttpExchangeRecord, HttpAnswer>> routes = new HashMap<>();
        private boolean playAfterClientMessage;
        private Predicate<ReplayFrame> holdAfter;
        private String holdRoute;

        private Builder(List<ReplayFrame> frames) {
            this.frames = List.copyOf(Objects.requireNonNull(frames, "frames"));
        }

        /** Pause between frames, nanoseconds (0 sends them back to back). */
        public Builder frameIntervalNanos(long nanos) {
            if (nanos < 0) {
                throw new IllegalArgumentException("frameIntervalNanos must be >= 0, was " + nanos);
            }
            this.frameIntervalNanos = nanos;
            return this;
        }

        /** After frame {@code index} is sent, drop the connection; {@code lost} frames go by before the client is back. */
        public Builder dropAfter(int index, int lost) {
            checkIndex(index);
            if (lost < 0) {
                throw new IllegalArgumentException("lost must be >= 0, was " + lost);
            }
            drops.put(index, lost);
            return this;
        }

        /**
         * Start sending on a connection only after its client's first message (a subscription), as venues that
         * stream nothing before a subscribe do (Kite).
         */
        public Builder playAfterClientMessage() {
            this.playAfterClientMessage = true;
            return this;
        }

        /**
         * On each connection, after the first frame {@code after} accepts has been sent, send nothing more until the
         * route {@code method path} has answered a request made since the connection opened (at most 10 s, then a
         * warning and the replay goes on). For a Binance depth stream: hold after the first depth diff until the
         * client's REST snapshot, so that scripted gaps fall after the client's synchronisation however slow it is.
         */
        public Builder holdUntilRequest(Predicate<ReplayFrame> after, String method, String path) {
            this.holdAfter = Objects.requireNonNull(after, "after");
            this.holdRoute = Objects.requireNonNull(method, "method") + " " + Objects.requireNonNull(path, "path");
            return this;
        }

        /** Never send these frames: a sequence gap on a live connection. */
        public Builder skip(int... indices) {
            for (int i : indices) {
                checkIndex(i);
                skips.add(i);
            }
            return this;
        }

        /** Answers {@code method path} (path without query) with {@code route}. */
        public Builder route(String method, String path, Function<HttpExchangeRecord, HttpAnswer> route) {
            routes.put(method.toUpperCase(Locale.ROOT) + " " + path, Objects.requireNonNull(route, "route"));
            return this;
        }

        private void checkIndex(int index) {
            if (index < 0 || index >= frames.size()) {
                throw new IllegalArgumentException("frame index must be in 0.." + (frames.size() - 1) + ", was "
                        + index);
            }
        }

        /** Starts the venue on free loopback ports. */
        public LoopbackVenue start() {
            return new LoopbackVenue(this);
        }
    }
}
