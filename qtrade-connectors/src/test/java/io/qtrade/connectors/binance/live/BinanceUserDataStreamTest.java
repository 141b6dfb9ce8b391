package io.qtrade.connectors.binance.live;

import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.connectors.live.ApiSecret;
import io.qtrade.connectors.live.Credentials;
import io.qtrade.connectors.live.ExecutionListener;
import io.qtrade.connectors.live.ReconnectPolicy;
import io.qtrade.connectors.replay.HttpAnswer;
import io.qtrade.connectors.replay.LoopbackVenue;
import io.qtrade.connectors.replay.ReplayFrame;
import io.qtrade.core.Instrument;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.time.SystemClock;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The user-data stream against a loopback venue: listen key, keep-alive, reports and fills, listenKeyExpired. */
class BinanceUserDataStreamTest {

    private static final Instrument BTCUSDT = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.00001);

    private static String report(String x, String status, String last, String cum) {
        return "{\"e\":\"executionReport\",\"E\":1700000000000,\"s\":\"BTCUSDT\",\"S\":\"BUY\",\"q\":\"1.0\","
                + "\"x\":\"" + x + "\",\"X\":\"" + status + "\",\"r\":\"NONE\",\"i\":28,\"l\":\"" + last + "\","
                + "\"z\":\"" + cum + "\",\"L\":\"30000.00\",\"n\":\"0.03\",\"N\":\"USDT\",\"T\":1700000000001,"
                + "\"m\":true}";
    }

    @Test
    void reportsAndFillsArriveAndAnExpiredKeyOpensANewStream() throws Exception {
        List<ReplayFrame> frames = List.of(
                ReplayFrame.text(report("NEW", "NEW", "0", "0")),
                ReplayFrame.text(report("TRADE", "PARTIALLY_FILLED", "0.4", "0.4")),
                ReplayFrame.text("{\"e\":\"listenKeyExpired\",\"E\":1700000000002}"),
                ReplayFrame.text(report("TRADE", "FILLED", "0.6", "1.0")));
        AtomicInteger keys = new AtomicInteger();
        List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
        List<Fill> fills = new CopyOnWriteArrayList<>();
        // Binance ends a stream whose key expired: the venue drops the connection after that event, so the last
        // report can only arrive on the new stream.
        try (LoopbackVenue venue = LoopbackVenue.builder(frames).frameIntervalNanos(TimeUnit.MILLISECONDS.toNanos(20))
                .dropAfter(2, 0)
                .route("POST", "/api/v3/userDataStream", r -> HttpAnswer.ok("{\"listenKey\":\"key"
                        + keys.incrementAndGet() + "\"}"))
                .route("PUT", "/api/v3/userDataStream", r -> HttpAnswer.ok("{}"))
                .start()) {
            Credentials c = new Credentials(ApiSecret.of("BINANCE_API_KEY", "apikey1"),
                    ApiSecret.of("BINANCE_API_SECRET", "secret2"), null);
            BinanceRestClient rest = new BinanceRestClient(BinanceMarket.SPOT, "BINANCE", venue.httpBase(), c,
                    HttpClient.newHttpClient(), new SystemClock(), 5000, new BinanceRateLimits(6000, 100));
            BinanceUserDataStream stream = new BinanceUserDataStream(rest, venue.webSocketBase(), List.of(BTCUSDT),
                    new ExecutionListener() {
                        @Override
                        public void onReport(ExecutionReport report) {
                            reports.add(report);
                        }

                        @Override
                        public void onFill(Fill fill) {
                            fills.add(fill);
                        }
                    }, HttpClient.newHttpClient(), new ReconnectPolicy(1_000_000, 10_000_000, 2, 1, 3, 1L),
                    nanos -> { }, new SystemClock(), TimeUnit.MILLISECONDS.toNanos(30));
            stream.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (reports.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(100); // a few keep-alive periods
            stream.close();
            assertThat(reports).extracting(ExecutionReport::status)
                    .containsExactly(OrderStatus.NEW, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED);
            assertThat(fills).extracting(Fill::qty).containsExactly(0.4, 0.6);
            assertThat(fills.get(1).fee()).isEqualTo(0.03);
            assertThat(venue.handshakes()).containsExactly("/ws/key1", "/ws/key2");
            assertThat(stream.keepAlives()).isPositive();
            assertThat(venue.requests()).filteredOn(r -> r.method().equals("PUT"))
                    .allSatisfy(r -> assertThat(r.param("listenKey")).startsWith("key"));
            assertThat(venue.requests()).allSatisfy(r -> assertThat(r.header("X-MBX-APIKEY")).isEqualTo("apikey1"));
        }
    }
}
