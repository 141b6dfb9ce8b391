package io.qtrade.core.book;

import io.qtrade.core.Side;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares an {@link OrderBook} with a {@link ReferenceOrderBook} level by level. */
final class BookAssertions {

    private BookAssertions() {
    }

    static void assertSameBook(OrderBook book, ReferenceOrderBook reference, String where) {
        assertThat(book.bestBidTicks()).as("best bid %s", where).isEqualTo(reference.bestBidTicks());
        assertThat(book.bestAskTicks()).as("best ask %s", where).isEqualTo(reference.bestAskTicks());
        assertThat(book.isCrossed()).as("crossed %s", where).isFalse();
        assertThat(book.crossedUpdates()).as("crossed updates %s", where).isEqualTo(reference.crossedUpdates);
        for (Side side : Side.values()) {
            Map<Long, Double> levels = reference.side(side);
            assertThat(book.levelCount(side)).as("%s level count %s", side, where).isEqualTo(levels.size());
            int n = levels.size();
            long[] prices = new long[n + 1];
            double[] qtys = new double[n + 1];
            assertThat(book.depth(side, prices, qtys, n + 1)).as("%s depth count %s", side, where).isEqualTo(n);
            int i = 0;
            for (Map.Entry<Long, Double> level : levels.entrySet()) {
                assertThat(prices[i]).as("%s depth price %d %s", side, i, where).isEqualTo(level.getKey());
                assertThat(qtys[i]).as("%s depth qty %d %s", side, i, where).isEqualTo(level.getValue());
                assertThat(book.qtyAt(side, level.getKey())).as("%s qtyAt %d %s", side, level.getKey(), where)
                        .isEqualTo(level.getValue());
                i++;
            }
            double bestQty = side == Side.BUY ? book.bestBidQty() : book.bestAskQty();
            assertThat(bestQty).as("%s best qty %s", side, where)
                    .isEqualTo(levels.isEmpty() ? 0.0 : levels.values().iterator().next());
        }
    }
}
