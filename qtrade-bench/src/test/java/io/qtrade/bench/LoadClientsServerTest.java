package io.qtrade.bench;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.OrderHistory;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.bench.wsclient.LoadClients;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.server.ApiTokens;
import io.qtrade.server.QtradeServer;
import io.qtrade.server.Role;
import io.qtrade.server.ServerConfig;
import io.qtrade.server.tap.EngineTap;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load clients against the real server (Jetty, through qtrade-server): the handshake (the server's
 * {@code Sec-WebSocket-Accept} checked), the masked subscribe, frames of many messages parsed at full speed, and the
 * accounting the harness relies on: each fast client received every fill of a short backtest, with no gap (its queue
 * never overflowed at this size), and no protocol error.
 */
class LoadClientsServerTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    private static final String TOKEN = "load-clients-test-token-0123456789";

    @Test
    void fourClientsOneSlowReceiveEveryFillOfARun() throws Exception {
        EventBatch tape = BacktestThroughput.generate(600_000);
        EngineTap tap = EngineTap.builder(List.of(AAA)).commandIntervalNanos(0).build();
        try (QtradeServer server = QtradeServer.start(tap, ServerConfig.builder(ApiTokens.builder()
                .token(TOKEN, Role.READ_ONLY).build()).port(0).rateLimit(1000, 1000).build())) {
            PipedOutputStream stop = new PipedOutputStream();
            PipedInputStream in = new PipedInputStream(stop);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread clients = new Thread(() -> {
                try {
                    LoadClients.run(new String[] {server.baseUrl().replace("http", "ws") + "/api/v1/stream", TOKEN,
                            "4", "1"}, in, out);
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            clients.start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!bytes.toString(StandardCharsets.UTF_8).startsWith("READY") && System.nanoTime() < until
                    && failure.get() == null) {
                Thread.sleep(10);
            }
            assertThat(failure.get()).isNull();
            assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("READY");

            BacktestResult result = Backtest.builder().source(new InMemoryEventSource(List.of(AAA), tape))
                    .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(50_000, 50_000))
                            .queue(new ProbabilisticQueue(new PowerProbability(2))).fees(new BpsFees(-0.2, 2.0))
                            .build())
                    .strategy("mm", tap.wrap("mm", new BacktestThroughput.Requoter()))
                    .markIntervalNanos(60_000_000_000L).orderHistory(OrderHistory.OPEN_ONLY).build().run();
            long fills = result.fillCount();
            assertThat(fills).isGreaterThan(1000);
            stop.write(("STOP " + fills + "\n").getBytes(StandardCharsets.UTF_8));
            stop.flush();
            clients.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(failure.get()).isNull();

            String text = bytes.toString(StandardCharsets.UTF_8);
            String resultLine = text.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow();
            Map<String, Long> r = new HashMap<>();
            for (String kv : resultLine.substring(7).split(" ")) {
                int eq = kv.indexOf('=');
                r.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
            }
            assertThat(r.get("protocolErrors")).isZero();
            assertThat(r.get("fastNotAccounted")).as(text).isZero();
            // Every fill, received (no queue overflowed: gaps would say so), by each of the 3 fast clients.
            assertThat(r.get("minFastFills")).isEqualTo(fills);
            assertThat(r.get("maxFastFills")).isEqualTo(fills);
            assertThat(r.get("minFastAccounted")).isEqualTo(fills);
            // The fast clients also got tops, the authenticated and subscribed replies: more messages than fills.
            assertThat(r.get("fastMessages")).isGreaterThan(3 * fills);
            assertThat(r.get("fillP50")).isPositive();
            assertThat(r.get("closedByServer")).isZero();
        }
    }
}
