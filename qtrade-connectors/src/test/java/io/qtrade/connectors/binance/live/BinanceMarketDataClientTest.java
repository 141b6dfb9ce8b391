package io.qtrade.connectors.binance.live;

import io.qtrade.store.binance.BinanceDepthSynchronizer;
import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.connectors.live.ReconnectPolicy;
import io.qtrade.connectors.replay.HttpAnswer;
import io.qtrade.connectors.replay.LoopbackVenue;
import io.qtrade.connectors.replay.ReplayFrame;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.time.SystemClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live client (spot and USD-M futures rules) against a loopback venue replaying a recorded stream of BTCUSDT diffs (with trades and book
 * tickers between them), which drops the connection once (5 frames lost while away), skips one diff (a gap on a
 * live connection) and sends one truncated frame. The test's own book, built only from the client's events, is
 * compared after every message with the venue's true book at the client's last applied update id.
 */
class BinanceMarketDataClientTest {

    private static final Instrument BTCUSDT = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.001);
    private static final int DIFFS = 240;
    private static final long FIRST_ID = 1000;

    /** The venue's true book after each update id. */
    private final Map<Long, NavigableMap<Double, Double>[]> truth = new HashMap<>();
    private final List<Long> finalIds = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private List<String> recordStream(BinanceMarket market) {
        Random random = new Random(7);
        NavigableMap<Double, Double> bids = new TreeMap<>();
        NavigableMap<Double, Double> asks = new TreeMap<>();
        for (int i = 1; i <= 5; i++) {
            bids.put(round(100.00 - 0.01 * i), 1.0 * i);
            asks.put(round(100.00 + 0.01 * i), 1.0 * i);
        }
        truth.put(FIRST_ID - 1, new NavigableMap[] {new TreeMap<>(bids), new TreeMap<>(asks)});
        finalIds.add(FIRST_ID - 1);
        List<String> frames = new ArrayList<>();
        long u = FIRST_ID - 1;
        long ms = 1_700_000_000_000L;
        for (int k = 0; k < DIFFS; k++) {
            long previous = u;
            long first = u + 1;
            u = first + random.nextInt(3);
            StringBuilder b = new StringBuilder();
            StringBuilder a = new StringBuilder();
            int levels = 1 + random.nextInt(3);
            for (int l = 0; l < levels; l++) {
                boolean bid = random.nextBoolean();
                double price = round(bid ? 100.00 - 0.01 * (1 + random.nextInt(8)) : 100.00 + 0.01 * (1 + random.nextInt(8)));
                double qty = random.nextInt(4) == 0 ? 0.0 : 0.001 * (1 + random.nextInt(5000));
                (bid ? b : a).append(b.length() > 0 && bid || a.length() > 0 && !bid ? "," : "")
                        .append("[\"").append(price).append("\",\"").append(qty).append("\"]");
                NavigableMap<Double, Double> side = bid ? bids : asks;
                if (qty == 0) {
                    side.remove(price);
                } else {
                    side.put(price, qty);
                }
            }
            ms += 100;
            frames.add("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":" + ms
                    + ",\"s\":\"BTCUSDT\",\"U\":" + first + ",\"u\":" + u
                    + (market == BinanceMarket.USDM_FUTURES ? ",\"T\":" + (ms - 1) + ",\"pu\":" + previous : "")
                    + ",\"b\":[" + b + "],\"a\":[" + a + "]}}");
            truth.put(u, new NavigableMap[] {new TreeMap<>(bids), new TreeMap<>(asks)});
            finalIds.add(u);
            if (k % 10 == 3) {
                frames.add("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":" + ms + ",\"s\":\"BTCUSDT\","
                        + "\"t\":" + k + ",\"p\":\"100.01\",\"q\":\"0.5\",\"T\":" + ms + ",\"m\":false}}");
            }
            if (k % 10 == 7) {
                frames.add("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":" + u + ",\"s\":\"BTCUSDT\","
                        + "\"b\":\"99.99\",\"B\":\"1.5\",\"a\":\"100.01\",\"A\":\"2.5\"}}");
            }
        }
        return frames;
    }

    private static double round(double p) {
        return Math.round(p * 100) / 100.0;
    }

    /** The REST snapshot after the frames the venue has emitted so far. */
    private String snapshot(List<String> frames, int emitted) {
        long id = FIRST_ID - 1;
        for (int i = 0; i < emitted; i++) {
            String f = frames.get(i);
            int at = f.indexOf(",\"u\":");
            if (f.contains("depthUpdate")) {
                id = Long.parseLong(f.substring(at + 5, f.indexOf(',', at + 5)));
            }
        }
        NavigableMap<Double, Double>[] book = truth.get(id);
        StringBuilder s = new StringBuilder("{\"lastUpdateId\":" + id + ",\"bids\":[");
        int n = 0;
        for (Map.Entry<Double, Double> e : book[0].descendingMap().entrySet()) {
            s.append(n++ > 0 ? "," : "").append("[\"").append(e.getKey()).append("\",\"").append(e.getValue()).append("\"]");
        }
        s.append("],\"asks\":[");
        n = 0;
        for (Map.Entry<Double, Double> e : book[1].entrySet()) {
            s.append(n++ > 0 ? "," : "").append("[\"").append(e.getKey()).append("\",\"").append(e.getValue()).append("\"]");
        }
        return s.append("]}").toString();
    }

    @ParameterizedTest
    @EnumSource(BinanceMarket.class)
    void reconnectsResyncsAfterEveryGapAndTheBookIsNeverCorrupt(BinanceMarket market, @TempDir Path dir)
            throws Exception {
        List<String> recorded = recordStream(market);
        List<String> original = List.copyOf(recorded);
        int dropAt = indexOfDiff(recorded, 80);
        int skipAt = indexOfDiff(recorded, 150);
        int truncatedAt = indexOfDiff(recorded, 200);
        recorded.set(truncatedAt, recorded.get(truncatedAt).substring(0, 60));
        Path recording = dir.resolve("btcusdt-spot.jsonl");
        Files.write(recording, recorded, StandardCharsets.UTF_8);
        List<ReplayFrame> frames = LoopbackVenue.textLines(recording);
        AtomicInteger snapshots = new AtomicInteger();
        List<Long> delays = new CopyOnWriteArrayList<>();

        // The test's book, from the client's events only; compared with the truth after every message.
        NavigableMap<Double, Double> bids = new TreeMap<>();
        NavigableMap<Double, Double> asks = new TreeMap<>();
        AtomicInteger checks = new AtomicInteger();
        List<String> mismatches = new CopyOnWriteArrayList<>();
        AtomicInteger trades = new AtomicInteger();
        AtomicInteger bbos = new AtomicInteger();
        AtomicInteger clears = new AtomicInteger();
        AtomicInteger afterResync = new AtomicInteger();
        BinanceMarketDataClient[] holder = new BinanceMarketDataClient[1];

        try (LoopbackVenue venue = LoopbackVenue.builder(frames)
                .frameIntervalNanos(TimeUnit.MILLISECONDS.toNanos(2))
                .dropAfter(dropAt, 5)
                .skip(skipAt)
                // The scripted gaps must fall after the client's snapshot however loaded the machine is.
                .holdUntilRequest(f -> f.text().contains("depthUpdate"), "GET",
                        market == BinanceMarket.SPOT ? "/api/v3/depth" : "/fapi/v1/depth")
                .route("GET", market == BinanceMarket.SPOT ? "/api/v3/depth" : "/fapi/v1/depth", r -> {
                    snapshots.incrementAndGet();
                    return HttpAnswer.ok(snapshot(original, currentEmitted[0].framesEmitted()));
                })
                .start()) {
            currentEmitted[0] = venue;
            BinanceMarketDataClient client = BinanceMarketDataClient.builder(market, List.of(BTCUSDT),
                            (EventBatch batch) -> {
                                for (int i = 0; i < batch.size(); i++) {
                                    EventKind kind = batch.kind(i);
                                    NavigableMap<Double, Double> side = batch.sideCode(i) == Side.BUY.code() ? bids : asks;
                                    if (EventFlags.has(batch.flags(i), EventFlags.AFTER_RESYNC)) {
                                        afterResync.incrementAndGet();
                                    }
                                    switch (kind) {
                                        case SNAPSHOT_BEGIN -> {
                                            bids.clear();
                                            asks.clear();
                                        }
                                        case BOOK_CLEAR -> {
                                            clears.incrementAndGet();
                                            bids.clear();
                                            asks.clear();
                                        }
                                        case DEPTH_UPDATE -> {
                                            if (batch.qty(i) == 0) {
                                                side.remove(batch.price(i));
                                            } else {
                                                side.put(batch.price(i), batch.qty(i));
                                            }
                                        }
                                        case TRADE -> trades.incrementAndGet();
                                        case BBO -> bbos.incrementAndGet();
                                        default -> { }
                                    }
                                }
                                BinanceDepthSynchronizer sync = holder[0].synchronizer(0);
                                if (sync.state() == BinanceDepthSynchronizer.State.LIVE) {
                                    checks.incrementAndGet();
                                    NavigableMap<Double, Double>[] expected = truth.get(sync.lastUpdateId());
                                    if (!bids.equals(expected[0]) || !asks.equals(expected[1])) {
                                        mismatches.add("u=" + sync.lastUpdateId());
                                    }
                                }
                            })
                    .streamBase(venue.webSocketBase())
                    .restBase(venue.httpBase())
                    .reconnectPolicy(new ReconnectPolicy(TimeUnit.MILLISECONDS.toNanos(100),
                            TimeUnit.SECONDS.toNanos(5), 2.0, 1.0, 5, 42L))
                    .sleeper(delays::add)
                    .idleTimeoutNanos(TimeUnit.SECONDS.toNanos(1))
                    .clock(new SystemClock())
                    .build();
            holder[0] = client;
            client.start();
            long lastId = finalIds.get(finalIds.size() - 1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (client.synchronizer(0).lastUpdateId() != lastId && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            client.close();

            assertThat(client.synchronizer(0).lastUpdateId()).isEqualTo(lastId);
            assertThat(mismatches).isEmpty();
            assertThat(checks.get()).isGreaterThan(150);
            // Gaps: the frames lost during the drop, the skipped diff, the truncated diff.
            assertThat(client.gaps()).isEqualTo(3);
            assertThat(client.resyncs()).isEqualTo(3);
            assertThat(clears.get()).isEqualTo(3);
            assertThat(afterResync.get()).isPositive();
            assertThat(client.malformedFrames()).isEqualTo(1);
            assertThat(client.snapshotsFetched()).isEqualTo(4).isEqualTo(snapshots.get());
            assertThat(client.connection().connects()).isEqualTo(2);
            assertThat(client.connection().disconnects()).isEqualTo(1);
            assertThat(venue.connections()).isEqualTo(2);
            assertThat(venue.handshakes().get(0))
                    .isEqualTo("/stream?streams=btcusdt@depth@100ms/btcusdt@trade/btcusdt@bookTicker");
            // One backoff, the seeded schedule's first delay: 100 ms * (1 - U_0), U_0 the seed's first draw.
            assertThat(delays).containsExactly(new ReconnectPolicy(TimeUnit.MILLISECONDS.toNanos(100),
                    TimeUnit.SECONDS.toNanos(5), 2.0, 1.0, 5, 42L).newSchedule().nextDelayNanos());
            assertThat(trades.get()).isPositive();
            assertThat(bbos.get() % 2).isZero();
        }
    }

    private final LoopbackVenue[] currentEmitted = new LoopbackVenue[1];

    private static int indexOfDiff(List<String> frames, int diff) {
        int seen = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).contains("depthUpdate") && ++seen == diff) {
                return i;
            }
        }
        throw new IllegalArgumentException("no diff " + diff);
    }
}
