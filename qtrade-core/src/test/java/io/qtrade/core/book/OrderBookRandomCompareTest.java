package io.qtrade.core.book;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static io.qtrade.core.book.BookAssertions.assertSameBook;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100,000 seeded random updates applied to the fast {@link OrderBook} and the TreeMap {@link ReferenceOrderBook}, the
 * whole book compared after every one (as exchange-core's {@code OrderBookDirectImplTest} does for its order books).
 */
class OrderBookRandomCompareTest {

    private static final int UPDATES = 100_000;

    @ParameterizedTest(name = "window {0}")
    @ValueSource(ints = {64, OrderBook.DEFAULT_WINDOW_TICKS})
    void hundredThousandSeededUpdatesMatchTheReferenceBook(int windowTicks) {
        SplittableRandom random = new SplittableRandom(20_240_611L + windowTicks);
        OrderBook book = new OrderBook(OrderBookTest.BTC, windowTicks, CrossedBookPolicy.PRUNE_STALE);
        ReferenceOrderBook reference = new ReferenceOrderBook();
        BookStreamDriver driver = new BookStreamDriver(book, reference);
        for (int i = 0; i < UPDATES; i++) {
            int r = random.nextInt(1000);
            int mode = r < 600 ? BookStreamDriver.NEAR
                    : r < 700 ? BookStreamDriver.FAR
                    : r < 705 ? BookStreamDriver.JUMP
                    : r < 940 ? BookStreamDriver.REMOVE_EXISTING
                    : r < 999 ? BookStreamDriver.BBO
                    : BookStreamDriver.CLEAR_SIDE;
            driver.step(random.nextBoolean(), mode, random.nextInt(), random.nextInt(1000));
            assertSameBook(book, reference, "after update " + i);
        }
        // The stream did exercise the far arrays and the crossed-prune rule.
        assertThat(book.farUpdates()).isPositive();
        assertThat(book.crossedUpdates()).isPositive();
    }
}
