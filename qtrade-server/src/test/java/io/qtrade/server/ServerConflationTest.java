package io.qtrade.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.OrderHistory;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.server.tap.EngineTap;
import io.qtrade.server.tap.Joiner;
import io.qtrade.store.synthetic.SyntheticMarket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two delivery policies of the streams (see {@code WsClient}), on a backtest at full speed: latest values (top of
 * book) are conflated per client and the latest one is always delivered; events (fills) are never conflated: a client
 * receives every one in the engine's order, or, when its queue overflows, loses some that are counted and announced
 * by {@code gap} messages, so that received + announced lost = the engine's fills. The engine never waits: its run is
 * the same as without the server.
 *
 * <p>Conflation is made certain, not left to timing, by sampling the book every 2 ms and flushing each client only
 * every 150 ms: several samples meet in every flush.
 */
class ServerConflationTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    private static final long MS = 1_000_000L;
    private static EventBatch tape;
    private static BacktestResult plain;

    @BeforeAll
    static void tape() {
        SyntheticMarket market = SyntheticMarket.builder().instrument(AAA, 100.00).events(600_000).seed(11).build();
        tape = new EventBatch(610_000);
        EventBatch chunk = new EventBatch(4096);
        while (market.readBatch(chunk)) {
            for (int r = 0; r < chunk.size(); r++) {
                tape.addFrom(chunk, r, 0);
            }
        }
        plain = run(new Joiner());
    }

    private static BacktestResult run(Strategy strategy) {
        return Backtest.builder().source(new InMemoryEventSource(List.of(AAA), tape))
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(50_000, 50_000))
                        .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(-0.2, 2.0)).build())
                .strategy("mm", strategy).markIntervalNanos(60_000_000_000L).orderHistory(OrderHistory.ALL)
                .build().run();
    }

    private static ServerSecurityTest.Recorder subscribe(QtradeServer server, String topics) throws Exception {
        Http http = new Http(server.baseUrl());
        ServerSecurityTest.Recorder r = new ServerSecurityTest.Recorder();
        r.socket = http.client.newWebSocketBuilder().header("Authorization", "Bearer " + PaperFixture.READ_TOKEN)
                .buildAsync(URI.create(server.baseUrl().replace("http", "ws") + "/api/v1/stream"), r)
                .get(10, TimeUnit.SECONDS);
        r.socket.sendText("{\"op\":\"subscribe\",\"topics\":[" + topics + "]}", true);
        assertThat(Http.await(() -> r.messages.stream().anyMatch(m -> m.startsWith("{\"type\":\"subscribed\"")), 10))
                .isTrue();
        return r;
    }

    private static List<Long> fillIds(List<String> messages) {
        List<Long> ids = new ArrayList<>();
        for (String m : messages) {
            if (m.startsWith("{\"orderId\":") && m.contains("\"type\":\"fill\"")) {
                ids.add(Long.parseLong(m.substring(m.indexOf(':') + 1, m.indexOf(','))));
            }
        }
        return ids;
    }

    private static long announcedLost(List<String> messages) throws IOException {
        long lost = 0;
        for (String m : messages) {
            if (m.startsWith("{\"type\":\"gap\"")) {
                lost += Http.JSON.readTree(m).get("lost").asLong();
            }
        }
        return lost;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyClient(QtradeServer server) {
        List<Map<String, Object>> per = (List<Map<String, Object>>) server.streamStats().get("perClient");
        assertThat(per).hasSize(1);
        return per.get(0);
    }

    private static void assertSameRun(BacktestResult served) {
        assertThat(served.fillCount()).isEqualTo(plain.fillCount()).isGreaterThan(100);
        assertThat(served.fillRecords().stream().map(f -> f.orderId()).toList())
                .isEqualTo(plain.fillRecords().stream().map(f -> f.orderId()).toList());
        assertThat(served.portfolio("mm").netPnl()).isEqualTo(plain.portfolio("mm").netPnl());
    }

    @Test
    void topOfBookIsConflatedToTheLatestAndFillsAreNeverConflated() throws Exception {
        EngineTap tap = EngineTap.builder(List.of(AAA)).commandIntervalNanos(0).build();
        try (QtradeServer server = QtradeServer.start(tap, PaperFixture.config().intervals(2 * MS, 50 * MS)
                .streamFlushIntervalNanos(150 * MS).slowClients(1 << 16, TimeUnit.SECONDS.toNanos(30)).build())) {
            ServerSecurityTest.Recorder r = subscribe(server, "\"top\",\"fills\"");
            BacktestResult served = run(tap.wrap("mm", new Joiner()));
            assertSameRun(served);
            List<Long> engineFills = served.fillRecords().stream().map(f -> f.orderId()).toList();
            assertThat(Http.await(() -> fillIds(r.messages).size() >= engineFills.size(), 30)).isTrue();
            // Every fill, once, in the engine's order: none conflated, none lost.
            assertThat(fillIds(r.messages)).isEqualTo(engineFills);
            assertThat(announcedLost(r.messages)).isZero();

            // The latest top of book is the last one the client received: the REST answer (the same snapshot).
            JsonNode rest = new Http(server.baseUrl()).get("/api/v1/top", PaperFixture.READ_TOKEN).json().get(0);
            assertThat(rest.get("localTs").asLong()).isPositive();
            assertThat(Http.await(() -> lastTop(r.messages) != null
                    && lastTop(r.messages).get("localTs").asLong() == rest.get("localTs").asLong(), 10)).isTrue();
            JsonNode last = lastTop(r.messages);
            for (String field : List.of("instrument", "bid", "bidQty", "ask", "askQty", "localTs")) {
                assertThat(last.get(field)).as(field).isEqualTo(rest.get(field));
            }
            // Several samples met in each 150 ms flush: the client got fewer tops than were sampled for it.
            Map<String, Object> stats = onlyClient(server);
            long tops = r.messages.stream().filter(m -> m.startsWith("{\"type\":\"top\"")).count();
            assertThat(((Number) stats.get("conflated")).longValue()).isPositive();
            assertThat(((Number) stats.get("dropped")).longValue()).isZero();
            // Each message counted as delivered once its frame's write completed (the counter follows the receipt).
            assertThat(Http.await(() -> ((Number) onlyClient(server).get("delivered")).longValue()
                    == r.messages.size(), 10)).isTrue();
            // Frames carry several messages each (one per line).
            assertThat(r.frames.get()).isLessThan(r.messages.size());
            // deliveredBytes: the frames' payloads, the messages' UTF-8 bytes and the newlines between them.
            long bytes = r.messages.size() - r.frames.get();
            for (String m : r.messages) {
                bytes += m.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
            assertThat(((Number) onlyClient(server).get("deliveredBytes")).longValue()).isEqualTo(bytes);
            assertThat(((Number) onlyClient(server).get("frames")).longValue()).isEqualTo(r.frames.get());
            // Everything written: nothing waiting, in flight or announced-to-be.
            assertThat(((Number) onlyClient(server).get("queued")).longValue()).isZero();
            assertThat(tops).isPositive();
            r.socket.abort();
        }
    }

    @Test
    void aClientWhoseQueueOverflowsLosesCountedAnnouncedFillsAndTheEngineDoesNotWait() throws Exception {
        EngineTap tap = EngineTap.builder(List.of(AAA)).commandIntervalNanos(0).build();
        try (QtradeServer server = QtradeServer.start(tap, PaperFixture.config().intervals(2 * MS, 50 * MS)
                .streamFlushIntervalNanos(150 * MS).slowClients(8, TimeUnit.SECONDS.toNanos(60)).build())) {
            ServerSecurityTest.Recorder r = subscribe(server, "\"fills\"");
            BacktestResult served = run(tap.wrap("mm", new Joiner()));
            assertSameRun(served);
            long total = served.fillCount();
            assertThat(Http.await(() -> {
                try {
                    return fillIds(r.messages).size() + announcedLost(r.messages) == total;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, 30)).as("received + announced lost = the engine's fills").isTrue();
            List<Long> got = fillIds(r.messages);
            long lost = announcedLost(r.messages);
            assertThat(lost).isPositive();
            assertThat(got).isNotEmpty();
            // What arrived is in the engine's order (a subsequence of its fills).
            Iterator<Long> engine = served.fillRecords().stream().map(f -> f.orderId()).iterator();
            for (long id : got) {
                boolean found = false;
                while (engine.hasNext() && !found) {
                    found = engine.next() == id;
                }
                assertThat(found).as("fill of order %d in the engine's order", id).isTrue();
            }
            assertThat(((Number) onlyClient(server).get("dropped")).longValue()).isEqualTo(lost);
            assertThat(tap.fillRing().dropped()).isZero();
            r.socket.abort();
        }
    }

    private static JsonNode lastTop(List<String> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            String m = messages.get(i);
            if (m.startsWith("{\"type\":\"top\"")) {
                try {
                    return Http.JSON.readTree(m);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }
}
