package io.qtrade.core.book;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link OrderBook#copyFrom}: the copy answers as the source, and keeps doing so under the same updates. */
class OrderBookCopyTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);

    /** Every level of both sides, best first, and the timestamps. */
    private static String levels(OrderBook b) {
        StringBuilder s = new StringBuilder();
        long[] ticks = new long[20_000];
        double[] qtys = new double[20_000];
        for (Side side : Side.values()) {
            int n = b.depth(side, ticks, qtys, b.levelCount(side));
            s.append(side).append(':');
            for (int k = 0; k < n; k++) {
                s.append(' ').append(ticks[k]).append('x').append(qtys[k]);
            }
        }
        return s + " ts " + b.lastExchTs() + "/" + b.lastLocalTs() + " mid " + b.mid();
    }

    @Test
    void aCopyHasTheSourcesLevelsNearAndFarAndStaysEqualUnderTheSameUpdates() {
        SplittableRandom rnd = new SplittableRandom(5);
        OrderBook source = new OrderBook(AAA, 64, CrossedBookPolicy.PRUNE_STALE);
        OrderBook copy = new OrderBook(AAA);
        copy.update(Side.BUY, 1, 3.0); // stale content the copy must drop
        for (int k = 0; k < 3_000; k++) {
            // levels from the touch out to 500 ticks: many behind a 64-tick window (the far pages)
            boolean buy = rnd.nextBoolean();
            long price = buy ? 10_000 - rnd.nextInt(500) : 10_001 + rnd.nextInt(500);
            source.update(buy ? Side.BUY : Side.SELL, price, rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(9));
        }
        EventBatch batch = new EventBatch(4);
        batch.addTrade(0, 77, 99, Side.BUY, 100.0, 1);
        EventCursor c = new EventCursor();
        c.reset(batch);
        c.next();
        source.apply(c);
        copy.copyFrom(source);
        assertThat(source.levelCount(Side.BUY)).isGreaterThan(100);
        assertThat(levels(copy)).isEqualTo(levels(source));
        for (int k = 0; k < 2_000; k++) {
            boolean buy = rnd.nextBoolean();
            long price = buy ? 10_000 - rnd.nextInt(700) + (rnd.nextInt(50) == 0 ? 30 : 0)
                    : 10_001 + rnd.nextInt(700) - (rnd.nextInt(50) == 0 ? 30 : 0);
            double qty = rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(9);
            assertThat(copy.update(buy ? Side.BUY : Side.SELL, price, qty))
                    .isEqualTo(source.update(buy ? Side.BUY : Side.SELL, price, qty));
        }
        assertThat(levels(copy)).isEqualTo(levels(source));
    }

    @Test
    void aQuoteOnlyBookCopiesAsQuoteOnly() {
        // A quote-only book is its top of book: a BBO row on the copy must replace the side, as on the source.
        OrderBook source = new OrderBook(AAA);
        EventBatch batch = new EventBatch(4);
        batch.add(0, 1, 1, EventKind.BBO, Side.BUY.code(), 100.00, 5, EventBatch.NO_ORDER_ID);
        batch.add(0, 2, 2, EventKind.BBO, Side.BUY.code(), 99.98, 5, EventBatch.NO_ORDER_ID);
        EventCursor c = new EventCursor();
        c.reset(batch);
        c.next();
        source.apply(c);
        OrderBook copy = new OrderBook(AAA);
        copy.update(Side.SELL, 20_000, 1); // a depth update: the copy was depth-fed, the source is not
        copy.copyFrom(source);
        c.next();
        source.apply(c);
        copy.apply(c);
        assertThat(levels(copy)).isEqualTo(levels(source));
        assertThat(copy.levelCount(Side.BUY)).isEqualTo(1);
    }

    @Test
    void copyingAnotherInstrumentsBookIsRefused() {
        OrderBook other = new OrderBook(Instrument.spot("BBB", "SYN", 0.01, 1));
        assertThatThrownBy(() -> new OrderBook(AAA).copyFrom(other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BBB");
    }
}
