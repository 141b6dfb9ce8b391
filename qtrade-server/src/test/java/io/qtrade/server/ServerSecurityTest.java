package io.qtrade.server;

import io.qtrade.core.strategy.Strategy;
import io.qtrade.risk.killswitch.KillSwitch;
import io.qtrade.server.tap.EngineTap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.qtrade.server.PaperFixture.BTC;
import static io.qtrade.server.PaperFixture.READ_TOKEN;
import static io.qtrade.server.PaperFixture.TRADE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every refusal of the server, one claim per test: no or a wrong token 401, a read-only token on a trading endpoint
 * 403, oversized bodies 413, wrong media type 415, malformed JSON, unknown fields, wrong types and missing fields 400
 * naming the field, a request flood 429, CORS closed by default, tokens never in a response, a log line or a
 * toString, the WebSocket's own refusals. No engine runs here: the tap's strategy never starts, so a valid order is
 * refused with 503 after every check passed.
 */
class ServerSecurityTest {

    static QtradeServer server;
    static Http http;
    static final String VALID_ORDER = "{\"strategy\":\"mm\",\"instrument\":\"BTCUSDT\",\"side\":\"BUY\","
            + "\"type\":\"LIMIT\",\"price\":100.00,\"qty\":0.001}";

    @BeforeAll
    static void start() {
        EngineTap tap = EngineTap.builder(List.of(BTC)).killSwitch(new KillSwitch()).build();
        tap.wrap("mm", new Strategy() { });
        server = QtradeServer.start(tap, ServerConfig.builder(PaperFixture.tokens()).port(0)
                .rateLimit(1000, 1000).maxBodyBytes(1024).build());
        http = new Http(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void noTokenOrAWrongOneIs401WithABearerChallenge() throws Exception {
        for (String token : new String[] {null, "wrong-token-0123456789abcdef", READ_TOKEN + "x",
                READ_TOKEN.substring(0, READ_TOKEN.length() - 1)}) {
            Http.Answer a = http.get("/api/v1/health", token);
            assertThat(a.status()).as("token %s", token).isEqualTo(401);
            assertThat(a.response().headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"qtrade\"");
            assertThat(a.json().get("error").asText()).isEqualTo("unauthorized");
        }
        // A scheme other than Bearer, and a bare token, are refused too.
        Http.Answer basic = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/health"))
                .header("Authorization", "Basic " + READ_TOKEN).build());
        assertThat(basic.status()).isEqualTo(401);
        Http.Answer bare = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/health"))
                .header("Authorization", READ_TOKEN).build());
        assertThat(bare.status()).isEqualTo(401);
        assertThat(http.get("/api/v1/health", READ_TOKEN).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/health", TRADE_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void aReadOnlyTokenOnATradingEndpointIs403AndChangesNothing() throws Exception {
        Http.Answer order = http.post("/api/v1/orders", READ_TOKEN, VALID_ORDER);
        assertThat(order.status()).isEqualTo(403);
        assertThat(order.json().get("message").asText()).isEqualTo(
                "POST /api/v1/orders needs a trading token; this token is read-only");
        assertThat(http.delete("/api/v1/orders/1", READ_TOKEN).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/risk/kill-switch/engage", READ_TOKEN, "{}").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/risk/kill-switch/reset", READ_TOKEN, "{}").status()).isEqualTo(403);
        assertThat(server.tap().killSwitch().isEngaged()).isFalse();
        // The trading token passes the role check and every validation; the engine is not running: 503.
        Http.Answer trading = http.post("/api/v1/orders", TRADE_TOKEN, VALID_ORDER);
        assertThat(trading.status()).isEqualTo(503);
        assertThat(trading.json().get("message").asText()).isEqualTo("strategy 'mm' is not running: no order placed");
    }

