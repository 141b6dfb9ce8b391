package io.qtrade.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.FillRecord;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.qtrade.server.PaperFixture.BTC;
import static io.qtrade.server.PaperFixture.MS;
import static io.qtrade.server.PaperFixture.READ_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Faults on the client side and a server stop: a client that disconnects mid-stream, a half-open socket (a client
 * that completes the handshake, subscribes, then never reads: its TCP window closes and every write of the server
 * stalls), and a server stopped while clients are connected. Each time the engine runs on, and no order or fill is
 * lost: the engine's result has every fill its strategy saw, and a client that stayed received every fill.
 */
class ServerFaultTest {

    private static final String ALL_FILLS = "{\"op\":\"subscribe\",\"topics\":[\"fills\",\"orders\",\"top\"]}";

    @Test
    void aClientThatDisconnectsMidStreamLeavesTheEngineAndTheOtherClientsWhole() throws Exception {
        try (PaperFixture f = new PaperFixture(2_500, 2 * MS, PaperFixture.config(), false)) {
            Http http = new Http(f.server.baseUrl());
            ServerSecurityTest.Recorder stays = subscribe(http, f, ALL_FILLS);
            ServerSecurityTest.Recorder leaves = subscribe(http, f, ALL_FILLS);
            WebSocket leaving = leaves.socket;
            f.start();
            assertThat(Http.await(() -> fills(leaves) >= 3, 60)).isTrue();
            leaving.abort();
            int fillsAtDrop = f.maker.fills.size();
            assertThat(Http.await(() -> f.maker.fills.size() >= fillsAtDrop + 5, 60)).as("the engine runs on").isTrue();
            assertThat(Http.await(() -> f.server.streamStats().get("clients").equals(1), 30)).isTrue();
            BacktestResult result = f.stopEngine();
            assertThat(result.fillCount()).isEqualTo(f.maker.fills.size());
            assertThat(Http.await(() -> fills(stays) == result.fillCount(), 30))
                    .as("the remaining client got every fill").isTrue();
            assertThat(fillKeys(stays)).isEqualTo(engineFillKeys(result));
        }
    }

