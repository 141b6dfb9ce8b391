package io.qtrade.core.book;

import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;
import org.junit.jupiter.api.Test;

import static io.qtrade.core.Side.BUY;
import static io.qtrade.core.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-checked market-by-order scenarios: queue order, quantity ahead, priority on modify, errors. */
class MboBookTest {

    private final MboBook book = new MboBook(OrderBookTest.BTC);
    private final long[] ids = new long[16];

    @Test
    void refusesANullSideInsteadOfReadingTheAsks() {
        book.add(1, SELL, 10_001, 2.0);
        assertThatThrownBy(() -> book.orderCountAt(null, 10_001))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("BTCUSDT@BINANCE: side must not be null");
        assertThatThrownBy(() -> book.ordersAt(null, 10_001, new long[4])).isInstanceOf(NullPointerException.class);
    }

    @Test
    void ordersQueueInArrivalOrderAndQtyAheadSumsTheOrdersInFront() {
        book.add(1, BUY, 10_000, 5.0);
        book.add(2, BUY, 10_000, 3.0);
        book.add(3, BUY, 10_000, 2.0);
        book.add(4, BUY, 9_999, 7.0);
        book.add(5, SELL, 10_002, 1.5);

        assertThat(idsAt(BUY, 10_000)).containsExactly(1, 2, 3);
        assertThat(book.qtyAhead(1)).isZero();
        assertThat(book.qtyAhead(2)).isEqualTo(5.0);      // order 1
        assertThat(book.qtyAhead(3)).isEqualTo(8.0);      // orders 1 and 2: 5 + 3
        assertThat(book.qtyAhead(4)).isZero();            // alone at 9_999
        assertThat(book.orderCount()).isEqualTo(5);
        assertThat(book.orderCountAt(BUY, 10_000)).isEqualTo(3);
        assertThat(book.orderSide(5)).isEqualTo(SELL);
        assertThat(book.orderPriceTicks(4)).isEqualTo(9_999);
        assertThat(book.orderQty(2)).isEqualTo(3.0);

        OrderBookView levels = book.levels();
        assertThat(levels.bestBidTicks()).isEqualTo(10_000);
        assertThat(levels.bestBidQty()).isEqualTo(10.0);  // 5 + 3 + 2
        assertThat(levels.qtyAt(BUY, 9_999)).isEqualTo(7.0);
        assertThat(levels.bestAskTicks()).isEqualTo(10_002);
        assertThat(levels.bestAskQty()).isEqualTo(1.5);
        assertThat(levels.levelCount(BUY)).isEqualTo(2);
    }

    @Test
    void aSizeDecreaseKeepsPriorityWhileASizeIncreaseOrPriceChangeGoesToTheBack() {
        book.add(1, BUY, 10_000, 5.0);
        book.add(2, BUY, 10_000, 3.0);
        book.add(3, BUY, 10_000, 2.0);

        book.modify(1, 10_000, 4.0);                      // decrease: stays first
        assertThat(idsAt(BUY, 10_000)).containsExactly(1, 2, 3);
        assertThat(book.qtyAhead(2)).isEqualTo(4.0);
        assertThat(book.levels().bestBidQty()).isEqualTo(9.0);  // 4 + 3 + 2

        book.modify(2, 10_000, 3.0);                      // same size, same price: no change
        assertThat(idsAt(BUY, 10_000)).containsExactly(1, 2, 3);

        book.modify(2, 10_000, 6.0);                      // increase: loses priority
        assertThat(idsAt(BUY, 10_000)).containsExactly(1, 3, 2);
        assertThat(book.qtyAhead(2)).isEqualTo(6.0);      // 4 + 2
        assertThat(book.levels().bestBidQty()).isEqualTo(12.0);

        book.modify(1, 10_001, 1.0);                      // price change: back of the new level
        book.add(6, BUY, 10_001, 2.0);
        assertThat(idsAt(BUY, 10_001)).containsExactly(1, 6);
        book.modify(3, 10_001, 2.0);
        assertThat(idsAt(BUY, 10_001)).containsExactly(1, 6, 3);
        assertThat(idsAt(BUY, 10_000)).containsExactly(2);
        assertThat(book.levels().bestBidTicks()).isEqualTo(10_001);
        assertThat(book.levels().bestBidQty()).isEqualTo(5.0);  // 1 + 2 + 2
        assertThat(book.qtyAhead(3)).isEqualTo(3.0);

        book.modify(6, 10_001, 0.0);                      // to zero: cancelled
        assertThat(book.contains(6)).isFalse();
        assertThat(idsAt(BUY, 10_001)).containsExactly(1, 3);
    }