    @Test
    void malformedJsonIs400WithTheLineAndColumn() throws Exception {
        Http.Answer a = http.post("/api/v1/orders", TRADE_TOKEN, "{\"strategy\": \"mm\",\n \"qty\": }");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("message").asText()).startsWith("malformed JSON at line 2, column 9:");
        Http.Answer notObject = http.post("/api/v1/orders", TRADE_TOKEN, "[1,2]");
        assertThat(notObject.status()).isEqualTo(400);
        assertThat(notObject.json().get("message").asText()).startsWith("a JSON object is expected");
        Http.Answer trailing = http.post("/api/v1/orders", TRADE_TOKEN, VALID_ORDER + " {}");
        assertThat(trailing.status()).isEqualTo(400);
        Http.Answer empty = http.post("/api/v1/orders", TRADE_TOKEN, "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("message").asText()).isEqualTo("empty body: a JSON object is expected");
    }

    @Test
    void anUnknownFieldIs400NamingItAndTheKnownFields() throws Exception {
        Http.Answer a = http.post("/api/v1/orders", TRADE_TOKEN, VALID_ORDER.replace("}", ",\"leverage\":100}"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("message").asText()).isEqualTo("unknown field 'leverage' (known fields: instrument, "
                + "price, qty, side, strategy, timeInForce, type)");
        Http.Answer dup = http.post("/api/v1/orders", TRADE_TOKEN, VALID_ORDER.replace("}", ",\"qty\":1}"));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.json().get("message").asText()).contains("Duplicate field 'qty'");
    }

