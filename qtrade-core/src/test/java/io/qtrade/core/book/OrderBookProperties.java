package io.qtrade.core.book;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.List;

import static io.qtrade.core.book.BookAssertions.assertSameBook;

/**
 * The fast {@link OrderBook} equals the {@link ReferenceOrderBook} (two TreeMaps, same crossed-prune rule) after
 * every event of random streams: updates near the touch, far outside the window, removes, BBO rows, clears, and
 * jumps of the touch larger than the window; and it is never crossed after an update.
 */
class OrderBookProperties {

    record Step(boolean buy, int mode, int offset, int qtyCode) {
    }

    @Property(tries = 300)
    void matchesTheReferenceBookAfterEveryEvent(@ForAll("windows") int windowTicks,
                                                @ForAll("streams") List<Step> steps) {
        OrderBook book = new OrderBook(OrderBookTest.BTC, windowTicks, CrossedBookPolicy.PRUNE_STALE);
        ReferenceOrderBook reference = new ReferenceOrderBook();
        BookStreamDriver driver = new BookStreamDriver(book, reference);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            driver.step(step.buy(), step.mode(), step.offset(), step.qtyCode());
            assertSameBook(book, reference, "after step " + i + " " + step);
        }
    }

    @Provide
    Arbitrary<Integer> windows() {
        return Arbitraries.of(64, 128, OrderBook.DEFAULT_WINDOW_TICKS);
    }

    @Provide
    Arbitrary<List<Step>> streams() {
        Arbitrary<Integer> mode = Arbitraries.frequency(
                Tuple.of(50, BookStreamDriver.NEAR),
                Tuple.of(15, BookStreamDriver.FAR),
                Tuple.of(4, BookStreamDriver.JUMP),
                Tuple.of(20, BookStreamDriver.REMOVE_EXISTING),
                Tuple.of(8, BookStreamDriver.BBO),
                Tuple.of(1, BookStreamDriver.CLEAR_SIDE));
        return Combinators.combine(
                        Arbitraries.of(true, false),
                        mode,
                        Arbitraries.integers().between(-1_000_000, 1_000_000),
                        Arbitraries.integers().between(0, 999))
                .as(Step::new)
                .list().ofMinSize(1).ofMaxSize(400);
    }
}
