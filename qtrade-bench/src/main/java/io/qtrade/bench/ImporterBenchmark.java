package io.qtrade.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qtrade.store.binance.BinanceCsvSource;
import io.qtrade.store.binance.BinanceDepthRecordingSource;
import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Lines per second read by the vendor importers from a file in the page cache, one operation = one line, against
 * the straightforward way of reading the same file in the same run:
 * <ul>
 *   <li>Binance spot {@code trades} CSV ({@value #LINES} lines): {@link BinanceCsvSource} against
 *       {@code readLine + String.split + Double.parseDouble + EventBatch.add} ({@code baselineSplitCsv}) and against
 *       {@code readLine} alone, the I/O floor ({@code baselineReadLines});</li>
 *   <li>Binance spot depth recording ({@value #DIFFS} diffs of 10 levels after one snapshot):
 *       {@link BinanceDepthRecordingSource} (Jackson streaming, numbers parsed from its buffer, the synchroniser)
 *       against Jackson's tree model ({@code ObjectMapper.readTree} per line, levels written to a batch, no
 *       synchronisation) ({@code baselineJsonTree}).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ImporterBenchmark {

    static final int LINES = 1 << 18;
    static final int DIFFS = 1 << 15;

    private final Instrument btc = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.00001);
    private final EventBatch batch = new EventBatch(4096);
    private final ObjectMapper mapper = new ObjectMapper();
    private Path dir;
    private Path trades;
    private Path depth;

    @Setup(Level.Trial)
    public void writeFiles() throws IOException {
        dir = Files.createTempDirectory("qtrade-importer-bench");
        trades = dir.resolve("BTCUSDT-trades.csv");
        SplittableRandom random = new SplittableRandom(7);
        try (BufferedWriter w = Files.newBufferedWriter(trades, StandardCharsets.UTF_8)) {
            long time = 1_704_067_200_000L;
            for (int i = 0; i < LINES; i++) {
                time += random.nextInt(3);
                long cents = 4_200_000 + random.nextInt(2_000);
                long qty = 1 + random.nextInt(100_000);
                w.write((3_000_000_000L + i) + "," + (cents / 100) + "." + pad2(cents % 100) + ",0."
                        + String.format("%08d", qty) + ",1.0," + time + "," + (random.nextBoolean() ? "True" : "False")
                        + ",True\n");
            }
        }
        depth = dir.resolve("btcusdt-depth.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(depth, StandardCharsets.UTF_8)) {
            StringBuilder levels = new StringBuilder();
            w.write("{\"localTs\":1700000000000000000,\"snapshot\":{\"lastUpdateId\":100,\"bids\":[[\"42000.00\",\"1\"]],"
                    + "\"asks\":[[\"42000.10\",\"1\"]]}}\n");
            long u = 100;
            for (int i = 0; i < DIFFS; i++) {
                levels.setLength(0);
                for (int k = 0; k < 5; k++) {
                    levels.append(k == 0 ? "" : ",").append("[\"").append(41_990 - random.nextInt(50)).append('.')
                            .append(pad2(random.nextInt(100))).append("\",\"").append(random.nextInt(20)).append(".")
                            .append(random.nextInt(1000)).append("\"]");
                }
                String bids = levels.toString();
                levels.setLength(0);
                for (int k = 0; k < 5; k++) {
                    levels.append(k == 0 ? "" : ",").append("[\"").append(42_010 + random.nextInt(50)).append('.')
                            .append(pad2(random.nextInt(100))).append("\",\"").append(random.nextInt(20)).append(".")
                            .append(random.nextInt(1000)).append("\"]");
                }
                long first = u + 1;
                u += 1 + random.nextInt(5);
                w.write("{\"localTs\":" + (1_700_000_000_000_000_000L + i * 100_000_000L)
                        + ",\"data\":{\"e\":\"depthUpdate\",\"E\":" + (1_700_000_000_000L + i * 100L)
                        + ",\"s\":\"BTCUSDT\",\"U\":" + first + ",\"u\":" + u + ",\"b\":[" + bids + "],\"a\":["
                        + levels + "]}}\n");
            }
        }
    }

    private static String pad2(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }

    @TearDown(Level.Trial)
    public void deleteFiles() throws IOException {
        Files.deleteIfExists(trades);
        Files.deleteIfExists(depth);
        Files.deleteIfExists(dir);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long binanceTradesCsv() {
        long checksum = 0;
        try (BinanceCsvSource source = BinanceCsvSource.trades(trades, btc, ImportOptions.STRICT)) {
            while (source.readBatch(batch)) {
                checksum += batch.size() + batch.exchTs(batch.size() - 1);
            }
        }
        return checksum;
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long baselineSplitCsv() throws IOException {
        long checksum = 0;
        batch.clear();
        try (BufferedReader r = Files.newBufferedReader(trades, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                double price = Double.parseDouble(f[1]);
                double qty = Double.parseDouble(f[2]);
                long time = Long.parseLong(f[4]) * 1_000_000L;
                Side aggressor = Boolean.parseBoolean(f[5]) ? Side.SELL : Side.BUY;
                if (batch.isFull()) {
                    checksum += batch.size();
                    batch.clear();
                }
                batch.addTrade(0, time, time, aggressor, price, qty);
            }
        }
        return checksum + batch.size();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long baselineReadLines() throws IOException {
        long checksum = 0;
        try (BufferedReader r = Files.newBufferedReader(trades, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                checksum += line.length();
            }
        }
        return checksum;
    }

    @Benchmark
    @OperationsPerInvocation(DIFFS)
    public long binanceDepthRecording() {
        long checksum = 0;
        try (BinanceDepthRecordingSource source = BinanceDepthRecordingSource.open(depth, btc, BinanceMarket.SPOT,
                ImportOptions.STRICT)) {
            while (source.readBatch(batch)) {
                checksum += batch.size();
            }
        }
        return checksum;
    }

    @Benchmark
    @OperationsPerInvocation(DIFFS)
    public long baselineJsonTree() throws IOException {
        long checksum = 0;
        batch.clear();
        try (BufferedReader r = Files.newBufferedReader(depth, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode data = mapper.readTree(line).get("data");
                if (data == null) {
                    continue;
                }
                long ts = data.get("E").asLong() * 1_000_000L;
                for (int s = 0; s < 2; s++) {
                    Side side = s == 0 ? Side.BUY : Side.SELL;
                    for (JsonNode level : data.get(s == 0 ? "b" : "a")) {
                        if (batch.isFull()) {
                            checksum += batch.size();
                            batch.clear();
                        }
                        batch.addDepth(0, ts, ts, side, Double.parseDouble(level.get(0).asText()),
                                Double.parseDouble(level.get(1).asText()));
                    }
                }
            }
        }
        return checksum + batch.size();
    }
}
