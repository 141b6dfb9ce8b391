package io.qtrade.connectors.zerodha.live;

import io.qtrade.connectors.live.ApiSecret;
import io.qtrade.connectors.live.Credentials;
import io.qtrade.connectors.live.ReconnectPolicy;
import io.qtrade.connectors.replay.LoopbackVenue;
import io.qtrade.connectors.replay.ReplayFrame;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.time.SystemClock;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticker client against a loopback venue replaying 40 full INFY ticks (volume +3 per tick) with a heartbeat,
 * one truncated message and a dropped connection (2 ticks lost while away).
 */
class KiteTickerClientTest {

    private static final int TOKEN = 408065;
    private static final Instrument INFY = Instrument.spot("INFY", "NSE", 0.05, 1);

    @Test
    void failedConnectionsNeverLogTheAccessTokenCarriedInTheAddress() throws Exception {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        KiteTickerClient client;
        try {
            Credentials c = new Credentials(ApiSecret.of("KITE_API_KEY", "kitekey1"),
                    ApiSecret.of("KITE_API_SECRET", "kitesecret2"), ApiSecret.of("KITE_ACCESS_TOKEN", "kitetoken3"));
            // Port 1 on loopback: nothing listens, every attempt fails.
            client = new KiteTickerClient(java.net.URI.create("ws://127.0.0.1:1"), c, List.of(INFY),
                    new long[] {TOKEN}, KiteTickerClient.Mode.QUOTE, b -> { }, HttpClient.newHttpClient(),
                    new ReconnectPolicy(1_000_000, 2_000_000, 2, 1, 2, 3L), n -> { }, new SystemClock(),
                    KiteTickerClient.DEFAULT_IDLE_TIMEOUT_NANOS);
            client.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!client.connection().gaveUp() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            client.close();
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(client.connection().gaveUp()).isTrue();
        assertThat(log).contains("kite-ticker: connection attempt 1 failed").contains("gave up after 2");
        assertThat(log + client).doesNotContain("kitetoken3").doesNotContain("kitekey1").doesNotContain("kitesecret2");
    }

    @Test
    void resubscribesAfterADropAndLosesNoTradedVolume() throws Exception {
        List<ReplayFrame> frames = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            int[][] ladder = KitePackets.ladder();
            ladder[0][0] = 100 + k; // the best bid's quantity tells the ticks apart
            frames.add(ReplayFrame.binary(KitePackets.message(KitePackets.full(TOKEN, 150000 + 5 * k, 3, 150000,
                    1000 + 3 * k, 1_700_000_000 + k, 1_700_000_000 + k, ladder))));
        }
        frames.set(5, ReplayFrame.binary(new byte[] {0})); // heartbeat in place of tick 5
        byte[] tick25 = frames.get(25).binary();
        frames.set(25, ReplayFrame.binary(Arrays.copyOf(tick25, 100))); // truncated
        List<Long> delays = new CopyOnWriteArrayList<>();
        AtomicLong tradedQty = new AtomicLong();
        AtomicLong lastBestBidQty = new AtomicLong();
        AtomicLong snapshots = new AtomicLong();
        List<String> disconnects = new CopyOnWriteArrayList<>();
        try (LoopbackVenue venue = LoopbackVenue.builder(frames).frameIntervalNanos(TimeUnit.MILLISECONDS.toNanos(3))
                .dropAfter(12, 2).playAfterClientMessage().start()) {
            Credentials c = new Credentials(ApiSecret.of("KITE_API_KEY", "kitekey1"),
                    ApiSecret.of("KITE_API_SECRET", "kitesecret2"), ApiSecret.of("KITE_ACCESS_TOKEN", "kitetoken3"));
            KiteTickerClient client = new KiteTickerClient(venue.webSocketBase(), c, List.of(INFY),
                    new long[] {TOKEN}, KiteTickerClient.Mode.FULL, new io.qtrade.connectors.live.LiveEventListener() {
                        @Override
                        public void onEvents(EventBatch b) {
                            for (int i = 0; i < b.size(); i++) {
                                if (b.kind(i) == EventKind.TRADE) {
                                    tradedQty.addAndGet((long) b.qty(i));
                                } else if (b.kind(i) == EventKind.SNAPSHOT_BEGIN) {
                                    snapshots.incrementAndGet();
                                    lastBestBidQty.set((long) b.qty(i + 1));
                                }
                            }
                        }

                        @Override
                        public void onDisconnect(String reason) {
                            disconnects.add(reason);
                        }
                    }, HttpClient.newHttpClient(), new ReconnectPolicy(1_000_000, 10_000_000, 2, 1, 3, 5L),
                    delays::add, new SystemClock(), TimeUnit.MILLISECONDS.toNanos(500));
            client.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (lastBestBidQty.get() != 139 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            client.close();

            assertThat(lastBestBidQty.get()).isEqualTo(139); // the last tick's best bid qty, 100 + 39
            // The drop is seen as a close, or (if the abrupt close is not reported) as 500 ms of silence.
            assertThat(client.connection().connects()).isEqualTo(2);
            assertThat(delays).hasSize(1);
            // The loss is passed on once (what a kill switch on disconnect listens to); close() is not a loss.
            assertThat(disconnects).hasSize(1);
            assertThat(venue.clientMessages()).hasSize(2).allSatisfy(messages -> assertThat(messages).containsExactly(
                    "{\"a\":\"subscribe\",\"v\":[408065]}", "{\"a\":\"mode\",\"v\":[\"full\",[408065]]}"));
            assertThat(venue.handshakes().get(0)).isEqualTo("/?api_key=kitekey1&access_token=kitetoken3");
            assertThat(client.heartbeats()).isEqualTo(1);
            assertThat(client.malformedMessages()).isEqualTo(1);
            // Received full ticks: 40 - heartbeat - truncated - 2 lost = 36 snapshots; the tick sent just before the
            // drop may itself be lost in flight, as on a real network (35).
            assertThat(snapshots.get()).isBetween(35L, 36L);
            // Volume went from 1000 (tick 0) to 1117 (tick 39); gaps are bridged by the volume difference.
            assertThat(tradedQty.get()).isEqualTo(117);
        }
    }
}
