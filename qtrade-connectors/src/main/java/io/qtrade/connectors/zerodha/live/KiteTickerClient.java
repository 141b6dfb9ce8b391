package io.qtrade.connectors.zerodha.live;

import io.qtrade.connectors.live.Credentials;
import io.qtrade.connectors.live.LiveEventListener;
import io.qtrade.connectors.live.MalformedFrameException;
import io.qtrade.connectors.live.ReconnectPolicy;
import io.qtrade.connectors.live.ReconnectingWebSocket;
import io.qtrade.connectors.live.Sleeper;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The Kite Connect ticker: {@code wss://ws.kite.trade?api_key=...&access_token=...}, on every (re)connection
 * {@code {"a":"subscribe","v":[tokens]}} then {@code {"a":"mode","v":["full"|"quote"|"ltp",[tokens]]}}, binary
 * messages decoded by {@link KiteTickParser} and turned into core events by {@link KiteTickEvents} for a
 * {@link LiveEventListener}. Text messages ({@code {"type":"error",...}}, order postbacks) are logged and counted.
 * A dropped connection is reopened with the {@link ReconnectPolicy}'s backoff and the subscriptions are sent again.
 * A malformed message is refused as a whole (nothing applied), counted, and the connection kept: the next full tick
 * replaces the book anyway. The address holds the access token and is never logged.
 */
public final class KiteTickerClient implements AutoCloseable {

    /** Kite's ticker address. */
    public static final URI KITE_TICKER = URI.create("wss://ws.kite.trade");

    /** Default idle timeout: 10 s, ten missed heartbeats. */
    public static final long DEFAULT_IDLE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final Logger LOG = LoggerFactory.getLogger(KiteTickerClient.class);

    /** Ticker modes, as Kite names them. */
    public enum Mode {
        /** Last price only. */
        LTP,
        /** Quote without depth. */
        QUOTE,
        /** Quote with 5 + 5 depth and times. */
        FULL
    }

    private final long[] tokens;
    private final Mode mode;
    private final LiveEventListener listener;
    private final Clock clock;
    private final KiteTickParser parser = new KiteTickParser();
    private final KiteTickEvents events;
    private final EventBatch batch;
    private final ReconnectingWebSocket socket;
    private final KiteTickParser.Handler onTick;
    private long localTs;
    private volatile long ticks;
    private volatile long heartbeats;
    private volatile long malformedMessages;
    private volatile long textMessages;

    /**
     * @param base        the ticker address ({@link #KITE_TICKER}, or a loopback venue)
     * @param credentials API key and access token (required)
     * @param instruments the instruments to subscribe
     * @param tokens      their Kite instrument tokens, same order
     * @param mode        ticker mode
     * @param listener    receives the events
     * @param http        the JDK client
     * @param policy      reconnect backoff
     * @param sleeper     how the backoff waits
     * @param clock       stamps {@code localTs}
     * @param idleTimeoutNanos reopen a connection silent this long (Kite sends a heartbeat every second; 10 s is
     *                    {@link #DEFAULT_IDLE_TIMEOUT_NANOS})
     */
    public KiteTickerClient(URI base, Credentials credentials, List<Instrument> instruments, long[] tokens, Mode mode,
                            LiveEventListener listener, HttpClient http, ReconnectPolicy policy, Sleeper sleeper,
                            Clock clock, long idleTimeoutNanos) {
        Objects.requireNonNull(credentials, "credentials");
        String token = credentials.accessToken().orElseThrow(() -> new IllegalArgumentException("the Kite ticker"
                + " needs an access token (" + Credentials.KITE_ACCESS_TOKEN + " or a session exchange)")).reveal();
        this.tokens = tokens.clone();
        this.mode = Objects.requireNonNull(mode, "mode");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = new KiteTickEvents(instruments, tokens);
        this.batch = new EventBatch(64 * Math.max(1, tokens.length));
        URI uri = URI.create(base + "?api_key=" + URLEncoder.encode(credentials.apiKey().reveal(),
                StandardCharsets.UTF_8) + "&access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        this.onTick = tick -> {
            ticks++;
            events.write(tick, localTs, batch);
        };
        this.socket = new ReconnectingWebSocket("kite-ticker", () -> uri, http, new Handler(), policy, sleeper, clock,
                TimeUnit.DAYS.toNanos(1), idleTimeoutNanos);
    }

    /** The subscribe message: {@code {"a":"subscribe","v":[t1,t2]}}. */
    public String subscribeMessage() {
        return "{\"a\":\"subscribe\",\"v\":" + tokenArray() + "}";
    }

    /** The mode message: {@code {"a":"mode","v":["full",[t1,t2]]}}. */
    public String modeMessage() {
        return "{\"a\":\"mode\",\"v\":[\"" + mode.name().toLowerCase(Locale.ROOT) + "\"," + tokenArray() + "]}";
    }

    private String tokenArray() {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < tokens.length; i++) {
            s.append(i > 0 ? "," : "").append(tokens[i]);
        }
        return s.append(']').toString();
    }

    /** Connects; returns at once. */
    public KiteTickerClient start() {
        socket.start();
        return this;
    }

    private final class Handler implements ReconnectingWebSocket.Handler {
        @Override
        public void onOpen(WebSocket ws) {
            ws.sendText(subscribeMessage(), true).join();
            ws.sendText(modeMessage(), true).join();
        }

        @Override
        public void onText(CharSequence text) {
            textMessages++;
            if (text.toString().contains("\"type\":\"error\"")) {
                LOG.warn("kite ticker error message: {}", text);
            } else {
                LOG.debug("kite ticker text message of {} chars", text.length());
            }
        }

        @Override
        public void onBinary(ByteBuffer data) {
            localTs = clock.nowNanos();
            batch.clear();
            int packets;
            try {
                packets = parser.parse(data, onTick);
            } catch (RuntimeException e) {
                if (e instanceof MalformedFrameException) {
                    malformedMessages++;
                }
                batch.clear();
                throw e;
            }
            if (packets == 0) {
                heartbeats++;
            }
            if (!batch.isEmpty()) {
                listener.onEvents(batch);
                batch.clear();
            }
        }

        @Override
        public void onDisconnect(String reason) {
            // Subscriptions are sent again on the next open; full ticks replace the book.
            if (!reason.startsWith("rotation")) {
                // A planned rotation (maximum connection age) loses nothing a resync cannot repair: not reported.
                listener.onDisconnect(reason);
            }
        }

        @Override
        public boolean resetOnError(RuntimeException error) {
            return !(error instanceof MalformedFrameException);
        }
    }

    /** Packets decoded. */
    public long ticks() {
        return ticks;
    }

    /** Heartbeats received. */
    public long heartbeats() {
        return heartbeats;
    }

    /** Binary messages refused as malformed. */
    public long malformedMessages() {
        return malformedMessages;
    }

    /** Text messages received. */
    public long textMessages() {
        return textMessages;
    }

    /** The event mapper, for its counters. */
    public KiteTickEvents events() {
        return events;
    }

    /** The connection, for its counters. */
    public ReconnectingWebSocket connection() {
        return socket;
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "KiteTickerClient[mode=" + mode + ", tokens=" + tokens.length + ", " + socket + "]";
    }
}
