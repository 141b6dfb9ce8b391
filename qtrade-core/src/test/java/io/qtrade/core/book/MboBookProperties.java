package io.qtrade.core.book;

import io.qtrade.core.Side;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MboBook} against a reference built from a {@link LinkedHashMap} per level (insertion order is time priority)
 * under random adds, cancels, executions and modifies, compared after every step: each order's side, price, quantity
 * and quantity ahead, each level's queue in order, and the aggregated {@link MboBook#levels()}. Quantities are whole
 * numbers so that level sums are exact.
 */
class MboBookProperties {

    static final int ADD = 0;
    static final int CANCEL = 1;
    static final int EXECUTE = 2;
    static final int MODIFY = 3;

    record Step(int action, boolean buy, int a, int b) {
    }

    record RefOrder(Side side, long price, double qty) {
    }

    /** The slow book: orders by id, and per side a price-sorted map of FIFO queues. */
    static final class ReferenceMboBook {
        final Map<Long, RefOrder> orders = new HashMap<>();
        final NavigableMap<Long, LinkedHashMap<Long, Double>> bids = new TreeMap<>();
        final NavigableMap<Long, LinkedHashMap<Long, Double>> asks = new TreeMap<>();
        final List<Long> live = new ArrayList<>();
        long crossed;

        NavigableMap<Long, LinkedHashMap<Long, Double>> side(Side side) {
            return side == Side.BUY ? bids : asks;
        }

        void add(long id, Side side, long price, double qty) {
            pruneThrough(side, price);
            orders.put(id, new RefOrder(side, price, qty));
            side(side).computeIfAbsent(price, p -> new LinkedHashMap<>()).put(id, qty);
            live.add(id);
        }

        void cancel(long id) {
            RefOrder order = orders.remove(id);
            LinkedHashMap<Long, Double> queue = side(order.side()).get(order.price());
            queue.remove(id);
            if (queue.isEmpty()) {
                side(order.side()).remove(order.price());
            }
            live.remove(id);
        }

        void execute(long id, double qty) {
            RefOrder order = orders.get(id);
            if (qty == order.qty()) {
                cancel(id);
            } else {
                reduceTo(id, order, order.qty() - qty);
            }
        }

        void modify(long id, long price, double qty) {
            RefOrder order = orders.get(id);
            if (price == order.price() && qty <= order.qty()) {
                reduceTo(id, order, qty);   // keeps its place: LinkedHashMap.put on an existing key keeps the order
            } else {
                cancel(id);
                add(id, order.side(), price, qty);
            }
        }

        private void reduceTo(long id, RefOrder order, double qty) {
            orders.put(id, new RefOrder(order.side(), order.price(), qty));
            side(order.side()).get(order.price()).put(id, qty);
        }

        /** Cancels the opposite orders at or through {@code price}, counting the update once if there were any. */
        private void pruneThrough(Side side, long price) {
            NavigableMap<Long, LinkedHashMap<Long, Double>> through = side == Side.BUY
                    ? asks.headMap(price, true)
                    : bids.tailMap(price, true);
            if (through.isEmpty()) {
                return;
            }
            crossed++;
            for (LinkedHashMap<Long, Double> queue : new ArrayList<>(through.values())) {
                for (Long id : new ArrayList<>(queue.keySet())) {
                    orders.remove(id);
                    live.remove(id);
                }
            }
            through.clear();
        }
    }

