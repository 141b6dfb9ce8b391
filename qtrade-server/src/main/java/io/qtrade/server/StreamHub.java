package io.qtrade.server;

import io.javalin.websocket.WsContext;
import io.qtrade.core.Instrument;
import io.qtrade.risk.killswitch.Engagement;
import io.qtrade.risk.killswitch.KillSwitch;
import io.qtrade.server.tap.BookSnapshot;
import io.qtrade.server.tap.EngineTap;
import io.qtrade.server.tap.PortfolioSnapshot;
import io.qtrade.server.tap.StrategySignals;
import io.qtrade.server.tap.TapEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The server's own thread ({@code qtrade-server-hub}): drains the tap's rings into {@link LiveState}, samples books
 * (every {@code bookIntervalNanos}), portfolios, signals and the kill switch (every {@code portfolioIntervalNanos}),
 * hands each message to the subscribed WebSocket clients (latest values conflated per client, events queued: see
 * {@link WsClient}), and every {@code streamFlushIntervalNanos} writes what each client has waiting (a frame per
 * queued chunk and per latest value). It never waits on a socket, and the engine never waits on it (nor wakes it: the hub polls the rings, parking between
 * passes).
 */
final class StreamHub implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);
    private static final int DEPTH_LEVELS = 10;
    private static final long MAX_PARK_NANOS = 1_000_000;

    private final EngineTap tap;
    private final ServerConfig config;
    private final LiveState state;
    private final RateLimiter limiter;
    private final Map<WsContext, WsClient> clients = new ConcurrentHashMap<>();
    /** The clients as an array, rebuilt on each connect and close: the hub iterates it without allocating. */
    private volatile WsClient[] clientArray = new WsClient[0];
    /** Bit {@code 1 << topic.ordinal()} set when some client subscribed to the topic. */
    private volatile int subscribedTopics;
    private final long[] bookVersion;
    private final long[] portfolioVersion;
    private final Map<String, Map<String, Double>> lastSignals = new LinkedHashMap<>();
    private int lastEngagements;
    private boolean lastEngaged;
    private volatile boolean running = true;
    /** Set by a new subscription: the hub forgets the last versions so that the subscriber gets snapshots at once. */
    private volatile boolean resendAll;
    private volatile Thread thread;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong droppedForClients = new AtomicLong();
    private final AtomicLong slowDisconnects = new AtomicLong();
    private final AtomicLong authFailures = new AtomicLong();
    /** Counters of clients gone, so that the totals cover every client of the run. */
    private final AtomicLong deliveredByGone = new AtomicLong();
    private final AtomicLong conflatedByGone = new AtomicLong();
    private final AtomicLong framesByGone = new AtomicLong();
    private final AtomicLong bytesByGone = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger clientIds = new java.util.concurrent.atomic.AtomicInteger();
    private long lastFillsLost;
    /** The distinct subscriptions of the clients, each collecting its events for the next flush (hub thread). */
    private Stream[] streams = new Stream[0];
    /** Set when a client connects, subscribes, unsubscribes or goes: the hub regroups the clients into streams. */
    private volatile boolean streamsChanged = true;
    /** The fill, order or trade message being written (hub thread). */
    private final JsonBytes messageBytes = new JsonBytes();

    /**
     * Clients with the same subscription (topics and instrument filter): every event message they want is appended
     * once to {@link #pending}, and at each flush the chunk is offered to each of them (a view each, no copy).
     */
    private static final class Stream {
        final int topicMask;
        final Set<String> instruments;
        final List<WsClient> clients = new ArrayList<>();
        final Chunk.Builder pending = new Chunk.Builder();

        Stream(int topicMask, Set<String> instruments) {
            this.topicMask = topicMask;
            this.instruments = instruments;
        }

        boolean wants(Topic topic, String instrument) {
            return (topicMask & 1 << topic.ordinal()) != 0
                    && (instrument == null || instruments == null || instruments.contains(instrument));
        }
    }

    StreamHub(EngineTap tap, ServerConfig config, LiveState state, RateLimiter limiter) {
        this.tap = tap;
        this.config = config;
        this.state = state;
        this.limiter = limiter;
        this.bookVersion = new long[tap.instruments().size()];
        this.portfolioVersion = new long[64];
    }

    void start() {
        Thread t = new Thread(this, "qtrade-server-hub");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        distribute(System.nanoTime());
        for (WsClient c : clients.values()) {
            c.flush();
            c.close(1001, "server stopping");
        }
        clients.clear();
        clientsChanged();
    }

    @Override
    public void run() {
        long nextBook = 0;
        long nextPortfolio = 0;
        long nextFlush = 0;
        List<String> ids = tap.strategyIds();
        int strategyCount = ids.size();
        while (running) {
            try {
                long now = System.nanoTime();
                if (resendAll) {
                    resendAll = false;
                    java.util.Arrays.fill(bookVersion, -1);
                    java.util.Arrays.fill(portfolioVersion, -1);
                    lastSignals.clear();
                    lastEngagements = -1;
                }
                if (tap.strategyCount() != strategyCount) {
                    ids = tap.strategyIds();
                    strategyCount = ids.size();
                }
                List<String> strategyIds = ids;
                if (streamsChanged) {
                    regroup(now);
                }
                int n = 0;
                int got;
                // Fills first (never crowded out by order updates), then order updates, then trade prints.
                do {
                    got = tap.fillRing().drain(e -> onAccount(e, strategyIds), 4096);
                    n += got;
                } while (got == 4096);
                do {
                    got = tap.accountRing().drain(e -> onAccount(e, strategyIds), 4096);
                    n += got;
                } while (got == 4096 && n < 1 << 16);
                n += tap.marketRing().drain(this::onTrade, 4096);
                announceLostFills();
                if (now >= nextBook) {
                    tap.requestBooks();
                    nextBook = now + config.bookIntervalNanos();
                }
                publishBooks(now);
                if (now >= nextPortfolio) {
                    nextPortfolio = now + config.portfolioIntervalNanos();
                    for (int s = 0; s < ids.size(); s++) {
                        tap.portfolio(s).request();
                    }
                    tap.requestSnapshots();
                    publishSignals(now);
                    publishRisk(now);
                    for (WsClient c : clientArray) {
                        if (c.dropIfSlow(now, config.slowClientTimeoutNanos())) {
                            slowDisconnects.incrementAndGet();
                        } else if (c.principal() == null && now - c.connectedNanos > config.authTimeoutNanos()) {
                            c.close(1008, "not authenticated");
                        }
                    }
                    limiter.prune(now);
                }
                publishPortfolios(ids, now);
                if (now >= nextFlush) {
                    nextFlush = now + config.streamFlushIntervalNanos();
                    distribute(now);
                    for (WsClient c : clientArray) {
                        c.flush();
                    }
                }
                if (n < 4096) {
                    // A pass every millisecond at most: the rings hold far more than a millisecond of events.
                    long wait = Math.min(nextFlush - System.nanoTime(), MAX_PARK_NANOS);
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
            } catch (RuntimeException e) {
                LOG.error("server hub: {}", e.toString(), e);
                LockSupport.parkNanos(10_000_000);
            }
        }
    }

    /**
     * The fill ring's overflow policy: a fill the engine could not hand over (the ring full: the hub stalled for
     * seconds) is counted by the ring and announced to the fills subscribers as a {@code gap} message with the number
     * lost, never silently skipped, and never dropped by a subscriber's full queue ({@link WsClient#announceTapLoss}).
     */
    private void announceLostFills() {
        long lost = tap.fillRing().dropped();
        if (lost != lastFillsLost) {
            long n = lost - lastFillsLost;
            lastFillsLost = lost;
            if (hasSubscribers(Topic.FILLS)) {
                // Not through the clients' queues: a full queue would drop the announcement itself (WsClient).
                messages.incrementAndGet();
                for (WsClient c : clientArray) {
                    if (c.wants(Topic.FILLS, null)) {
                        offered.incrementAndGet();
                        c.announceTapLoss(n);
                    }
                }
            }
        }
    }

    private void onAccount(TapEvent e, List<String> ids) {
        switch (e.kind()) {
            case ORDER_UPDATE -> {
                LiveState.OrderState o = state.onOrderUpdate(e, ids);
                if (hasSubscribers(Topic.ORDERS)) {
                    JsonBytes b = orderJson(messageBytes.reset(), o,
                            e.publishedNanos() != 0 ? e.publishedNanos() : System.nanoTime());
                    broadcast(Topic.ORDERS, o.instrumentId, b.bytes(), b.length());
                }
                if (o.status == io.qtrade.core.order.OrderStatus.REJECTED && hasSubscribers(Topic.RISK)) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("type", "risk");
                    r.put("event", "rejection");
                    r.put("orderId", o.orderId);
                    r.put("strategy", o.strategy);
                    r.put("instrument", o.instrumentId);
                    r.put("reason", o.reason);
                    r.put("localTs", o.updatedTs);
                    broadcast(Topic.RISK, o.instrumentId, r);
                }
            }
            case FILL -> {
                LiveState.FillState f = state.onFill(e, ids);
                if (hasSubscribers(Topic.FILLS)) {
                    JsonBytes b = fillJson(messageBytes.reset(), f, e.publishedNanos());
                    broadcast(Topic.FILLS, f.instrumentId(), b.bytes(), b.length());
                }
            }
            case STOPPED -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", "status");
                m.put("strategy", ids.get(e.strategy()));
                m.put("running", false);
                m.put("localTs", e.localTs());
                broadcast(Topic.PORTFOLIO, null, m);
            }
            default -> throw new IllegalStateException("account ring: unexpected " + e.kind());
        }
    }

    private void onTrade(TapEvent e) {
        LiveState.TradeState t = state.onTrade(e);
        if (hasSubscribers(Topic.TRADES)) {
            JsonBytes b = tradeJson(messageBytes.reset(), t,
                    e.publishedNanos() != 0 ? e.publishedNanos() : System.nanoTime());
            broadcast(Topic.TRADES, t.instrument(), b.bytes(), b.length());
        }
    }

    private void publishBooks(long now) {
        List<Instrument> instruments = tap.instruments();
        for (int i = 0; i < instruments.size(); i++) {
            BookSnapshot b = tap.book(i);
            long v = b.version();
            if (v == bookVersion[i]) {
                continue;
            }
            bookVersion[i] = v;
            BookSnapshot.Levels l = b.read(DEPTH_LEVELS);
            String id = instruments.get(i).id();
            if (hasSubscribers(Topic.TOP)) {
                latest(Topic.TOP, id, "top:" + id, Json.write(topJson(l)));
            }
            if (hasSubscribers(Topic.BOOK)) {
                Map<String, Object> m = bookJson(l);
                m.put("type", "book");
                latest(Topic.BOOK, id, "book:" + id, Json.write(m));
            }
        }
    }

    /**
     * A fill message written straight into bytes (the hot message of the streams): the same fields, values and order
     * as {@code FillState.json}, then {@code type} and {@code pub}.
     */
    static JsonBytes fillJson(JsonBytes b, LiveState.FillState f, long pub) {
        b.raw("{\"orderId\":").number(f.orderId());
        b.key("strategy").string(f.strategy());
        b.key("instrument").string(f.instrumentId());
        b.key("side").string(f.side().name());
        b.key("price").number(f.price());
        b.key("qty").number(f.qty());
        b.key("fee").number(f.fee());
        b.key("liquidity").string(f.liquidity().name());
        b.key("exchTs").number(f.exchTs());
        b.key("localTs").number(f.localTs());
        b.key("viaApi").bool(f.external());
        b.key("positionQty").number(f.positionQty());
        b.key("avgEntryPrice").number(f.avgEntryPrice());
        b.key("realizedPnl").number(f.realizedPnl());
        b.key("fees").number(f.fees());
        b.key("cash").number(f.cash());
        b.raw(",\"type\":\"fill\",\"pub\":").number(pub).raw('}');
        return b;
    }

    /**
     * An order message written straight into bytes: the fields of {@code OrderState.json} in its order, whose
     * {@code type} key carries the message type {@code "order"} (as the map message always had it), then
     * {@code pub}.
     */
    static JsonBytes orderJson(JsonBytes b, LiveState.OrderState o, long pub) {
        b.raw("{\"orderId\":").number(o.orderId);
        b.key("strategy").string(o.strategy);
        b.key("instrument").string(o.instrumentId);
        b.key("side").string(o.side);
        b.key("type").string("order");
        b.key("timeInForce").string(o.timeInForce);
        b.key("price").number(o.price);
        b.key("qty").number(o.qty);
        b.key("status").string(o.status.name());
        b.key("filledQty").number(o.filledQty);
        b.key("leavesQty").number(o.leavesQty);
        b.key("reason").string(o.reason);
        b.key("viaApi").bool(o.external);
        b.key("createdTs").number(o.createdTs);
        b.key("updatedTs").number(o.updatedTs);
        b.key("pub").number(pub).raw('}');
        return b;
    }

    /** A trade message written straight into bytes: the fields of {@code TradeState.json}, {@code type}, {@code pub}. */
    static JsonBytes tradeJson(JsonBytes b, LiveState.TradeState t, long pub) {
        b.raw("{\"instrument\":").string(t.instrument);
        b.key("aggressor").string(t.aggressor);
        b.key("price").number(t.price);
        b.key("qty").number(t.qty);
        b.key("localTs").number(t.localTs);
        b.raw(",\"type\":\"trade\",\"pub\":").number(pub).raw('}');
        return b;
    }

    static Map<String, Object> topJson(BookSnapshot.Levels l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "top");
        m.put("instrument", l.instrument().id());
        m.put("bid", Json.num(l.bestBid()));
        m.put("bidQty", l.bestBidQty());
        m.put("ask", Json.num(l.bestAsk()));
        m.put("askQty", l.bestAskQty());
        m.put("localTs", l.localTs());
        m.put("pub", l.copiedNanos());
        return m;
    }

    static Map<String, Object> bookJson(BookSnapshot.Levels l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instrument", l.instrument().id());
        m.put("bids", levels(l.bidPrices(), l.bidQtys()));
        m.put("asks", levels(l.askPrices(), l.askQtys()));
        m.put("localTs", l.localTs());
        m.put("pub", l.copiedNanos());
        return m;
    }

    private static List<double[]> levels(double[] px, double[] qty) {
        List<double[]> out = new ArrayList<>(px.length);
        for (int i = 0; i < px.length; i++) {
            out.add(new double[] {px[i], qty[i]});
        }
        return out;
    }

    private void publishPortfolios(List<String> ids, long now) {
        for (int s = 0; s < ids.size() && s < portfolioVersion.length; s++) {
            PortfolioSnapshot p = tap.portfolio(s);
            long v = p.version();
            if (v == portfolioVersion[s]) {
                continue;
            }
            portfolioVersion[s] = v;
            PortfolioSnapshot.View view = p.read();
            state.onEquity(s, ids.get(s), view.localTs(), view.equity());
            if (hasSubscribers(Topic.PORTFOLIO)) {
                Map<String, Object> m = portfolioJson(ids.get(s), view, true);
                m.put("type", "portfolio");
                latest(Topic.PORTFOLIO, null, "portfolio:" + ids.get(s), Json.write(m));
            }
        }
    }

    static Map<String, Object> portfolioJson(String strategy, PortfolioSnapshot.View v, boolean onlyTraded) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strategy", strategy);
        m.put("localTs", v.localTs());
        m.put("cash", Json.num(v.cash()));
        m.put("equity", Json.num(v.equity()));
        m.put("initialCash", Json.num(v.initialCash()));
        m.put("netPnl", Json.num(v.netPnl()));
        m.put("realizedPnl", Json.num(v.realizedPnl()));
        m.put("unrealizedPnl", Json.num(v.unrealizedPnl()));
        m.put("fees", Json.num(v.fees()));
        List<Map<String, Object>> by = new ArrayList<>();
        for (PortfolioSnapshot.PositionView p : v.positions()) {
            if (onlyTraded && p.fillCount() == 0 && p.qty() == 0) {
                continue;
            }
            by.add(positionJson(strategy, p));
        }
        m.put("byInstrument", by);
        return m;
    }

    static Map<String, Object> positionJson(String strategy, PortfolioSnapshot.PositionView p) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("strategy", strategy);
        q.put("instrument", p.instrument().id());
        q.put("qty", Json.num(p.qty()));
        q.put("avgEntryPrice", Json.num(p.avgEntryPrice()));
        q.put("markPrice", Json.num(p.markPrice()));
        q.put("realizedPnl", Json.num(p.realizedPnl()));
        q.put("unrealizedPnl", Json.num(p.unrealizedPnl()));
        q.put("fees", Json.num(p.fees()));
        q.put("netPnl", Json.num(p.realizedPnl() + p.unrealizedPnl() - p.fees()));
        q.put("fillCount", p.fillCount());
        return q;
    }

    private void publishSignals(long now) {
        if (!hasSubscribers(Topic.SIGNALS)) {
            return;
        }
        for (StrategySignals s : tap.allSignals()) {
            Map<String, Double> values = s.values();
            if (values.equals(lastSignals.get(s.strategyId()))) {
                continue;
            }
            lastSignals.put(s.strategyId(), values);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "signals");
            m.put("strategy", s.strategyId());
            Map<String, Object> vs = new LinkedHashMap<>();
            values.forEach((k, v) -> vs.put(k, Json.num(v)));
            m.put("signals", vs);
            m.put("localTs", tap.engineNowNanos());
            latest(Topic.SIGNALS, null, "signals:" + s.strategyId(), Json.write(m));
        }
    }

    private void publishRisk(long now) {
        KillSwitch ks = tap.killSwitch();
        if (ks == null) {
            return;
        }
        List<Engagement> es = ks.engagements();
        boolean engaged = ks.isEngaged();
        if (es.size() == lastEngagements && engaged == lastEngaged) {
            return;
        }
        lastEngagements = es.size();
        lastEngaged = engaged;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "risk");
        m.put("event", engaged ? "kill_switch_engaged" : "kill_switch_reset");
        m.put("killSwitch", killSwitchJson(ks));
        broadcast(Topic.RISK, null, m);
    }

    static Map<String, Object> killSwitchJson(KillSwitch ks) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engaged", ks.isEngaged());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Engagement e : ks.engagements()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("engagedTs", e.engagedNanos());
            x.put("cause", e.cause().name());
            x.put("detail", e.detail());
            x.put("resetTs", e.resetNanos() == Engagement.NOT_RESET ? null : e.resetNanos());
            list.add(x);
        }
        m.put("engagements", list);
        return m;
    }

    /** Hands a latest value (conflated per client and key) to every client that subscribed to it. */
    private void latest(Topic topic, String instrument, String key, String json) {
        messages.incrementAndGet();
        Chunk message = null;
        for (WsClient c : clientArray) {
            if (c.wants(topic, instrument)) {
                if (message == null) {
                    message = Chunk.of(json);
                }
                offered.incrementAndGet();
                c.offerLatest(key, message);
            }
        }
    }

    private synchronized void clientsChanged() {
        WsClient[] all = clients.values().toArray(new WsClient[0]);
        int mask = 0;
        for (WsClient c : all) {
            if (!c.closed() && c.principal() != null) {
                for (Topic t : c.topics()) {
                    mask |= 1 << t.ordinal();
                }
            }
        }
        clientArray = all;
        subscribedTopics = mask;
        streamsChanged = true;
    }

    /**
     * Hub thread: hands the events collected for each stream since the last flush to its clients, then groups the
     * current clients by subscription again (after a connect, subscribe, unsubscribe or close).
     */
    private void regroup(long now) {
        streamsChanged = false;
        distribute(now);
        List<Stream> list = new ArrayList<>();
        for (WsClient c : clientArray) {
            if (c.closed() || c.principal() == null || c.topics().isEmpty()) {
                continue;
            }
            int mask = 0;
            for (Topic t : c.topics()) {
                mask |= 1 << t.ordinal();
            }
            Set<String> in = c.instruments();
            Stream s = null;
            for (Stream x : list) {
                if (x.topicMask == mask && java.util.Objects.equals(x.instruments, in)) {
                    s = x;
                    break;
                }
            }
            if (s == null) {
                s = new Stream(mask, in);
                list.add(s);
            }
            s.clients.add(c);
        }
        streams = list.toArray(new Stream[0]);
    }

    /** Hub thread: offers each stream's collected events, as one shared chunk, to each of its clients. */
    private void distribute(long now) {
        for (Stream s : streams) {
            Chunk chunk = s.pending.seal();
            if (chunk == null) {
                continue;
            }
            for (WsClient c : s.clients) {
                if (c.closed()) {
                    continue;
                }
                offered.addAndGet(chunk.count());
                int lost = c.offer(chunk, now, config.slowClientTimeoutNanos());
                if (lost > 0) {
                    droppedForClients.addAndGet(lost);
                    if (c.closed()) {
                        slowDisconnects.incrementAndGet();
                        remove(c.ctx);
                    }
                }
            }
        }
    }

    /** Whether any client subscribed to {@code topic} (one volatile read: asked once per event). */
    private boolean hasSubscribers(Topic topic) {
        return (subscribedTopics & (1 << topic.ordinal())) != 0;
    }

    private void broadcast(Topic topic, String instrument, Map<String, Object> message) {
        broadcast(topic, instrument, message, null);
    }

    /** Collects {@code message} (or the ready-made {@code json}) for every stream that subscribed to it. */
    private void broadcast(Topic topic, String instrument, Map<String, Object> message, String ready) {
        messages.incrementAndGet();
        byte[] bytes = null;
        for (Stream s : streams) {
            if (!s.wants(topic, instrument)) {
                continue;
            }
            if (bytes == null) {
                bytes = (ready != null ? ready : Json.write(message)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            s.pending.add(bytes, 0, bytes.length);
        }
    }

    /** Collects the encoded message {@code bytes[0, length)} for every stream that subscribed to it. */
    private void broadcast(Topic topic, String instrument, byte[] bytes, int length) {
        messages.incrementAndGet();
        for (Stream s : streams) {
            if (s.wants(topic, instrument)) {
                s.pending.add(bytes, 0, length);
            }
        }
    }

    // --- WebSocket callbacks (Jetty threads) ---

    void connect(WsContext ctx, ApiTokens tokens) {
        WsClient c = new WsClient(ctx, clientIds.incrementAndGet(), config.clientQueueMessages(), System.nanoTime());
        clients.put(ctx, c);
        clientsChanged();
        String header = ctx.header("Authorization");
        if (header != null) {
            Optional<ApiTokens.Principal> p = Auth.bearer(header).flatMap(tokens::authenticate);
            if (p.isEmpty()) {
                authFailures.incrementAndGet();
                c.close(1008, "unauthorized");
                remove(ctx);
                return;
            }
            c.authenticate(p.get());
            c.reply(Json.write(Json.obj("type", "authenticated", "role", p.get().role().name())));
        }
    }

    /** A client message: {@code auth}, {@code subscribe}, {@code unsubscribe}. */
    void message(WsContext ctx, String text, ApiTokens tokens) {
        WsClient c = clients.get(ctx);
        if (c == null) {
            return;
        }
        ClientMessage msg;
        try {
            msg = Json.read(text, ClientMessage.class);
        } catch (Refusal r) {
            c.reply(error(r.getMessage()));
            return;
        }
        if (msg.op() == null) {
            c.reply(error("field 'op' is required (auth, subscribe, unsubscribe)"));
            return;
        }
        ApiTokens.Principal principal = c.principal();
        if (!msg.op().equals("auth") && principal != null) {
            long wait = limiter.acquire(principal.tokenIndex(), System.nanoTime());
            if (wait > 0) {
                c.reply(error("rate limit exceeded"));
                return;
            }
        }
        switch (msg.op()) {
            case "auth" -> {
                Optional<ApiTokens.Principal> p = tokens.authenticate(msg.token());
                if (p.isEmpty()) {
                    authFailures.incrementAndGet();
                    c.close(1008, "unauthorized");
                    remove(ctx);
                    return;
                }
                c.authenticate(p.get());
                c.reply(Json.write(Json.obj("type", "authenticated", "role", p.get().role().name())));
            }
            case "subscribe", "unsubscribe" -> {
                if (principal == null) {
                    c.close(1008, "unauthorized: authenticate first ({\"op\":\"auth\",\"token\":...})");
                    remove(ctx);
                    return;
                }
                if (msg.topics() == null || msg.topics().isEmpty()) {
                    c.reply(error("field 'topics': a non-empty array of topic names is expected " + topicNames()));
                    return;
                }
                Set<Topic> set = EnumSet.noneOf(Topic.class);
                for (String t : msg.topics()) {
                    Topic topic = Topic.of(t);
                    if (topic == null) {
                        c.reply(error("field 'topics': unknown topic '" + t + "' " + topicNames()));
                        return;
                    }
                    set.add(topic);
                }
                Set<String> filter = null;
                if (msg.instruments() != null) {
                    filter = new HashSet<>();
                    for (String in : msg.instruments()) {
                        int k = tap.instrumentIndex(in);
                        if (k < 0) {
                            c.reply(error("field 'instruments': unknown instrument '" + in + "'"));
                            return;
                        }
                        filter.add(tap.instruments().get(k).id());
                    }
                }
                if (msg.op().equals("subscribe")) {
                    c.subscribe(set, filter);
                    clientsChanged();
                    tap.requestSnapshots();
                    resendAll = true;
                } else {
                    c.unsubscribe(set);
                    clientsChanged();
                }
                List<String> names = new ArrayList<>();
                for (Topic t : c.topics()) {
                    names.add(t.wireName());
                }
                c.reply(Json.write(Json.obj("type", "subscribed", "topics", names)));
            }
            default -> c.reply(error("field 'op': unknown operation '" + msg.op() + "' (auth, subscribe, unsubscribe)"));
        }
    }

    private static String topicNames() {
        List<String> names = new ArrayList<>();
        for (Topic t : Topic.values()) {
            names.add(t.wireName());
        }
        return "(one of " + String.join(", ", names) + ")";
    }

    private static String error(String message) {
        return Json.write(Json.obj("type", "error", "message", message));
    }

    void closed(WsContext ctx) {
        WsClient c = remove(ctx);
        if (c != null) {
            c.markClosed();
        }
    }

    /** Forgets a client, keeping its counters in the run's totals. */
    private WsClient remove(WsContext ctx) {
        WsClient c = clients.remove(ctx);
        if (c != null) {
            deliveredByGone.addAndGet(c.delivered());
            conflatedByGone.addAndGet(c.conflated());
            framesByGone.addAndGet(c.frames());
            bytesByGone.addAndGet(c.deliveredBytes());
            clientsChanged();
        }
        return c;
    }

    /** A client's message: strict, as every request body. */
    record ClientMessage(String op, String token, List<String> topics, List<String> instruments) {
        @Override
        public String toString() {
            return "ClientMessage[op=" + op + ", topics=" + topics + ", instruments=" + instruments + "]";
        }
    }

    Map<String, Object> statsJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        long sent = 0;
        long bytes = 0;
        long frames = 0;
        long conflated = 0;
        long dropped = 0;
        int authenticated = 0;
        List<Map<String, Object>> per = new ArrayList<>();
        WsClient[] all = clients.values().toArray(new WsClient[0]);
        java.util.Arrays.sort(all, java.util.Comparator.comparingInt(c -> c.id));
        for (WsClient c : all) {
            sent += c.delivered();
            bytes += c.deliveredBytes();
            frames += c.frames();
            conflated += c.conflated();
            dropped += c.dropped();
            if (c.principal() != null) {
                authenticated++;
            }
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", c.id);
            List<String> names = new ArrayList<>();
            for (Topic t : c.topics()) {
                names.add(t.wireName());
            }
            x.put("topics", names);
            x.put("delivered", c.delivered());
            x.put("deliveredBytes", c.deliveredBytes());
            x.put("frames", c.frames());
            x.put("conflated", c.conflated());
            x.put("dropped", c.dropped());
            x.put("queued", c.queued());
            per.add(x);
        }
        m.put("clients", clients.size());
        m.put("authenticatedClients", authenticated);
        m.put("messages", messages.get());
        m.put("offered", offered.get());
        m.put("sentToConnected", sent);
        m.put("delivered", sent + deliveredByGone.get());
        m.put("deliveredBytes", bytes + bytesByGone.get());
        m.put("frames", frames + framesByGone.get());
        m.put("conflated", conflated + conflatedByGone.get());
        m.put("droppedForSlowClients", droppedForClients.get());
        m.put("droppedQueuedNow", dropped);
        m.put("slowClientsDisconnected", slowDisconnects.get());
        m.put("webSocketAuthFailures", authFailures.get());
        m.put("orderUpdatesDropped", tap.accountRing().dropped());
        m.put("fillsDropped", tap.fillRing().dropped());
        m.put("tradePrintsDropped", tap.marketRing().dropped());
        m.put("perClient", per);
        return m;
    }

    int clientCount() {
        return clients.size();
    }

    long droppedForClients() {
        return droppedForClients.get();
    }
}
