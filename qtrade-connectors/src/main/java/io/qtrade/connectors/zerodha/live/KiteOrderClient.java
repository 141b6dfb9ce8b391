package io.qtrade.connectors.zerodha.live;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kite Connect REST orders (Kite Connect v3 docs, "Orders"), an {@link OrderGateway}. Every call carries the headers
 * {@code X-Kite-Version: 3} and {@code Authorization: token api_key:access_token}:
 * <pre>{@code
 * submit     POST   /orders/regular              tradingsymbol, exchange, transaction_type (BUY|SELL),
 *                                                 order_type (LIMIT|MARKET), quantity, product, validity (DAY|IOC),
 *                                                 [price], tag
 * modify     PUT    /orders/regular/:order_id    order_type, quantity, price, validity
 * cancel     DELETE /orders/regular/:order_id    then GET /orders/:order_id for the state
 * cancelAll  GET    /orders, then DELETE /orders/:variety/:order_id for each open order of the instrument
 * query      GET    /orders/:order_id            the last entry of the order's history
 * }</pre>
 * Orders: LIMIT GTC is sent as validity DAY (Kite orders never outlive the session), IOC as IOC, MARKET as
 * MARKET IOC; FOK and POST_ONLY do not exist on Kite and are refused before sending. Quantities are whole units.
 * Kite statuses map to core as: COMPLETE to FILLED, CANCELLED to CANCELED, REJECTED, OPEN (PARTIALLY_FILLED when
 * {@code filled_quantity > 0}), TRIGGER PENDING to NEW, every "... PENDING" / "... RECEIVED" step before OPEN to
 * PENDING_NEW, and CANCEL PENDING to PENDING_CANCEL. {@code exchange_timestamp} ("yyyy-MM-dd HH:mm:ss" Asia/Kolkata)
 * is the report's {@code exchTs}. A placement's answer holds only the order id: its report is PENDING_NEW.
 * Reports are status snapshots, never fills (fills come from the order postbacks).
 */
public final class KiteOrderClient implements OrderGateway {

    private static final Logger LOG = LoggerFactory.getLogger(KiteOrderClient.class);
    private static final DateTimeFormatter KITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private final URI base;
    private final HttpClient http;
    private final Clock clock;
    private final String product;
    private final String authorization;
    private final Credentials credentials;

    /**
     * @param base        REST base ({@link KiteSession#KITE_API}, or a loopback venue)
     * @param credentials API key and access token (required)
     * @param product     Kite product for new orders: CNC, NRML, MIS or MTF
     * @param http        the JDK client
     * @param clock       stamps {@code localTs}
     */
    public KiteOrderClient(URI base, Credentials credentials, String product, HttpClient http, Clock clock) {
        this.base = Objects.requireNonNull(base, "base");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        if (!List.of("CNC", "NRML", "MIS", "MTF").contains(product)) {
            throw new IllegalArgumentException("product must be CNC, NRML, MIS or MTF, was " + product);
        }
        this.product = product;
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        String token = credentials.accessToken().orElseThrow(() -> new IllegalArgumentException("Kite orders need an"
                + " access token (" + Credentials.KITE_ACCESS_TOKEN + " or KiteSession.exchange)")).reveal();
        this.authorization = "token " + credentials.apiKey().reveal() + ":" + token;
    }

    @Override
    public String venue() {
        return KiteRest.VENUE;
    }

    @Override
    public ExecutionReport submit(OrderRequest request, long clientOrderId) {
        Instrument in = request.instrument();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("tradingsymbol", in.symbol());
        f.put("exchange", in.venue());
        f.put("transaction_type", request.side().name());
        f.put("order_type", request.type() == OrderType.MARKET ? "MARKET" : "LIMIT");
        f.put("quantity", quantity(in, request.qty()));
        f.put("product", product);
        f.put("validity", validity(request));
        if (request.type() == OrderType.LIMIT) {
            f.put("price", BigDecimal.valueOf(request.price()).stripTrailingZeros().toPlainString());
        }
        f.put("tag", Long.toString(clientOrderId));
        JsonNode data = KiteRest.call(http, base, "POST", "/orders/regular", f, authorization);
        long id = orderId(data.get("order_id"), "POST /orders/regular");
        long now = clock.nowNanos();
        LOG.info("kite order {} placed for {}", id, in.id());
        return new ExecutionReport(id, in, OrderStatus.PENDING_NEW, 0.0, request.qty(), ExecutionReport.NO_FILL_PRICE,
                ExecutionReport.NO_FILL_QTY, ExecutionReport.NO_REASON, now, now);
    }