    @Test
    void wrongTypesMissingFieldsAndBadValuesAre400NamingTheField() throws Exception {
        Map<String, String> cases = Map.of(
                VALID_ORDER.replace("0.001", "\"lots\""), "field 'qty': expected a number, was 'lots'",
                VALID_ORDER.replace("\"BUY\"", "\"HOLD\""), "field 'side': 'HOLD' is not a valid Side (one of BUY, SELL)",
                VALID_ORDER.replace("\"BUY\"", "1"), "field 'side'",
                VALID_ORDER.replace(",\"qty\":0.001", ""), "field 'qty' is required",
                VALID_ORDER.replace("0.001", "-1"), "field 'qty': must be finite and > 0, was -1.0",
                VALID_ORDER.replace("0.001", "0.0015"), "field 'qty': 0.0015 is not a multiple of the lot size 0.001 of BTCUSDT@BINANCE",
                VALID_ORDER.replace("100.00", "100.005"), "field 'price': 100.005 is not on the tick grid 0.01 of BTCUSDT@BINANCE",
                VALID_ORDER.replace("\"mm\"", "\"nobody\""), "field 'strategy': unknown strategy 'nobody' (strategies [mm])",
                VALID_ORDER.replace("\"BTCUSDT\"", "\"DOGE\""), "field 'instrument': unknown instrument 'DOGE' (instruments [BTCUSDT@BINANCE])",
                VALID_ORDER.replace("\"LIMIT\"", "\"MARKET\""), "field 'price': a MARKET order takes no price");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Http.Answer a = http.post("/api/v1/orders", TRADE_TOKEN, c.getKey());
            assertThat(a.status()).as(c.getKey()).isIn(400, 404);
            assertThat(a.json().get("message").asText()).as(c.getKey()).startsWith(c.getValue());
        }
        Http.Answer limit = http.get("/api/v1/fills?limit=abc", READ_TOKEN);
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().get("message").asText()).isEqualTo(
                "query parameter 'limit': expected an integer in 1..10000, was 'abc'");
    }

    @Test
    void anOversizedBodyIs413WhetherDeclaredOrStreamed() throws Exception {
        String big = "{\"strategy\":\"" + "x".repeat(2000) + "\"}";
        Http.Answer declared = http.post("/api/v1/orders", TRADE_TOKEN, big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().get("message").asText()).isEqualTo(
                "request body of 2015 bytes exceeds the limit of 1024 bytes");
        // Without a Content-Length (chunked), the limit applies when the body is read.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/orders"))
                .header("Authorization", "Bearer " + TRADE_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        big.getBytes(StandardCharsets.UTF_8)))).build();
        Http.Answer streamed = http.send(chunked);
        assertThat(streamed.status()).isEqualTo(413);
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/orders"))
                .header("Authorization", "Bearer " + TRADE_TOKEN).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(VALID_ORDER)).build();
        Http.Answer a = http.send(r);
        assertThat(a.status()).isEqualTo(415);
        assertThat(a.json().get("message").asText()).isEqualTo("Content-Type must be application/json, was 'text/plain'");
    }

    @Test
    void aFloodOfRequestsIsRefusedWith429AndRetryAfterPerToken() throws Exception {
        EngineTap tap = EngineTap.builder(List.of(BTC)).build();
        try (QtradeServer limited = QtradeServer.start(tap, ServerConfig.builder(PaperFixture.tokens()).port(0)
                .rateLimit(2, 5).build())) {
            Http h = new Http(limited.baseUrl());
            List<Integer> statuses = new ArrayList<>();
            Http.Answer refused = null;
            for (int i = 0; i < 40; i++) {
                Http.Answer a = h.get("/api/v1/instruments", READ_TOKEN);
                statuses.add(a.status());
                if (a.status() == 429 && refused == null) {
                    refused = a;
                }
            }
            // A burst of 5, then about 2 per second: most of 40 back-to-back requests are refused.
            assertThat(statuses.subList(0, 5)).containsOnly(200);
            assertThat(statuses.stream().filter(s -> s == 429).count()).isGreaterThanOrEqualTo(25);
            assertThat(refused).isNotNull();
            assertThat(refused.response().headers().firstValue("Retry-After")).hasValue("1");
            // The other token has its own bucket.
            assertThat(h.get("/api/v1/instruments", TRADE_TOKEN).status()).isEqualTo(200);
            // Failed authentications are limited per address: a guessing flood ends in 429 too.
            int guessed429 = 0;
            for (int i = 0; i < 40; i++) {
                if (h.get("/api/v1/instruments", "guess-" + i + "-0123456789abcdefgh").status() == 429) {
                    guessed429++;
                }
            }
            assertThat(guessed429).isGreaterThanOrEqualTo(15);
        }
    }

    @Test
    void corsIsClosedByDefaultAndOpenOnlyToConfiguredOrigins() throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/instruments"))
                .header("Authorization", "Bearer " + READ_TOKEN).header("Origin", "https://evil.example").build();
        Http.Answer a = http.send(r);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.response().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        EngineTap tap = EngineTap.builder(List.of(BTC)).build();
        try (QtradeServer open = QtradeServer.start(tap, ServerConfig.builder(PaperFixture.tokens()).port(0)
                .corsOrigins(List.of("https://desk.example")).build())) {
            Http h = new Http(open.baseUrl());
            for (String origin : new String[] {"https://desk.example", "https://evil.example"}) {
                Http.Answer x = h.send(HttpRequest.newBuilder(URI.create(open.baseUrl() + "/api/v1/instruments"))
                        .header("Authorization", "Bearer " + READ_TOKEN).header("Origin", origin).build());
                assertThat(x.response().headers().firstValue("Access-Control-Allow-Origin"))
                        .isEqualTo(origin.equals("https://desk.example") ? java.util.Optional.of(origin)
                                : java.util.Optional.empty());
            }
        }
        assertThatThrownBy(() -> ServerConfig.builder(PaperFixture.tokens()).corsOrigins(List.of("*")).build())
                .hasMessage("server config: corsOrigins: '*' is not an origin (scheme://host[:port]; '*' is refused)");
    }

    @Test
    void unknownEndpointsAnswerJson404AndTheDashboardAndOpenApiNeedNoToken() throws Exception {
        Http.Answer a = http.get("/api/v1/credentials", TRADE_TOKEN);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().get("message").asText()).isEqualTo("no endpoint GET /api/v1/credentials");
        Http.Answer page = http.get("/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.response().headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'").contains("connect-src 'self'");
        assertThat(http.get("/api/v1/openapi.json", null).json().get("openapi").asText()).startsWith("3.");
    }

    @Test
    void tokensNeverReachAResponseALogLineOrAToString(@TempDir Path dir) throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        List<String> bodies = new ArrayList<>();
        try {
            EngineTap tap = EngineTap.builder(List.of(BTC)).killSwitch(new KillSwitch()).build();
            ServerConfig config = ServerConfig.builder(PaperFixture.tokens()).port(0).bindAddress("0.0.0.0").build();
            try (QtradeServer s = QtradeServer.start(tap, config)) {
                Http h = new Http("http://127.0.0.1:" + s.port());
                for (String path : new String[] {"/api/v1/health", "/api/v1/risk", "/api/v1/instruments",
                        "/api/v1/signals", "/api/v1/openapi.json", "/"}) {
                    bodies.add(h.get(path, TRADE_TOKEN).body());
                }
                bodies.add(h.get("/api/v1/health", "wrong-" + TRADE_TOKEN).body());
                bodies.add(h.post("/api/v1/risk/kill-switch/engage", TRADE_TOKEN, "{\"reason\":\"test\"}").body());
                bodies.add(s.toString());
                bodies.add(config.toString());
                bodies.add(config.tokens().toString());
            }
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("qtrade server bound to 0.0.0.0 (not loopback) without TLS");
        assertThat(log).contains("kill switch engage through the API by token#1(TRADING)");
        for (String text : bodies) {
            assertThat(text).doesNotContain(READ_TOKEN).doesNotContain(TRADE_TOKEN).doesNotContain("0123456789abcdef");
        }
        assertThat(log).doesNotContain(READ_TOKEN).doesNotContain(TRADE_TOKEN).doesNotContain("0123456789abcdef");
        assertThat(PaperFixture.tokens().toString()).isEqualTo("ApiTokens[readOnly=1, trading=1]");
    }

    @Test
    void tokensLoadFromTheEnvironmentShapeOrAFileAndBadOnesAreNamedByWhereNeverByValue(@TempDir Path dir)
            throws Exception {
        ApiTokens env = ApiTokens.fromVariables(Map.of(ApiTokens.READ_ONLY_VARIABLE, READ_TOKEN + ", r2-0123456789abcdefghijklmn",
                ApiTokens.TRADING_VARIABLE, TRADE_TOKEN));
        assertThat(env.count(Role.READ_ONLY)).isEqualTo(2);
        assertThat(env.authenticate(TRADE_TOKEN).orElseThrow().role()).isEqualTo(Role.TRADING);
        assertThat(env.authenticate("r2-0123456789abcdefghijklmn").orElseThrow().role()).isEqualTo(Role.READ_ONLY);
        assertThat(env.authenticate("r2-0123456789abcdefghijklmN")).isEmpty();
        Path file = dir.resolve("tokens.properties");
        Files.writeString(file, "# server tokens\n" + ApiTokens.TRADING_VARIABLE + "=" + TRADE_TOKEN + "\n");
        assertThat(ApiTokens.fromFile(file).authenticate(TRADE_TOKEN)).isPresent();
        Files.writeString(file, ApiTokens.TRADING_VARIABLE + "=short-secret\n");
        assertThatThrownBy(() -> ApiTokens.fromFile(file)).hasMessage("api tokens: " + file + " line 1 ("
                + ApiTokens.TRADING_VARIABLE + ") entry 1: a token needs at least 24 characters, this one has 12");
        assertThatThrownBy(() -> ApiTokens.fromVariables(Map.of())).hasMessageStartingWith(
                "api tokens: none configured; set " + ApiTokens.READ_ONLY_VARIABLE);
        assertThatThrownBy(() -> ApiTokens.fromVariables(Map.of(ApiTokens.READ_ONLY_VARIABLE, READ_TOKEN + ","
                + READ_TOKEN))).hasMessage("api tokens: variable " + ApiTokens.READ_ONLY_VARIABLE
                + " entry 2: the same token is given twice");
    }

    @Test
    void aWebSocketClientWithoutAValidTokenIsClosedAndGetsNoData() throws Exception {
        String ws = server.baseUrl().replace("http://", "ws://") + "/api/v1/stream";
        // Subscribing before authenticating closes the connection with 1008.
        Recorder r1 = new Recorder();
        WebSocket s1 = http.client.newWebSocketBuilder().buildAsync(URI.create(ws), r1).get(10, TimeUnit.SECONDS);
        s1.sendText("{\"op\":\"subscribe\",\"topics\":[\"top\"]}", true);
        assertThat(r1.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        // A wrong token in the auth message: closed.
        Recorder r2 = new Recorder();
        WebSocket s2 = http.client.newWebSocketBuilder().buildAsync(URI.create(ws), r2).get(10, TimeUnit.SECONDS);
        s2.sendText("{\"op\":\"auth\",\"token\":\"wrong-token-0123456789abcdef\"}", true);
        assertThat(r2.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        // A wrong token in the upgrade's header: closed.
        Recorder r3 = new Recorder();
        http.client.newWebSocketBuilder().header("Authorization", "Bearer wrong-token-0123456789abcdef")
                .buildAsync(URI.create(ws), r3).get(10, TimeUnit.SECONDS);
        assertThat(r3.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(r1.messages).isEmpty();
        assertThat(r2.messages).isEmpty();
        // A valid one: malformed messages and unknown topics get an error naming the field.
        Recorder r4 = new Recorder();
        WebSocket s4 = http.client.newWebSocketBuilder().buildAsync(URI.create(ws), r4).get(10, TimeUnit.SECONDS);
        s4.sendText("{\"op\":\"auth\",\"token\":\"" + READ_TOKEN + "\"}", true).get(10, TimeUnit.SECONDS);
        // Each send awaited: the JDK client fails a send while another is pending (IllegalStateException).
        s4.sendText("{\"op\":\"subscribe\",\"topics\":[\"gossip\"]}", true).get(10, TimeUnit.SECONDS);
        s4.sendText("{\"op\":\"subscribe\",\"topics\":[\"top\"],\"extra\":1}", true).get(10, TimeUnit.SECONDS);
        s4.sendText("{\"op\":", true).get(10, TimeUnit.SECONDS);
        assertThat(Http.await(() -> r4.messages.size() >= 4, 10)).isTrue();
        assertThat(r4.messages.get(0)).isEqualTo("{\"type\":\"authenticated\",\"role\":\"READ_ONLY\"}");
        assertThat(r4.messages.get(1)).contains("field 'topics': unknown topic 'gossip'");
        assertThat(r4.messages.get(2)).contains("unknown field 'extra'");
        assertThat(r4.messages.get(3)).contains("malformed JSON at line 1");
        s4.abort();
        // A client that never authenticates is closed after the auth timeout (5 s by default; here via a raw socket
        // that completes the handshake and says nothing).
        try (Socket raw = new Socket("127.0.0.1", server.port())) {
            OutputStream out = raw.getOutputStream();
            out.write(("GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            raw.setSoTimeout(20_000);
            InputStream in = raw.getInputStream();
            byte[] buf = new byte[4096];
            StringBuilder got = new StringBuilder();
            int n;
            while ((n = in.read(buf)) > 0) {
                got.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
            assertThat(got.toString()).startsWith("HTTP/1.1 101").contains("not authenticated");
        }
    }

    static final class Recorder implements WebSocket.Listener {
        final List<String> messages = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicLong frames = new java.util.concurrent.atomic.AtomicLong();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket;
        private final StringBuilder part = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            part.append(data);
            if (last) {
                // A frame carries one or more messages, one JSON object per line.
                frames.incrementAndGet();
                for (String m : part.toString().split("\n")) {
                    messages.add(m);
                }
                part.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
