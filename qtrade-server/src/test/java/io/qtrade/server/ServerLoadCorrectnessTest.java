package io.qtrade.server;

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
import io.qtrade.store.synthetic.SyntheticMarket;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short version of qtrade-bench's {@code ServerLoad}, as a correctness check only (no timing): a backtest at full
 * speed on the simulated clock with 10 WebSocket clients subscribed to top of book and fills. Every client receives
 * every fill, in the engine's order, the top-of-book samples, and the run's fills and PnL are those of the same run
 * without the server.
 */
class ServerLoadCorrectnessTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);

    private static BacktestResult run(EventBatch all, io.qtrade.core.strategy.Strategy strategy) {
        return Backtest.builder().source(new InMemoryEventSource(List.of(AAA), all))
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(50_000, 50_000))
                        .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(-0.2, 2.0)).build())
                .strategy("mm", strategy).markIntervalNanos(60_000_000_000L).orderHistory(OrderHistory.ALL)
                .build().run();
    }

    @Test
    void tenClientsAtFullSpeedGetEveryFillAndTheRunIsUnchanged() throws Exception {
        SyntheticMarket market = SyntheticMarket.builder().instrument(AAA, 100.00).events(200_000).seed(5).build();
        EventBatch all = new EventBatch(210_000);
        EventBatch chunk = new EventBatch(4096);
        while (market.readBatch(chunk)) {
            for (int r = 0; r < chunk.size(); r++) {
                all.addFrom(chunk, r, 0);
            }
        }
        BacktestResult plain = run(all, new io.qtrade.server.tap.Joiner());

        EngineTap tap = EngineTap.builder(List.of(AAA)).commandIntervalNanos(0).build();
        List<ServerSecurityTest.Recorder> clients = new ArrayList<>();
        BacktestResult served;
        try (QtradeServer server = QtradeServer.start(tap, ServerConfig.builder(PaperFixture.tokens()).port(0)
                .rateLimit(1000, 1000).slowClients(1 << 16, TimeUnit.SECONDS.toNanos(30)).build())) {
            Http http = new Http(server.baseUrl());
            for (int i = 0; i < 10; i++) {
                ServerSecurityTest.Recorder r = new ServerSecurityTest.Recorder();
                WebSocket ws = http.client.newWebSocketBuilder()
                        .header("Authorization", "Bearer " + PaperFixture.READ_TOKEN)
                        .buildAsync(URI.create(server.baseUrl().replace("http", "ws") + "/api/v1/stream"), r)
                        .get(10, TimeUnit.SECONDS);
                ws.sendText("{\"op\":\"subscribe\",\"topics\":[\"top\",\"fills\"]}", true);
                r.socket = ws;
                clients.add(r);
            }
            for (ServerSecurityTest.Recorder r : clients) {
                assertThat(Http.await(() -> r.messages.size() >= 2, 10)).isTrue();
            }
            served = run(all, tap.wrap("mm", new io.qtrade.server.tap.Joiner()));
            long fills = served.fillCount();
            for (ServerSecurityTest.Recorder r : clients) {
                assertThat(Http.await(() -> r.messages.stream().filter(m -> m.contains("\"type\":\"fill\"")).count()
                        == fills, 60)).as("every fill reaches every client").isTrue();
                List<Long> ids = r.messages.stream().filter(m -> m.contains("\"type\":\"fill\"")).map(m ->
                        Long.parseLong(m.substring(m.indexOf(':') + 1, m.indexOf(',')))).toList();
                assertThat(ids).isEqualTo(served.fillRecords().stream().map(f -> f.orderId()).toList());
                assertThat(r.messages.stream().filter(m -> m.startsWith("{\"type\":\"top\"")).count()).isPositive();
                r.socket.abort();
            }
            assertThat(tap.fillRing().dropped()).isZero();
        }
        assertThat(served.fillCount()).isEqualTo(plain.fillCount()).isPositive();
        assertThat(served.portfolio("mm").netPnl()).isEqualTo(plain.portfolio("mm").netPnl());
    }
}
