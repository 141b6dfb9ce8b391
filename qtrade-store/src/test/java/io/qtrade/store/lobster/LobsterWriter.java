package io.qtrade.store.lobster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Test helper: a seeded deep L3 order book (price-time priority, integer shares, prices in LOBSTER's units of 1/10,000
 * dollar on a 100-unit tick) evolved by random submissions, partial cancels, deletions and executions, and written as
 * LOBSTER writes a level-N request: a message is written only when it touches a price inside the N best levels of its
 * side (a submission: after it is added; a cancel or execution: before it), and each written message is followed by
 * the orderbook row after it. Changes deeper than level N leave no trace, as in LOBSTER's files.
 */
final class LobsterWriter {

    /** One resting order. */
    private static final class Order {
        final long id;
        final int side; // 1 buy, -1 sell
        final long price;
        long size;

        Order(long id, int side, long price, long size) {
            this.id = id;
            this.side = side;
            this.price = price;
            this.size = size;
        }
    }

    static final long TICK = 100;

    private final TreeMap<Long, LinkedHashMap<Long, Order>> bids = new TreeMap<>((a, b) -> Long.compare(b, a));
    private final TreeMap<Long, LinkedHashMap<Long, Order>> asks = new TreeMap<>();
    private final Map<Long, Order> byId = new LinkedHashMap<>();
    private final Random random;
    private long nextId = 10_000_000;
    private long timeMicros = 34_200_000_000L;

    /** The written message lines and orderbook lines of the last {@link #record} call, and the type-4 total. */
    final List<String> messages = new ArrayList<>();
    final List<String> books = new ArrayList<>();
    long executedShares;
    long executionMessages;

    LobsterWriter(long seed) {
        random = new Random(seed);
        // a deep starting book: 40 levels a side around 50.00 dollars, a few orders each
        for (int i = 0; i < 40; i++) {
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                add(1, 500_000 - TICK * (1 + i), 100 * (1 + random.nextInt(5)));
                add(-1, 500_000 + TICK * (1 + i), 100 * (1 + random.nextInt(5)));
            }
        }
    }

    private Order add(int side, long price, long size) {
        Order o = new Order(nextId++, side, price, size);
        (side == 1 ? bids : asks).computeIfAbsent(price, p -> new LinkedHashMap<>()).put(o.id, o);
        byId.put(o.id, o);
        return o;
    }

    private void reduce(Order o, long by) {
        o.size -= by;
        if (o.size == 0) {
            TreeMap<Long, LinkedHashMap<Long, Order>> book = o.side == 1 ? bids : asks;
            LinkedHashMap<Long, Order> level = book.get(o.price);
            level.remove(o.id);
            if (level.isEmpty()) {
                book.remove(o.price);
            }
            byId.remove(o.id);
        }
    }

    /** Whether {@code price} is inside the {@code levels} best prices of {@code side}'s book now. */
    private boolean visible(int side, long price, int levels) {
        int rank = 0;
        for (long p : (side == 1 ? bids : asks).keySet()) {
            if (p == price) {
                return true;
            }
            if (++rank == levels) {
                return false;
            }
        }
        return false;
    }

    /** Runs {@code warmUp} unrecorded events, then {@code events} recorded at {@code levels} levels. */
    void record(int warmUp, int events, int levels) {
        for (int i = 0; i < warmUp; i++) {
            step(levels, false);
        }
        for (int i = 0; i < events; i++) {
            step(levels, true);
        }
    }

    private void step(int levels, boolean record) {
        timeMicros += 1 + random.nextInt(2_000);
        double u = random.nextDouble();
        int side = random.nextBoolean() ? 1 : -1;
        TreeMap<Long, LinkedHashMap<Long, Order>> own = side == 1 ? bids : asks;
        TreeMap<Long, LinkedHashMap<Long, Order>> other = side == 1 ? asks : bids;
        if (own.size() < 3 || other.size() < 3 || u < 0.45) {
            // submission 0..29 ticks behind the best opposite price, never crossing
            long bestOther = other.isEmpty() ? 500_000 + side * TICK : other.firstKey();
            long price = bestOther - side * TICK * (1 + random.nextInt(30));
            Order o = add(side, price, 100 * (1 + random.nextInt(5)));
            if (record && visible(side, price, levels)) {
                write(1, o.id, o.size, price, side, levels);
            }
        } else if (u < 0.85) {
            // partial cancel or deletion of a random resting order
            List<Order> all = new ArrayList<>();
            for (LinkedHashMap<Long, Order> level : own.values()) {
                all.addAll(level.values());
            }
            Order o = all.get(random.nextInt(all.size()));
            boolean seen = visible(side, o.price, levels);
            long by = o.size > 100 && random.nextBoolean() ? 100 : o.size;
            int type = by == o.size ? 3 : 2;
            reduce(o, by);
            if (record && seen) {
                write(type, o.id, by, o.price, side, levels);
            }
        } else {
            // a marketable order of the other side executes the front of the best level
            Order o = own.firstEntry().getValue().values().iterator().next();
            long by = Math.min(o.size, 100 * (1 + random.nextInt(3)));
            reduce(o, by);
            if (record) {
                executedShares += by;
                executionMessages++;
                write(4, o.id, by, o.price, side, levels);
            }
        }
    }

    private void write(int type, long id, long size, long price, int side, int levels) {
        messages.add(String.format("%d.%06d,%d,%d,%d,%d,%d", timeMicros / 1_000_000, timeMicros % 1_000_000, type,
                id, size, price, side));
        StringBuilder row = new StringBuilder();
        List<Map.Entry<Long, LinkedHashMap<Long, Order>>> a = new ArrayList<>(asks.entrySet());
        List<Map.Entry<Long, LinkedHashMap<Long, Order>>> b = new ArrayList<>(bids.entrySet());
        for (int level = 0; level < levels; level++) {
            if (level > 0) {
                row.append(',');
            }
            row.append(level < a.size() ? a.get(level).getKey() + "," + total(a.get(level).getValue())
                    : "9999999999,0");
            row.append(',');
            row.append(level < b.size() ? b.get(level).getKey() + "," + total(b.get(level).getValue())
                    : "-9999999999,0");
        }
        books.add(row.toString());
    }

    private static long total(LinkedHashMap<Long, Order> level) {
        long sum = 0;
        for (Order o : level.values()) {
            sum += o.size;
        }
        return sum;
    }

    /** Writes the pair as {@code TICKER_DATE_START_END_message_LEVEL.csv} and its orderbook twin into {@code dir}. */
    Path[] writeFiles(Path dir, int levels) throws IOException {
        Path m = dir.resolve("SYN_2012-06-21_34200000_57600000_message_" + levels + ".csv");
        Path o = dir.resolve("SYN_2012-06-21_34200000_57600000_orderbook_" + levels + ".csv");
        Files.write(m, messages);
        Files.write(o, books);
        return new Path[]{m, o};
    }
}
