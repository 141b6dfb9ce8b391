package io.qtrade.bench;

import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * L2 book updates per second, one operation = one depth update, replaying a fixed stream of {@value #UPDATES}
 * updates:
 * <ul>
 *   <li>{@code touch}: the depth updates of a Cont–Stoikov–Talreja {@link SyntheticMarket} (50 levels a side,
 *   activity concentrated at the touch, the mid wandering over hundreds of ticks);</li>
 *   <li>{@code wide}: levels spread uniformly up to 20,000 ticks either side of a slowly moving mid, so most
 *   updates land outside the book's 4,096-tick window and exercise its paged far levels.</li>
 * </ul>
 * Each measures {@link OrderBook#update} (ticks in hand), {@link OrderBook#apply} through an {@link EventCursor}
 * (price to ticks conversion and kind dispatch included), and two baselines in the same run: the floor of one array
 * store per update ({@code baselineArrayStore}) and the naive book of two {@link TreeMap}s
 * ({@code baselineTreeMapBook}). The book is cleared at the start of every pass over the stream.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class OrderBookBenchmark {

    static final int UPDATES = 1 << 20;

    @Param({"touch", "wide"})
    String stream;

    private final Instrument instrument = Instrument.spot("AAA", "SYN", 0.01, 1);
    private final byte[] side = new byte[UPDATES];
    private final long[] priceTicks = new long[UPDATES];
    private final double[] qty = new double[UPDATES];
    private final EventBatch events = new EventBatch(UPDATES);
    private final EventCursor cursor = new EventCursor();
    private OrderBook book;
    private final double[] floor = new double[1 << 16];
    private final TreeMap<Long, Double> treeBids = new TreeMap<>();
    private final TreeMap<Long, Double> treeAsks = new TreeMap<>();

    @Setup
    public void setUp() {
        book = new OrderBook(instrument);
        if (stream.equals("touch")) {
            loadSynthetic();
        } else {
            loadWide();
        }
        for (int i = 0; i < UPDATES; i++) {
            events.addDepth(0, i, i, Side.fromCode(side[i]), instrument.toPrice(priceTicks[i]), qty[i]);
        }
    }

    private void loadSynthetic() {
        SyntheticMarket market = SyntheticMarket.builder().instrument(instrument, 100.00).events(4L * UPDATES)
                .seed(1).snapshot(false).build();
        EventBatch batch = new EventBatch(4096);
        int n = 0;
        while (n < UPDATES && market.readBatch(batch)) {
            for (int row = 0; row < batch.size() && n < UPDATES; row++) {
                if (batch.kindCode(row) == EventKind.DEPTH_UPDATE.code()) {
                    side[n] = batch.sideCode(row);
                    priceTicks[n] = instrument.toTicks(batch.price(row));
                    qty[n] = batch.qty(row);
                    n++;
                }
            }
        }
        if (n < UPDATES) {
            throw new IllegalStateException("the synthetic market gave only " + n + " depth updates");
        }
    }

    private void loadWide() {
        SplittableRandom random = new SplittableRandom(1);
        long mid = 1_000_000;
        for (int i = 0; i < UPDATES; i++) {
            if (random.nextInt(64) == 0) {
                mid += random.nextInt(3) - 1;
            }
            boolean bid = random.nextBoolean();
            long distance = 1 + random.nextInt(20_000);
            side[i] = bid ? Side.BUY.code() : Side.SELL.code();
            priceTicks[i] = bid ? mid - distance : mid + distance;
            qty[i] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(100);
        }
    }

    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public long orderBookUpdate() {
        OrderBook b = book;
        b.clear();
        for (int i = 0; i < UPDATES; i++) {
            b.update(side[i] > 0 ? Side.BUY : Side.SELL, priceTicks[i], qty[i]);
        }
        return b.bestBidTicks() + b.bestAskTicks();
    }

    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public long orderBookApply() {
        OrderBook b = book;
        b.clear();
        EventCursor c = cursor.reset(events);
        while (c.next()) {
            b.apply(c);
        }
        return b.bestBidTicks() + b.bestAskTicks();
    }

    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public double baselineArrayStore() {
        double[] levels = floor;
        int mask = levels.length - 1;
        for (int i = 0; i < UPDATES; i++) {
            levels[(int) priceTicks[i] & mask] = qty[i];
        }
        return levels[(int) priceTicks[UPDATES - 1] & mask];
    }

    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public long baselineTreeMapBook() {
        treeBids.clear();
        treeAsks.clear();
        for (int i = 0; i < UPDATES; i++) {
            TreeMap<Long, Double> levels = side[i] > 0 ? treeBids : treeAsks;
            if (qty[i] == 0) {
                levels.remove(priceTicks[i]);
            } else {
                levels.put(priceTicks[i], qty[i]);
            }
        }
        Map.Entry<Long, Double> best = treeBids.lastEntry();
        return best == null ? 0 : best.getKey();
    }
}
