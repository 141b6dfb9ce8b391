package io.qtrade.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.store.binance.DepthMessage;
import io.qtrade.connectors.binance.live.BinanceFrameParser;
import io.qtrade.connectors.zerodha.live.KiteTickEvents;
import io.qtrade.connectors.zerodha.live.KiteTickParser;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Frames per second decoded by the live parsers, one operation = one venue message, against the plain way in the
 * same run:
 * <ul>
 *   <li>a Binance combined-stream diff depth frame of 10 + 10 levels: {@link BinanceFrameParser} (Jackson streaming,
 *       numbers parsed from its buffer) against {@code ObjectMapper.readTree} with the levels written to a batch
 *       ({@code baselineBinanceJsonTree});</li>
 *   <li>a Kite ticker message of 4 full packets (184 bytes each): {@link KiteTickParser} and {@link KiteTickEvents}
 *       (the depth written as a snapshot of core rows) against reading every int of the message with
 *       {@code ByteBuffer.getInt} ({@code baselineKiteReadInts}, the memory floor).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LiveParserBenchmark {

    private static final int FRAMES = 1024;

    private final Instrument btc = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.00001);
    private final Instrument infy = Instrument.spot("INFY", "NSE", 0.05, 1);
    private final ObjectMapper mapper = new ObjectMapper();
    private final EventBatch batch = new EventBatch(4096);
    private final DepthMessage depth = new DepthMessage();
    private String[] binanceFrames;
    private ByteBuffer[] kiteMessages;
    private BinanceFrameParser binance;
    private KiteTickParser kite;
    private KiteTickEvents kiteEvents;
    private int next;
    private KiteTickParser.Handler toEvents;

    @Setup(Level.Trial)
    public void build() {
        SplittableRandom random = new SplittableRandom(3);
        binanceFrames = new String[FRAMES];
        long u = 1000;
        for (int f = 0; f < FRAMES; f++) {
            StringBuilder s = new StringBuilder("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
                    + "\"E\":1700000000000,\"s\":\"BTCUSDT\",\"U\":" + (u + 1) + ",\"u\":" + (u += 10) + ",\"b\":[");
            for (int l = 0; l < 10; l++) {
                s.append(l > 0 ? "," : "").append("[\"").append(42000 - l).append('.').append(10 + random.nextInt(89))
                        .append("\",\"0.").append(1000 + random.nextInt(8999)).append("\"]");
            }
            s.append("],\"a\":[");
            for (int l = 0; l < 10; l++) {
                s.append(l > 0 ? "," : "").append("[\"").append(42001 + l).append('.').append(10 + random.nextInt(89))
                        .append("\",\"0.").append(1000 + random.nextInt(8999)).append("\"]");
            }
            binanceFrames[f] = s.append("]}}").toString();
        }
        kiteMessages = new ByteBuffer[FRAMES];
        for (int f = 0; f < FRAMES; f++) {
            ByteBuffer m = ByteBuffer.allocate(2 + 4 * (2 + 184)).putShort((short) 4);
            for (int p = 0; p < 4; p++) {
                m.putShort((short) 184).putInt(408065 + 256 * p).putInt(150000).putInt(5).putInt(150000)
                        .putInt(1000 + f).putInt(1).putInt(1).putInt(150000).putInt(150000).putInt(150000)
                        .putInt(150000).putInt(1_700_000_000).putInt(0).putInt(0).putInt(0).putInt(1_700_000_000);
                for (int l = 0; l < 10; l++) {
                    m.putInt(10 + random.nextInt(100)).putInt(l < 5 ? 150000 - 5 * l : 150005 + 5 * (l - 5))
                            .putShort((short) 3).putShort((short) 0);
                }
            }
            kiteMessages[f] = m.flip();
        }
        binance = new BinanceFrameParser(BinanceMarket.SPOT, List.of(btc));
        kite = new KiteTickParser();
        kiteEvents = new KiteTickEvents(List.of(infy, infy, infy, infy),
                new long[] {408065, 408065 + 256, 408065 + 512, 408065 + 768});
        toEvents = t -> kiteEvents.write(t, 1L, batch); // made once, as KiteTickerClient does
    }

    @Benchmark
    public int binanceFrameParser() {
        batch.clear();
        binance.parse(binanceFrames[next++ & (FRAMES - 1)], 1L, depth, batch);
        return depth.bidCount() + depth.askCount();
    }

    @Benchmark
    public int baselineBinanceJsonTree() throws IOException {
        batch.clear();
        JsonNode data = mapper.readTree(binanceFrames[next++ & (FRAMES - 1)]).get("data");
        for (JsonNode level : data.get("b")) {
            batch.addDepth(0, 1L, 1L, Side.BUY, Double.parseDouble(level.get(0).asText()),
                    Double.parseDouble(level.get(1).asText()));
        }
        for (JsonNode level : data.get("a")) {
            batch.addDepth(0, 1L, 1L, Side.SELL, Double.parseDouble(level.get(0).asText()),
                    Double.parseDouble(level.get(1).asText()));
        }
        return batch.size();
    }

    @Benchmark
    public int kiteTickParserAndEvents() {
        batch.clear();
        kite.parse(kiteMessages[next++ & (FRAMES - 1)], toEvents);
        return batch.size();
    }

    @Benchmark
    public long baselineKiteReadInts() {
        ByteBuffer m = kiteMessages[next++ & (FRAMES - 1)];
        long sum = 0;
        for (int i = 2; i + 4 <= m.limit(); i += 4) {
            sum += m.getInt(i);
        }
        return sum;
    }
}