    @Property(tries = 300)
    void matchesTheReferenceQueuesAfterEveryStep(@ForAll("streams") List<Step> steps) {
        MboBook book = new MboBook(OrderBookTest.BTC, 64, CrossedBookPolicy.PRUNE_STALE, 4);
        ReferenceMboBook reference = new ReferenceMboBook();
        long nextId = 1;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            int action = reference.live.isEmpty() ? ADD : step.action();
            switch (action) {
                case ADD -> {
                    Side side = step.buy() ? Side.BUY : Side.SELL;
                    long price = priceFor(side, step.a());
                    double qty = 1 + Math.floorMod(step.b(), 20);
                    long id = nextId++ * 1_000_003L; // sparse ids exercise the hash map
                    book.add(id, side, price, qty);
                    reference.add(id, side, price, qty);
                }
                case CANCEL -> {
                    long id = reference.live.get(Math.floorMod(step.a(), reference.live.size()));
                    book.cancel(id);
                    reference.cancel(id);
                }
                case EXECUTE -> {
                    long id = reference.live.get(Math.floorMod(step.a(), reference.live.size()));
                    double qty = 1 + Math.floorMod(step.b(), (int) reference.orders.get(id).qty());
                    book.execute(id, qty);
                    reference.execute(id, qty);
                }
                case MODIFY -> {
                    long id = reference.live.get(Math.floorMod(step.a(), reference.live.size()));
                    RefOrder order = reference.orders.get(id);
                    // Half keep the price (size up or down), half move it.
                    long price = step.b() % 2 == 0 ? order.price() : priceFor(order.side(), step.b() / 2);
                    double qty = 1 + Math.floorMod(step.b() / 7, 20);
                    book.modify(id, price, qty);
                    reference.modify(id, price, qty);
                }
                default -> throw new IllegalStateException("action " + action);
            }
            assertSameOrders(book, reference, "after step " + i + " " + step);
        }
    }

    /** Bids mostly below 10_000 and asks above, two ticks of overlap so that some orders cross. */
    private static long priceFor(Side side, int raw) {
        int k = Math.floorMod(raw, 13) - 2;
        return side == Side.BUY ? 10_000 - k : 10_001 + k;
    }

    private static void assertSameOrders(MboBook book, ReferenceMboBook reference, String where) {
        assertThat(book.orderCount()).as("order count %s", where).isEqualTo(reference.orders.size());
        assertThat(book.crossedUpdates()).as("crossed %s", where).isEqualTo(reference.crossed);
        OrderBookView levels = book.levels();
        assertThat(levels.isCrossed()).as("levels crossed %s", where).isFalse();
        long[] ids = new long[256];
        for (Side side : Side.values()) {
            NavigableMap<Long, LinkedHashMap<Long, Double>> queues = reference.side(side);
            assertThat(levels.levelCount(side)).as("%s levels %s", side, where).isEqualTo(queues.size());
            long[] depthPrices = new long[queues.size()];
            double[] depthQtys = new double[queues.size()];
            levels.depth(side, depthPrices, depthQtys, queues.size());
            Iterator<Long> best = (side == Side.BUY ? queues.descendingKeySet() : queues.navigableKeySet()).iterator();
            for (int i = 0; i < depthPrices.length; i++) {
                assertThat(depthPrices[i]).as("%s depth %d %s", side, i, where).isEqualTo(best.next());
            }
            for (Map.Entry<Long, LinkedHashMap<Long, Double>> level : queues.entrySet()) {
                long price = level.getKey();
                int n = book.ordersAt(side, price, ids);
                List<Long> actual = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    actual.add(ids[i]);
                }
                assertThat(actual).as("%s queue at %d %s", side, price, where)
                        .containsExactlyElementsOf(level.getValue().keySet());
                double ahead = 0;
                double total = 0;
                for (Map.Entry<Long, Double> order : level.getValue().entrySet()) {
                    long id = order.getKey();
                    assertThat(book.qtyAhead(id)).as("qty ahead of %d %s", id, where).isEqualTo(ahead);
                    assertThat(book.orderQty(id)).as("qty of %d %s", id, where).isEqualTo(order.getValue());
                    assertThat(book.orderSide(id)).isEqualTo(side);
                    assertThat(book.orderPriceTicks(id)).isEqualTo(price);
                    ahead += order.getValue();
                    total += order.getValue();
                }
                assertThat(levels.qtyAt(side, price)).as("%s level qty at %d %s", side, price, where)
                        .isEqualTo(total);
            }
        }
    }

    @Provide
    Arbitrary<List<Step>> streams() {
        Arbitrary<Integer> action = Arbitraries.frequency(
                Tuple.of(40, ADD), Tuple.of(20, CANCEL), Tuple.of(20, EXECUTE), Tuple.of(20, MODIFY));
        return Combinators.combine(
                        action,
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 1_000_000),
                        Arbitraries.integers().between(0, 1_000_000))
                .as(Step::new)
                .list().ofMinSize(1).ofMaxSize(300);
    }
}
