package io.qtrade.store.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;
import io.qtrade.store.CatalogEntry;
import io.qtrade.store.TickQuery;
import io.qtrade.store.TickStore;
import io.qtrade.store.cli.Convert;
import io.qtrade.store.cli.InputFormats;
import io.qtrade.store.ingest.ClockSkew;
import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static io.qtrade.store.ingest.ImportTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two real hftbacktest collector recordings (Binance spot BTCUSDT, 2024-08-08/09, resources {@code collector/},
 * MIT, see the README there): the second continues the first's update-id chain without a snapshot, and the recorder's
 * clock is about 1.27 s behind Binance's. Expected counts are computed here from the raw lines by Binance's documented
 * rules ("How to manage a local order book correctly", spot), independently of the importer.
 */
class BinanceCollectorRecordingTest {

    private static final Instrument BTC = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.00001);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Expected expected;

    @TempDir
    Path dir;

    /** Rows Binance's rules give for the chain, counted from the raw lines. */
    record Expected(long depthRows, long trades, long quotes, long minLatencyNanos, long lines) {
    }

    @BeforeAll
    static void countIndependently() throws IOException {
        long depthRows = 0;
        long trades = 0;
        long quotes = 0;
        long lines = 0;
        long minLatency = Long.MAX_VALUE;
        long lastU = -1;
        JsonNode snapshot = null;
        List<JsonNode> pending = new ArrayList<>();
        for (String name : List.of("collector/btcusdt_20240808.gz", "collector/btcusdt_20240809.gz")) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                    Files.newInputStream(resource(name))), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines++;
                    int space = line.indexOf(' ');
                    long local = Long.parseLong(line.substring(0, space));
                    JsonNode node = JSON.readTree(line.substring(space + 1));
                    if (node.has("lastUpdateId")) {
                        if (lastU < 0 && snapshot == null) {
                            snapshot = node;
                            long l = node.get("lastUpdateId").asLong();
                            depthRows += node.get("bids").size() + node.get("asks").size() + 2;
                            for (JsonNode d : pending) {
                                lastU = applyIfSynced(d, l, lastU);
                                if (lastU >= 0 && d.get("u").asLong() == lastU) {
                                    depthRows += d.get("b").size() + d.get("a").size();
                                }
                            }
                            pending.clear();
                        }
                        continue;
                    }
                    JsonNode data = node.get("data");
                    String stream = node.get("stream").asText();
                    if (data.has("E")) {
                        minLatency = Math.min(minLatency, local - data.get("E").asLong() * 1_000_000L);
                    }
                    if (stream.endsWith("@trade")) {
                        trades++;
                    } else if (stream.endsWith("@bookTicker")) {
                        quotes++;
                    } else if (snapshot == null) {
                        pending.add(data);
                    } else {
                        long first = data.get("U").asLong();
                        long u = data.get("u").asLong();
                        if (lastU < 0) {
                            long l = snapshot.get("lastUpdateId").asLong();
                            lastU = applyIfSynced(data, l, lastU);
                            if (lastU == u) {
                                depthRows += data.get("b").size() + data.get("a").size();
                            }
                        } else if (u > lastU) {
                            assertThat(first).as("the chain has no gap").isLessThanOrEqualTo(lastU + 1);
                            lastU = u;
                            depthRows += data.get("b").size() + data.get("a").size();
                        }
                    }
                }
            }
        }
        expected = new Expected(depthRows, trades, quotes, minLatency, lines);
    }

    /** Spot: drop u <= L; the first applied diff has U <= L + 1 <= u. Returns the new last u (or -1 unsynced). */
    private static long applyIfSynced(JsonNode d, long l, long lastU) {
        long first = d.get("U").asLong();
        long u = d.get("u").asLong();
        if (lastU >= 0) {
            return u > lastU ? u : lastU;
        }
        if (u <= l) {
            return -1;
        }
        assertThat(first).as("first diff after the snapshot").isLessThanOrEqualTo(l + 1);
        return u;
    }

    @Test
    void theTwoRecordingsConvertChainedWithEveryStreamAndTheSkewRemoved() throws IOException {
        Path store = dir.resolve("ticks");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Convert(InputFormats.standard()).run(new String[]{"--from", "binance-depth", "--to",
                store.toString(), "market=spot", "symbol=BTCUSDT", "tick_size=0.01", "lot_size=0.00001",
                "clock_skew=remove_offset", "min_feed_latency_nanos=1000000",
                resource("collector/btcusdt_20240809.gz").toString(), // order given does not matter
                resource("collector/btcusdt_20240808.gz").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        long rows = expected.depthRows() + expected.trades() + 2 * expected.quotes();
        assertThat(TickStore.at(store).catalog()).singleElement().satisfies((CatalogEntry e) -> {
            assertThat(e.rows()).isEqualTo(rows);
            assertThat(e.kinds()).contains(EventKind.DEPTH_UPDATE, EventKind.TRADE, EventKind.BBO,
                    EventKind.SNAPSHOT_BEGIN);
        });
        assertThat(printed).contains("trades: " + expected.trades(), "bookTicker updates: " + expected.quotes(),
                "rowsDropped=0", "unappliedAtEnd=0", "gaps=0",
                "local times shifted by " + (1_000_000L - expected.minLatencyNanos()) + " ns",
                "negative (local clock behind the venue's)");
        // every row now arrives at least the minimum latency after the venue sent it, in exch_ts order
        long minLatency = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long trades = 0;
        try (EventSource s = TickStore.at(store).read(TickQuery.all())) {
            EventBatch b = new EventBatch(8192);
            while (s.readBatch(b)) {
                for (int i = 0; i < b.size(); i++) {
                    if (b.kind(i) != EventKind.SNAPSHOT_BEGIN && b.kind(i) != EventKind.SNAPSHOT_END) {
                        minLatency = Math.min(minLatency, b.localTs(i) - b.exchTs(i));
                    }
                    assertThat(b.exchTs(i)).isGreaterThanOrEqualTo(last);
                    last = b.exchTs(i);
                    trades += b.kind(i) == EventKind.TRADE ? 1 : 0;
                }
            }
        }
        assertThat(minLatency).isGreaterThanOrEqualTo(1_000_000L);
        assertThat(trades).isEqualTo(expected.trades());
    }

    @Test
    void theContinuationFileAloneCannotSyncAndStrictModeSaysSoCountingTheDroppedRows() {
        // Before: exit 0 and the whole second file silently dropped.
        assertThatThrownBy(() -> drain(BinanceRecordings.open(List.of(resource("collector/btcusdt_20240809.gz")),
                BTC, BinanceMarket.SPOT, ImportOptions.STRICT, ClockSkew.KEEP,
                EnumSet.of(BinanceDepthRecordingSource.Stream.DEPTH))))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problem())
                        .contains("the depth stream dropped", "diffs left unsynchronised at the end",
                                "a continuation file must be converted in one call with the file before it"));
        BinanceRecordings lenient = BinanceRecordings.open(List.of(resource("collector/btcusdt_20240809.gz")),
                BTC, BinanceMarket.SPOT, ImportOptions.LENIENT, ClockSkew.KEEP,
                EnumSet.of(BinanceDepthRecordingSource.Stream.DEPTH));
        assertThat(drain(lenient)).isZero();
        BinanceDepthSynchronizer y = lenient.synchronizer();
        assertThat(y.unappliedAtEnd() + y.bufferOverflows()).isEqualTo(y.droppedBeforeSync() + y.unappliedAtEnd());
        assertThat(y.rowsDropped()).isPositive();
    }

    @Test
    void keptSkewIsReportedWithItsMedianAndExtremes() {
        BinanceRecordings r = BinanceRecordings.open(List.of(resource("collector/btcusdt_20240808.gz")), BTC,
                BinanceMarket.SPOT, ImportOptions.STRICT, ClockSkew.KEEP,
                EnumSet.of(BinanceDepthRecordingSource.Stream.TRADE));
        drain(r);
        // the README of the samples: the recorder's clock is about 1.27 s behind Binance's event times
        assertThat(r.clockSkew().negative()).isEqualTo(r.clockSkew().messages());
        assertThat(r.clockSkew().medianLatencyNanos()).isBetween(-1_300_000_000L, -1_250_000_000L);
        assertThat(r.clockSkew().minLatencyNanos()).isLessThanOrEqualTo(r.clockSkew().medianLatencyNanos());
        assertThat(r.clockSkew().maxLatencyNanos()).isGreaterThanOrEqualTo(r.clockSkew().medianLatencyNanos());
        assertThat(r.diagnostics()).anySatisfy(d -> assertThat(d).contains("clock skew: feed latency",
                "kept as recorded (clock_skew=keep)", "clock_skew=remove_offset or clamp"));
    }

    @Test
    void clampRaisesEachLocalTimeToTheMinimumLatency() {
        BinanceRecordings r = BinanceRecordings.open(List.of(resource("collector/btcusdt_20240808.gz")), BTC,
                BinanceMarket.SPOT, ImportOptions.STRICT, new ClockSkew(ClockSkew.Policy.CLAMP, 500_000),
                EnumSet.of(BinanceDepthRecordingSource.Stream.TRADE));
        EventBatch b = new EventBatch(4096);
        long n = 0;
        while (r.readBatch(b)) {
            for (int i = 0; i < b.size(); i++) {
                // every trade's recorded local time is behind its venue time, so each is clamped exactly
                assertThat(b.localTs(i) - b.exchTs(i)).isEqualTo(500_000);
                n++;
            }
        }
        r.close();
        assertThat(n).isPositive();
    }

    private static long drain(EventSource s) {
        long n = 0;
        try (s) {
            EventBatch b = new EventBatch(4096);
            while (s.readBatch(b)) {
                n += b.size();
            }
        }
        return n;
    }
}
