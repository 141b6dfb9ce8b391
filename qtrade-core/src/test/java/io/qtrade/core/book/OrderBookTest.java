package io.qtrade.core.book;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;
import org.junit.jupiter.api.Test;

import static io.qtrade.core.Side.BUY;
import static io.qtrade.core.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Hand-checked L2 book scenarios: every expected number is worked out in the comments. */
class OrderBookTest {

    /** Tick 0.01: 10000 ticks = 100.00. */
    static final Instrument BTC = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.001);

    @Test
    void emptyBookReportsNamedConstantsAndNaN() {
        OrderBook book = new OrderBook(BTC);
        assertThat(book.bestBidTicks()).isEqualTo(OrderBook.NO_BID).isEqualTo(Long.MIN_VALUE);
        assertThat(book.bestAskTicks()).isEqualTo(OrderBook.NO_ASK).isEqualTo(Long.MAX_VALUE);
        assertThat(book.bestBid()).isNaN();
        assertThat(book.bestAsk()).isNaN();
        assertThat(book.bestBidQty()).isZero();
        assertThat(book.bestAskQty()).isZero();
        assertThat(book.mid()).isNaN();
        assertThat(book.spread()).isNaN();
        assertThat(book.spreadTicks()).isEqualTo(OrderBook.NO_SPREAD_TICKS);
        assertThat(book.microprice()).isNaN();
        assertThat(book.isCrossed()).isFalse();
        assertThat(book.levelCount(BUY)).isZero();
        assertThat(book.levelCount(SELL)).isZero();
        assertThat(book.lastExchTs()).isEqualTo(OrderBook.NO_TIMESTAMP);
        assertThat(book.toString()).isEqualTo("OrderBook[BTCUSDT@BINANCE no bid | no ask, levels 0/0]");
    }

    @Test
    void updatesSetAbsoluteQuantityAndTrackTheBestAfterEachEvent() {
        OrderBook book = new OrderBook(BTC);

        assertThat(book.update(BUY, 10_000, 1.5)).isEqualTo(OrderBook.UPDATED);
        assertThat(book.bestBidTicks()).isEqualTo(10_000);
        assertThat(book.bestBidQty()).isEqualTo(1.5);

        book.update(BUY, 9_998, 2.0);       // behind the best: best unchanged
        assertThat(book.bestBidTicks()).isEqualTo(10_000);
        assertThat(book.qtyAt(BUY, 9_998)).isEqualTo(2.0);

        book.update(BUY, 10_001, 0.5);      // improves the best
        assertThat(book.bestBidTicks()).isEqualTo(10_001);
        assertThat(book.bestBidQty()).isEqualTo(0.5);

        book.update(BUY, 10_000, 4.0);      // absolute, not a delta: 1.5 -> 4.0
        assertThat(book.qtyAt(BUY, 10_000)).isEqualTo(4.0);

        book.update(SELL, 10_005, 3.0);
        book.update(SELL, 10_003, 1.0);
        assertThat(book.bestAskTicks()).isEqualTo(10_003);
        assertThat(book.bestAskQty()).isEqualTo(1.0);
        assertThat(book.levelCount(BUY)).isEqualTo(3);
        assertThat(book.levelCount(SELL)).isEqualTo(2);

        assertThat(book.update(BUY, 10_001, 0.0)).isEqualTo(OrderBook.UPDATED); // best removed: next is 10_000
        assertThat(book.bestBidTicks()).isEqualTo(10_000);
        assertThat(book.bestBidQty()).isEqualTo(4.0);

        book.update(BUY, 10_000, 0.0);      // next best is two ticks down
        assertThat(book.bestBidTicks()).isEqualTo(9_998);

        book.update(SELL, 10_003, 0.0);
        assertThat(book.bestAskTicks()).isEqualTo(10_005);
        book.update(SELL, 10_005, 0.0);
        assertThat(book.bestAskTicks()).isEqualTo(OrderBook.NO_ASK);
        assertThat(book.levelCount(SELL)).isZero();
        assertThat(book.qtyAt(SELL, 10_005)).isZero();
    }

    @Test
    void removingALevelThatIsNotThereIsReported() {
        OrderBook book = new OrderBook(BTC);
        book.update(BUY, 100, 1.0);
        assertThat(book.update(BUY, 99, 0.0)).isEqualTo(OrderBook.MISSING_LEVEL_REMOVED);
        assertThat(book.update(SELL, 200, 0.0)).isEqualTo(OrderBook.MISSING_LEVEL_REMOVED);
        assertThat(book.levelCount(BUY)).isEqualTo(1);
    }

    @Test
    void depthWritesBestFirstIntoCallerArraysAndLeavesTheRestUntouched() {
        OrderBook book = new OrderBook(BTC);
        book.update(BUY, 10_000, 1.0);
        book.update(BUY, 9_990, 2.0);
        book.update(BUY, 9_999, 3.0);
        book.update(SELL, 10_010, 4.0);
        book.update(SELL, 10_002, 5.0);

        long[] prices = {-1, -1, -1, -1};
        double[] qtys = {-1, -1, -1, -1};
        assertThat(book.depth(BUY, prices, qtys, 4)).isEqualTo(3);
        assertThat(prices).containsExactly(10_000, 9_999, 9_990, -1);
        assertThat(qtys).containsExactly(1.0, 3.0, 2.0, -1.0);

        assertThat(book.depth(SELL, prices, qtys, 1)).isEqualTo(1);
        assertThat(prices).containsExactly(10_002, 9_999, 9_990, -1);
        assertThat(qtys).containsExactly(5.0, 3.0, 2.0, -1.0);

        assertThat(book.depth(SELL, prices, qtys, 4)).isEqualTo(2);
        assertThat(prices).startsWith(10_002, 10_010);

        assertThatThrownBy(() -> book.depth(BUY, prices, new double[2], 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BTCUSDT@BINANCE").hasMessageContaining("maxLevels 3");
    }

    @Test
    void midSpreadAndMicropriceFromTheTopOfBook() {
        OrderBook book = new OrderBook(BTC);
        book.update(BUY, 10_000, 3.0);  // 100.00 x 3
        book.update(SELL, 10_004, 1.0); // 100.04 x 1
        assertThat(book.bestBid()).isEqualTo(100.00);
        assertThat(book.bestAsk()).isEqualTo(100.04);
        // (10,000 + 10,004) / 2 ticks = 100.02, the nearest double to the decimal, exactly
        assertThat(book.mid()).isEqualTo(100.02);
        assertThat(book.spreadTicks()).isEqualTo(4);
        assertThat(book.spread()).isEqualTo(0.04); // toPrice(4): exact decimal conversion
        // (100.00 * 1 + 100.04 * 3) / (3 + 1) = 400.12 / 4 = 100.03: leans to the thin ask
        assertThat(book.microprice()).isCloseTo(100.03, within(1e-12));
        assertThat(book.toString()).isEqualTo("OrderBook[BTCUSDT@BINANCE 100.0 x 3.0 | 100.04 x 1.0, levels 1/1]");

        book.update(SELL, 10_004, 0.0);
        assertThat(book.microprice()).isNaN();
        assertThat(book.mid()).isNaN();

        // A half-tick mid: (49.99 + 50.00) / 2 in doubles is 49.995000000000005; from ticks it is 49.995.
        book.clear();
        book.update(BUY, 4_999, 1.0);
        book.update(SELL, 5_000, 1.0);
        assertThat(book.mid()).isEqualTo(49.995);
    }

    @Test
    void aBidThroughTheAsksPrunesTheStaleAsksUnderTheDefaultPolicy() {
        OrderBook book = new OrderBook(BTC);
        book.update(BUY, 9_999, 1.0);
        book.update(SELL, 10_001, 1.0);
        book.update(SELL, 10_002, 2.0);
        book.update(SELL, 10_005, 3.0);

        assertThat(book.update(BUY, 10_002, 7.0)).isEqualTo(OrderBook.CROSSED_PRUNED);
        assertThat(book.bestBidTicks()).isEqualTo(10_002);
        assertThat(book.bestBidQty()).isEqualTo(7.0);
        assertThat(book.bestAskTicks()).isEqualTo(10_005); // 10_001 and 10_002 were at or through the bid
        assertThat(book.levelCount(SELL)).isEqualTo(1);
        assertThat(book.qtyAt(SELL, 10_002)).isZero();
        assertThat(book.crossedUpdates()).isEqualTo(1);
        assertThat(book.isCrossed()).isFalse();
    }

    @Test
    void anAskLockingTheBestBidPrunesIt() {
        OrderBook book = new OrderBook(BTC);
        book.update(BUY, 10_000, 1.0);
        book.update(BUY, 9_999, 2.0);
        assertThat(book.update(SELL, 10_000, 5.0)).isEqualTo(OrderBook.CROSSED_PRUNED);
        assertThat(book.bestBidTicks()).isEqualTo(9_999);
        assertThat(book.bestAskTicks()).isEqualTo(10_000);
        assertThat(book.spreadTicks()).isEqualTo(1);
        assertThat(book.crossedUpdates()).isEqualTo(1);
    }

    @Test
    void theThrowPolicyRefusesACrossingUpdateAndLeavesTheBookAsItWas() {
        OrderBook book = new OrderBook(BTC, 256, CrossedBookPolicy.THROW);
        book.update(BUY, 10_000, 1.0);
        book.update(SELL, 10_003, 2.0);
        assertThatThrownBy(() -> book.update(BUY, 10_003, 4.0))
                .isInstanceOf(CrossedBookException.class)
                .hasMessage("order book of BTCUSDT@BINANCE: BUY level 100.03 (10003 ticks) qty 4.0 would reach the"
                        + " best ask 100.03 (10003 ticks); expected a bid below the best ask");
        assertThatThrownBy(() -> book.update(SELL, 9_990, 1.0))
                .isInstanceOf(CrossedBookException.class)
                .hasMessageContaining("SELL level 99.9 (9990 ticks)")
                .hasMessageContaining("best bid 100.0 (10000 ticks)");
        assertThat(book.bestBidTicks()).isEqualTo(10_000);
        assertThat(book.bestAskTicks()).isEqualTo(10_003);
        assertThat(book.qtyAt(BUY, 10_003)).isZero();
        assertThat(book.crossedUpdates()).isEqualTo(2);
    }

    @Test
    void invalidQuantitiesAreRefusedWithInstrumentSidePriceAndQty() {
        OrderBook book = new OrderBook(BTC);
        assertThatThrownBy(() -> book.update(BUY, 10_000, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order book of BTCUSDT@BINANCE: BUY level at 10000 ticks: qty must be finite and >= 0,"
                        + " was NaN");
        assertThatThrownBy(() -> book.update(SELL, 10_001, -1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order book of BTCUSDT@BINANCE: SELL level at 10001 ticks: qty must be finite and >= 0,"
                        + " was -1.0");
        assertThatThrownBy(() -> book.update(SELL, 10_001, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was Infinity");
        assertThatThrownBy(() -> book.update(BUY, Long.MAX_VALUE, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("price must be within");
        assertThat(book.levelCount(BUY) + book.levelCount(SELL)).isZero();
    }

    @Test
    void windowMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new OrderBook(BTC, 1000, CrossedBookPolicy.PRUNE_STALE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("windowTicks of the order book of BTCUSDT@BINANCE must be a power of two >= 64,"
                        + " was 1000");
    }

    @Test
    void aBboRowMakesItsLevelTheBestOnItsSide() {
        OrderBook book = new OrderBook(BTC);
        book.update(BUY, 10_000, 1.0);
        book.update(BUY, 9_999, 2.0);
        book.update(BUY, 9_998, 3.0);
        book.update(SELL, 10_002, 1.0);
        book.update(SELL, 10_003, 1.0);

        EventBatch batch = new EventBatch(8);
        batch.add(0, 1_000, 1_005, EventKind.BBO, BUY.code(), 99.99, 5.0, EventBatch.NO_ORDER_ID);
        batch.add(0, 1_000, 1_005, EventKind.BBO, SELL.code(), 100.03, 4.0, EventBatch.NO_ORDER_ID);
        EventCursor cursor = new EventCursor().reset(batch);

        cursor.next();
        book.apply(cursor);
        // 100.00 was better than the quoted best bid 99.99: stale, removed; 99.99 now holds 5.
        assertThat(book.bestBidTicks()).isEqualTo(9_999);
        assertThat(book.bestBidQty()).isEqualTo(5.0);
        assertThat(book.qtyAt(BUY, 10_000)).isZero();
        assertThat(book.qtyAt(BUY, 9_998)).isEqualTo(3.0);

        cursor.next();
        book.apply(cursor);
        assertThat(book.bestAskTicks()).isEqualTo(10_003);
        assertThat(book.bestAskQty()).isEqualTo(4.0);
        assertThat(book.levelCount(SELL)).isEqualTo(1);
        assertThat(book.crossedUpdates()).isZero();
        assertThat(book.lastExchTs()).isEqualTo(1_000);
        assertThat(book.lastLocalTs()).isEqualTo(1_005);
    }

    @Test
    void aQuotePairThatMovesUpByMoreThanTheSpreadIsNotACrossedFeed() {
        OrderBook book = new OrderBook(BTC, OrderBook.DEFAULT_WINDOW_TICKS, CrossedBookPolicy.THROW);
        EventBatch batch = new EventBatch(4);
        batch.add(0, 1_000, 1_005, EventKind.BBO, BUY.code(), 100.00, 1.0, EventBatch.NO_ORDER_ID);
        batch.add(0, 1_000, 1_005, EventKind.BBO, SELL.code(), 100.01, 1.0, EventBatch.NO_ORDER_ID);
        // The market moves up 5 ticks: the new bid row arrives while the old ask 100.01 is still in the book.
        batch.add(0, 2_000, 2_005, EventKind.BBO, BUY.code(), 100.05, 2.0, EventBatch.NO_ORDER_ID);
        batch.add(0, 2_000, 2_005, EventKind.BBO, SELL.code(), 100.06, 3.0, EventBatch.NO_ORDER_ID);
        EventCursor cursor = new EventCursor().reset(batch);
        while (cursor.next()) {
            book.apply(cursor);
            assertThat(book.isCrossed()).isFalse();
        }
        assertThat(book.bestBidTicks()).isEqualTo(10_005);
        assertThat(book.bestAskTicks()).isEqualTo(10_006);
        assertThat(book.bestAskQty()).isEqualTo(3.0);
        assertThat(book.levelCount(SELL)).isEqualTo(1);
        // A quote-only book is its top of book: the old bid does not linger as a deeper level (issue 16, item 6:
        // before, four minutes of real Tardis quotes left 108 stale bids and 150 asks).
        assertThat(book.qtyAt(BUY, 10_000)).isZero();
        assertThat(book.levelCount(BUY)).isEqualTo(1);
        assertThat(book.crossedUpdates()).isZero();
    }

    @Test
    void aQuoteOnlyBookHoldsOneLevelASideWhateverTheQuotesDoAndADepthFedBookKeepsItsDeeperLevels() {
        OrderBook quotes = new OrderBook(BTC, OrderBook.DEFAULT_WINDOW_TICKS, CrossedBookPolicy.THROW);
        EventBatch batch = new EventBatch(2);
        EventCursor cursor = new EventCursor();
        java.util.Random random = new java.util.Random(7);
        long mid = 10_000;
        for (int i = 0; i < 2_000; i++) {
            mid += random.nextInt(7) - 3;
            long spread = 1 + random.nextInt(3);
            batch.clear();
            batch.add(0, i, i, EventKind.BBO, BUY.code(), BTC.toPrice(mid), 1 + random.nextInt(5),
                    EventBatch.NO_ORDER_ID);
            batch.add(0, i, i, EventKind.BBO, SELL.code(), BTC.toPrice(mid + spread), 1 + random.nextInt(5),
                    EventBatch.NO_ORDER_ID);
            cursor.reset(batch);
            while (cursor.next()) {
                quotes.apply(cursor);
            }
            assertThat(quotes.levelCount(BUY)).isEqualTo(1);
            assertThat(quotes.levelCount(SELL)).isEqualTo(1);
            assertThat(quotes.bestBidTicks()).isEqualTo(mid);
            assertThat(quotes.bestAskTicks()).isEqualTo(mid + spread);
        }
        // A book fed depth too keeps the levels behind a quote (they are still valid)
        OrderBook mixed = new OrderBook(BTC);
        mixed.update(BUY, 9_990, 4.0);
        batch.clear();
        batch.add(0, 1, 1, EventKind.BBO, BUY.code(), BTC.toPrice(10_000), 1.0, EventBatch.NO_ORDER_ID);
        cursor.reset(batch);
        cursor.next();
        mixed.apply(cursor);
        assertThat(mixed.levelCount(BUY)).isEqualTo(2);
        assertThat(mixed.qtyAt(BUY, 9_990)).isEqualTo(4.0);
    }

    @Test
    void applyReadsDepthClearsAndSnapshotsAndIgnoresTradesAndL3Rows() {
        OrderBook book = new OrderBook(BTC);
        EventBatch batch = new EventBatch(16);
        batch.addDepth(0, 1, 2, BUY, 100.00, 1.0);
        batch.addDepth(0, 1, 2, BUY, 99.98, 2.0);
        batch.addDepth(0, 1, 2, SELL, 100.02, 3.0);
        batch.addTrade(0, 3, 4, SELL, 100.00, 0.5);
        batch.add(0, 5, 6, EventKind.ORDER_ADD, BUY.code(), 100.01, 9.0, 77L);
        batch.add(0, 7, 8, EventKind.BOOK_CLEAR, SELL.code(), Double.NaN, 0.0, EventBatch.NO_ORDER_ID);
        batch.add(0, 9, 10, EventKind.SNAPSHOT_BEGIN, Side.NO_SIDE_CODE, Double.NaN, 0.0, EventBatch.NO_ORDER_ID);
        batch.addDepth(0, 9, 10, SELL, 100.05, 1.0);
        batch.add(0, 9, 10, EventKind.SNAPSHOT_END, Side.NO_SIDE_CODE, Double.NaN, 0.0, EventBatch.NO_ORDER_ID);
        batch.add(0, 11, 12, EventKind.BOOK_CLEAR, Side.NO_SIDE_CODE, Double.NaN, 0.0, EventBatch.NO_ORDER_ID);
        EventCursor cursor = new EventCursor().reset(batch);

        applyNext(book, cursor, 3);
        assertThat(book.bestBidTicks()).isEqualTo(10_000);
        assertThat(book.qtyAt(BUY, 9_998)).isEqualTo(2.0);
        assertThat(book.bestAskTicks()).isEqualTo(10_002);

        applyNext(book, cursor, 2); // trade and L3 add: the levels stay
        assertThat(book.bestBidQty()).isEqualTo(1.0);
        assertThat(book.levelCount(BUY)).isEqualTo(2);
        assertThat(book.lastExchTs()).isEqualTo(5);

        applyNext(book, cursor, 1); // clear the asks only
        assertThat(book.levelCount(SELL)).isZero();
        assertThat(book.levelCount(BUY)).isEqualTo(2);

        applyNext(book, cursor, 3); // snapshot: begin clears, then one ask
        assertThat(book.levelCount(BUY)).isZero();
        assertThat(book.bestAskTicks()).isEqualTo(10_005);

        applyNext(book, cursor, 1); // clear both sides
        assertThat(book.levelCount(SELL)).isZero();
        assertThat(book.lastExchTs()).isEqualTo(11);
        assertThat(book.lastLocalTs()).isEqualTo(12);
    }

    @Test
    void clearEmptiesOneOrBothSidesAndKeepsTheCounters() {
        OrderBook book = new OrderBook(BTC);
        book.update(BUY, 100, 1.0);
        book.update(SELL, 101, 1.0);
        book.update(BUY, 101, 1.0); // locks: prunes the ask
        book.update(SELL, 105, 1.0);
        book.clear(BUY);
        assertThat(book.bestBidTicks()).isEqualTo(OrderBook.NO_BID);
        assertThat(book.bestAskTicks()).isEqualTo(105);
        book.clear();
        assertThat(book.bestAskTicks()).isEqualTo(OrderBook.NO_ASK);
        assertThat(book.crossedUpdates()).isEqualTo(1);
        book.update(BUY, 50, 2.0);  // usable after a clear
        assertThat(book.bestBidTicks()).isEqualTo(50);
        assertThat(book.qtyAt(BUY, 100)).isZero();
    }

    @Test
    void levelsOutsideTheWindowAreKeptAndMergedInPriceOrder() {
        OrderBook book = new OrderBook(BTC, 64, CrossedBookPolicy.PRUNE_STALE);
        book.update(BUY, 10_000, 1.0);
        book.update(BUY, 9_000, 2.0);      // 1000 ticks behind: far level
        book.update(BUY, 9_999, 3.0);
        book.update(BUY, 5_000, 4.0);      // farther still
        assertThat(book.farUpdates()).isPositive();
        long[] prices = new long[8];
        double[] qtys = new double[8];
        assertThat(book.depth(BUY, prices, qtys, 8)).isEqualTo(4);
        assertThat(prices).startsWith(10_000, 9_999, 9_000, 5_000);
        assertThat(qtys).startsWith(1.0, 3.0, 2.0, 4.0);

        book.update(BUY, 10_000, 0.0);
        book.update(BUY, 9_999, 0.0);      // the touch falls 999 ticks, into the far levels
        assertThat(book.bestBidTicks()).isEqualTo(9_000);
        assertThat(book.bestBidQty()).isEqualTo(2.0);
        book.update(BUY, 9_000, 0.0);
        assertThat(book.bestBidTicks()).isEqualTo(5_000);

        book.update(BUY, 1_000_000, 5.0);  // the touch jumps far above the window
        assertThat(book.bestBidTicks()).isEqualTo(1_000_000);
        assertThat(book.qtyAt(BUY, 5_000)).isEqualTo(4.0);
        assertThat(book.depth(BUY, prices, qtys, 8)).isEqualTo(2);
        assertThat(prices).startsWith(1_000_000, 5_000);

        book.update(SELL, 3_000, 1.0);     // crosses both bids: both pruned
        assertThat(book.bestBidTicks()).isEqualTo(OrderBook.NO_BID);
        assertThat(book.levelCount(BUY)).isZero();
        assertThat(book.bestAskTicks()).isEqualTo(3_000);
    }

    @Test
    void negativePricesWork() {
        // Spreads and some futures calendars trade at negative prices.
        OrderBook book = new OrderBook(BTC, 64, CrossedBookPolicy.PRUNE_STALE);
        book.update(BUY, -10, 1.0);
        book.update(BUY, -500, 2.0);
        book.update(SELL, -5, 3.0);
        assertThat(book.bestBidTicks()).isEqualTo(-10);
        assertThat(book.bestAskTicks()).isEqualTo(-5);
        assertThat(book.spreadTicks()).isEqualTo(5);
        assertThat(book.qtyAt(BUY, -500)).isEqualTo(2.0);
    }

    private static void applyNext(OrderBook book, EventCursor cursor, int rows) {
        for (int i = 0; i < rows; i++) {
            assertThat(cursor.next()).isTrue();
            book.apply(cursor);
        }
    }
}
