package io.qtrade.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.FillRecord;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.portfolio.Portfolio;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.qtrade.server.PaperFixture.BTC;
import static io.qtrade.server.PaperFixture.READ_TOKEN;
import static io.qtrade.server.PaperFixture.TRADE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The server over paper trading against the loopback Binance venue: the read endpoints follow the running engine and,
 * once it stops, agree exactly with its result (every fill, the position, the PnL); orders placed through the API
 * pass the engine's risk gate; the kill switch engaged through the API cancels the resting orders; the WebSocket
 * streams deliver what a client subscribed to. Every wait is a poll with a generous timeout, never a verdict.
 */
class ServerPaperTradingTest {

    @Test
    void readEndpointsFollowTheEngineAndAgreeWithItsResultAtTheEnd() throws Exception {
        try (PaperFixture f = new PaperFixture(3_000, 2 * PaperFixture.MS, PaperFixture.config())) {
            Http http = new Http(f.server.baseUrl());
            assertThat(Http.await(() -> f.maker.fills.size() >= 4, 60)).as("the maker fills").isTrue();
            assertThat(Http.await(() -> get(http, "/api/v1/positions").size() == 1, 30)).isTrue();

            JsonNode instruments = get(http, "/api/v1/instruments");
            assertThat(instruments.get(0).get("id").asText()).isEqualTo("BTCUSDT@BINANCE");
            assertThat(instruments.get(0).get("tickSize").asDouble()).isEqualTo(0.01);
            assertThat(instruments.get(0).get("lotSize").asDouble()).isEqualTo(0.001);

            JsonNode top = get(http, "/api/v1/top").get(0);
            assertThat(top.get("bid").asDouble()).isLessThan(top.get("ask").asDouble());
            assertThat(BTC.isOnTickGrid(top.get("bid").asDouble())).isTrue();
            JsonNode book = get(http, "/api/v1/books/BTCUSDT?levels=5");
            assertThat(book.get("bids").size()).isBetween(1, 5);
            assertThat(book.get("asks").size()).isBetween(1, 5);
            for (int i = 1; i < book.get("bids").size(); i++) {
                assertThat(book.get("bids").get(i).get(0).asDouble()).isLessThan(book.get("bids").get(i - 1).get(0).asDouble());
            }
            for (int i = 1; i < book.get("asks").size(); i++) {
                assertThat(book.get("asks").get(i).get(0).asDouble()).isGreaterThan(book.get("asks").get(i - 1).get(0).asDouble());
            }

            // Resting quotes: the maker keeps one bid and one ask 3 ticks off the touch.
            assertThat(Http.await(() -> get(http, "/api/v1/orders").size() >= 1, 30)).isTrue();
            JsonNode open = get(http, "/api/v1/orders");
            for (JsonNode o : open) {
                assertThat(o.get("strategy").asText()).isEqualTo("mm");
                assertThat(o.get("type").asText()).isEqualTo("LIMIT");
                assertThat(o.get("viaApi").asBoolean()).isFalse();
                assertThat(o.get("status").asText()).isIn("NEW", "PARTIALLY_FILLED", "PENDING_CANCEL");
            }

            JsonNode portfolio = get(http, "/api/v1/portfolio").get("strategies").get(0);
            // netPnl = realized + unrealized - fees = equity - initialCash (core's Portfolio definitions)
            assertThat(portfolio.get("netPnl").asDouble()).isCloseTo(portfolio.get("realizedPnl").asDouble()
                    + portfolio.get("unrealizedPnl").asDouble() - portfolio.get("fees").asDouble(), within(1e-9));
            assertThat(portfolio.get("netPnl").asDouble()).isCloseTo(portfolio.get("equity").asDouble() - 10_000,
                    within(1e-9));

            JsonNode risk = get(http, "/api/v1/risk");
            assertThat(risk.get("killSwitch").get("engaged").asBoolean()).isFalse();
            List<String> checks = stream(risk.get("limits")).map(l -> l.get("check").asText()).toList();
            assertThat(checks).containsExactly("MAX_ORDER_QTY", "MAX_POSITION", "MAX_OPEN_ORDERS");
            JsonNode maxPosition = risk.get("limits").get(1);
            assertThat(maxPosition.get("limit").asDouble()).isEqualTo(1.0);
            assertThat(maxPosition.get("usage").asDouble()).isGreaterThanOrEqualTo(0.0).isLessThanOrEqualTo(1.0);
            assertThat(risk.get("limits").get(2).get("limit").asInt()).isEqualTo(10);

            JsonNode signals = get(http, "/api/v1/signals").get(0);
            assertThat(signals.get("strategy").asText()).isEqualTo("mm");
            assertThat(signals.get("signals").get("mid").asDouble()).isBetween(50.0, 150.0);
            assertThat(signals.get("signals").get("imbalance").asDouble()).isBetween(-1.0, 1.0);
            assertThat(signals.get("parameters").get("offsetTicks").asText()).isEqualTo("3");

            JsonNode health = get(http, "/api/v1/health");
            assertThat(health.get("status").asText()).isEqualTo("RUNNING");
            assertThat(health.get("strategies").get(0).get("running").asBoolean()).isTrue();
            assertThat(Http.await(() -> get(http, "/api/v1/metrics").get(0).get("equityPoints").asInt() >= 3, 30))
                    .isTrue();

            // The end: the server's account equals the engine's result, fill for fill.
            BacktestResult result = f.stopEngine();
            assertThat(Http.await(() -> !get(http, "/api/v1/health").get("status").asText().equals("RUNNING"), 30))
                    .isTrue();
            assertThat(Http.await(() -> get(http, "/api/v1/health").get("fillsSeen").asLong()
                    == result.fillCount(), 30)).isTrue();
            JsonNode fills = get(http, "/api/v1/fills?limit=10000");
            assertThat(fills.size()).isEqualTo((int) result.fillCount());
            Set<String> serverFills = stream(fills).map(x -> x.get("orderId").asLong() + "/" + x.get("qty").asDouble()
                    + "@" + x.get("price").asDouble()).collect(Collectors.toSet());
            Set<String> engineFills = result.fillRecords().stream().map(ServerPaperTradingTest::key)
                    .collect(Collectors.toSet());
            assertThat(serverFills).isEqualTo(engineFills);
            Portfolio p = result.portfolio("mm");
            assertThat(Http.await(() -> Math.abs(get(http, "/api/v1/positions").get(0).get("qty").asDouble()
                    - p.position(BTC).qty()) < 1e-12, 30)).isTrue();
            JsonNode last = get(http, "/api/v1/portfolio").get("strategies").get(0);
            assertThat(last.get("realizedPnl").asDouble()).isCloseTo(p.realizedPnl(), within(1e-9));
            assertThat(last.get("fees").asDouble()).isCloseTo(p.fees(), within(1e-12));
            assertThat(last.get("cash").asDouble()).isCloseTo(p.cash(), within(1e-9));
            long engineOrders = result.orderCount();
            JsonNode closed = get(http, "/api/v1/orders?status=closed&limit=10000");
            assertThat(closed.size() + get(http, "/api/v1/orders").size()).isEqualTo((int) engineOrders);
        }
    }

