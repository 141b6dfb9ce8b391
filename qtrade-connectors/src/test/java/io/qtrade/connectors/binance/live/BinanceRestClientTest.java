package io.qtrade.connectors.binance.live;

import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.connectors.live.ApiSecret;
import io.qtrade.connectors.live.Credentials;
import io.qtrade.connectors.live.VenueException;
import io.qtrade.connectors.replay.HttpAnswer;
import io.qtrade.connectors.replay.HttpExchangeRecord;
import io.qtrade.connectors.replay.LoopbackVenue;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.TimeInForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceRestClientTest {

    private static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final Instrument BTCUSDT = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.00001);
    /** Local clock: 2023-11-14T22:13:20.000Z; the venue's clock runs 1234 ms ahead. */
    private static final long LOCAL_MS = 1_700_000_000_000L;
    private static final long SERVER_MS = LOCAL_MS + 1234;

    private final AtomicLong nowNanos = new AtomicLong(LOCAL_MS * 1_000_000L);
    private final Deque<HttpAnswer> orderAnswers = new ArrayDeque<>();
    private final BinanceSigner verifier = new BinanceSigner(ApiSecret.of("verifier", SECRET));
    private LoopbackVenue venue;

    private static final String NEW_ORDER_RESULT = "{\"symbol\":\"BTCUSDT\",\"orderId\":28,\"orderListId\":-1,"
            + "\"clientOrderId\":\"42\",\"transactTime\":1700000001234,\"price\":\"30000.50000000\","
            + "\"origQty\":\"0.01000000\",\"executedQty\":\"0.00400000\",\"cummulativeQuoteQty\":\"120.00200000\","
            + "\"status\":\"PARTIALLY_FILLED\",\"timeInForce\":\"GTC\",\"type\":\"LIMIT\",\"side\":\"BUY\"}";

    private BinanceRestClient client() {
        venue = LoopbackVenue.builder(List.of())
                .route("GET", "/api/v3/time", r -> HttpAnswer.ok("{\"serverTime\":" + SERVER_MS + "}"))
                .route("POST", "/api/v3/order", this::signed)
                .route("GET", "/api/v3/order", this::signed)
                .route("DELETE", "/api/v3/order", this::signed)
                .route("DELETE", "/api/v3/openOrders", this::signed)
                .start();
        Credentials credentials = new Credentials(ApiSecret.of("BINANCE_API_KEY", KEY),
                ApiSecret.of("BINANCE_API_SECRET", SECRET), null);
        return new BinanceRestClient(BinanceMarket.SPOT, "BINANCE", venue.httpBase(), credentials,
                HttpClient.newHttpClient(), nowNanos::get, 5000, new BinanceRateLimits(6000, 100));
    }

    /** The venue side: checks the API key header and the signature as Binance would, then answers from the queue. */
    private HttpAnswer signed(HttpExchangeRecord r) {
        if (!KEY.equals(r.header("X-MBX-APIKEY"))) {
            return HttpAnswer.of(401, "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}");
        }
        int at = r.query().lastIndexOf("&signature=");
        if (at < 0 || !verifier.sign(r.query().substring(0, at)).equals(r.query().substring(at + 11))) {
            return HttpAnswer.of(400, "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}");
        }
        HttpAnswer next = orderAnswers.poll();
        return next != null ? next : HttpAnswer.of(500, "{\"code\":-1000,\"msg\":\"no scripted answer\"}");
    }

    @AfterEach
    void stop() {
        if (venue != null) {
            venue.close();
        }
    }

    @Test
    void submitSendsTheDocumentedSignedParametersWithTheServerTimeOffset() {
        BinanceRestClient client = client();
        assertThat(client.syncServerTime()).isEqualTo(1234); // server - local midpoint (clock does not move)
        orderAnswers.add(new HttpAnswer(200, Map.of("X-MBX-USED-WEIGHT-1M", "7", "X-MBX-ORDER-COUNT-10S", "1",
                "X-MBX-ORDER-COUNT-1D", "12"), NEW_ORDER_RESULT));
        ExecutionReport r = client.submit(OrderRequest.limit(BTCUSDT, Side.BUY, 30000.5, 0.01), 42);

        HttpExchangeRecord sent = venue.requests().get(1);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.query()).startsWith("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01"
                + "&price=30000.5&newClientOrderId=42&newOrderRespType=RESULT&recvWindow=5000&timestamp="
                + SERVER_MS + "&signature=");
        assertThat(r.orderId()).isEqualTo(28);
        assertThat(r.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(r.filledQty()).isEqualTo(0.004);
        assertThat(r.leavesQty()).isEqualTo(0.01 - 0.004);
        assertThat(r.isFill()).isFalse(); // fills come from the user-data stream only
        assertThat(r.exchTs()).isEqualTo(1_700_000_001_234_000_000L);
        assertThat(client.rateLimits().usedWeight1m()).isEqualTo(7);
        assertThat(client.rateLimits().orderCount10s()).isEqualTo(1);
        assertThat(client.rateLimits().orderCount1d()).isEqualTo(12);
    }

    @Test
    void postOnlyIsSentAsLimitMakerAndMarketWithoutTimeInForce() {
        BinanceRestClient client = client();
        orderAnswers.add(HttpAnswer.ok(NEW_ORDER_RESULT));
        orderAnswers.add(HttpAnswer.ok(NEW_ORDER_RESULT));
        client.submit(OrderRequest.limit(BTCUSDT, Side.SELL, 30001.0, 0.5, TimeInForce.POST_ONLY), 1);
        client.submit(OrderRequest.market(BTCUSDT, Side.SELL, 0.5), 2);
        assertThat(venue.requests().get(0).query()).startsWith("symbol=BTCUSDT&side=SELL&type=LIMIT_MAKER&quantity=0.5"
                + "&price=30001&");
        assertThat(venue.requests().get(1).query()).startsWith("symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.5"
                + "&newClientOrderId=2&");
    }

    @Test
    void cancelAllReturnsOneCanceledReportPerOpenOrder() {
        BinanceRestClient client = client();
        // Spot docs, DELETE /api/v3/openOrders response (two plain orders).
        orderAnswers.add(HttpAnswer.ok("[{\"symbol\":\"BTCUSDT\",\"origClientOrderId\":\"E6APeyTJvkMvLMYMqu1KQ4\","
                + "\"orderId\":11,\"orderListId\":-1,\"clientOrderId\":\"pXLV6Hz6mprAcVYpVMTGgx\","
                + "\"transactTime\":1684804350068,\"price\":\"0.089853\",\"origQty\":\"0.178622\","
                + "\"executedQty\":\"0.000000\",\"cummulativeQuoteQty\":\"0.000000\",\"status\":\"CANCELED\","
                + "\"timeInForce\":\"GTC\",\"type\":\"LIMIT\",\"side\":\"BUY\"},"
                + "{\"symbol\":\"BTCUSDT\",\"orderId\":12,\"orderListId\":-1,\"transactTime\":1684804350068,"
                + "\"price\":\"0.1\",\"origQty\":\"2.0\",\"executedQty\":\"0.5\",\"status\":\"CANCELED\","
                + "\"type\":\"LIMIT\",\"side\":\"SELL\"}]"));
        List<ExecutionReport> reports = client.cancelAll(BTCUSDT);
        assertThat(venue.requests().get(0).method()).isEqualTo("DELETE");
        assertThat(venue.requests().get(0).path()).isEqualTo("/api/v3/openOrders");
        assertThat(venue.requests().get(0).param("symbol")).isEqualTo("BTCUSDT");
        assertThat(reports).extracting(ExecutionReport::orderId).containsExactly(11L, 12L);
        assertThat(reports).allMatch(r -> r.status() == OrderStatus.CANCELED && r.leavesQty() == 0);
        assertThat(reports.get(1).filledQty()).isEqualTo(0.5);
    }

    @Test
    void futuresCancelAllListsTheOpenOrdersThenCancelsThemAll() {
        venue = LoopbackVenue.builder(List.of())
                .route("GET", "/fapi/v1/openOrders", r -> HttpAnswer.ok("[{\"orderId\":1917641,\"symbol\":\"BTCUSDT\","
                        + "\"status\":\"NEW\",\"origQty\":\"0.40\",\"executedQty\":\"0.10\",\"price\":\"30000\","
                        + "\"updateTime\":1700000000000},{\"orderId\":1917642,\"symbol\":\"BTCUSDT\","
                        + "\"status\":\"NEW\",\"origQty\":\"1\",\"executedQty\":\"0\",\"price\":\"29000\","
                        + "\"updateTime\":1700000000000}]"))
                .route("DELETE", "/fapi/v1/allOpenOrders", r -> HttpAnswer.ok("{\"code\":200,\"msg\":\"The operation"
                        + " of cancel all open order is done.\"}"))
                .start();
        Credentials credentials = new Credentials(ApiSecret.of("BINANCE_API_KEY", KEY),
                ApiSecret.of("BINANCE_API_SECRET", SECRET), null);
        BinanceRestClient futures = new BinanceRestClient(BinanceMarket.USDM_FUTURES, "BINANCE", venue.httpBase(),
                credentials, HttpClient.newHttpClient(), nowNanos::get, 5000, new BinanceRateLimits(2400, 300));
        List<ExecutionReport> reports = futures.cancelAll(BTCUSDT);
        assertThat(venue.requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /fapi/v1/openOrders", "DELETE /fapi/v1/allOpenOrders");
        assertThat(venue.requests()).allSatisfy(r -> assertThat(r.query()).contains("symbol=BTCUSDT&recvWindow=5000"));
        assertThat(reports).extracting(ExecutionReport::orderId).containsExactly(1917641L, 1917642L);
        assertThat(reports).allMatch(r -> r.status() == OrderStatus.CANCELED && r.leavesQty() == 0);
        assertThat(reports.get(0).filledQty()).isEqualTo(0.1);
    }

    @Test
    void errorCodesMapToReasons() {
        BinanceRestClient client = client();
        orderAnswers.add(HttpAnswer.of(400, "{\"code\":-2010,\"msg\":\"Account has insufficient balance for"
                + " requested action.\"}"));
        orderAnswers.add(HttpAnswer.of(400, "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of"
                + " the recvWindow.\"}"));
        orderAnswers.add(HttpAnswer.of(400, "{\"code\":-2013,\"msg\":\"Order does not exist.\"}"));
        OrderRequest buy = OrderRequest.limit(BTCUSDT, Side.BUY, 30000, 1);
        assertThatThrownBy(() -> client.submit(buy, 1)).isInstanceOfSatisfying(VenueException.class, e -> {
            assertThat(e.reason()).isEqualTo(VenueException.Reason.INSUFFICIENT_BALANCE);
            assertThat(e.venueCode()).isEqualTo("-2010");
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.getMessage()).contains("POST /api/v3/order").contains("insufficient balance");
        });
        assertThatThrownBy(() -> client.submit(buy, 2)).isInstanceOfSatisfying(VenueException.class,
                e -> assertThat(e.reason()).isEqualTo(VenueException.Reason.TIMESTAMP));
        assertThatThrownBy(() -> client.query(BTCUSDT, 99)).isInstanceOfSatisfying(VenueException.class,
                e -> assertThat(e.reason()).isEqualTo(VenueException.Reason.UNKNOWN_ORDER));
    }

    @Test
    void after429NoRequestIsSentBeforeRetryAfter() {
        BinanceRestClient client = client();
        orderAnswers.add(new HttpAnswer(429, Map.of("Retry-After", "30"), "{\"code\":-1003,\"msg\":\"Too many"
                + " requests.\"}"));
        OrderRequest buy = OrderRequest.limit(BTCUSDT, Side.BUY, 30000, 1);
        assertThatThrownBy(() -> client.submit(buy, 1)).isInstanceOfSatisfying(VenueException.class, e -> {
            assertThat(e.reason()).isEqualTo(VenueException.Reason.RATE_LIMITED);
            assertThat(e.retryAfterNanos()).isEqualTo(30_000_000_000L);
        });
        int sent = venue.requests().size();
        nowNanos.addAndGet(10_000_000_000L); // 10 s later: 20 s still to wait
        assertThatThrownBy(() -> client.cancel(BTCUSDT, 5)).isInstanceOfSatisfying(VenueException.class, e -> {
            assertThat(e.reason()).isEqualTo(VenueException.Reason.RATE_LIMITED);
            assertThat(e.retryAfterNanos()).isEqualTo(20_000_000_000L);
        });
        assertThat(venue.requests()).hasSize(sent); // refused locally, nothing sent
        nowNanos.addAndGet(20_000_000_000L);
        orderAnswers.add(HttpAnswer.ok(NEW_ORDER_RESULT));
        assertThat(client.cancel(BTCUSDT, 28).orderId()).isEqualTo(28);
    }

    @Test
    void usedWeightAtTheLimitHoldsRequestsUntilTheNextMinute() {
        BinanceRestClient client = client();
        orderAnswers.add(new HttpAnswer(200, Map.of("X-MBX-USED-WEIGHT-1M", "6000"), NEW_ORDER_RESULT));
        client.query(BTCUSDT, 28);
        // LOCAL_MS = 1_700_000_000_000 is 20 s into its minute (1_700_000_000_000 mod 60_000 = 20_000): 40 s left.
        assertThatThrownBy(() -> client.query(BTCUSDT, 28)).isInstanceOfSatisfying(VenueException.class,
                e -> assertThat(e.retryAfterNanos()).isEqualTo(40_000_000_000L));
    }

    @Test
    void secretsNeverAppearInMessagesToStringOrLogs() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String messages;
        BinanceRestClient client;
        try {
            client = client();
            client.syncServerTime();
            orderAnswers.add(HttpAnswer.of(400, "{\"code\":-1022,\"msg\":\"Signature for this request is not"
                    + " valid.\"}"));
            VenueException e = org.junit.jupiter.api.Assertions.assertThrows(VenueException.class,
                    () -> client.submit(OrderRequest.limit(BTCUSDT, Side.BUY, 30000, 1), 1));
            assertThat(e.reason()).isEqualTo(VenueException.Reason.AUTHENTICATION);
            messages = e.getMessage() + client;
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("server time offset 1234 ms"); // the capture works
        assertThat(messages + log).doesNotContain(SECRET).doesNotContain(KEY);
    }
}
