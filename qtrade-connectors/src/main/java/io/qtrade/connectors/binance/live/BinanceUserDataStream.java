package io.qtrade.connectors.binance.live;

import io.qtrade.connectors.live.ExecutionListener;
import io.qtrade.connectors.live.MalformedFrameException;
import io.qtrade.connectors.live.ReconnectPolicy;
import io.qtrade.connectors.live.ReconnectingWebSocket;
import io.qtrade.connectors.live.Sleeper;
import io.qtrade.core.Instrument;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.core.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Binance user-data stream: a listen key from {@link BinanceRestClient#createListenKey()} (a new one on every
 * connection), the raw stream {@code <ws>/ws/<listenKey>}, a keep-alive {@code PUT} every
 * {@code keepAliveNanos} (Binance: a key lives 60 minutes, keep it alive every 30), order updates mapped by
 * {@link BinanceUserDataParser} to {@link ExecutionListener} calls. A {@code listenKeyExpired} event drops the
 * connection so that the reconnect opens a fresh key. The listen key is a credential: it is never logged.
 */
public final class BinanceUserDataStream implements AutoCloseable {

    /** Default keep-alive period: 30 minutes. */
    public static final long DEFAULT_KEEP_ALIVE_NANOS = TimeUnit.MINUTES.toNanos(30);

    private static final Logger LOG = LoggerFactory.getLogger(BinanceUserDataStream.class);

    private final BinanceRestClient rest;
    private final URI streamBase;
    private final BinanceUserDataParser parser;
    private final ExecutionListener listener;
    private final Clock clock;
    private final ReconnectingWebSocket socket;
    private final ScheduledExecutorService keepAlive;
    private final long keepAliveNanos;
    private volatile String listenKey;
    private volatile long reports;
    private volatile long keepAlives;

    /**
     * @param rest           the REST client that makes and keeps alive the listen key
     * @param streamBase     the WebSocket base ({@code wss://stream.binance.com:9443}, or a loopback venue)
     * @param instruments    the account's instruments
     * @param listener       receives reports and fills
     * @param http           the JDK client for the WebSocket
     * @param policy         reconnect backoff
     * @param sleeper        how the backoff waits
     * @param clock          stamps {@code localTs}
     * @param keepAliveNanos keep-alive period, {@code > 0}
     */
    public BinanceUserDataStream(BinanceRestClient rest, URI streamBase, List<Instrument> instruments,
                                 ExecutionListener listener, HttpClient http, ReconnectPolicy policy, Sleeper sleeper,
                                 Clock clock, long keepAliveNanos) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.streamBase = Objects.requireNonNull(streamBase, "streamBase");
        this.parser = new BinanceUserDataParser(instruments);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (keepAliveNanos <= 0) {
            throw new IllegalArgumentException("keepAliveNanos must be > 0, was " + keepAliveNanos);
        }
        this.keepAliveNanos = keepAliveNanos;
        this.socket = new ReconnectingWebSocket("binance-user-data", this::newStreamUri, http, new Handler(), policy,
                sleeper, clock, BinanceMarketDataClient.DEFAULT_MAX_CONNECTION_AGE_NANOS,
                BinanceMarketDataClient.DEFAULT_IDLE_TIMEOUT_NANOS);
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "qtrade-binance-listenkey");
            t.setDaemon(true);
            return t;
        });
    }

    private URI newStreamUri() {
        listenKey = rest.createListenKey();
        return URI.create(streamBase + "/ws/" + listenKey);
    }

    /** Opens the stream and starts the keep-alive; returns at once. */
    public BinanceUserDataStream start() {
        socket.start();
        keepAlive.scheduleAtFixedRate(this::keepAlive, keepAliveNanos, keepAliveNanos, TimeUnit.NANOSECONDS);
        return this;
    }

    private void keepAlive() {
        String key = listenKey;
        if (key == null) {
            return;
        }
        try {
            rest.keepAliveListenKey(key);
            keepAlives++;
        } catch (RuntimeException e) {
            LOG.warn("listen key keep-alive failed: {}; the stream is reopened with a new key", io.qtrade.connectors.live.Redaction.redact(e.getMessage()));
            socket.dropConnection();
        }
    }

    private final class Handler implements ReconnectingWebSocket.Handler {
        @Override
        public void onOpen(WebSocket ws) {
            // The listen key in the URI is the subscription.
        }

        @Override
        public void onText(CharSequence text) {
            ExecutionReport report = parser.parse(text, clock.nowNanos());
            if (report != null) {
                reports++;
                listener.onReport(report);
                Fill fill = parser.lastFill();
                if (fill != null) {
                    listener.onFill(fill);
                }
            } else if (parser.listenKeyExpired()) {
                LOG.warn("listen key expired: reopening the user-data stream");
                socket.dropConnection();
            }
        }

        @Override
        public void onBinary(ByteBuffer data) {
            throw new MalformedFrameException("binance user-data", "unexpected binary frame");
        }

        @Override
        public void onDisconnect(String reason) {
            listenKey = null;
        }

        @Override
        public boolean resetOnError(RuntimeException error) {
            // A lost order update cannot be detected from the stream: reconnect and let the caller query.
            return true;
        }
    }

    /** Order reports delivered. */
    public long reports() {
        return reports;
    }

    /** Keep-alive requests that succeeded. */
    public long keepAlives() {
        return keepAlives;
    }

    /** The connection, for its counters. */
    public ReconnectingWebSocket connection() {
        return socket;
    }

    @Override
    public void close() {
        keepAlive.shutdownNow();
        socket.close();
    }

    @Override
    public String toString() {
        return "BinanceUserDataStream[streamBase=" + streamBase + ", keepAliveNanos=" + keepAliveNanos + ", reports="
                + reports + ", " + socket + "]";
    }
}