    private static String key(FillRecord r) {
        return r.orderId() + "/" + r.qty() + "@" + r.price();
    }

    @Test
    void ordersThroughTheApiPassTheRiskGateAndTheKillSwitchCancelsRestingOrders() throws Exception {
        try (PaperFixture f = new PaperFixture(4_000, 2 * PaperFixture.MS, PaperFixture.config())) {
            Http http = new Http(f.server.baseUrl());
            assertThat(Http.await(() -> f.maker.restingOrders() >= 2, 60)).as("the maker rests quotes").isTrue();
            double bid = get(http, "/api/v1/top").get(0).get("bid").asDouble();

            // Above MaxOrderQty(0.01): the engine's gate rejects it, as it would the strategy's own order.
            Http.Answer tooBig = http.post("/api/v1/orders", TRADE_TOKEN, order("BUY", bid - 0.5, 0.02));
            assertThat(tooBig.status()).isEqualTo(201);
            assertThat(tooBig.json().get("status").asText()).isEqualTo("REJECTED");
            assertThat(tooBig.json().get("reason").asText()).startsWith("MAX_ORDER_QTY");

            Http.Answer placed = http.post("/api/v1/orders", TRADE_TOKEN, order("BUY", round(bid - 0.5), 0.001));
            assertThat(placed.status()).isEqualTo(201);
            long id = placed.json().get("orderId").asLong();
            assertThat(placed.json().get("status").asText()).isEqualTo("NEW");
            assertThat(placed.json().get("viaApi").asBoolean()).isTrue();
            assertThat(get(http, "/api/v1/orders/" + id).get("status").asText()).isEqualTo("NEW");
            Http.Answer cancel = http.delete("/api/v1/orders/" + id, TRADE_TOKEN);
            assertThat(cancel.status()).isEqualTo(202);
            assertThat(Http.await(() -> get(http, "/api/v1/orders/" + id).get("status").asText().equals("CANCELED"),
                    30)).isTrue();
            assertThat(http.delete("/api/v1/orders/" + id, TRADE_TOKEN).status()).isEqualTo(404);
            // The strategy never saw the API's orders.
            assertThat(f.maker.reports.stream().map(ExecutionReport::orderId)).doesNotContain(id,
                    tooBig.json().get("orderId").asLong());

            // The kill switch through the API: the maker's resting quotes are cancelled, new orders rejected.
            List<Long> resting = get(http, "/api/v1/orders").findValuesAsText("orderId").stream().map(Long::parseLong)
                    .toList();
            assertThat(resting).isNotEmpty();
            Http.Answer engage = http.post("/api/v1/risk/kill-switch/engage", TRADE_TOKEN,
                    "{\"reason\":\"desk halt\"}");
            assertThat(engage.status()).isEqualTo(200);
            assertThat(engage.json().get("changed").asBoolean()).isTrue();
            assertThat(engage.json().get("killSwitch").get("engaged").asBoolean()).isTrue();
            assertThat(Http.await(() -> resting.stream().allMatch(o -> f.maker.reports.stream().anyMatch(r ->
                    r.orderId() == o && r.status() == OrderStatus.CANCELED)), 30)).as("resting orders cancelled")
                    .isTrue();
            Http.Answer refused = http.post("/api/v1/orders", TRADE_TOKEN, order("BUY", round(bid - 0.5), 0.001));
            assertThat(refused.json().get("status").asText()).isEqualTo("REJECTED");
            assertThat(refused.json().get("reason").asText()).startsWith("KILL_SWITCH: engaged at ")
                    .contains("by MANUAL: via API by token#1(TRADING): desk halt");
            JsonNode ks = get(http, "/api/v1/risk").get("killSwitch");
            assertThat(ks.get("engagements").get(0).get("cause").asText()).isEqualTo("MANUAL");
            assertThat(get(http, "/api/v1/risk").get("rejectionsByReason").get("KILL_SWITCH").asLong())
                    .isGreaterThanOrEqualTo(1);
            Http.Answer reset = http.post("/api/v1/risk/kill-switch/reset", TRADE_TOKEN, "");
            assertThat(reset.json().get("killSwitch").get("engaged").asBoolean()).isFalse();
            assertThat(f.killSwitch.isEngaged()).isFalse();
            Http.Answer again = http.post("/api/v1/orders", TRADE_TOKEN, order("SELL", round(bid + 5), 0.001));
            assertThat(again.json().get("status").asText()).isEqualTo("NEW");
        }
    }

