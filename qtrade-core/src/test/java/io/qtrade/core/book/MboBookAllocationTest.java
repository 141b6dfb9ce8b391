package io.qtrade.core.book;

import io.qtrade.core.Side;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After warm-up, market-by-order adds, modifies, executions and cancels allocate nothing, measured with
 * {@link AllocationMeter}. An allocation check, not a timing test.
 */
class MboBookAllocationTest {

    private static final int OPERATIONS = 1_000_000;
    private static final int LIVE = 2_000;

    private final MboBook book = new MboBook(OrderBookTest.BTC);
    private final long[] live = new long[LIVE];
    private final SplittableRandom random = new SplittableRandom(3);
    private long nextId = 1;
    private int liveCount;

    @Test
    void aMillionOrderEventsAllocateNothingAfterWarmUp() {
        run(OPERATIONS);
        run(OPERATIONS);

        long allocated = AllocationMeter.bytesAllocatedBy(() -> run(OPERATIONS));

        assertThat(allocated).as("bytes allocated by %d order events", OPERATIONS)
                .isLessThan(AllocationMeter.SLACK_BYTES);
        assertThat(book.orderCount()).isEqualTo(liveCount);
    }

    private void run(int operations) {
        for (int i = 0; i < operations; i++) {
            int r = random.nextInt(100);
            if (liveCount < LIVE / 2 || (r < 40 && liveCount < LIVE)) {
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                long distance = 1 + random.nextInt(30);
                long price = side == Side.BUY ? 1_000_000 - distance : 1_000_000 + distance;
                book.add(nextId, side, price, 1 + random.nextInt(10));
                live[liveCount++] = nextId++;
                continue;
            }
            int k = random.nextInt(liveCount);
            long id = live[k];
            if (r < 70) {
                book.cancel(id);
                live[k] = live[--liveCount];
            } else if (r < 85) {
                double qty = book.orderQty(id);
                book.execute(id, qty);
                if (!book.contains(id)) {
                    live[k] = live[--liveCount];
                }
            } else {
                book.modify(id, book.orderPriceTicks(id), 1 + random.nextInt(10));
            }
        }
    }
}