    @Test
    void executionsReduceInPlaceAndRemoveTheOrderAtZero() {
        book.add(1, SELL, 10_005, 5.0);
        book.add(2, SELL, 10_005, 3.0);
        book.execute(1, 2.0);                             // 5 - 2 = 3, still first
        assertThat(book.orderQty(1)).isEqualTo(3.0);
        assertThat(idsAt(SELL, 10_005)).containsExactly(1, 2);
        assertThat(book.levels().bestAskQty()).isEqualTo(6.0);
        book.execute(1, 3.0);                             // fully filled
        assertThat(book.contains(1)).isFalse();
        assertThat(book.qtyAhead(2)).isZero();
        assertThat(book.levels().bestAskQty()).isEqualTo(3.0);
        assertThatThrownBy(() -> book.execute(2, 3.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BTCUSDT@BINANCE: execute of order 2: qty 3.5 exceeds the order's remaining qty 3.0");
        assertThat(book.orderQty(2)).isEqualTo(3.0);
        book.execute(2, 3.0);
        assertThat(book.orderCount()).isZero();
        assertThat(book.levels().bestAskTicks()).isEqualTo(OrderBook.NO_ASK);
        assertThat(book.levels().levelCount(SELL)).isZero();
    }

    @Test
    void partialFillsWithDecimalResidueRemoveTheOrder() {
        book.add(1, BUY, 100, 0.3);
        book.execute(1, 0.1);
        book.execute(1, 0.2);                             // 0.3 - 0.1 - 0.2 = 5.5e-17 in doubles: treated as 0
        assertThat(book.contains(1)).isFalse();
        assertThat(book.levels().levelCount(BUY)).isZero();
    }

    @Test
    void unknownAndDuplicateIdsAreRefusedWithInstrumentAndOrderId() {
        book.add(7, BUY, 10_000, 1.0);
        assertThatThrownBy(() -> book.add(7, SELL, 10_010, 2.0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("BTCUSDT@BINANCE: add of order 7: order already in the book (BUY 10000 ticks, qty 1.0)");
        assertThatThrownBy(() -> book.cancel(8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BTCUSDT@BINANCE: cancel of order 8: no such order in the book");
        assertThatThrownBy(() -> book.modify(8, 10_000, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BTCUSDT@BINANCE: modify of order 8: no such order in the book");
        assertThatThrownBy(() -> book.execute(8, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BTCUSDT@BINANCE: execute of order 8: no such order in the book");
        assertThatThrownBy(() -> book.qtyAhead(8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BTCUSDT@BINANCE: qtyAhead of order 8: no such order in the book");
        assertThatThrownBy(() -> book.add(9, BUY, 10_000, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BTCUSDT@BINANCE: add of order 9: qty must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> book.modify(7, 10_000, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BTCUSDT@BINANCE: modify of order 7: qty must be finite and >= 0, was NaN");
        assertThat(book.orderCount()).isEqualTo(1);
        assertThat(book.orderQty(7)).isEqualTo(1.0);
    }

    @Test
    void aCrossingAddCancelsTheStaleOppositeOrdersUnderTheDefaultPolicy() {
        book.add(1, BUY, 10_000, 1.0);
        book.add(2, BUY, 10_000, 2.0);
        book.add(3, BUY, 9_999, 4.0);
        book.add(4, BUY, 9_998, 8.0);
        book.add(5, SELL, 9_999, 1.0);                    // through 10_000 and locking 9_999
        assertThat(book.crossedUpdates()).isEqualTo(1);
        assertThat(book.contains(1)).isFalse();
        assertThat(book.contains(2)).isFalse();
        assertThat(book.contains(3)).isFalse();
        assertThat(book.contains(4)).isTrue();
        assertThat(book.levels().bestBidTicks()).isEqualTo(9_998);
        assertThat(book.levels().bestAskTicks()).isEqualTo(9_999);
        assertThat(book.levels().isCrossed()).isFalse();
        assertThat(book.orderCount()).isEqualTo(2);
    }

    @Test
    void theThrowPolicyRefusesACrossingOrderAndKeepsTheBook() {
        MboBook strict = new MboBook(OrderBookTest.BTC, 256, CrossedBookPolicy.THROW, 8);
        strict.add(1, SELL, 10_002, 1.0);
        strict.add(2, BUY, 10_000, 1.0);
        assertThatThrownBy(() -> strict.add(3, BUY, 10_002, 1.0))
                .isInstanceOf(CrossedBookException.class)
                .hasMessage("BTCUSDT@BINANCE: order 3 BUY qty 1.0 at 10002 ticks would reach the best ask 10002 ticks;"
                        + " expected a bid below the best ask");
        assertThatThrownBy(() -> strict.modify(2, 10_003, 1.0)).isInstanceOf(CrossedBookException.class);
        assertThat(strict.orderPriceTicks(2)).isEqualTo(10_000);
        assertThat(strict.contains(1)).isTrue();
        assertThat(strict.contains(3)).isFalse();
        assertThat(strict.crossedUpdates()).isEqualTo(2);
    }

    @Test
    void theLevelsViewIsReadOnly() throws NoSuchMethodException {
        // Read-only by type: levels() is declared as the view, and the view has no mutator to call.
        assertThat(MboBook.class.getMethod("levels").getReturnType()).isEqualTo(OrderBookView.class);
        assertThat(java.util.Arrays.stream(OrderBookView.class.getMethods()).map(java.lang.reflect.Method::getName))
                .doesNotContain("update", "apply", "clear")
                .allMatch(name -> !name.startsWith("set"));
    }

    @Test
    void applyReadsL3EventsClearsAndSnapshots() {
        EventBatch batch = new EventBatch(16);
        batch.add(0, 1, 2, EventKind.ORDER_ADD, BUY.code(), 100.00, 5.0, 11);
        batch.add(0, 1, 2, EventKind.ORDER_ADD, BUY.code(), 100.00, 3.0, 12);
        batch.add(0, 1, 2, EventKind.ORDER_ADD, SELL.code(), 100.03, 2.0, 13);
        batch.add(0, 3, 4, EventKind.ORDER_MODIFY, BUY.code(), 100.00, 4.0, 11);   // decrease: keeps priority
        batch.add(0, 5, 6, EventKind.ORDER_EXECUTE, BUY.code(), 100.00, 1.0, 11);  // 4 - 1 = 3
        batch.add(0, 5, 6, EventKind.TRADE, SELL.code(), 100.00, 1.0, EventBatch.NO_ORDER_ID);
        batch.add(0, 7, 8, EventKind.ORDER_CANCEL, BUY.code(), Double.NaN, 0.0, 12);
        batch.add(0, 9, 10, EventKind.BOOK_CLEAR, SELL.code(), Double.NaN, 0.0, EventBatch.NO_ORDER_ID);
        batch.add(0, 11, 12, EventKind.SNAPSHOT_BEGIN, Side.NO_SIDE_CODE, Double.NaN, 0.0, EventBatch.NO_ORDER_ID);
        batch.add(0, 11, 12, EventKind.ORDER_ADD, SELL.code(), 100.10, 9.0, 21);
        batch.add(0, 11, 12, EventKind.SNAPSHOT_END, Side.NO_SIDE_CODE, Double.NaN, 0.0, EventBatch.NO_ORDER_ID);
        EventCursor cursor = new EventCursor().reset(batch);

        applyNext(cursor, 3);
        assertThat(idsAt(BUY, 10_000)).containsExactly(11, 12);
        assertThat(book.levels().bestAskTicks()).isEqualTo(10_003);

        applyNext(cursor, 3);
        assertThat(book.orderQty(11)).isEqualTo(3.0);
        assertThat(idsAt(BUY, 10_000)).containsExactly(11, 12);
        assertThat(book.levels().bestBidQty()).isEqualTo(6.0);   // 3 + 3

        applyNext(cursor, 1);
        assertThat(book.contains(12)).isFalse();

        applyNext(cursor, 1);                                    // asks cleared, bids stay
        assertThat(book.contains(13)).isFalse();
        assertThat(book.contains(11)).isTrue();
        assertThat(book.levels().levelCount(SELL)).isZero();

        applyNext(cursor, 3);                                    // snapshot: cleared, one ask
        assertThat(book.orderCount()).isEqualTo(1);
        assertThat(book.levels().levelCount(BUY)).isZero();
        assertThat(book.levels().bestAskTicks()).isEqualTo(10_010);
        assertThat(book.lastExchTs()).isEqualTo(11);
        assertThat(book.lastLocalTs()).isEqualTo(12);
    }

    @Test
    void storageGrowsPastItsInitialCapacity() {
        MboBook small = new MboBook(OrderBookTest.BTC, 64, CrossedBookPolicy.PRUNE_STALE, 4);
        for (int i = 0; i < 5_000; i++) {
            small.add(1_000_000_000L + i * 7919L, BUY, 10_000 - (i % 300), 1 + i % 5);
        }
        assertThat(small.orderCount()).isEqualTo(5_000);
        assertThat(small.levels().levelCount(BUY)).isEqualTo(300);
        // level 10_000 holds i = 0, 300, 600, ...: 17 orders (0..4800), qty 1 + i % 5
        assertThat(small.orderCountAt(BUY, 10_000)).isEqualTo(17);
        for (int i = 0; i < 5_000; i++) {
            long id = 1_000_000_000L + i * 7919L;
            assertThat(small.orderPriceTicks(id)).isEqualTo(10_000 - (i % 300));
            small.cancel(id);
        }
        assertThat(small.orderCount()).isZero();
        assertThat(small.levels().levelCount(BUY)).isZero();
    }

    @Test
    void ordersAtFillsAtMostTheCallersArray() {
        for (int i = 1; i <= 5; i++) {
            book.add(i, SELL, 10_010, i);
        }
        long[] three = new long[3];
        assertThat(book.ordersAt(SELL, 10_010, three)).isEqualTo(3);
        assertThat(three).containsExactly(1, 2, 3);
        assertThat(book.ordersAt(SELL, 10_011, three)).isZero();
        assertThat(book.ordersAt(BUY, 10_010, three)).isZero();
    }

    private long[] idsAt(Side side, long priceTicks) {
        int n = book.ordersAt(side, priceTicks, ids);
        return java.util.Arrays.copyOf(ids, n);
    }

    private void applyNext(EventCursor cursor, int rows) {
        for (int i = 0; i < rows; i++) {
            assertThat(cursor.next()).isTrue();
            book.apply(cursor);
        }
    }
}
