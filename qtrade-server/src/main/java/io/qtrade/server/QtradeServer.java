package io.qtrade.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.OrderType;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.PreTradeRiskGate;
import io.qtrade.risk.RiskGate;
import io.qtrade.risk.killswitch.EngagementCause;
import io.qtrade.risk.killswitch.KillSwitch;
import io.qtrade.risk.limits.MaxGrossExposure;
import io.qtrade.risk.limits.MaxNetExposure;
import io.qtrade.risk.limits.MaxOpenOrders;
import io.qtrade.risk.limits.MaxOrderNotional;
import io.qtrade.risk.limits.MaxOrderQty;
import io.qtrade.risk.limits.MaxPosition;
import io.qtrade.risk.limits.PriceBand;
import io.qtrade.risk.metrics.Conventions;
import io.qtrade.risk.metrics.PerformanceMetrics;
import io.qtrade.risk.metrics.PerformanceSummary;
import io.qtrade.server.tap.BookSnapshot;
import io.qtrade.server.tap.EngineTap;
import io.qtrade.server.tap.PortfolioSnapshot;
import io.qtrade.server.tap.StrategySignals;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An embedded HTTP server over a running engine: a versioned REST API ({@code /api/v1/...}), WebSocket streams
 * ({@code /api/v1/stream}), an OpenAPI description ({@code /api/v1/openapi.json}) and a live dashboard ({@code /}).
 * Javalin on Jetty; started with one call:
 *
 * <pre>{@code
 * QtradeServer server = QtradeServer.start(tap, ServerConfig.builder(ApiTokens.fromEnvironment()).port(8321).build());
 * ...
 * server.stop();       // the engine goes on
 * }</pre>
 *
 * <h2>Security</h2>
 * Every {@code /api/v1} endpoint but the OpenAPI description needs {@code Authorization: Bearer TOKEN}: none or an
 * unknown token is 401, a read-only token on a trading endpoint 403. Each token has a rate limit (429 with
 * {@code Retry-After}), failed authentications a limit per remote address; bodies are limited in size (413), must be
 * {@code application/json} (415) and are read strictly (400 naming the field: unknown fields, wrong types, malformed
 * JSON). CORS is closed unless origins are configured; the server listens on loopback unless told otherwise, and logs
 * a warning when bound elsewhere without TLS ({@link ServerConfig.Builder#tls}: HTTPS and WSS only, with a key store
 * the user gives). There is no endpoint that returns a credential, and no
 * token is logged. The dashboard page itself carries no data; it asks for a token (kept in the tab's session storage).
 *
 * <h2>Threads</h2>
 * Jetty's pool answers requests; one hub thread ({@code qtrade-server-hub}) drains the engine tap and feeds the
 * WebSocket clients (conflating latest values, queueing events, one frame per client per flush); the engine never
 * waits on either. {@link #stop()} closes the clients and the
 * listener and leaves the engine running.
 */
public final class QtradeServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QtradeServer.class);
    static final String API = "/api/v1";
    static final String STREAM = API + "/stream";
    static final String OPENAPI = API + "/openapi.json";
    private static final long ORDER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long FIRST_REPORT_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int MAX_LIMIT = LiveState.HISTORY;
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Map<String, String> ASSETS = Map.of(
            "/", "index.html",
            "/dashboard.js", "dashboard.js",
            "/dashboard.css", "dashboard.css");

    private final EngineTap tap;
    private final ServerConfig config;
    private final LiveState state;
    private final StreamHub hub;
    private final RateLimiter tokenLimiter;
    private final RateLimiter failureLimiter;
    private final Map<String, byte[]> assets = new LinkedHashMap<>();
    private final Javalin app;

    private QtradeServer(EngineTap tap, ServerConfig config) {
        this.tap = tap;
        this.config = config;
        this.state = new LiveState(tap);
        this.tokenLimiter = new RateLimiter(config.requestsPerSecond(), config.burst());
        this.failureLimiter = new RateLimiter(5, 20);
        this.hub = new StreamHub(tap, config, state, tokenLimiter);
        for (Map.Entry<String, String> e : ASSETS.entrySet()) {
            assets.put(e.getKey(), resource("dashboard/" + e.getValue()));
        }
        assets.put(OPENAPI, resource("openapi.json"));
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            QueuedThreadPool pool = new QueuedThreadPool(32, 4, 60_000);
            pool.setName("qtrade-server-http");
            cfg.jetty.threadPool = pool;
            cfg.jetty.modifyHttpConfiguration(hc -> hc.setSendServerVersion(false));
            TlsConfig tls = config.tls();
            if (tls != null) {
                // The only connector: Javalin adds its plain HTTP one only when none is given.
                cfg.jetty.addConnector((server, http) -> {
                    SslContextFactory.Server ssl = new SslContextFactory.Server();
                    ssl.setKeyStorePath(tls.keyStore().toAbsolutePath().toString());
                    ssl.setKeyStorePassword(tls.password());
                    ssl.setKeyStoreType(tls.keyStoreType());
                    HttpConfiguration https = new HttpConfiguration(http);
                    https.setSendServerVersion(false);
                    https.addCustomizer(new SecureRequestCustomizer());
                    ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                            new HttpConnectionFactory(https));
                    c.setHost(config.bindAddress());
                    c.setPort(config.port());
                    return c;
                });
            }
            cfg.jetty.modifyWebSocketServletFactory(f -> {
                f.setMaxTextMessageSize(4096);
                f.setMaxBinaryMessageSize(1024);
                f.setIdleTimeout(Duration.ofSeconds(60));
            });
        });
        routes();
    }

    /**
     * Starts a server over {@code tap} (whose strategies the engine runs, or will run) and returns once it listens.
     *
     * @throws IllegalArgumentException if the bind address cannot be resolved
     */
    public static QtradeServer start(EngineTap tap, ServerConfig config) {
        QtradeServer s = new QtradeServer(tap, config);
        s.listen();
        return s;
    }

    private void listen() {
        InetAddress address;
        try {
            address = InetAddress.getByName(config.bindAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("server config: bindAddress '" + config.bindAddress()
                    + "' does not resolve", e);
        }
        if (!address.isLoopbackAddress() && config.tls() == null) {
            LOG.warn("qtrade server bound to {} (not loopback) without TLS: bearer tokens and account data cross the"
                    + " network in clear text; bind to 127.0.0.1, give ServerConfig.tls(...) or put a TLS-terminating"
                    + " proxy in front", config.bindAddress());
        }
        hub.start();
        app.start(config.bindAddress(), config.port());
        LOG.info("qtrade server listening on {}/ ({})", baseUrl(), config.tokens());
    }

    /** The port it listens on (the chosen one when configured with 0). */
    public int port() {
        return app.port();
    }

    /** {@code http://ADDRESS:PORT}, or {@code https://} with TLS (IPv6 addresses in brackets). */
    public String baseUrl() {
        String host = config.bindAddress().contains(":") ? "[" + config.bindAddress() + "]" : config.bindAddress();
        return (config.tls() == null ? "http://" : "https://") + host + ":" + port();
    }

    /** The tap it serves. */
    public EngineTap tap() {
        return tap;
    }

    /** Stream counters: clients, messages, drops (the health endpoint's {@code stream} object). */
    public Map<String, Object> streamStats() {
        return hub.statsJson();
    }

    /** Closes the WebSocket clients and the listener; the engine and its tap go on. */
    public void stop() {
        hub.stop();
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "QtradeServer[" + config + "]";
    }

    // --- routes ---

    private void routes() {
        app.before(this::guard);
        app.after(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Cache-Control", "no-store");
            ctx.header("Referrer-Policy", "no-referrer");
        });
        app.exception(Refusal.class, (e, ctx) -> refuse(ctx, e));
        app.exception(HttpResponseException.class, (e, ctx) -> refuse(ctx, switch (e.getStatus()) {
            case 404 -> Refusal.notFound("no endpoint " + ctx.method() + " " + ctx.path());
            case 405 -> new Refusal(405, "method_not_allowed", "method " + ctx.method() + " not allowed on "
                    + ctx.path(), 0);
            case 413 -> new Refusal(413, "payload_too_large", "request body exceeds the limit of "
                    + config.maxBodyBytes() + " bytes", 0);
            default -> new Refusal(e.getStatus(), "error", e.getMessage(), 0);
        }));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("qtrade server: {} {} failed: {}", ctx.method(), ctx.path(), e.toString());
            refuse(ctx, new Refusal(500, "internal_error", "internal error", 0));
        });

        for (String path : ASSETS.keySet()) {
            app.get(path, ctx -> asset(ctx, path));
        }
        app.get(OPENAPI, ctx -> json(ctx, assets.get(OPENAPI)));

        app.get(API + "/health", ctx -> json(ctx, health()));
        app.get(API + "/instruments", ctx -> json(ctx, instruments()));
        app.get(API + "/top", ctx -> json(ctx, top()));
        app.get(API + "/books/{instrument}", ctx -> json(ctx, book(ctx)));
        app.get(API + "/trades", ctx -> json(ctx, state.trades(optionalInstrument(ctx), limit(ctx, 500))));
        app.get(API + "/positions", ctx -> json(ctx, positions()));
        app.get(API + "/orders", ctx -> json(ctx, orders(ctx)));
        app.get(API + "/orders/{orderId}", ctx -> json(ctx, order(ctx)));
        app.get(API + "/fills", ctx -> json(ctx, state.fills(optionalStrategy(ctx), limit(ctx, 500))));
        app.get(API + "/portfolio", ctx -> json(ctx, portfolio()));
        app.get(API + "/equity", ctx -> json(ctx, state.equityJson(requiredStrategyIndex(ctx),
                limit(ctx, 1000))));
        app.get(API + "/metrics", ctx -> json(ctx, metrics()));
        app.get(API + "/risk", ctx -> json(ctx, risk()));
        app.get(API + "/signals", ctx -> json(ctx, signals()));

        app.post(API + "/orders", this::placeOrder);
        app.delete(API + "/orders/{orderId}", this::cancelOrder);
        app.post(API + "/risk/kill-switch/engage", ctx -> killSwitch(ctx, true));
        app.post(API + "/risk/kill-switch/reset", ctx -> killSwitch(ctx, false));

        app.ws(STREAM, ws -> {
            ws.onConnect(ctx -> {
                String remote = ctx.session.getRemoteAddress() == null ? "?" : ctx.session.getRemoteAddress().toString();
                if (ctx.header("Authorization") == null
                        && failureLimiter.acquire("ws-connect " + hostOf(remote), System.nanoTime()) > 0) {
                    // connection attempts without a token are limited per address, as failed authentications
                    ctx.closeSession(1008, "too many connection attempts");
                    return;
                }
                hub.connect(ctx, config.tokens());
            });
            ws.onMessage(ctx -> hub.message(ctx, ctx.message(), config.tokens()));
            ws.onClose(hub::closed);
            ws.onError(hub::closed);
        });
    }

    private static String hostOf(String remote) {
        int colon = remote.lastIndexOf(':');
        return colon > 0 ? remote.substring(0, colon) : remote;
    }

    /** Before every request: CORS, size, authentication, rate limit, role. */
    private void guard(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && config.corsOrigins().contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Vary", "Origin");
            ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
            ctx.header("Access-Control-Allow-Methods", "GET, POST, DELETE");
        }
        String path = ctx.path();
        if (!path.startsWith(API + "/") || path.equals(OPENAPI) || path.equals(STREAM)) {
            return;
        }
        long length = ctx.req().getContentLengthLong();
        if (length > config.maxBodyBytes()) {
            throw Refusal.tooLarge(length, config.maxBodyBytes());
        }
        long now = System.nanoTime();
        Optional<ApiTokens.Principal> principal = Auth.bearer(ctx.header("Authorization"))
                .flatMap(config.tokens()::authenticate);
        if (principal.isEmpty()) {
            long wait = failureLimiter.acquire("http " + ctx.ip(), now);
            if (wait > 0) {
                throw Refusal.tooManyRequests(wait);
            }
            throw Refusal.unauthorized();
        }
        long wait = tokenLimiter.acquire(principal.get().tokenIndex(), now);
        if (wait > 0) {
            throw Refusal.tooManyRequests(wait);
        }
        String method = ctx.method().name();
        if (!method.equals("GET") && !method.equals("HEAD") && !principal.get().role().allows(Role.TRADING)) {
            throw Refusal.forbidden(method + " " + path);
        }
        ctx.attribute("principal", principal.get());
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ctx.attribute(BODY, readBody(ctx));
        }
    }

    private static final String BODY = "qtrade.body";

    /** Reads at most {@code maxBodyBytes} (declared or chunked): 413 beyond, without reading the rest. */
    private String readBody(Context ctx) {
        int max = config.maxBodyBytes();
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] b = in.readNBytes(max + 1);
            if (b.length > max) {
                throw new Refusal(413, "payload_too_large", "request body exceeds the limit of " + max + " bytes", 0);
            }
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Refusal.badRequest("request body could not be read");
        }
    }

    private static String body(Context ctx) {
        String b = ctx.attribute(BODY);
        return b == null ? "" : b;
    }

    private void refuse(Context ctx, Refusal r) {
        ctx.status(r.status);
        if (r.status == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"qtrade\"");
        }
        if (r.retryAfterSeconds > 0) {
            ctx.header("Retry-After", Long.toString(r.retryAfterSeconds));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", r.status);
        body.put("error", r.code);
        body.put("message", r.getMessage());
        ctx.contentType("application/json").result(Json.write(body));
    }

    private static void json(Context ctx, Object value) {
        ctx.contentType("application/json").result(value instanceof byte[] b ? new String(b,
                java.nio.charset.StandardCharsets.UTF_8) : Json.write(value));
    }

    private void asset(Context ctx, String path) {
        byte[] b = assets.get(path);
        String type = path.endsWith(".js") ? "text/javascript; charset=utf-8" : path.endsWith(".css")
                ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.contentType(type).result(b);
    }

    private static byte[] resource(String name) {
        try (InputStream in = QtradeServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("qtrade server: resource " + name + " missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("qtrade server: cannot read resource " + name, e);
        }
    }

    // --- parameters ---

    private static int limit(Context ctx, int defaultLimit) {
        String v = ctx.queryParam("limit");
        if (v == null) {
            return defaultLimit;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw Refusal.badRequest("query parameter 'limit': expected an integer in 1.." + MAX_LIMIT + ", was '"
                + clip(v) + "'");
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private String optionalInstrument(Context ctx) {
        String v = ctx.queryParam("instrument");
        return v == null ? null : tap.instruments().get(instrumentIndex(v, "query parameter 'instrument'")).id();
    }

    private int instrumentIndex(String v, String what) {
        int k = tap.instrumentIndex(v);
        if (k < 0) {
            List<String> ids = new ArrayList<>();
            for (Instrument i : tap.instruments()) {
                ids.add(i.id());
            }
            throw new Refusal(404, "not_found", what + ": unknown instrument '" + clip(v) + "' (instruments " + ids
                    + ")", 0);
        }
        return k;
    }

    private String optionalStrategy(Context ctx) {
        String v = ctx.queryParam("strategy");
        if (v != null) {
            strategyIndex(v, "query parameter 'strategy'");
        }
        return v;
    }

    private int requiredStrategyIndex(Context ctx) {
        String v = ctx.queryParam("strategy");
        if (v == null) {
            if (tap.strategyIds().size() == 1) {
                return 0;
            }
            throw Refusal.badRequest("query parameter 'strategy' is required (strategies " + tap.strategyIds() + ")");
        }
        return strategyIndex(v, "query parameter 'strategy'");
    }

    private int strategyIndex(String v, String what) {
        int s = tap.strategyIndex(v);
        if (s < 0) {
            throw new Refusal(404, "not_found", what + ": unknown strategy '" + clip(v) + "' (strategies "
                    + tap.strategyIds() + ")", 0);
        }
        return s;
    }

    // --- read endpoints ---

    private Map<String, Object> health() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> ids = tap.strategyIds();
        boolean anyRunning = false;
        List<Map<String, Object>> strategies = new ArrayList<>();
        for (int s = 0; s < ids.size(); s++) {
            boolean r = tap.running(s);
            anyRunning |= r;
            strategies.add(Json.obj("id", ids.get(s), "running", r));
        }
        m.put("status", anyRunning ? "RUNNING" : "NOT_RUNNING");
        m.put("strategies", strategies);
        m.put("engineClockTs", tap.engineNowNanos());
        long hb = tap.heartbeatNanos();
        m.put("engineHeartbeatAgeMillis", hb == 0 ? null : (System.nanoTime() - hb) / 1_000_000);
        m.put("ordersSeen", state.orderUpdates());
        m.put("fillsSeen", state.fillCount());
        m.put("tradesSeen", state.tradeCount());
        m.put("stream", hub.statsJson());
        return m;
    }

    private List<Map<String, Object>> instruments() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Instrument i : tap.instruments()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("symbol", i.symbol());
            m.put("venue", i.venue());
            m.put("tickSize", i.tickSize());
            m.put("lotSize", i.lotSize());
            m.put("contractMultiplier", i.contractMultiplier());
            out.add(m);
        }
        return out;
    }

    private List<Map<String, Object>> top() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < tap.instruments().size(); i++) {
            Map<String, Object> m = StreamHub.topJson(tap.book(i).read(1));
            m.remove("type");
            m.remove("pub");
            out.add(m);
        }
        return out;
    }

    private Map<String, Object> book(Context ctx) {
        int k = instrumentIndex(ctx.pathParam("instrument"), "path parameter 'instrument'");
        String lv = ctx.queryParam("levels");
        int levels = 10;
        if (lv != null) {
            try {
                levels = Integer.parseInt(lv);
            } catch (NumberFormatException e) {
                levels = -1;
            }
            if (levels < 1 || levels > 1000) {
                throw Refusal.badRequest("query parameter 'levels': expected an integer in 1..1000, was '" + clip(lv)
                        + "'");
            }
        }
        BookSnapshot.Levels l = tap.book(k).read(levels);
        Map<String, Object> m = StreamHub.bookJson(l);
        m.remove("pub");
        return m;
    }

    private List<Map<String, Object>> positions() {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> ids = tap.strategyIds();
        for (int s = 0; s < ids.size(); s++) {
            for (PortfolioSnapshot.PositionView p : tap.portfolio(s).read().positions()) {
                if (p.qty() != 0 || p.fillCount() > 0) {
                    out.add(StreamHub.positionJson(ids.get(s), p));
                }
            }
        }
        return out;
    }

    private List<Map<String, Object>> orders(Context ctx) {
        String status = ctx.queryParamMap().containsKey("status") ? ctx.queryParam("status") : "open";
        String strategy = optionalStrategy(ctx);
        return switch (status) {
            case "open" -> state.openOrders(strategy);
            case "closed" -> state.orderHistory(strategy, limit(ctx, 500));
            default -> throw Refusal.badRequest("query parameter 'status': expected 'open' or 'closed', was '"
                    + clip(status) + "'");
        };
    }

    private static long orderId(Context ctx) {
        String v = ctx.pathParam("orderId");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw Refusal.badRequest("path parameter 'orderId': expected an integer, was '" + clip(v) + "'");
        }
    }

    private Map<String, Object> order(Context ctx) {
        long id = orderId(ctx);
        Map<String, Object> o = state.findOrder(id);
        if (o == null) {
            throw Refusal.notFound("no order " + id + " (open, or among the last " + LiveState.HISTORY
                    + " finished)");
        }
        return o;
    }

    private Map<String, Object> portfolio() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> ids = tap.strategyIds();
        List<Map<String, Object>> strategies = new ArrayList<>();
        double equity = 0;
        double net = 0;
        double realized = 0;
        double unrealized = 0;
        double fees = 0;
        for (int s = 0; s < ids.size(); s++) {
            PortfolioSnapshot.View v = tap.portfolio(s).read();
            strategies.add(StreamHub.portfolioJson(ids.get(s), v, true));
            equity += v.equity();
            net += v.netPnl();
            realized += v.realizedPnl();
            unrealized += v.unrealizedPnl();
            fees += v.fees();
        }
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("equity", Json.num(equity));
        total.put("netPnl", Json.num(net));
        total.put("realizedPnl", Json.num(realized));
        total.put("unrealizedPnl", Json.num(unrealized));
        total.put("fees", Json.num(fees));
        m.put("total", total);
        m.put("strategies", strategies);
        return m;
    }

    private List<Map<String, Object>> metrics() {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> ids = tap.strategyIds();
        for (int s = 0; s < ids.size(); s++) {
            double[] equity = state.equityValues(s);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("strategy", ids.get(s));
            m.put("equityPoints", equity.length);
            long period = periodNanos(s);
            m.put("periodNanos", period);
            if (equity.length >= 3 && period > 0 && equity[0] > 0) {
                PerformanceSummary p = PerformanceMetrics.ofEquity(equity,
                        Conventions.DAILY.withPeriodsPerYear(Conventions.periodsPerYearOf(period)));
                m.put("summary", sanitize(Json.MAPPER.convertValue(p, Map.class)));
            } else {
                m.put("summary", null);
                m.put("note", "needs 3 equity points and a positive initial equity (initialCash)");
            }
            PortfolioSnapshot.View v = tap.portfolio(s).read();
            long fillCount = 0;
            for (PortfolioSnapshot.PositionView p : v.positions()) {
                fillCount += p.fillCount();
            }
            m.put("fills", fillCount);
            m.put("netPnl", Json.num(v.netPnl()));
            m.put("fees", Json.num(v.fees()));
            out.add(m);
        }
        return out;
    }

    private long periodNanos(int strategy) {
        List<Map<String, Object>> pts = state.equityJson(strategy, Integer.MAX_VALUE);
        if (pts.size() < 2) {
            return 0;
        }
        long first = (Long) pts.get(0).get("ts");
        long last = (Long) pts.get(pts.size() - 1).get("ts");
        return (last - first) / (pts.size() - 1);
    }

    @SuppressWarnings("unchecked")
    private static Object sanitize(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, sanitize(v)));
            return out;
        }
        if (o instanceof Double d) {
            return Json.num(d);
        }
        if (o instanceof String s && (s.equals("NaN") || s.endsWith("Infinity"))) {
            return null;
        }
        return o;
    }

    private Map<String, Object> risk() {
        Map<String, Object> m = new LinkedHashMap<>();
        KillSwitch ks = tap.killSwitch();
        m.put("killSwitch", ks == null ? null : StreamHub.killSwitchJson(ks));
        m.put("limits", limits());
        m.put("rejectionsByReason", state.rejections());
        return m;
    }

    private List<Map<String, Object>> limits() {
        List<Map<String, Object>> out = new ArrayList<>();
        RiskGate gate = tap.riskGate();
        List<PreTradeCheck> checks = gate instanceof PreTradeRiskGate g ? g.checks()
                : gate instanceof PreTradeCheck c ? List.of(c) : List.of();
        List<String> ids = tap.strategyIds();
        List<PortfolioSnapshot.View> views = new ArrayList<>();
        for (int s = 0; s < ids.size(); s++) {
            views.add(tap.portfolio(s).read());
        }
        for (PreTradeCheck c : checks) {
            if (c instanceof KillSwitch) {
                continue;
            }
            if (c instanceof MaxPosition mp) {
                for (int s = 0; s < ids.size(); s++) {
                    for (PortfolioSnapshot.PositionView p : views.get(s).positions()) {
                        out.add(limit("MAX_POSITION", ids.get(s), p.instrument().id(), mp.maxQty(p.instrument()),
                                Math.abs(p.qty()), "qty"));
                    }
                }
            } else if (c instanceof MaxOpenOrders mo) {
                for (String id : ids) {
                    out.add(limit("MAX_OPEN_ORDERS", id, null, mo.maxOpenOrders(), state.openOrderCount(id),
                            "orders"));
                }
            } else if (c instanceof MaxGrossExposure g) {
                for (int s = 0; s < ids.size(); s++) {
                    out.add(limit("MAX_GROSS_EXPOSURE", ids.get(s), null, g.maxGrossExposure(),
                            exposure(views.get(s), true), "quote"));
                }
            } else if (c instanceof MaxNetExposure n) {
                for (int s = 0; s < ids.size(); s++) {
                    out.add(limit("MAX_NET_EXPOSURE", ids.get(s), null, n.maxNetExposure(),
                            Math.abs(exposure(views.get(s), false)), "quote"));
                }
            } else if (c instanceof MaxOrderQty q) {
                out.add(limit("MAX_ORDER_QTY", null, null, q.maxQty(), Double.NaN, "qty per order"));
            } else if (c instanceof MaxOrderNotional q) {
                out.add(limit("MAX_ORDER_NOTIONAL", null, null, q.maxNotional(), Double.NaN, "quote per order"));
            } else if (c instanceof PriceBand b) {
                out.add(limit("PRICE_BAND", null, null, b.maxDeviationBps(), Double.NaN, "bps from mid"));
            } else {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("check", c.getClass().getSimpleName());
                x.put("description", c.toString());
                out.add(x);
            }
        }
        return out;
    }

    private static double exposure(PortfolioSnapshot.View v, boolean gross) {
        double sum = 0;
        for (PortfolioSnapshot.PositionView p : v.positions()) {
            if (p.qty() == 0 || Double.isNaN(p.markPrice())) {
                continue;
            }
            double e = p.instrument().notional(p.markPrice(), p.qty());
            sum += gross ? Math.abs(e) : e;
        }
        return sum;
    }

    private static Map<String, Object> limit(String check, String strategy, String instrument, double limit,
                                             double usage, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", check);
        m.put("strategy", strategy);
        m.put("instrument", instrument);
        m.put("limit", Json.num(limit));
        m.put("usage", Json.num(usage));
        m.put("usageFraction", Double.isFinite(usage) && limit > 0 ? Json.num(usage / limit) : null);
        m.put("unit", unit);
        return m;
    }

    private List<Map<String, Object>> signals() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StrategySignals s : tap.allSignals()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("strategy", s.strategyId());
            Map<String, Object> vs = new LinkedHashMap<>();
            s.values().forEach((k, v) -> vs.put(k, Json.num(v)));
            m.put("signals", vs);
            m.put("parameters", s.parameters());
            out.add(m);
        }
        return out;
    }

    // --- trading endpoints ---

    /** The body of {@code POST /api/v1/orders}. */
    record OrderBody(String strategy, String instrument, Side side, OrderType type, Double price, Double qty,
                     TimeInForce timeInForce) {
    }

    /** The optional body of the kill-switch endpoints. */
    record KillSwitchBody(String reason) {
    }

    private static void requireJson(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw Refusal.unsupportedMediaType(type);
        }
    }

    private void placeOrder(Context ctx) throws InterruptedException {
        requireJson(ctx);
        OrderBody b = Json.read(body(ctx), OrderBody.class);
        if (b.strategy() == null) {
            throw Refusal.badRequest("field 'strategy' is required (strategies " + tap.strategyIds() + ")");
        }
        int s = strategyIndex(b.strategy(), "field 'strategy'");
        if (b.instrument() == null) {
            throw Refusal.badRequest("field 'instrument' is required");
        }
        Instrument in = tap.instruments().get(instrumentIndex(b.instrument(), "field 'instrument'"));
        if (b.side() == null) {
            throw Refusal.badRequest("field 'side' is required (BUY or SELL)");
        }
        OrderType type = b.type() == null ? OrderType.LIMIT : b.type();
        if (b.qty() == null) {
            throw Refusal.badRequest("field 'qty' is required");
        }
        double qty = b.qty();
        if (!(qty > 0) || Double.isInfinite(qty)) {
            throw Refusal.badRequest("field 'qty': must be finite and > 0, was " + qty);
        }
        if (!in.isOnLotGrid(qty)) {
            throw Refusal.badRequest("field 'qty': " + qty + " is not a multiple of the lot size " + in.lotSize()
                    + " of " + in.id());
        }
        double price;
        if (type == OrderType.LIMIT) {
            if (b.price() == null) {
                throw Refusal.badRequest("field 'price' is required for a LIMIT order");
            }
            price = b.price();
            if (!Double.isFinite(price) || !in.isOnTickGrid(price)) {
                throw Refusal.badRequest("field 'price': " + price + " is not on the tick grid " + in.tickSize()
                        + " of " + in.id());
            }
        } else {
            if (b.price() != null) {
                throw Refusal.badRequest("field 'price': a MARKET order takes no price");
            }
            price = OrderRequest.MARKET_PRICE;
        }
        TimeInForce tif = b.timeInForce() != null ? b.timeInForce()
                : type == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC;
        OrderRequest request;
        try {
            request = new OrderRequest(in, b.side(), type, tif, price, qty);
        } catch (IllegalArgumentException e) {
            throw Refusal.badRequest(e.getMessage());
        }
        if (!tap.running(s)) {
            throw Refusal.unavailable("strategy '" + b.strategy() + "' is not running: no order placed");
        }
        CompletableFuture<Long> f = tap.submit(b.strategy(), request);
        long orderId;
        try {
            orderId = f.get(ORDER_TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (f.completeExceptionally(e)) {
                throw Refusal.unavailable("the engine did not take the order within "
                        + ORDER_TIMEOUT_NANOS / 1_000_000 + " ms: no order placed");
            }
            orderId = f.join();
        } catch (ExecutionException e) {
            throw Refusal.badRequest(e.getCause().getMessage());
        }
        LOG.info("order {} placed through the API by {}: {} {} {} {} @ {}", orderId,
                (ApiTokens.Principal) ctx.attribute("principal"), b.strategy(), in.id(), b.side(), qty, price);
        Map<String, Object> o = awaitFirstReport(orderId);
        ctx.status(201);
        json(ctx, o);
    }

    private Map<String, Object> awaitFirstReport(long orderId) throws InterruptedException {
        long deadline = System.nanoTime() + FIRST_REPORT_WAIT_NANOS;
        while (true) {
            Map<String, Object> o = state.findOrder(orderId);
            if (o != null && !"PENDING_NEW".equals(o.get("status"))) {
                return o;
            }
            if (System.nanoTime() > deadline) {
                Map<String, Object> m = o != null ? o : new LinkedHashMap<>();
                m.put("orderId", orderId);
                m.putIfAbsent("status", "PENDING_NEW");
                return m;
            }
            Thread.sleep(2);
        }
    }

    private void cancelOrder(Context ctx) throws InterruptedException {
        long id = orderId(ctx);
        String strategy = state.openOrderStrategy(id);
        if (strategy == null) {
            throw Refusal.notFound("no open order " + id);
        }
        boolean sent;
        try {
            sent = tap.cancel(strategy, id).get(ORDER_TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw Refusal.unavailable("the engine did not take the cancel within " + ORDER_TIMEOUT_NANOS / 1_000_000
                    + " ms");
        } catch (ExecutionException e) {
            throw Refusal.badRequest(e.getCause().getMessage());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", id);
        m.put("cancelSent", sent);
        ctx.status(sent ? 202 : 409);
        json(ctx, m);
    }

    private void killSwitch(Context ctx, boolean engage) throws InterruptedException {
        KillSwitch ks = tap.killSwitch();
        if (ks == null) {
            throw Refusal.notFound("no kill switch configured (EngineTap.Builder.killSwitch)");
        }
        String reason = "";
        if (!body(ctx).isBlank()) {
            requireJson(ctx);
            KillSwitchBody b = Json.read(body(ctx), KillSwitchBody.class);
            if (b.reason() != null) {
                if (b.reason().length() > 200) {
                    throw Refusal.badRequest("field 'reason': at most 200 characters, was " + b.reason().length());
                }
                reason = b.reason();
            }
        }
        ApiTokens.Principal who = ctx.attribute("principal");
        String detail = "via API by " + who + (reason.isEmpty() ? "" : ": " + reason);
        CompletableFuture<Boolean> f = tap.onEngineThread(() -> engage
                ? ks.engage(EngagementCause.MANUAL, detail, tap.engineNowNanos())
                : ks.reset(tap.engineNowNanos()));
        boolean changed;
        try {
            changed = f.get(ORDER_TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // The engine is not running callbacks: act directly (the engine cancels on its next step).
            changed = engage ? ks.engage(EngagementCause.MANUAL, detail, System.currentTimeMillis() * 1_000_000L)
                    : ks.reset(System.currentTimeMillis() * 1_000_000L);
        } catch (ExecutionException e) {
            throw Refusal.badRequest(e.getCause().getMessage());
        }
        LOG.warn("kill switch {} through the API by {}", engage ? "engage" : "reset", who);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("changed", changed);
        m.put("killSwitch", StreamHub.killSwitchJson(ks));
        json(ctx, m);
    }
}