    @Test
    void webSocketStreamsDeliverWhatAClientSubscribedTo() throws Exception {
        try (PaperFixture f = new PaperFixture(3_000, 2 * PaperFixture.MS, PaperFixture.config())) {
            Http http = new Http(f.server.baseUrl());
            ServerSecurityTest.Recorder all = new ServerSecurityTest.Recorder();
            WebSocket ws = http.client.newWebSocketBuilder().header("Authorization", "Bearer " + READ_TOKEN)
                    .buildAsync(URI.create(f.server.baseUrl().replace("http", "ws") + "/api/v1/stream"), all)
                    .get(10, TimeUnit.SECONDS);
            ws.sendText("{\"op\":\"subscribe\",\"topics\":[\"top\",\"book\",\"orders\",\"fills\",\"portfolio\","
                    + "\"risk\",\"signals\",\"trades\"],\"instruments\":[\"BTCUSDT\"]}", true);
            ServerSecurityTest.Recorder topOnly = new ServerSecurityTest.Recorder();
            WebSocket ws2 = http.client.newWebSocketBuilder().header("Authorization", "Bearer " + READ_TOKEN)
                    .buildAsync(URI.create(f.server.baseUrl().replace("http", "ws") + "/api/v1/stream"), topOnly)
                    .get(10, TimeUnit.SECONDS);
            ws2.sendText("{\"op\":\"subscribe\",\"topics\":[\"top\"]}", true);
            for (String type : new String[] {"top", "book", "order", "fill", "portfolio", "signals", "trade"}) {
                assertThat(Http.await(() -> all.messages.stream().anyMatch(m -> m.contains("\"type\":\"" + type
                        + "\"")), 60)).as("a %s message", type).isTrue();
            }
            http.post("/api/v1/risk/kill-switch/engage", TRADE_TOKEN, "{}");
            assertThat(Http.await(() -> all.messages.stream().anyMatch(m -> m.contains("kill_switch_engaged")), 30))
                    .isTrue();
            JsonNode fill = Http.JSON.readTree(all.messages.stream().filter(m -> m.contains("\"type\":\"fill\""))
                    .findFirst().orElseThrow());
            assertThat(fill.get("strategy").asText()).isEqualTo("mm");
            assertThat(fill.get("instrument").asText()).isEqualTo("BTCUSDT@BINANCE");
            assertThat(fill.has("positionQty")).isTrue();
            List<String> tops = List.copyOf(topOnly.messages);
            assertThat(tops.get(0)).isEqualTo("{\"type\":\"authenticated\",\"role\":\"READ_ONLY\"}");
            assertThat(tops.get(1)).isEqualTo("{\"type\":\"subscribed\",\"topics\":[\"top\"]}");
            assertThat(tops.size()).isGreaterThan(3);
            assertThat(tops.subList(2, tops.size()))
                    .allMatch(m -> m.startsWith("{\"type\":\"top\""));
            ws.abort();
            ws2.abort();
        }
    }

    private static double round(double price) {
        return BTC.toPrice(BTC.toTicks(price));
    }

    private static String order(String side, double price, double qty) {
        return "{\"strategy\":\"mm\",\"instrument\":\"BTCUSDT\",\"side\":\"" + side + "\",\"type\":\"LIMIT\","
                + "\"price\":" + round(price) + ",\"qty\":" + qty + "}";
    }

    private static JsonNode get(Http http, String path) {
        try {
            Http.Answer a = http.get(path, READ_TOKEN);
            assertThat(a.status()).as("%s: %s", path, a.body()).isEqualTo(200);
            return a.json();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
