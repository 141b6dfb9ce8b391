package io.qtrade.connectors.binance.live;

import io.qtrade.store.binance.BinanceDepthSynchronizer;
import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.store.binance.DepthMessage;
import io.qtrade.connectors.live.LiveEventListener;
import io.qtrade.connectors.live.MalformedFrameException;
import io.qtrade.connectors.live.ReconnectPolicy;
import io.qtrade.connectors.live.ReconnectingWebSocket;
import io.qtrade.connectors.live.Sleeper;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.time.Clock;
import io.qtrade.core.time.SystemClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Binance live market data: one combined WebSocket stream ({@code <ws>/stream?streams=a/b/c}) of diff depth, trades,
 * aggregate trades, book tickers and (USD-M futures) mark prices for a set of instruments, decoded into core events
 * for a {@link LiveEventListener}.
 *
 * <h2>Mark price, index price and funding rate</h2>
 * With {@link Builder#markPrice(MarkPriceUpdates)} on a USD-M futures client, each instrument's
 * {@code <symbol>@markPrice} (every 3 s) or {@code <symbol>@markPrice@1s} stream gives, per update, a
 * {@code MARK_PRICE}, an {@code INDEX_PRICE} and a {@code FUNDING_RATE} row (the rate announced for the next funding
 * time, which is the row's {@code orderId}); see {@link BinanceFrameParser}. Books ignore these rows; a
 * {@link io.qtrade.connectors.recorder.TickRecorder} stores them with the rest.
 *
 * <h2>The local book</h2>
 * Each instrument's diffs go through its own {@link BinanceDepthSynchronizer}, which applies Binance's documented
 * procedure ("How to manage a local order book correctly"): diffs are buffered until a REST snapshot
 * ({@code GET /api/v3/depth} spot, {@code /fapi/v1/depth} futures, {@code limit} levels) is fetched, diffs with
 * {@code u <= lastUpdateId} are dropped, the first applied one has {@code U <= lastUpdateId + 1 <= u}
 * ({@code U <= lastUpdateId <= u} on futures), and each later one chains ({@code U == previous u + 1} on spot,
 * {@code pu == previous u} on futures). The snapshot is fetched on the receive thread when the synchroniser waits
 * for one (first diff, or after a gap); meanwhile later frames wait in the socket, which is exactly the buffering the
 * procedure asks for. A gap is counted, logged, announced with a {@code BOOK_CLEAR} row and repaired from a new
 * snapshot (rows flagged {@code AFTER_RESYNC}).
 *
 * <h2>Disconnects</h2>
 * A dropped connection is reopened by a {@link ReconnectingWebSocket} (exponential backoff with jitter; the
 * 24-hour connection limit is met by reopening at {@code maxConnectionAgeNanos}). The book is not cleared on a drop:
 * the first diff after the reconnect either chains with the last applied one (nothing was missed) or breaks the
 * chain, which is a gap and resyncs as above. Pings are answered by the JDK client. Every unplanned loss (not the
 * rotation at {@code maxConnectionAgeNanos}) is reported to the listener's {@link LiveEventListener#onDisconnect}, where
 * a kill switch may act on it.
 *
 * <h2>Bad frames</h2>
 * A malformed frame ({@link MalformedFrameException}) is logged and counted ({@link #malformedFrames()}), nothing of
 * it is emitted, and the connection is kept: if it was a diff, the next diff breaks the chain and the book resyncs,
 * so the book is never corrupt. Any other failure while handling a frame resets the connection.
 */
public final class BinanceMarketDataClient implements AutoCloseable {

    /** Spot WebSocket base. */
    public static final URI SPOT_STREAM_BASE = URI.create("wss://stream.binance.com:9443");
    /** Spot REST base. */
    public static final URI SPOT_REST_BASE = URI.create("https://api.binance.com");
    /** USD-M futures WebSocket base. */
    public static final URI FUTURES_STREAM_BASE = URI.create("wss://fstream.binance.com");
    /** USD-M futures REST base. */
    public static final URI FUTURES_REST_BASE = URI.create("https://fapi.binance.com");
    /** Default connection age at which the stream is reopened: 23 h 50 min, inside Binance's 24 h limit. */
    public static final long DEFAULT_MAX_CONNECTION_AGE_NANOS = TimeUnit.MINUTES.toNanos(23 * 60 + 50);
    /**
     * Default idle timeout: 5 minutes. Binance pings every 20 s (spot) or 3 min (futures) and a busy stream sends
     * far more often; a connection silent this long is dead.
     */
    public static final long DEFAULT_IDLE_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(5);

    private static final Logger LOG = LoggerFactory.getLogger(BinanceMarketDataClient.class);

    private final BinanceMarket market;
    private final List<Instrument> instruments;
    private final URI streamBase;
    private final URI restBase;
    private final boolean depth;
    private final boolean trades;
    private final boolean aggTrades;
    private final boolean bookTicker;
    private final MarkPriceUpdates markPrice;
    private final int snapshotLimit;
    private final LiveEventListener listener;
    private final Clock clock;
    private final HttpClient http;
    private final BinanceDepthSynchronizer[] synchronizers;
    private final BinanceFrameParser parser;
    private final DepthMessage diff = new DepthMessage();
    private final DepthMessage snapshot = new DepthMessage();
    private final EventBatch batch;
    private final ReconnectingWebSocket socket;
    private volatile long malformedFrames;
    private volatile long snapshotsFetched;
    private volatile long snapshotFailures;
    private volatile long frames;

    private BinanceMarketDataClient(Builder b) {
        this.market = b.market;
        this.instruments = List.copyOf(b.instruments);
        this.streamBase = b.streamBase != null ? b.streamBase
                : market == BinanceMarket.SPOT ? SPOT_STREAM_BASE : FUTURES_STREAM_BASE;
        this.restBase = b.restBase != null ? b.restBase
                : market == BinanceMarket.SPOT ? SPOT_REST_BASE : FUTURES_REST_BASE;
        this.depth = b.depth;
        this.trades = b.trades;
        this.aggTrades = b.aggTrades;
        this.bookTicker = b.bookTicker;
        this.markPrice = b.markPrice;
        if (markPrice != MarkPriceUpdates.NONE && market != BinanceMarket.USDM_FUTURES) {
            throw new IllegalArgumentException("markPrice " + markPrice + ": the mark price stream is a USD-M futures"
                    + " stream, this client reads " + market);
        }
        if (!(depth || trades || aggTrades || bookTicker || markPrice != MarkPriceUpdates.NONE)) {
            throw new IllegalArgumentException("streams: at least one of depth, trades, aggTrades, bookTicker,"
                    + " markPrice");
        }
        this.snapshotLimit = b.snapshotLimit;
        this.listener = b.listener;
        this.clock = b.clock;
        this.http = b.http != null ? b.http : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.synchronizers = new BinanceDepthSynchronizer[instruments.size()];
        for (int i = 0; i < synchronizers.length; i++) {
            synchronizers[i] = new BinanceDepthSynchronizer(market, i, instruments.get(i).id(), b.maxBufferedDiffs);
        }
        this.parser = new BinanceFrameParser(market, instruments);
        this.batch = new EventBatch(b.batchCapacity);
        URI uri = streamUri();
        this.socket = new ReconnectingWebSocket("binance-" + market.name().toLowerCase(Locale.ROOT), () -> uri, this.http,
                new Handler(), b.policy, b.sleeper, clock, b.maxConnectionAgeNanos, b.idleTimeoutNanos);
    }

    /** A builder for {@code market} and its instruments (their symbols as Binance spells them). */
    public static Builder builder(BinanceMarket market, List<Instrument> instruments, LiveEventListener listener) {
        return new Builder(market, instruments, listener);
    }

    /** The combined stream's address: {@code <base>/stream?streams=btcusdt@depth@100ms/btcusdt@trade/...}. */
    public URI streamUri() {
        List<String> streams = new ArrayList<>();
        for (Instrument in : instruments) {
            String s = in.symbol().toLowerCase(Locale.ROOT);
            if (depth) {
                streams.add(s + "@depth@100ms");
            }
            if (trades) {
                streams.add(s + "@trade");
            }
            if (aggTrades) {
                streams.add(s + "@aggTrade");
            }
            if (bookTicker) {
                streams.add(s + "@bookTicker");
            }
            if (markPrice != MarkPriceUpdates.NONE) {
                streams.add(s + markPrice.streamSuffix());
            }
        }
        return URI.create(streamBase + "/stream?streams=" + String.join("/", streams));
    }

    /** Connects; returns at once. */
    public BinanceMarketDataClient start() {
        socket.start();
        return this;
    }

    private final class Handler implements ReconnectingWebSocket.Handler {
        @Override
        public void onOpen(WebSocket ws) {
            // The combined stream URI carries the subscriptions; nothing to send.
        }

        @Override
        public void onText(CharSequence text) {
            long localTs = clock.nowNanos();
            frames++;
            batch.clear();
            try {
                int kind = parser.parse(text, localTs, diff, batch);
                if (kind == BinanceFrameParser.DEPTH) {
                    int i = parser.instrument();
                    BinanceDepthSynchronizer sync = synchronizers[i];
                    sync.onDiff(diff, batch);
                    if (sync.state() == BinanceDepthSynchronizer.State.AWAITING_SNAPSHOT) {
                        fetchSnapshot(i);
                    }
                }
            } catch (MalformedFrameException e) {
                malformedFrames++;
                batch.clear();
                throw e;
            } catch (RuntimeException e) {
                batch.clear();
                throw e;
            }
            if (!batch.isEmpty()) {
                listener.onEvents(batch);
                batch.clear();
            }
        }

        @Override
        public void onBinary(ByteBuffer data) {
            throw new MalformedFrameException("binance stream", "unexpected binary frame of " + data.remaining()
                    + " bytes: Binance streams send JSON text");
        }

        @Override
        public void onDisconnect(String reason) {
            // The book stays as of the last applied diff; the next diff's chain check decides (class Javadoc).
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

    private void fetchSnapshot(int i) {
        Instrument in = instruments.get(i);
        URI uri = URI.create(restBase + (market == BinanceMarket.SPOT ? "/api/v3/depth" : "/fapi/v1/depth")
                + "?symbol=" + in.symbol().toUpperCase(Locale.ROOT) + "&limit=" + snapshotLimit);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            snapshotFailures++;
            LOG.warn("{}: depth snapshot request failed ({}); retried on the next diff", in.id(),
                    io.qtrade.connectors.live.Redaction.redact(e));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (response.statusCode() != 200) {
            snapshotFailures++;
            LOG.warn("{}: depth snapshot answered HTTP {}: {}; retried on the next diff", in.id(),
                    response.statusCode(), abbreviate(response.body()));
            return;
        }
        long localTs = clock.nowNanos();
        parser.parseSnapshot(response.body(), i, localTs, snapshot);
        snapshotsFetched++;
        LOG.info("{}: depth snapshot lastUpdateId={} ({} bids, {} asks)", in.id(), snapshot.finalUpdateId,
                snapshot.bidCount(), snapshot.askCount());
        synchronizers[i].onSnapshot(snapshot, batch);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    /** The synchroniser of instrument {@code i}, for its counters (gaps, resyncs) and state. */
    public BinanceDepthSynchronizer synchronizer(int i) {
        return synchronizers[i];
    }

    /** Sequence gaps found, all instruments. */
    public long gaps() {
        long n = 0;
        for (BinanceDepthSynchronizer s : synchronizers) {
            n += s.gaps();
        }
        return n;
    }

    /** Books rebuilt after a gap, all instruments. */
    public long resyncs() {
        long n = 0;
        for (BinanceDepthSynchronizer s : synchronizers) {
            n += s.resyncs();
        }
        return n;
    }

    /** Frames rejected as malformed. */
    public long malformedFrames() {
        return malformedFrames;
    }

    /** Frames received. */
    public long frames() {
        return frames;
    }

    /** REST depth snapshots fetched. */
    public long snapshotsFetched() {
        return snapshotsFetched;
    }

    /** REST depth snapshot requests that failed. */
    public long snapshotFailures() {
        return snapshotFailures;
    }

    /** The connection, for its counters (connects, disconnects, pings). */
    public ReconnectingWebSocket connection() {
        return socket;
    }

    /** Closes the stream; no reconnect follows. */
    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "BinanceMarketDataClient[market=" + market + ", instruments=" + instruments.size() + ", streamBase="
                + streamBase + ", restBase=" + restBase + ", depth=" + depth + ", trades=" + trades + ", aggTrades="
                + aggTrades + ", bookTicker=" + bookTicker + ", markPrice=" + markPrice + ", snapshotLimit="
                + snapshotLimit + ", " + socket + "]";
    }

    /** How often the USD-M mark price stream updates, as Binance offers it; or not at all. */
    public enum MarkPriceUpdates {
        /** No mark price stream. */
        NONE(""),
        /** {@code <symbol>@markPrice}: one update every 3 seconds. */
        EVERY_3_SECONDS("@markPrice"),
        /** {@code <symbol>@markPrice@1s}: one update every second. */
        EVERY_SECOND("@markPrice@1s");

        private final String suffix;

        MarkPriceUpdates(String suffix) {
            this.suffix = suffix;
        }

        /** The stream name after the lower-case symbol. */
        public String streamSuffix() {
            return suffix;
        }
    }

    /** Options of a {@link BinanceMarketDataClient}; every setter checks its value. */
    public static final class Builder {
        private final BinanceMarket market;
        private final List<Instrument> instruments;
        private final LiveEventListener listener;
        private URI streamBase;
        private URI restBase;
        private boolean depth = true;
        private boolean trades = true;
        private boolean aggTrades;
        private boolean bookTicker = true;
        private MarkPriceUpdates markPrice = MarkPriceUpdates.NONE;
        private int snapshotLimit = 1000;
        private int maxBufferedDiffs = BinanceDepthSynchronizer.DEFAULT_MAX_BUFFERED_DIFFS;
        private int batchCapacity = 1 << 16;
        private ReconnectPolicy policy = ReconnectPolicy.defaults(1L);
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = new SystemClock();
        private HttpClient http;
        private long maxConnectionAgeNanos = DEFAULT_MAX_CONNECTION_AGE_NANOS;
        private long idleTimeoutNanos = DEFAULT_IDLE_TIMEOUT_NANOS;

        private Builder(BinanceMarket market, List<Instrument> instruments, LiveEventListener listener) {
            this.market = Objects.requireNonNull(market, "market");
            this.listener = Objects.requireNonNull(listener, "listener");
            if (instruments.isEmpty()) {
                throw new IllegalArgumentException("instruments: at least one expected");
            }
            this.instruments = List.copyOf(instruments);
        }

        /** The WebSocket base ({@code wss://host:port}); defaults to Binance's for the market. */
        public Builder streamBase(URI uri) {
            this.streamBase = Objects.requireNonNull(uri, "streamBase");
            return this;
        }

        /** The REST base ({@code https://host}); defaults to Binance's for the market. */
        public Builder restBase(URI uri) {
            this.restBase = Objects.requireNonNull(uri, "restBase");
            return this;
        }

        /**
         * Which streams to subscribe per instrument (defaults: depth, trades, book ticker). All four may be off when
         * the mark price stream is on; {@link #build()} refuses a client with no stream.
         */
        public Builder streams(boolean depth, boolean trades, boolean aggTrades, boolean bookTicker) {
            this.depth = depth;
            this.trades = trades;
            this.aggTrades = aggTrades;
            this.bookTicker = bookTicker;
            return this;
        }

        /**
         * The USD-M mark price stream per instrument ({@code <symbol>@markPrice} or {@code <symbol>@markPrice@1s}):
         * MARK_PRICE, INDEX_PRICE and FUNDING_RATE rows. Default {@link MarkPriceUpdates#NONE}; {@link #build()}
         * refuses it on spot.
         */
        public Builder markPrice(MarkPriceUpdates updates) {
            this.markPrice = Objects.requireNonNull(updates, "updates");
            return this;
        }

        /** Levels per REST snapshot: 5, 10, 20, 50, 100, 500, 1000 (or 5000 on spot). */
        public Builder snapshotLimit(int levels) {
            if (levels <= 0 || levels > 5000) {
                throw new IllegalArgumentException("snapshotLimit must be in 1..5000, was " + levels);
            }
            this.snapshotLimit = levels;
            return this;
        }

        /** Diffs buffered per instrument while waiting for a snapshot. */
        public Builder maxBufferedDiffs(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("maxBufferedDiffs must be > 0, was " + n);
            }
            this.maxBufferedDiffs = n;
            return this;
        }

        /** Rows one venue message (a snapshot with its buffered diffs) may produce. */
        public Builder batchCapacity(int rows) {
            if (rows < 16) {
                throw new IllegalArgumentException("batchCapacity must be >= 16 rows, was " + rows);
            }
            this.batchCapacity = rows;
            return this;
        }

        /** Backoff between reconnection attempts. */
        public Builder reconnectPolicy(ReconnectPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** How the backoff waits (tests inject one that returns at once). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The clock that stamps {@code localTs}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The JDK HTTP client for the WebSocket and the snapshots. */
        public Builder httpClient(HttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /** Reopen the connection at this age (Binance closes it at 24 h). */
        public Builder maxConnectionAgeNanos(long nanos) {
            if (nanos <= 0) {
                throw new IllegalArgumentException("maxConnectionAgeNanos must be > 0, was " + nanos);
            }
            this.maxConnectionAgeNanos = nanos;
            return this;
        }

        /** Reopen a connection on which nothing has arrived for this long. */
        public Builder idleTimeoutNanos(long nanos) {
            if (nanos <= 0) {
                throw new IllegalArgumentException("idleTimeoutNanos must be > 0, was " + nanos);
            }
            this.idleTimeoutNanos = nanos;
            return this;
        }

        /** The client, not yet connected ({@link BinanceMarketDataClient#start()}). */
        public BinanceMarketDataClient build() {
            return new BinanceMarketDataClient(this);
        }
    }
}
