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
import io.qtrade.server.tap.EngineTap;
import io.qtrade.server.tap.Joiner;
import io.qtrade.store.synthetic.SyntheticMarket;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fills lost at both ends at once: the engine tap's fill ring overflows (its losses announced to the fills
 * subscribers by {@code {"type":"gap","stream":"fills","lostByEngineTap":N}}) while a client's queue is full (its
 * own losses announced by {@code {"type":"gap","lost":N}}). Each announcement must reach the client with its count:
 * received + announced lost = the engine's fills, exactly. (Before the fix, a tap announcement offered to a full queue
 * was itself dropped and counted as one lost event, so the client was told of 1 lost message where N fills were lost:
 * the ServerLoad harness once found a client 100 fills short this way, at full load.)
 *
 * <p>Both overflows are made certain, not left to timing: a fill ring of 2 slots (the engine at full speed makes
 * fills faster than the hub drains them every millisecond) and a client queue of 8 flushed every 150 ms.
 */
class ServerTapGapTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    private static final long MS = 1_000_000L;

    private static EventBatch tape() {
        SyntheticMarket market = SyntheticMarket.builder().instrument(AAA, 100.00).events(300_000).seed(11).build();
        EventBatch tape = new EventBatch(310_000);
        EventBatch chunk = new EventBatch(4096);
        while (market.readBatch(chunk)) {
            for (int r = 0; r < chunk.size(); r++) {
                tape.addFrom(chunk, r, 0);
            }
        }
        return tape;
    }

    /** Fills received, and fills announced lost (both kinds of gap message). */
    private static long[] account(List<String> messages) {
        long fills = 0;
        long lost = 0;
        long byTap = 0;
        for (String m : messages) {
            if (m.startsWith("{\"orderId\":") && m.contains("\"type\":\"fill\"")) {
                fills++;
            } else if (m.startsWith("{\"type\":\"gap\"")) {
                try {
                    JsonNode gap = Http.JSON.readTree(m);
                    lost += gap.path("lost").asLong(0);
                    byTap += gap.path("lostByEngineTap").asLong(0);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new long[] {fills, lost, byTap};
    }

    @Test
    void theTapsLossAnnouncedToAClientWhoseQueueIsFullStillCountsEveryFill() throws Exception {
        EventBatch tape = tape();
        EngineTap tap = EngineTap.builder(List.of(AAA)).commandIntervalNanos(0).fillRing(2).build();
        try (QtradeServer server = QtradeServer.start(tap, PaperFixture.config().intervals(2 * MS, 50 * MS)
                .streamFlushIntervalNanos(150 * MS).slowClients(8, TimeUnit.SECONDS.toNanos(60)).build())) {
            ServerSecurityTest.Recorder r = new ServerSecurityTest.Recorder();
            r.socket = new Http(server.baseUrl()).client.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + PaperFixture.READ_TOKEN)
                    .buildAsync(URI.create(server.baseUrl().replace("http", "ws") + "/api/v1/stream"), r)
                    .get(10, TimeUnit.SECONDS);
            r.socket.sendText("{\"op\":\"subscribe\",\"topics\":[\"fills\"]}", true);
            assertThat(Http.await(() -> r.messages.stream().anyMatch(m -> m.startsWith("{\"type\":\"subscribed\"")),
                    10)).isTrue();
            BacktestResult served = Backtest.builder().source(new InMemoryEventSource(List.of(AAA), tape))
                    .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(50_000, 50_000))
                            .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(-0.2, 2.0)).build())
                    .strategy("mm", tap.wrap("mm", new Joiner())).markIntervalNanos(60_000_000_000L)
                    .orderHistory(OrderHistory.OPEN_ONLY).build().run();
            long total = served.fillCount();
            assertThat(total).isGreaterThan(100);
            // The setting did what it is for: the tap lost fills and the client's queue overflowed.
            assertThat(tap.fillRing().dropped()).isPositive();
            long engineFills = total;
            boolean accounted = Http.await(() -> {
                long[] a = account(r.messages);
                return a[0] + a[1] + a[2] == engineFills;
            }, 20);
            long[] a = account(r.messages);
            assertThat(a[1]).as("fills lost by the client's full queue, announced").isPositive();
            assertThat(accounted).as("received %d + announced lost %d (queue) + %d (tap) = the engine's %d fills",
                    a[0], a[1], a[2], total).isTrue();
            // Every fill the tap lost was announced with its count, whatever the state of the client's queue.
            assertThat(a[2]).isEqualTo(tap.fillRing().dropped());
            r.socket.abort();
        }
    }
}
