package io.qtrade.connectors.live;

import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.connectors.binance.live.BinanceMarketDataClient;
import io.qtrade.connectors.binance.live.BinanceRateLimits;
import io.qtrade.connectors.binance.live.BinanceRestClient;
import io.qtrade.connectors.replay.HttpAnswer;
import io.qtrade.connectors.replay.HttpExchangeRecord;
import io.qtrade.connectors.replay.LoopbackVenue;
import io.qtrade.connectors.replay.SyntheticBinanceStream;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.time.SystemClock;
import io.qtrade.risk.killswitch.EngagementCause;
import io.qtrade.risk.killswitch.KillSwitch;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kill switch on disconnect for live order entry: a loopback Binance venue streams market data and drops the
 * connection twice; the guard engages the switch at the first drop and calls {@code DELETE /api/v3/openOrders} on
 * the loopback REST venue exactly once (the second drop finds the switch engaged), and the switch rejects orders.
 */
class DisconnectGuardTest {

    private static final Instrument BTC = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.001);
    private static final long MS = 1_000_000L;
    private static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    /** Spot docs, DELETE /api/v3/openOrders response: the two open orders, cancelled. */
    private static final String CANCELLED = "[{\"symbol\":\"BTCUSDT\",\"orderId\":11,\"orderListId\":-1,"
            + "\"transactTime\":1684804350068,\"price\":\"99.00\",\"origQty\":\"0.001\",\"executedQty\":\"0\","
            + "\"status\":\"CANCELED\",\"timeInForce\":\"GTC\",\"type\":\"LIMIT\",\"side\":\"BUY\"},"
            + "{\"symbol\":\"BTCUSDT\",\"orderId\":12,\"orderListId\":-1,\"transactTime\":1684804350068,"
            + "\"price\":\"101.00\",\"origQty\":\"0.001\",\"executedQty\":\"0\",\"status\":\"CANCELED\","
            + "\"timeInForce\":\"GTC\",\"type\":\"LIMIT\",\"side\":\"SELL\"}]";

    @Test
    void theFirstDisconnectEngagesTheKillSwitchAndCancelsAllOrdersAtTheVenueOnce() throws Exception {
        SyntheticBinanceStream stream = SyntheticBinanceStream.render(SyntheticMarket.builder()
                .instrument(BTC, 100.00).events(5_000).seed(3).build(), 600);
        AtomicInteger cancelAlls = new AtomicInteger();
        CountDownLatch cancelled = new CountDownLatch(1);
        KillSwitch killSwitch = new KillSwitch();
        CountDownLatch disconnects = new CountDownLatch(2);
        AtomicInteger rows = new AtomicInteger();
        try (LoopbackVenue venue = stream.startVenue(v -> v.frameIntervalNanos(MS).dropAfter(100, 5).dropAfter(300, 5)
                .route("DELETE", "/api/v3/openOrders", (HttpExchangeRecord r) -> {
                    cancelAlls.incrementAndGet();
                    cancelled.countDown();
                    return HttpAnswer.ok(CANCELLED);
                }))) {
            Credentials credentials = new Credentials(ApiSecret.of("BINANCE_API_KEY", KEY),
                    ApiSecret.of("BINANCE_API_SECRET", SECRET), null);
            BinanceRestClient rest = new BinanceRestClient(BinanceMarket.SPOT, "BINANCE", venue.httpBase(),
                    credentials, HttpClient.newHttpClient(), new SystemClock(), 5000, new BinanceRateLimits(6000, 100));
            DisconnectGuard guard = new DisconnectGuard(new LiveEventListener() {
                @Override
                public void onEvents(EventBatch batch) {
                    rows.addAndGet(batch.size());
                }

                @Override
                public void onDisconnect(String reason) {
                    disconnects.countDown();
                }
            }, killSwitch, rest, List.of(BTC), new SystemClock());
            try (BinanceMarketDataClient client = BinanceMarketDataClient.builder(BinanceMarket.SPOT, List.of(BTC),
                            guard)
                    .streamBase(venue.webSocketBase()).restBase(venue.httpBase())
                    .reconnectPolicy(new ReconnectPolicy(MS, 10 * MS, 2.0, 0.0, 5, 1L))
                    // A drop the JDK client misses (no FIN seen) is found by silence, as in the client's own tests.
                    .idleTimeoutNanos(TimeUnit.SECONDS.toNanos(1))
                    .build().start()) {
                assertThat(cancelled.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(disconnects.await(30, TimeUnit.SECONDS)).as("both drops reported").isTrue();
                assertThat(client.connection().connects()).isGreaterThanOrEqualTo(2);
            }
            // One engagement, one cancel-all for the instrument, both orders reported cancelled.
            assertThat(cancelAlls.get()).isEqualTo(1);
            HttpExchangeRecord call = venue.requests().stream()
                    .filter(r -> r.path().equals("/api/v3/openOrders")).findFirst().orElseThrow();
            assertThat(call.method()).isEqualTo("DELETE");
            assertThat(call.query()).startsWith("symbol=BTCUSDT&");
            assertThat(guard.disconnects()).isEqualTo(2);
            assertThat(guard.cancelAllCalls()).isEqualTo(1);
            assertThat(guard.ordersCancelled()).isEqualTo(2);
            assertThat(guard.cancelFailures()).isZero();
            assertThat(killSwitch.engagements()).singleElement().satisfies(e -> {
                assertThat(e.cause()).isEqualTo(EngagementCause.DISCONNECT);
                assertThat(e.detail()).startsWith("market data disconnected: ");
            });
            assertThat(killSwitch.check("live", OrderRequest.limit(BTC, Side.BUY, 99.0, 0.001), null, 0L).reason())
                    .startsWith("KILL_SWITCH: engaged at ");
            assertThat(rows.get()).isPositive();
            // No secret in the guard's description.
            assertThat(guard.toString()).doesNotContain(KEY).doesNotContain(SECRET);
        }
    }

    @Test
    void anInstrumentOfAnotherVenueIsRefusedNamingIt() {
        Credentials credentials = new Credentials(ApiSecret.of("BINANCE_API_KEY", KEY),
                ApiSecret.of("BINANCE_API_SECRET", SECRET), null);
        BinanceRestClient rest = BinanceRestClient.spot(credentials);
        Instrument nse = Instrument.spot("INFY", "NSE", 0.05, 1);
        assertThatThrownBy(() -> new DisconnectGuard(batch -> { }, new KillSwitch(), rest, List.of(nse),
                new SystemClock()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("disconnect guard: instrument INFY@NSE is on venue NSE, the gateway sends to BINANCE");
    }
}