    /** Modifies a regular order's price and quantity ({@code PUT /orders/regular/:order_id}); returns its state. */
    public ExecutionReport modify(Instrument instrument, long orderId, double price, double qty) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("order_type", "LIMIT");
        f.put("quantity", quantity(instrument, qty));
        f.put("price", BigDecimal.valueOf(price).stripTrailingZeros().toPlainString());
        f.put("validity", "DAY");
        KiteRest.call(http, base, "PUT", "/orders/regular/" + orderId, f, authorization);
        return query(instrument, orderId);
    }

    @Override
    public ExecutionReport cancel(Instrument instrument, long orderId) {
        KiteRest.call(http, base, "DELETE", "/orders/regular/" + orderId, null, authorization);
        return query(instrument, orderId);
    }

    /** Cancels every open order of the instrument; the reports are PENDING_CANCEL (Kite confirms asynchronously). */
    @Override
    public List<ExecutionReport> cancelAll(Instrument instrument) {
        JsonNode orders = KiteRest.call(http, base, "GET", "/orders", null, authorization);
        List<ExecutionReport> out = new ArrayList<>();
        for (JsonNode o : orders) {
            if (!instrument.symbol().equals(o.path("tradingsymbol").asText())
                    || !instrument.venue().equals(o.path("exchange").asText())) {
                continue;
            }
            OrderStatus s = status(o, "GET /orders");
            if (s.isTerminal()) {
                continue;
            }
            long id = orderId(o.get("order_id"), "GET /orders");
            String variety = o.path("variety").asText("regular");
            KiteRest.call(http, base, "DELETE", "/orders/" + variety + "/" + id, null, authorization);
            ExecutionReport r = report(instrument, o, "GET /orders");
            out.add(new ExecutionReport(id, instrument, OrderStatus.PENDING_CANCEL, r.filledQty(), r.leavesQty(),
                    ExecutionReport.NO_FILL_PRICE, ExecutionReport.NO_FILL_QTY, ExecutionReport.NO_REASON, r.exchTs(),
                    clock.nowNanos()));
        }
        LOG.info("kite cancelAll {}: {} open orders cancelled", instrument.id(), out.size());
        return out;
    }

    @Override
    public ExecutionReport query(Instrument instrument, long orderId) {
        JsonNode history = KiteRest.call(http, base, "GET", "/orders/" + orderId, null, authorization);
        if (!history.isArray() || history.isEmpty()) {
            throw new VenueException(KiteRest.VENUE, VenueException.Reason.MALFORMED_RESPONSE, 200, "", 0,
                    "GET /orders/" + orderId + ": expected a non-empty order history");
        }
        return report(instrument, history.get(history.size() - 1), "GET /orders/" + orderId);
    }

    private ExecutionReport report(Instrument instrument, JsonNode o, String what) {
        long id = orderId(o.get("order_id"), what);
        OrderStatus s = status(o, what);
        double qty = o.path("quantity").asDouble(0);
        double filled = o.path("filled_quantity").asDouble(0);
        double pending = o.path("pending_quantity").asDouble(Math.max(0, qty - filled));
        long localTs = clock.nowNanos();
        long exchTs = localTs;
        String t = o.path("exchange_timestamp").asText("");
        if (!t.isEmpty() && !"null".equals(t)) {
            try {
                exchTs = io.qtrade.store.ingest.EpochUnit.MILLIS.toPlausibleNanos(LocalDateTime.parse(t, KITE_TIME)
                        .atZone(IST).toInstant().toEpochMilli());
            } catch (DateTimeParseException | ArithmeticException | IllegalArgumentException e) {
                throw new VenueException(KiteRest.VENUE, VenueException.Reason.MALFORMED_RESPONSE, 200, "", 0, what
                        + ": exchange_timestamp '" + t + "' is not a yyyy-MM-dd HH:mm:ss time between 1970 and 2200");
            }
        }
        String message = o.path("status_message").asText("");
        String reason = s == OrderStatus.REJECTED && !message.isEmpty() && !"null".equals(message) ? message
                : ExecutionReport.NO_REASON;
        return new ExecutionReport(id, instrument, s, filled, s.isTerminal() ? 0.0 : pending,
                ExecutionReport.NO_FILL_PRICE, ExecutionReport.NO_FILL_QTY, reason, exchTs, localTs);
    }

    static OrderStatus status(JsonNode o, String what) {
        String s = o.path("status").asText("");
        double filled = o.path("filled_quantity").asDouble(0);
        return switch (s) {
            case "COMPLETE" -> OrderStatus.FILLED;
            case "CANCELLED" -> OrderStatus.CANCELED;
            case "REJECTED" -> OrderStatus.REJECTED;
            case "OPEN", "MODIFY PENDING", "MODIFY VALIDATION PENDING", "MODIFIED" -> filled > 0
                    ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
            case "TRIGGER PENDING" -> OrderStatus.NEW;
            case "CANCEL PENDING" -> OrderStatus.PENDING_CANCEL;
            case "PUT ORDER REQ RECEIVED", "VALIDATION PENDING", "OPEN PENDING", "AMO REQ RECEIVED" ->
                    OrderStatus.PENDING_NEW;
            default -> throw new VenueException(KiteRest.VENUE, VenueException.Reason.MALFORMED_RESPONSE, 200, "", 0,
                    what + ": unknown order status '" + s + "'");
        };
    }

    private static long orderId(JsonNode id, String what) {
        try {
            return Long.parseLong(id == null ? "" : id.asText());
        } catch (NumberFormatException e) {
            throw new VenueException(KiteRest.VENUE, VenueException.Reason.MALFORMED_RESPONSE, 200, "", 0, what
                    + ": order_id '" + (id == null ? "missing" : id.asText()) + "' is not a number");
        }
    }

    private static String quantity(Instrument in, double qty) {
        long units = Math.round(qty);
        if (units <= 0 || Math.abs(units - qty) > 1e-9) {
            throw new IllegalArgumentException("Kite quantity for " + in.id() + " must be a whole number of units,"
                    + " was " + qty);
        }
        return Long.toString(units);
    }

    private static String validity(OrderRequest r) {
        TimeInForce tif = r.timeInForce();
        return switch (tif) {
            case GTC -> "DAY";
            case IOC -> "IOC";
            case FOK, POST_ONLY -> throw new IllegalArgumentException("Kite has no " + tif + " orders ("
                    + r.instrument().id() + "): use GTC (DAY) or IOC");
        };
    }

    @Override
    public String toString() {
        return "KiteOrderClient[base=" + base + ", product=" + product + ", credentials=" + credentials + "]";
    }
}
