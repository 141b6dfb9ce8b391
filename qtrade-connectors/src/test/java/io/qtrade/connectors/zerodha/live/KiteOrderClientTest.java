package io.qtrade.connectors.zerodha.live;

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
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KiteOrderClientTest {

    private static final Instrument INFY = Instrument.spot("INFY", "NSE", 0.05, 1);
    private static final Instrument SBIN = Instrument.spot("SBIN", "NSE", 0.05, 1);
    private static final long NOW = 1_700_000_000_000_000_000L;

    /** Kite docs, GET /orders/:order_id: the history of one order, the last entry is its state. */
    private static final String HISTORY = "{\"status\":\"success\",\"data\":["
            + "{\"order_id\":\"151220000000000\",\"status\":\"PUT ORDER REQ RECEIVED\",\"tradingsymbol\":\"INFY\","
            + "\"exchange\":\"NSE\",\"quantity\":10,\"filled_quantity\":0,\"pending_quantity\":10,"
            + "\"exchange_timestamp\":null},"
            + "{\"order_id\":\"151220000000000\",\"status\":\"OPEN\",\"tradingsymbol\":\"INFY\",\"exchange\":\"NSE\","
            + "\"quantity\":10,\"filled_quantity\":4,\"pending_quantity\":6,"
            + "\"exchange_timestamp\":\"2023-11-15 09:30:05\"}]}";

    private static final String ORDERS = "{\"status\":\"success\",\"data\":["
            + "{\"order_id\":\"100\",\"variety\":\"regular\",\"status\":\"OPEN\",\"tradingsymbol\":\"INFY\","
            + "\"exchange\":\"NSE\",\"quantity\":5,\"filled_quantity\":0,\"pending_quantity\":5,"
            + "\"exchange_timestamp\":\"2023-11-15 09:30:00\"},"
            + "{\"order_id\":\"101\",\"variety\":\"regular\",\"status\":\"COMPLETE\",\"tradingsymbol\":\"INFY\","
            + "\"exchange\":\"NSE\",\"quantity\":5,\"filled_quantity\":5,\"pending_quantity\":0},"
            + "{\"order_id\":\"102\",\"variety\":\"amo\",\"status\":\"AMO REQ RECEIVED\",\"tradingsymbol\":\"INFY\","
            + "\"exchange\":\"NSE\",\"quantity\":3,\"filled_quantity\":0,\"pending_quantity\":3},"
            + "{\"order_id\":\"103\",\"variety\":\"regular\",\"status\":\"OPEN\",\"tradingsymbol\":\"SBIN\","
            + "\"exchange\":\"NSE\",\"quantity\":1,\"filled_quantity\":0,\"pending_quantity\":1}]}";

    private static final String OK_ID = "{\"status\":\"success\",\"data\":{\"order_id\":\"151220000000000\"}}";

    private LoopbackVenue venue() {
        return LoopbackVenue.builder(List.of())
                .route("POST", "/orders/regular", r -> r.param("quantity").equals("999")
                        ? HttpAnswer.of(400, "{\"status\":\"error\",\"message\":\"Insufficient funds. Required margin"
                        + " is 95417.84 but available margin is 74251.80.\",\"error_type\":\"MarginException\"}")
                        : HttpAnswer.ok(OK_ID))
                .route("GET", "/orders/151220000000000", r -> HttpAnswer.ok(HISTORY))
                .route("DELETE", "/orders/regular/151220000000000", r -> HttpAnswer.ok(OK_ID))
                .route("PUT", "/orders/regular/151220000000000", r -> HttpAnswer.ok(OK_ID))
                .route("GET", "/orders", r -> HttpAnswer.ok(ORDERS))
                .route("DELETE", "/orders/regular/100", r -> HttpAnswer.ok("{\"status\":\"success\",\"data\":"
                        + "{\"order_id\":\"100\"}}"))
                .route("DELETE", "/orders/regular/103", r -> HttpAnswer.ok("{\"status\":\"success\",\"data\":"
                        + "{\"order_id\":\"103\"}}"))
                .route("DELETE", "/orders/amo/102", r -> HttpAnswer.ok("{\"status\":\"success\",\"data\":"
                        + "{\"order_id\":\"102\"}}"))
                .start();
    }

    private static KiteOrderClient client(LoopbackVenue venue) {
        Credentials c = new Credentials(ApiSecret.of("KITE_API_KEY", "kitekey1"),
                ApiSecret.of("KITE_API_SECRET", "kitesecret2"), ApiSecret.of("KITE_ACCESS_TOKEN", "kitetoken3"));
        return new KiteOrderClient(venue.httpBase(), c, "CNC", HttpClient.newHttpClient(), () -> NOW);
    }

    @Test
    void placeSendsTheDocumentedHeadersAndFormFields() {
        try (LoopbackVenue venue = venue()) {
            ExecutionReport r = client(venue).submit(OrderRequest.limit(INFY, Side.BUY, 1500.05, 10), 42);
            HttpExchangeRecord sent = venue.requests().get(0);
            assertThat(sent.method()).isEqualTo("POST");
            assertThat(sent.header("X-Kite-Version")).isEqualTo("3");
            assertThat(sent.header("Authorization")).isEqualTo("token kitekey1:kitetoken3");
            assertThat(sent.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
            assertThat(sent.body()).isEqualTo("tradingsymbol=INFY&exchange=NSE&transaction_type=BUY&order_type=LIMIT"
                    + "&quantity=10&product=CNC&validity=DAY&price=1500.05&tag=42");
            assertThat(r.orderId()).isEqualTo(151220000000000L);
            assertThat(r.status()).isEqualTo(OrderStatus.PENDING_NEW);
            assertThat(r.leavesQty()).isEqualTo(10);
        }
    }

    @Test
    void marketIocHasNoPriceAndFokIsRefusedBeforeSending() {
        try (LoopbackVenue venue = venue()) {
            KiteOrderClient client = client(venue);
            client.submit(OrderRequest.market(INFY, Side.SELL, 3), 7);
            assertThat(venue.requests().get(0).body()).isEqualTo("tradingsymbol=INFY&exchange=NSE"
                    + "&transaction_type=SELL&order_type=MARKET&quantity=3&product=CNC&validity=IOC&tag=7");
            assertThatThrownBy(() -> client.submit(OrderRequest.limit(INFY, Side.BUY, 1500, 1, TimeInForce.FOK), 8))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Kite has no FOK");
            assertThatThrownBy(() -> client.submit(OrderRequest.limit(INFY, Side.BUY, 1500, 1.5), 9))
                    .hasMessageContaining("whole number of units, was 1.5");
            assertThat(venue.requests()).hasSize(1);
        }
    }

    @Test
    void queryReadsTheLastHistoryEntryWithItsExchangeTimeInIst() {
        try (LoopbackVenue venue = venue()) {
            ExecutionReport r = client(venue).query(INFY, 151220000000000L);
            assertThat(r.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED); // OPEN with filled_quantity 4
            assertThat(r.filledQty()).isEqualTo(4);
            assertThat(r.leavesQty()).isEqualTo(6);
            // 2023-11-15 09:30:05 IST = 04:00:05 UTC
            long expected = LocalDateTime.of(2023, 11, 15, 4, 0, 5).atZone(ZoneId.of("UTC")).toInstant()
                    .toEpochMilli() * 1_000_000L;
            assertThat(r.exchTs()).isEqualTo(expected);
        }
    }

    @Test
    void modifyPutsTheNewPriceAndQuantityThenQueriesTheState() {
        try (LoopbackVenue venue = venue()) {
            ExecutionReport r = client(venue).modify(INFY, 151220000000000L, 1499.95, 10);
            HttpExchangeRecord put = venue.requests().get(0);
            assertThat(put.method() + " " + put.path()).isEqualTo("PUT /orders/regular/151220000000000");
            assertThat(put.body()).isEqualTo("order_type=LIMIT&quantity=10&price=1499.95&validity=DAY");
            assertThat(put.header("Authorization")).isEqualTo("token kitekey1:kitetoken3");
            assertThat(venue.requests().get(1).path()).isEqualTo("/orders/151220000000000");
            assertThat(r.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        }
    }

    @Test
    void cancelDeletesThenReportsTheOrdersState() {
        try (LoopbackVenue venue = venue()) {
            ExecutionReport r = client(venue).cancel(INFY, 151220000000000L);
            assertThat(venue.requests()).extracting(q -> q.method() + " " + q.path()).containsExactly(
                    "DELETE /orders/regular/151220000000000", "GET /orders/151220000000000");
            assertThat(r.orderId()).isEqualTo(151220000000000L);
        }
    }

    @Test
    void cancelAllCancelsOnlyTheInstrumentsOpenOrdersWithTheirVariety() {
        try (LoopbackVenue venue = venue()) {
            List<ExecutionReport> reports = client(venue).cancelAll(INFY);
            assertThat(reports).extracting(ExecutionReport::orderId).containsExactly(100L, 102L);
            assertThat(reports).allMatch(r -> r.status() == OrderStatus.PENDING_CANCEL);
            assertThat(venue.requests()).extracting(r -> r.method() + " " + r.path())
                    .containsExactly("GET /orders", "DELETE /orders/regular/100", "DELETE /orders/amo/102");
            assertThat(client(venue).cancelAll(SBIN)).extracting(ExecutionReport::orderId).containsExactly(103L);
        }
    }

    @Test
    void marginErrorMapsToInsufficientBalance() {
        try (LoopbackVenue venue = venue()) {
            assertThatThrownBy(() -> client(venue).submit(OrderRequest.limit(INFY, Side.BUY, 1500, 999), 1))
                    .isInstanceOfSatisfying(VenueException.class, e -> {
                        assertThat(e.reason()).isEqualTo(VenueException.Reason.INSUFFICIENT_BALANCE);
                        assertThat(e.venueCode()).isEqualTo("MarginException");
                        assertThat(e.getMessage()).contains("Insufficient funds").doesNotContain("kitetoken3")
                                .doesNotContain("kitesecret2");
                    });
        }
    }

    @Test
    void toStringMasksEveryCredential() {
        try (LoopbackVenue venue = venue()) {
            assertThat(client(venue).toString()).doesNotContain("kitekey1").doesNotContain("kitesecret2")
                    .doesNotContain("kitetoken3").contains("KITE_ACCESS_TOKEN");
        }
    }
}
