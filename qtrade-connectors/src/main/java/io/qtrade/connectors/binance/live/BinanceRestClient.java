package io.qtrade.connectors.binance.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.connectors.live.Credentials;
import io.qtrade.connectors.live.OrderGateway;
import io.qtrade.connectors.live.VenueException;
import io.qtrade.core.Instrument;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.OrderType;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.time.Clock;
import io.qtrade.core.time.SystemClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Binance REST orders for spot ({@code /api/v3}) and USD-M futures ({@code /fapi/v1}), an {@link OrderGateway}.
 *
 * <h2>Requests</h2>
 * <pre>{@code
 * submit     POST   /api/v3/order        symbol, side, type, [timeInForce], quantity, [price], newClientOrderId,
 *                                         newOrderRespType=RESULT
 * cancel     DELETE /api/v3/order        symbol, orderId
 * cancelAll  DELETE /api/v3/openOrders   symbol               (futures: GET /fapi/v1/openOrders, then
 *                                                               DELETE /fapi/v1/allOpenOrders)
 * query      GET    /api/v3/order        symbol, orderId
 * }</pre>
 * Every signed request ends with {@code recvWindow=<ms>&timestamp=<ms>&signature=<hex>}, where
 * {@code timestamp = local ms + server-time offset} ({@link #syncServerTime()} measures the offset from
 * {@code GET /api/v3/time} at the round trip's midpoint) and the signature is {@link BinanceSigner}'s HMAC-SHA256 of
 * the query string before it. The API key goes in the {@code X-MBX-APIKEY} header. Order types: LIMIT with GTC, IOC
 * or FOK; POST_ONLY as {@code LIMIT_MAKER} (spot) or {@code timeInForce=GTX} (futures); MARKET (IOC only: Binance
 * market orders have no FOK).
 *
 * <h2>Answers</h2>
 * Each order answer becomes a status {@link ExecutionReport} (order id = Binance's {@code orderId}, filled =
 * {@code executedQty}, leaves = {@code origQty - executedQty}, 0 once terminal; {@code exchTs} = the answer's
 * {@code transactTime}/{@code updateTime}). REST answers are never fills: fills come from the user-data stream
 * ({@link BinanceUserDataParser}), so a fill is counted once. Rate-limit headers are read and respected
 * ({@link BinanceRateLimits}); errors map to {@link VenueException}s ({@link BinanceErrors}). No secret is ever
 * logged or put in a message.
 */
public final class BinanceRestClient implements OrderGateway {

    /** Default receive window: 5000 ms, Binance's default. */
    public static final long DEFAULT_RECV_WINDOW_MILLIS = 5000;

    private static final Logger LOG = LoggerFactory.getLogger(BinanceRestClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final BinanceMarket market;
    private final String venue;
    private final URI base;
    private final Credentials credentials;
    private final BinanceSigner signer;
    private final HttpClient http;
    private final Clock clock;
    private final long recvWindowMillis;
    private final BinanceRateLimits limits;
    private final String prefix;
    private volatile long serverOffsetMillis;

    /**
     * @param market           spot or USD-M futures
     * @param venue            the venue name reports and errors carry (as in the instruments)
     * @param base             REST base ({@code https://api.binance.com}, or a loopback venue)
     * @param credentials      API key and secret
     * @param http             the JDK client
     * @param clock            local wall clock
     * @param recvWindowMillis receive window, 1..60000 ms
     * @param limits           rate limits to respect
     */
    public BinanceRestClient(BinanceMarket market, String venue, URI base, Credentials credentials, HttpClient http,
                             Clock clock, long recvWindowMillis, BinanceRateLimits limits) {
        this.market = Objects.requireNonNull(market, "market");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.base = Objects.requireNonNull(base, "base");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.signer = new BinanceSigner(credentials.apiSecret());
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (recvWindowMillis <= 0 || recvWindowMillis > 60_000) {
            throw new IllegalArgumentException("recvWindowMillis must be in 1..60000 (Binance's range), was "
                    + recvWindowMillis);
        }
        this.recvWindowMillis = recvWindowMillis;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.prefix = market == BinanceMarket.SPOT ? "/api/v3" : "/fapi/v1";
    }

    /** A spot client on {@code api.binance.com} with the system clock and default limits (6000 weight/min, 100 orders/10 s). */
    public static BinanceRestClient spot(Credentials credentials) {
        return new BinanceRestClient(BinanceMarket.SPOT, "BINANCE", BinanceMarketDataClient.SPOT_REST_BASE,
                credentials, HttpClient.newHttpClient(), new SystemClock(), DEFAULT_RECV_WINDOW_MILLIS,
                new BinanceRateLimits(6000, 100));
    }

    @Override
    public String venue() {
        return venue;
    }

    /** The rate-limit state read from the responses. */
    public BinanceRateLimits rateLimits() {
        return limits;
    }

    /** The server-time offset in use, ms ({@code server - local}). */
    public long serverOffsetMillis() {
        return serverOffsetMillis;
    }

    /**
     * Measures {@code offset = serverTime - (t0 + t1) / 2} with {@code GET <prefix>/time}, t0 and t1 the local times
     * before and after, and uses it for every later timestamp.
     *
     * @return the offset, ms
     */
    public long syncServerTime() {
        long t0 = clock.nowNanos() / NANOS_PER_MILLI;
        JsonNode body = send("GET", prefix + "/time", new LinkedHashMap<>(), false, false);
        long t1 = clock.nowNanos() / NANOS_PER_MILLI;
        JsonNode t = body.get("serverTime");
        if (t == null || !t.canConvertToLong()) {
            throw malformed("GET " + prefix + "/time", "no integer serverTime in " + body);
        }
        serverOffsetMillis = t.asLong() - (t0 + t1) / 2;
        LOG.info("{}: server time offset {} ms", venue, serverOffsetMillis);
        return serverOffsetMillis;
    }

    @Override
    public ExecutionReport submit(OrderRequest request, long clientOrderId) {
        Instrument in = request.instrument();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol(in));
        p.put("side", request.side().name());
        if (request.type() == OrderType.MARKET) {
            if (request.timeInForce() != TimeInForce.IOC) {
                throw new IllegalArgumentException(venue + " " + in.id() + ": a MARKET order must be IOC (Binance"
                        + " market orders have no " + request.timeInForce() + ")");
            }
            p.put("type", "MARKET");
        } else if (request.timeInForce() == TimeInForce.POST_ONLY) {
            if (market == BinanceMarket.SPOT) {
                p.put("type", "LIMIT_MAKER");
            } else {
                p.put("type", "LIMIT");
                p.put("timeInForce", "GTX");
            }
        } else {
            p.put("type", "LIMIT");
            p.put("timeInForce", request.timeInForce().name());
        }
        p.put("quantity", decimal(request.qty()));
        if (request.type() == OrderType.LIMIT) {
            p.put("price", decimal(request.price()));
        }
        p.put("newClientOrderId", Long.toString(clientOrderId));
        p.put("newOrderRespType", "RESULT");
        return report(in, send("POST", prefix + "/order", p, true, true), "POST " + prefix + "/order");
    }

    @Override
    public ExecutionReport cancel(Instrument instrument, long orderId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol(instrument));
        p.put("orderId", Long.toString(orderId));
        return report(instrument, send("DELETE", prefix + "/order", p, true, false), "DELETE " + prefix + "/order");
    }

    @Override
    public List<ExecutionReport> cancelAll(Instrument instrument) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol(instrument));
        List<ExecutionReport> out = new ArrayList<>();
        if (market == BinanceMarket.SPOT) {
            JsonNode body = send("DELETE", prefix + "/openOrders", p, true, false);
            if (!body.isArray()) {
                throw malformed("DELETE " + prefix + "/openOrders", "expected an array of cancelled orders");
            }
            for (JsonNode order : body) {
                if (order.has("orderListId") && order.has("orders")) {
                    continue; // an OCO list: its orders are listed on their own as well
                }
                out.add(report(instrument, order, "DELETE " + prefix + "/openOrders"));
            }
        } else {
            JsonNode open = send("GET", prefix + "/openOrders", new LinkedHashMap<>(p), true, false);
            send("DELETE", prefix + "/allOpenOrders", p, true, false);
            long localTs = clock.nowNanos();
            for (JsonNode order : open) {
                ExecutionReport r = report(instrument, order, "GET " + prefix + "/openOrders");
                out.add(new ExecutionReport(r.orderId(), instrument, OrderStatus.CANCELED, r.filledQty(), 0.0,
                        ExecutionReport.NO_FILL_PRICE, ExecutionReport.NO_FILL_QTY, ExecutionReport.NO_REASON,
                        (localTs / NANOS_PER_MILLI + serverOffsetMillis) * NANOS_PER_MILLI, localTs));
            }
        }
        LOG.info("{}: cancelAll {}: {} orders cancelled", venue, instrument.id(), out.size());
        return out;
    }

    @Override
    public ExecutionReport query(Instrument instrument, long orderId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol(instrument));
        p.put("orderId", Long.toString(orderId));
        return report(instrument, send("GET", prefix + "/order", p, true, false), "GET " + prefix + "/order");
    }

    /** Opens a user-data stream: {@code POST /api/v3/userDataStream} ({@code /fapi/v1/listenKey}); returns the listen key. */
    public String createListenKey() {
        String path = market == BinanceMarket.SPOT ? prefix + "/userDataStream" : prefix + "/listenKey";
        JsonNode body = send("POST", path, new LinkedHashMap<>(), false, false);
        JsonNode key = body.get("listenKey");
        if (key == null || !key.isTextual()) {
            throw malformed("POST " + path, "no listenKey in the answer");
        }
        return key.asText();
    }

    /** Keeps a listen key alive for another 60 minutes ({@code PUT}); Binance asks for one every 30 minutes. */
    public void keepAliveListenKey(String listenKey) {
        String path = market == BinanceMarket.SPOT ? prefix + "/userDataStream" : prefix + "/listenKey";
        Map<String, String> p = new LinkedHashMap<>();
        if (market == BinanceMarket.SPOT) {
            p.put("listenKey", listenKey);
        }
        send("PUT", path, p, false, false);
    }

    private static String symbol(Instrument in) {
        return in.symbol().toUpperCase(Locale.ROOT);
    }

    private static String decimal(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Sends one request; returns the parsed JSON body of a 200 answer, or throws the mapped error. */
    private JsonNode send(String method, String path, Map<String, String> params, boolean signed,
                          boolean placesOrder) {
        String what = method + " " + path;
        long localMs = clock.nowNanos() / NANOS_PER_MILLI;
        long serverNowNanos = (localMs + serverOffsetMillis) * NANOS_PER_MILLI;
        long wait = limits.waitNanos(serverNowNanos, placesOrder);
        if (wait > 0) {
            throw new VenueException(venue, VenueException.Reason.RATE_LIMITED, 0, "", wait, what
                    + " not sent: the rate limits read from earlier answers allow the next request in "
                    + wait / NANOS_PER_MILLI + " ms (" + limits + ")");
        }
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (q.length() > 0) {
                q.append('&');
            }
            q.append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        if (signed) {
            if (q.length() > 0) {
                q.append('&');
            }
            q.append("recvWindow=").append(recvWindowMillis).append("&timestamp=").append(localMs + serverOffsetMillis);
            String signature = signer.sign(q.toString()); // over everything before "&signature="
            q.append("&signature=").append(signature);
        }
        URI uri = URI.create(base + path + (q.length() == 0 ? "" : "?" + q));
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (signed || path.endsWith("userDataStream") || path.endsWith("listenKey")) {
            rb.header("X-MBX-APIKEY", credentials.apiKey().reveal());
        }
        HttpResponse<String> response;
        try {
            response = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new VenueException(venue, VenueException.Reason.VENUE_ERROR, 0, "", 0, what + ": no answer ("
                    + e.getClass().getSimpleName() + "); for an order the outcome is unknown, query it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenueException(venue, VenueException.Reason.VENUE_ERROR, 0, "", 0, what
                    + ": interrupted while waiting for the answer; for an order the outcome is unknown");
        }
        int status = response.statusCode();
        long retryAfterNanos = header(response, "Retry-After") * 1_000_000_000L;
        limits.record(serverNowNanos, header(response, "X-MBX-USED-WEIGHT-1M"),
                header(response, "X-MBX-ORDER-COUNT-10S"), header(response, "X-MBX-ORDER-COUNT-1D"), status,
                Math.max(0, retryAfterNanos));
        JsonNode body;
        try {
            body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            if (status != 200) {
                throw BinanceErrors.map(venue, what, status, 0, "unreadable error body", Math.max(0, retryAfterNanos));
            }
            throw malformed(what, "the body is not JSON");
        }
        if (status != 200) {
            int code = body.path("code").asInt(0);
            throw BinanceErrors.map(venue, what, status, code, body.path("msg").asText(""),
                    Math.max(0, retryAfterNanos));
        }
        LOG.debug("{}: {} -> 200", venue, what);
        return body;
    }

    private static long header(HttpResponse<?> response, String name) {
        String v = response.headers().firstValue(name).orElse(null);
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private ExecutionReport report(Instrument instrument, JsonNode o, String what) {
        JsonNode id = o.get("orderId");
        JsonNode status = o.get("status");
        if (id == null || !id.canConvertToLong() || status == null) {
            throw malformed(what, "an order answer needs orderId and status");
        }
        OrderStatus s = status(status.asText(), what);
        double orig = o.path("origQty").asDouble(Double.NaN);
        double executed = o.path("executedQty").asDouble(Double.NaN);
        if (!(orig >= 0) || !(executed >= 0)) {
            throw malformed(what, "origQty and executedQty must be non-negative decimals");
        }
        long venueMs = o.has("transactTime") ? o.get("transactTime").asLong()
                : o.has("updateTime") ? o.get("updateTime").asLong() : o.path("time").asLong(0);
        long localTs = clock.nowNanos();
        long exchTs = localTs;
        if (venueMs > 0) {
            try {
                exchTs = io.qtrade.store.ingest.EpochUnit.MILLIS.toPlausibleNanos(venueMs);
            } catch (IllegalArgumentException e) {
                throw malformed(what, "the order's time: " + e.getMessage());
            }
        }
        double leaves = s.isTerminal() ? 0.0 : Math.max(0.0, orig - executed);
        return new ExecutionReport(id.asLong(), instrument, s, executed, leaves, ExecutionReport.NO_FILL_PRICE,
                ExecutionReport.NO_FILL_QTY, ExecutionReport.NO_REASON, exchTs, localTs);
    }

    /**
     * Binance order status to core: NEW, PARTIALLY_FILLED, FILLED, CANCELED, PENDING_CANCEL, REJECTED,
     * EXPIRED(_IN_MATCH); USD-M futures' NEW_INSURANCE (a liquidation order working against the insurance fund) and
     * NEW_ADL (an auto-deleveraging order) are working orders, so NEW.
     */
    static OrderStatus status(String binance, String what) {
        return switch (binance) {
            case "NEW", "NEW_INSURANCE", "NEW_ADL" -> OrderStatus.NEW;
            case "PENDING_NEW" -> OrderStatus.PENDING_NEW;
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED" -> OrderStatus.CANCELED;
            case "PENDING_CANCEL" -> OrderStatus.PENDING_CANCEL;
            case "REJECTED" -> OrderStatus.REJECTED;
            case "EXPIRED", "EXPIRED_IN_MATCH" -> OrderStatus.EXPIRED;
            default -> throw new VenueException("BINANCE", VenueException.Reason.MALFORMED_RESPONSE, 200, "", 0,
                    what + ": unknown order status '" + binance + "'");
        };
    }

    private VenueException malformed(String what, String message) {
        return new VenueException(venue, VenueException.Reason.MALFORMED_RESPONSE, 200, "", 0, what + ": " + message);
    }

    @Override
    public String toString() {
        return "BinanceRestClient[market=" + market + ", venue=" + venue + ", base=" + base + ", credentials="
                + credentials + ", recvWindowMillis=" + recvWindowMillis + ", serverOffsetMillis=" + serverOffsetMillis
                + ", " + limits + "]";
    }
}
