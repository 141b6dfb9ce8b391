package io.qtrade.core.book;

import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OrderBook#apply(io.qtrade.core.market.MarketEvent, long)} with the row's price converted by the caller leaves
 * the book exactly as {@link OrderBook#apply(io.qtrade.core.market.MarketEvent)} does: same levels on both sides,
 * same crossed and far counters, same timestamps, after every row of random streams of every L2 kind.
 */
class OrderBookApplyTicksProperties {

    private static final EventKind[] KINDS = {EventKind.DEPTH_UPDATE, EventKind.BBO, EventKind.TRADE,
        EventKind.BOOK_CLEAR, EventKind.SNAPSHOT_BEGIN, EventKind.SNAPSHOT_END};

    record Row(int kind, boolean buy, int offsetTicks, int qtyCode) {
    }

    @Property(tries = 200)
    void applyWithCallerTicksLeavesTheSameBookAsApply(@ForAll("streams") List<Row> rows) {
        OrderBook plain = new OrderBook(OrderBookTest.BTC, 64, CrossedBookPolicy.PRUNE_STALE);
        OrderBook withTicks = new OrderBook(OrderBookTest.BTC, 64, CrossedBookPolicy.PRUNE_STALE);
        EventBatch batch = new EventBatch(1);
        EventCursor cursor = new EventCursor();
        for (int n = 0; n < rows.size(); n++) {
            Row r = rows.get(n);
            EventKind kind = KINDS[r.kind()];
            // Prices within +-200 ticks of 10,000.00 (windows of 64 ticks: some rows land in the far pages).
            double price = (1_000_000 + r.offsetTicks()) * 0.01;
            double qty = r.qtyCode() < 300 ? 0.0 : r.qtyCode() - 299;
            byte side = kind == EventKind.SNAPSHOT_BEGIN || kind == EventKind.SNAPSHOT_END
                    || (kind == EventKind.BOOK_CLEAR && r.qtyCode() % 2 == 0)
                    ? Side.NO_SIDE_CODE : (r.buy() ? Side.BUY : Side.SELL).code();
            batch.clear();
            batch.add(0, 1_000L * n, 1_000L * n + 7, kind, side, price, qty, EventBatch.NO_ORDER_ID);
            cursor.reset(batch);
            cursor.next();
            plain.apply(cursor);
            withTicks.apply(cursor, OrderBookTest.BTC.toTicks(price));
            assertSame(plain, withTicks, "after row " + n + " " + r + " (" + kind + ")");
        }
    }

    private static void assertSame(OrderBook expected, OrderBook actual, String where) {
        for (Side side : new Side[] {Side.BUY, Side.SELL}) {
            int count = expected.levelCount(side);
            long[] expectedTicks = new long[count];
            double[] expectedQty = new double[count];
            long[] actualTicks = new long[count];
            double[] actualQty = new double[count];
            expected.depth(side, expectedTicks, expectedQty, count);
            assertThat(actual.levelCount(side)).as(where + " " + side + " level count").isEqualTo(count);
            actual.depth(side, actualTicks, actualQty, count);
            assertThat(actualTicks).as(where + " " + side + " prices").containsExactly(expectedTicks);
            assertThat(actualQty).as(where + " " + side + " quantities").containsExactly(expectedQty);
        }
        assertThat(actual.crossedUpdates()).as(where + " crossed").isEqualTo(expected.crossedUpdates());
        assertThat(actual.farUpdates()).as(where + " far").isEqualTo(expected.farUpdates());
        assertThat(actual.lastExchTs()).as(where + " exchTs").isEqualTo(expected.lastExchTs());
        assertThat(actual.lastLocalTs()).as(where + " localTs").isEqualTo(expected.lastLocalTs());
    }

    @Provide
    Arbitrary<List<Row>> streams() {
        Arbitrary<Integer> kind = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(70, 0), net.jqwik.api.Tuple.of(12, 1), net.jqwik.api.Tuple.of(10, 2),
                net.jqwik.api.Tuple.of(3, 3), net.jqwik.api.Tuple.of(2, 4), net.jqwik.api.Tuple.of(3, 5));
        return Combinators.combine(kind, Arbitraries.of(true, false), Arbitraries.integers().between(-200, 200),
                        Arbitraries.integers().between(0, 999))
                .as(Row::new)
                .list().ofMinSize(1).ofMaxSize(300);
    }
}
