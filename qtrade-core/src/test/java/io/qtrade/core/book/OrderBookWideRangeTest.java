package io.qtrade.core.book;

import io.qtrade.core.Side;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static io.qtrade.core.Side.BUY;
import static io.qtrade.core.Side.SELL;
import static io.qtrade.core.book.BookAssertions.assertSameBook;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OrderBook} with levels far behind the window, in the paged far levels: spread over +-1,000,000 ticks against
 * the {@link ReferenceOrderBook}, depth in price order across pages, pages reused without allocation after a clear or
 * after removing everything, and memory proportional to the occupied pages for levels spread over 10^9 ticks.
 */
class OrderBookWideRangeTest {

    private static final long MID = 5_000_000;

    record Step(boolean buy, int mode, int offset, int qtyCode) {
    }

    @Property(tries = 200)
    void levelsSpreadOverAMillionTicksMatchTheReference(@ForAll("windows") int windowTicks,
                                                        @ForAll("steps") List<Step> steps) {
        OrderBook book = new OrderBook(OrderBookTest.BTC, windowTicks, CrossedBookPolicy.PRUNE_STALE);
        ReferenceOrderBook reference = new ReferenceOrderBook();
        BookStreamDriver driver = new BookStreamDriver(book, reference);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.mode() == -1) {
                // Anywhere within +-1,000,000 ticks of MID, on the side's own half so that it rarely crosses.
                Side side = step.buy() ? BUY : SELL;
                long distance = 1 + Math.floorMod(step.offset(), 1_000_000);
                long price = step.buy() ? MID - distance : MID + distance;
                double qty = step.qtyCode() < 250 ? 0.0 : step.qtyCode() - 249;
                assertThat(book.update(side, price, qty)).isEqualTo(reference.update(side, price, qty));
            } else {
                driver.step(step.buy(), step.mode(), step.offset(), step.qtyCode());
            }
            assertSameBook(book, reference, "after step " + i + " " + step);
        }
    }

    @Provide
    Arbitrary<Integer> windows() {
        return Arbitraries.of(64, OrderBook.DEFAULT_WINDOW_TICKS);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> mode = Arbitraries.frequency(
                Tuple.of(50, -1),
                Tuple.of(10, BookStreamDriver.NEAR),
                Tuple.of(3, BookStreamDriver.JUMP),
                Tuple.of(25, BookStreamDriver.REMOVE_EXISTING),
                Tuple.of(5, BookStreamDriver.BBO),
                Tuple.of(1, BookStreamDriver.CLEAR_SIDE));
        return Combinators.combine(
                        Arbitraries.of(true, false),
                        mode,
                        Arbitraries.integers().between(-2_000_000, 2_000_000),
                        Arbitraries.integers().between(0, 999))
                .as(Step::new)
                .list().ofMinSize(1).ofMaxSize(300);
    }

    @Test
    void depthIsInPriceOrderAcrossPagesOnBothSides() {
        OrderBook book = new OrderBook(OrderBookTest.BTC, 64, CrossedBookPolicy.PRUNE_STALE);
        long[] bids = {1_000_000, 999_999, 999_936, 999_935, 999_872, 999_871, 500_000, 1, 0, -1, -64, -65, -1_000_000};
        long[] asks = {1_000_001, 1_000_063, 1_000_064, 1_000_127, 1_000_128, 1_000_191, 5_000_000, 9_000_000_000L};
        for (int i = bids.length - 1; i >= 0; i--) {
            book.update(BUY, bids[i], i + 1); // worst first: every far page opens below the others
        }
        for (int i = 0; i < asks.length; i++) {
            book.update(SELL, asks[(i * 3) % asks.length], (i * 3) % asks.length + 1); // shuffled
        }
        assertThat(book.farUpdates()).isPositive();
        assertDepth(book, BUY, bids);
        assertDepth(book, SELL, asks);

        book.update(BUY, 999_999, 0.0);
        book.update(BUY, 1_000_000, 0.0); // the touch falls into the far pages
        book.update(SELL, 1_000_001, 0.0);
        assertThat(book.bestBidTicks()).isEqualTo(999_936);
        assertThat(book.bestAskTicks()).isEqualTo(1_000_063);
        assertDepth(book, BUY, java.util.Arrays.copyOfRange(bids, 2, bids.length));
        assertDepth(book, SELL, java.util.Arrays.copyOfRange(asks, 1, asks.length));
    }

    private static void assertDepth(OrderBook book, Side side, long[] expected) {
        long[] prices = new long[expected.length + 1];
        double[] qtys = new double[expected.length + 1];
        assertThat(book.depth(side, prices, qtys, prices.length)).isEqualTo(expected.length);
        assertThat(java.util.Arrays.copyOf(prices, expected.length)).containsExactly(expected);
        for (long price : expected) {
            assertThat(book.qtyAt(side, price)).as("%s qty at %d", side, price).isPositive();
        }
    }

    @Test
    void pagesAreReusedAfterAClearOrAfterRemovingEverything() {
        OrderBook book = new OrderBook(OrderBookTest.BTC);
        SplittableRandom random = new SplittableRandom(5);
        long[] bids = new long[10_000];
        long[] asks = new long[10_000];
        for (int i = 0; i < bids.length; i++) {
            bids[i] = MID - 1 - random.nextInt(1_000_000);
            asks[i] = MID + 1 + random.nextInt(1_000_000);
        }
        fillClearFillRemove(book, bids, asks); // warm-up: pages, page map and pool at their size
        fillClearFillRemove(book, bids, asks);
        int bidSlots = book.farSlotCapacity(BUY);
        int askSlots = book.farSlotCapacity(SELL);

        long allocated = AllocationMeter.bytesAllocatedBy(() -> {
            for (int round = 0; round < 10; round++) {
                fillClearFillRemove(book, bids, asks);
            }
        });

        assertThat(allocated).as("bytes allocated re-filling the far pages").isLessThan(AllocationMeter.SLACK_BYTES);
        assertThat(book.farSlotCapacity(BUY)).isEqualTo(bidSlots);
        assertThat(book.farSlotCapacity(SELL)).isEqualTo(askSlots);
        assertThat(book.levelCount(BUY)).isZero();
        assertThat(book.farPageCount(BUY)).isZero();
        assertThat(book.farPageCount(SELL)).isZero();
    }

    private static void fillClearFillRemove(OrderBook book, long[] bids, long[] asks) {
        fill(book, bids, asks);
        book.clear();
        fill(book, bids, asks);
        for (int i = 0; i < bids.length; i++) {
            book.update(BUY, bids[i], 0.0);
            book.update(SELL, asks[i], 0.0);
        }
    }

    private static void fill(OrderBook book, long[] bids, long[] asks) {
        for (int i = 0; i < bids.length; i++) {
            book.update(BUY, bids[i], 1 + (i & 15));
            book.update(SELL, asks[i], 1 + (i & 15));
        }
    }

    @Test
    void aThousandLevelsOverABillionTicksTakeAThousandPages() {
        OrderBook book = new OrderBook(OrderBookTest.BTC);
        for (int i = 0; i < 1_000; i++) {
            book.update(BUY, -i * 1_000_000L, 1 + i);
            book.update(SELL, 1_000_000_000L + i * 1_000_000L, 1 + i);
        }
        assertThat(book.levelCount(BUY)).isEqualTo(1_000);
        assertThat(book.levelCount(SELL)).isEqualTo(1_000);
        // The best level sits in the window; the other 999 levels each take one far page, about 0.6 MB per side.
        assertThat(book.farPageCount(BUY)).isEqualTo(999);
        assertThat(book.farPageCount(SELL)).isEqualTo(999);
        assertThat(book.farSlotCapacity(BUY)).isLessThanOrEqualTo(1_024);
        assertThat(book.farSlotCapacity(SELL)).isLessThanOrEqualTo(1_024);
        assertThat(book.bestBidTicks()).isZero();
        assertThat(book.bestAskTicks()).isEqualTo(1_000_000_000L);

        for (int i = 0; i < 999; i++) { // walk the touch down through every far page
            book.update(BUY, -i * 1_000_000L, 0.0);
            assertThat(book.bestBidTicks()).isEqualTo(-(i + 1) * 1_000_000L);
            assertThat(book.bestBidQty()).isEqualTo(i + 2.0);
        }
        assertThat(book.levelCount(BUY)).isEqualTo(1);
        assertThat(book.farPageCount(BUY)).isZero();
    }
}
