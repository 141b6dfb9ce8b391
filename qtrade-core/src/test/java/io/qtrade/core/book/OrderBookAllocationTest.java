package io.qtrade.core.book;

import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After warm-up, updates near the touch allocate nothing, measured with {@link AllocationMeter}. An allocation check,
 * not a timing test.
 */
class OrderBookAllocationTest {

    private static final int UPDATES = 1_000_000;
    private static final int STREAM = 1 << 16;

    private final Side[] sides = new Side[STREAM];
    private final long[] prices = new long[STREAM];
    private final double[] qtys = new double[STREAM];

    @Test
    void aMillionUpdatesNearTheTouchAllocateNothingAfterWarmUp() {
        nearTouchStream(new SplittableRandom(7));
        OrderBook book = new OrderBook(OrderBookTest.BTC);
        runUpdates(book, UPDATES); // warm-up: JIT, far arrays at their size
        runUpdates(book, UPDATES);

        long allocated = AllocationMeter.bytesAllocatedBy(() -> runUpdates(book, UPDATES));

        assertThat(allocated).as("bytes allocated by %d updates", UPDATES).isLessThan(AllocationMeter.SLACK_BYTES);
        assertThat(book.crossedUpdates()).as("the stream includes crossing updates").isPositive();
    }

    @Test
    void applyingAMillionDepthEventsThroughACursorAllocatesNothingAfterWarmUp() {
        nearTouchStream(new SplittableRandom(11));
        EventBatch batch = new EventBatch(STREAM);
        for (int i = 0; i < STREAM; i++) {
            batch.addDepth(0, i, i + 1, sides[i], OrderBookTest.BTC.toPrice(prices[i]), qtys[i]);
        }
        EventCursor cursor = new EventCursor();
        OrderBook book = new OrderBook(OrderBookTest.BTC);
        applyEvents(book, batch, cursor, UPDATES);
        applyEvents(book, batch, cursor, UPDATES);

        long allocated = AllocationMeter.bytesAllocatedBy(() -> applyEvents(book, batch, cursor, UPDATES));

        assertThat(allocated).as("bytes allocated by %d applied events", UPDATES)
                .isLessThan(AllocationMeter.SLACK_BYTES);
    }

    /**
     * A random walk of the mid (reflected within +-300 ticks of 1,000,000) with levels 0..30 ticks behind it on each
     * side; 30% removes; about 1% of updates sit on the wrong side of the mid and cross the book.
     */
    private void nearTouchStream(SplittableRandom random) {
        long mid = 1_000_000;
        for (int i = 0; i < STREAM; i++) {
            if (random.nextInt(10) == 0) {
                mid += random.nextInt(3) - 1;
                mid = Math.max(999_700, Math.min(1_000_300, mid));
            }
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            long distance = 1 + random.nextInt(31);
            if (random.nextInt(100) == 0) {
                distance = -distance; // through the mid: crosses
            }
            sides[i] = side;
            prices[i] = side == Side.BUY ? mid - distance : mid + distance;
            qtys[i] = random.nextInt(10) < 3 ? 0.0 : 1 + random.nextInt(100);
        }
    }

    private void runUpdates(OrderBook book, int count) {
        for (int i = 0; i < count; i++) {
            int j = i & (STREAM - 1);
            book.update(sides[j], prices[j], qtys[j]);
        }
    }

    private static void applyEvents(OrderBook book, EventBatch batch, EventCursor cursor, int count) {
        int applied = 0;
        while (applied < count) {
            cursor.reset(batch);
            while (applied < count && cursor.next()) {
                book.apply(cursor);
                applied++;
            }
        }
    }
}
