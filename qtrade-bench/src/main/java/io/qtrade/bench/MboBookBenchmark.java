package io.qtrade.bench;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.MboBook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * L3 market-by-order operations per second through {@link MboBook}, one operation = one add, cancel, execute or
 * modify, replaying {@value #OPS} operations of a seeded order flow around a fixed mid (up to 2,000 resting orders
 * within 20 ticks either side of it, about 50 per level; draws of 45% adds (while fewer than 2,000 rest), 35% cancels, 12%
 * partial or full executions and 8% size-down modifies, a refused add becoming a cancel), against the
 * baseline of a naive book ({@code HashMap} of orders, {@code TreeMap} of levels, {@code LinkedHashMap} FIFO per
 * level) in the same run. The book is cleared at the start of every pass.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MboBookBenchmark {

    static final int OPS = 1 << 20;
    private static final byte ADD = 0;
    private static final byte CANCEL = 1;
    private static final byte EXECUTE = 2;
    private static final byte MODIFY = 3;
    private static final long MID = 1_000_000;

    private final Instrument instrument = Instrument.spot("AAA", "SYN", 0.01, 1);
    private final byte[] op = new byte[OPS];
    private final long[] orderId = new long[OPS];
    private final byte[] side = new byte[OPS];
    private final long[] priceTicks = new long[OPS];
    private final double[] qty = new double[OPS];
    private final MboBook book = new MboBook(instrument);

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(3);
        long[] live = new long[OPS];
        double[] liveQty = new double[OPS];
        long[] livePrice = new long[OPS];
        byte[] liveSide = new byte[OPS];
        int liveCount = 0;
        long nextId = 1;
        for (int i = 0; i < OPS; i++) {
            int draw = random.nextInt(100);
            if (liveCount < 100 || (draw < 45 && liveCount < 2_000)) {
                boolean bid = random.nextBoolean();
                long price = bid ? MID - 1 - random.nextInt(20) : MID + 1 + random.nextInt(20);
                op[i] = ADD;
                orderId[i] = nextId;
                side[i] = bid ? Side.BUY.code() : Side.SELL.code();
                priceTicks[i] = price;
                qty[i] = 1 + random.nextInt(10);
                live[liveCount] = nextId++;
                liveQty[liveCount] = qty[i];
                livePrice[liveCount] = price;
                liveSide[liveCount] = side[i];
                liveCount++;
                continue;
            }
            int k = random.nextInt(liveCount);
            orderId[i] = live[k];
            side[i] = liveSide[k];
            priceTicks[i] = livePrice[k];
            if (draw < 80) {
                op[i] = CANCEL;
                liveQty[k] = 0;
            } else if (draw < 92) {
                op[i] = EXECUTE;
                qty[i] = liveQty[k] > 1 && random.nextBoolean() ? liveQty[k] - 1 : liveQty[k];
                liveQty[k] -= qty[i];
            } else {
                op[i] = MODIFY;
                qty[i] = liveQty[k] > 1 ? liveQty[k] - 1 : liveQty[k];
                liveQty[k] = qty[i];
            }
            if (liveQty[k] == 0) {
                liveCount--;
                live[k] = live[liveCount];
                liveQty[k] = liveQty[liveCount];
                livePrice[k] = livePrice[liveCount];
                liveSide[k] = liveSide[liveCount];
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long mboBook() {
        MboBook b = book;
        b.clear();
        for (int i = 0; i < OPS; i++) {
            switch (op[i]) {
                case ADD -> b.add(orderId[i], side[i] > 0 ? Side.BUY : Side.SELL, priceTicks[i], qty[i]);
                case CANCEL -> b.cancel(orderId[i]);
                case EXECUTE -> b.execute(orderId[i], qty[i]);
                default -> b.modify(orderId[i], priceTicks[i], qty[i]);
            }
        }
        return b.orderCount() + b.levels().bestBidTicks();
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long baselineCollectionsBook() {
        Map<Long, long[]> orders = new HashMap<>();
        TreeMap<Long, LinkedHashMap<Long, Double>> bids = new TreeMap<>();
        TreeMap<Long, LinkedHashMap<Long, Double>> asks = new TreeMap<>();
        for (int i = 0; i < OPS; i++) {
            TreeMap<Long, LinkedHashMap<Long, Double>> levels = side[i] > 0 ? bids : asks;
            long id = orderId[i];
            if (op[i] == ADD) {
                orders.put(id, new long[] {priceTicks[i], side[i]});
                levels.computeIfAbsent(priceTicks[i], p -> new LinkedHashMap<>()).put(id, qty[i]);
                continue;
            }
            long price = orders.get(id)[0];
            LinkedHashMap<Long, Double> queue = levels.get(price);
            double left = switch (op[i]) {
                case CANCEL -> 0;
                case EXECUTE -> queue.get(id) - qty[i];
                default -> qty[i];
            };
            if (left > 0) {
                queue.put(id, left); // in place: a size-down keeps its priority
            } else {
                queue.remove(id);
                orders.remove(id);
                if (queue.isEmpty()) {
                    levels.remove(price);
                }
            }
        }
        return orders.size() + (bids.isEmpty() ? 0 : bids.lastKey());
    }
}