    @Test
    void aHalfOpenSocketIsDroppedAndNeitherStallsTheEngineNorTheOtherClients() throws Exception {
        ServerConfig.Builder config = PaperFixture.config().intervals(MS, 20 * MS).slowClients(64, 500 * MS);
        try (PaperFixture f = new PaperFixture(6_000, 2 * MS, config, false)) {
            Http http = new Http(f.server.baseUrl());
            ServerSecurityTest.Recorder good = subscribe(http, f, ALL_FILLS);
            try (Socket deaf = new Socket()) {
                deaf.setReceiveBufferSize(1024);
                deaf.connect(new InetSocketAddress("127.0.0.1", f.server.port()), 10_000);
                OutputStream out = deaf.getOutputStream();
                out.write(("GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nAuthorization: Bearer " + READ_TOKEN + "\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(maskedText("{\"op\":\"subscribe\",\"topics\":[\"book\",\"top\",\"trades\",\"orders\","
                        + "\"fills\",\"portfolio\"]}"));
                out.flush();
                InputStream in = deaf.getInputStream();
                byte[] head = new byte[12];
                assertThat(in.readNBytes(head, 0, 12)).isEqualTo(12);
                assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 101");
                // From here on the socket is never read again.
                f.start();
                assertThat(Http.await(() -> ((Number) f.server.streamStats().get("slowClientsDisconnected"))
                        .longValue() >= 1, 60)).as("the deaf client is dropped").isTrue();
                int fillsAtDrop = f.maker.fills.size();
                assertThat(Http.await(() -> f.maker.fills.size() >= fillsAtDrop + 5, 60)).as("the engine runs on")
                        .isTrue();
            }
            assertThat(((Number) f.server.streamStats().get("droppedForSlowClients")).longValue()).isPositive();
            BacktestResult result = f.stopEngine();
            assertThat(result.fillCount()).isEqualTo(f.maker.fills.size());
            assertThat(Http.await(() -> fills(good) == result.fillCount(), 30)).as("the good client got every fill")
                    .isTrue();
            assertThat(fillKeys(good)).isEqualTo(engineFillKeys(result));
        }
    }

    @Test
    void aServerStoppedWithClientsConnectedLeavesTheEngineRunningAndANewServerSeesTheSameAccount()
            throws Exception {
        try (PaperFixture f = new PaperFixture(3_000, 2 * MS, PaperFixture.config())) {
            Http http = new Http(f.server.baseUrl());
            ServerSecurityTest.Recorder a = subscribe(http, f, ALL_FILLS);
            ServerSecurityTest.Recorder b = subscribe(http, f, ALL_FILLS);
            assertThat(Http.await(() -> fills(a) >= 3, 60)).isTrue();
            f.server.stop();
            assertThat(a.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1001);
            assertThat(b.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1001);
            int fillsAtStop = f.maker.fills.size();
            assertThat(Http.await(() -> f.maker.fills.size() >= fillsAtStop + 5, 60)).as("the engine runs on")
                    .isTrue();
            // A new server on the same tap: the account (snapshots) is the engine's.
            f.server = QtradeServer.start(f.tap, PaperFixture.config().build());
            Http again = new Http(f.server.baseUrl());
            BacktestResult result = f.stopEngine();
            assertThat(result.fillCount()).isEqualTo(f.maker.fills.size());
            double engineQty = result.portfolio("mm").position(BTC).qty();
            assertThat(Http.await(() -> {
                try {
                    JsonNode p = again.get("/api/v1/positions", READ_TOKEN).json();
                    return p.size() == 1 && Math.abs(p.get(0).get("qty").asDouble() - engineQty) < 1e-12;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }, 30)).isTrue();
            JsonNode portfolio = again.get("/api/v1/portfolio", READ_TOKEN).json().get("strategies").get(0);
            assertThat(portfolio.get("realizedPnl").asDouble()).isCloseTo(result.portfolio("mm").realizedPnl(),
                    within(1e-9));
            assertThat(portfolio.get("fees").asDouble()).isCloseTo(result.portfolio("mm").fees(), within(1e-12));
        }
    }

    private static ServerSecurityTest.Recorder subscribe(Http http, PaperFixture f, String message) throws Exception {
        ServerSecurityTest.Recorder r = new ServerSecurityTest.Recorder();
        WebSocket ws = http.client.newWebSocketBuilder().header("Authorization", "Bearer " + READ_TOKEN)
                .buildAsync(URI.create(f.server.baseUrl().replace("http", "ws") + "/api/v1/stream"), r)
                .get(10, TimeUnit.SECONDS);
        r.socket = ws;
        ws.sendText(message, true);
        assertThat(Http.await(() -> r.messages.stream().anyMatch(m -> m.startsWith("{\"type\":\"subscribed\"")), 10))
                .isTrue();
        return r;
    }

    private static long fills(ServerSecurityTest.Recorder r) {
        return r.messages.stream().filter(m -> m.startsWith("{\"orderId\"") && m.contains("\"type\":\"fill\""))
                .count();
    }

    private static Set<String> fillKeys(ServerSecurityTest.Recorder r) {
        return r.messages.stream().filter(m -> m.contains("\"type\":\"fill\"")).map(m -> {
            try {
                JsonNode x = Http.JSON.readTree(m);
                return x.get("orderId").asLong() + "/" + x.get("qty").asDouble() + "@" + x.get("price").asDouble();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).collect(Collectors.toSet());
    }

    private static Set<String> engineFillKeys(BacktestResult result) {
        List<FillRecord> records = result.fillRecords();
        return records.stream().map(r -> r.orderId() + "/" + r.qty() + "@" + r.price()).collect(Collectors.toSet());
    }

    /** A client-to-server text frame (RFC 6455 section 5.2: FIN, opcode 1, masked). */
    private static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        int header = payload.length < 126 ? 2 : 4;
        byte[] frame = new byte[header + 4 + payload.length];
        frame[0] = (byte) 0x81;
        if (payload.length < 126) {
            frame[1] = (byte) (0x80 | payload.length);
        } else {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (payload.length >> 8);
            frame[3] = (byte) payload.length;
        }
        System.arraycopy(mask, 0, frame, header, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[header + 4 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }
}
