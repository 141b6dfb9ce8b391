package io.qtrade.core.book;

import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;

import java.util.Iterator;
import java.util.NavigableMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Turns abstract random steps into book updates relative to the current touch, and applies each to an
 * {@link OrderBook} and a {@link ReferenceOrderBook} alike. Steps come near the touch, far behind it (outside the
 * window), as jumps of the touch larger than the window, as removes of existing levels, as BBO rows and as clears.
 */
final class BookStreamDriver {

    static final int NEAR = 0;
    static final int FAR = 1;
    static final int JUMP = 2;
    static final int REMOVE_EXISTING = 3;
    static final int BBO = 4;
    static final int CLEAR_SIDE = 5;

    /** Where the touch starts when the book is empty. */
    static final long BASE_TICKS = 1_000_000;

    private final OrderBook book;
    private final ReferenceOrderBook reference;
    private final int windowTicks;
    private final EventBatch row = new EventBatch(1);
    private final EventCursor cursor = new EventCursor();

    BookStreamDriver(OrderBook book, ReferenceOrderBook reference) {
        this.book = book;
        this.reference = reference;
        this.windowTicks = book.windowTicks();
    }

    /**
     * @param buy     the side
     * @param mode    one of the constants above
     * @param offset  a raw random int, reduced per mode to a price offset or a level index
     * @param qtyCode a raw random int in [0, 1000): 0..249 remove, otherwise a quantity
     */
    void step(boolean buy, int mode, int offset, int qtyCode) {
        Side side = buy ? Side.BUY : Side.SELL;
        double qty = qtyCode < 250 ? 0.0 : qtyCode < 700 ? qtyCode - 249 : (qtyCode - 699) * 0.125;
        long anchor = anchor(side);
        int direction = buy ? -1 : 1; // towards worse prices on this side
        switch (mode) {
            case NEAR -> update(side, anchor + Math.floorMod(offset, 41) - 20, qty);
            case FAR -> update(side, anchor + direction * (windowTicks / 2L + Math.floorMod(offset, 8L * windowTicks)),
                    qty);
            case JUMP -> update(side, anchor + (offset % 2 == 0 ? 1 : -1)
                    * (windowTicks + 1L + Math.floorMod(offset, 20L * windowTicks)), Math.max(qty, 1.0));
            case REMOVE_EXISTING -> {
                NavigableMap<Long, Double> levels = reference.side(side);
                if (levels.isEmpty()) {
                    update(side, anchor, 0.0);
                } else {
                    int index = Math.floorMod(offset, levels.size());
                    Iterator<Long> it = levels.keySet().iterator();
                    long price = it.next();
                    for (int i = 0; i < index; i++) {
                        price = it.next();
                    }
                    update(side, price, 0.0);
                }
            }
            case BBO -> {
                long price = anchor + Math.floorMod(offset, 21) - 10;
                reference.bbo(side, price, qty);
                row.clear();
                row.add(0, 0, 0, EventKind.BBO, side.code(), book.instrument().toPrice(price), qty,
                        EventBatch.NO_ORDER_ID);
                cursor.reset(row).next();
                book.apply(cursor);
            }
            case CLEAR_SIDE -> {
                reference.clear(side);
                book.clear(side);
            }
            default -> throw new IllegalArgumentException("mode " + mode);
        }
    }

    private void update(Side side, long price, double qty) {
        int expected = reference.update(side, price, qty);
        assertThat(book.update(side, price, qty)).as("status of %s %d x %s", side, price, qty).isEqualTo(expected);
    }

    /** The best on {@code side}, else the opposite best, else {@link #BASE_TICKS}. */
    private long anchor(Side side) {
        long own = side == Side.BUY ? reference.bestBidTicks() : reference.bestAskTicks();
        if (own != OrderBook.NO_BID && own != OrderBook.NO_ASK) {
            return own;
        }
        long other = side == Side.BUY ? reference.bestAskTicks() : reference.bestBidTicks();
        if (other != OrderBook.NO_BID && other != OrderBook.NO_ASK) {
            return side == Side.BUY ? other - 1 : other + 1;
        }
        return BASE_TICKS;
    }
}
