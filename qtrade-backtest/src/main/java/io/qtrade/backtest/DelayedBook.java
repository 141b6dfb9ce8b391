package io.qtrade.backtest;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.MarketEvent;

/**
 * The strategies' book of one L2 instrument: the venue's book as it stood after the last row the strategy side has
 * received (at its {@code localTs}), without a second book fed every row.
 *
 * <p>The strategy side receives an instrument's rows in the venue side's order, each one feed latency later. So its
 * book after row {@code k} equals the venue's book after row {@code k}: it is the venue's book delayed by the rows of
 * the instrument the venue has processed and the strategy not yet received (the <em>pending</em> rows). When none is
 * pending (most rows, when the feed latency is shorter than the time between rows), the venue's book is the
 * strategies' book, read as it is. Otherwise each pending row that changed the venue's book at one level, without
 * crossing it, left an undo entry {@code (side, priceTicks, qtyBefore, qtyAfter)}: a read of the book then first
 * rewinds the venue's book through the pending entries, newest first ({@code qtyAt = qtyBefore}), and the venue side
 * replays them ({@code qtyAt = qtyAfter}) before it acts again on this instrument ({@link #restoreVenue()}). A row that
 * changes more than one level (a crossing depth update pruning the opposite side, a {@code BBO} row, a clear, a
 * snapshot) or a read behind more than {@value #REWIND_LIMIT} pending rows switches to a second book: a copy of the
 * rewound venue book ({@link OrderBook#copyFrom}, {@code O(levels)}), fed every row the strategy side receives, until
 * no row is pending again, when both books are equal and the copy is dropped.
 *
 * <p>What a strategy reads is the same, to the bit, as from a book fed every row at its {@code localTs}: each query
 * of {@link OrderBookView} depends only on the levels (a map from price to quantity), and the levels after a rewind
 * are those the venue's book held after the last received row (each undo entry restores the quantity its row
 * replaced, in reverse order, through states the book really held, so no restore crosses it). The timestamps are the
 * last received row's ({@link #lastExchTs()}, {@link #lastLocalTs()}). {@code DelayedBookTest} compares both paths
 * on random tapes (every L2 kind, crossing updates, feed latency, several instruments, every queue model).
 *
 * <p>Cost: a row the strategy side receives in the same engine step as the venue applied it, with nothing else
 * pending, costs no undo entry at all (the engine says so, {@link #venueApplied}, {@link #venueRowReceivedAtOnce}):
 * nothing can read the book between the two. Any other row costs the venue side four stores (the quantity before is
 * what the venue's update replaced, {@link OrderBook#replacedQty()}, no lookup), the strategy side one index step,
 * instead of a second book update; a read behind {@code p} pending rows costs {@code 2p} level writes. Allocation-free
 * after warm-up (the undo ring and the copy's scratch grow to their peak once).
 */
final class DelayedBook implements OrderBookView {

    /** Pending rows up to which a read rewinds the venue's book; behind more, the strategy side gets its own copy. */
    static final int REWIND_LIMIT = 32;

    private final OrderBook venue;
    private final OrderBook copy;
    /** False: the strategy side always keeps its own book fed every row (the path before the shared view). */
    private final boolean sharing;
    /** Whether {@link #copy} is the strategies' book (rows are applied to it as they arrive). */
    private boolean copied;
    /** Whether the venue's book is rewound to the strategy side's state (only while sharing). */
    private boolean rewound;
    /** Rows of this instrument the venue side has processed and the strategy side not yet received. */
    private int pending;
    /** Whether the venue's book has been fed a depth row since built or cleared (its quote-only state). */
    private boolean venueDepthFed;
    /**
     * The undo entry of the row the venue side is applying, between {@link #venueRow} and {@link #venueApplied}: its
     * side code ({@link #NO_LEVEL} for a row that changes no level), price ticks and quantity after the row; the
     * quantity before is read from the venue's book once the row is applied.
     */
    private boolean staged;
    private byte stagedCode;
    private long stagedTicks;
    private double stagedQty;
    /** Whether the one pending row was applied with no undo entry, to be received next ({@link #venueApplied}). */
    private boolean immediate;

    /**
     * The undo entries of the pending rows while sharing, oldest at {@link #head}, one per pending row, four longs each
     * (one array: one bounds check and one cache line per entry): side code, price ticks, the level's quantity before
     * and after the row (raw double bits).
     */
    private long[] log = new long[4 * 64];
    private int mask = 63;
    private int head;
    private int size;

    private long lastExchTs = OrderBook.NO_TIMESTAMP;
    private long lastLocalTs = OrderBook.NO_TIMESTAMP;
    /** How often a read rewound the venue's book, and how often the copy was made (for tests and profiles). */
    private long rewinds;
    private long copies;

    /** A row that changed no level (a trade, a snapshot's end, an L3 or derivative row on an L2 book). */
    private static final byte NO_LEVEL = 0;
    private static final byte BUY = Side.BUY.code();

    /**
     * @param venue   the venue's book of the instrument, updated by the simulated exchange only through the rows the
     *                engine announces with {@link #venueRow} first
     * @param sharing whether to read the venue's book (true) or keep a second book fed every row (false, the old path)
     */
    DelayedBook(OrderBook venue, boolean sharing) {
        this.venue = venue;
        this.copy = new OrderBook(venue.instrument());
        this.sharing = sharing;
        this.copied = !sharing;
    }

    /**
     * Called before the venue side applies row {@code e} of this instrument to its book; {@link #venueApplied} follows
     * once it has, before anything else reads this book.
     *
     * @param priceTicks the row's price in ticks for a depth or BBO row (what the venue's book applies it at)
     */
    void venueRow(MarketEvent e, EventKind kind, long priceTicks) {
        if (rewound) {
            restoreVenue();
        }
        pending++;
        if (kind == EventKind.DEPTH_UPDATE) {
            if (!copied) {
                depthRow(e, priceTicks);
            }
            venueDepthFed = true;
            return;
        }
        if (kind == EventKind.SNAPSHOT_BEGIN || kind == EventKind.BOOK_CLEAR && e.sideCode() == Side.NO_SIDE_CODE) {
            venueDepthFed = false;
        }
        if (copied) {
            return;
        }
        if (kind == EventKind.TRADE || kind == EventKind.SNAPSHOT_END || kind.isL3() || kind.isDerivativeData()) {
            stage(NO_LEVEL, 0L, 0.0);
        } else {
            copyDelayed(); // venueDepthFed is the venue's after this row; the copy is made before it
        }
    }

    /** A depth row while sharing: its undo entry staged, or the copy when it may change more than its level. */
    private void depthRow(MarketEvent e, long priceTicks) {
        byte code = e.sideCode();
        double qty = e.qty();
        // Changes only its level: the book is fed depth (so not quote-only), and the row removes a level or does not
        // reach the opposite side (OrderBook.update's crossing test). An invalid row is refused by the venue's book,
        // which ends the run.
        if (venueDepthFed) {
            if (code == BUY) {
                if (qty == 0.0 || priceTicks < venue.bestAskTicks()) {
                    stage(BUY, priceTicks, qty);
                    return;
                }
            } else if (qty == 0.0 || priceTicks > venue.bestBidTicks()) {
                stage(code, priceTicks, qty);
                return;
            }
        }
        copyDelayed();
    }

    /**
     * Called instead of {@link #venueRow}, {@link #venueApplied} and {@link #delivered} when the venue side applies
     * row {@code e} of this instrument and the strategy side receives it in the same step, before anything else reads
     * this book or the venue side acts again, with no row of the instrument pending (the engine knows it beforehand
     * when the venue holds no simulated order of the instrument, so that the row cannot make it send anything).
     * Nothing to undo: the venue's book after the row is the strategies' book.
     *
     * @param exchTs  {@code e.exchTs()}
     * @param localTs {@code e.localTs()}
     */
    void venueRowReceivedAtOnce(MarketEvent e, EventKind kind, long exchTs, long localTs) {
        lastExchTs = exchTs;
        lastLocalTs = localTs;
        if (kind == EventKind.DEPTH_UPDATE) {
            venueDepthFed = true;
        } else if (kind == EventKind.SNAPSHOT_BEGIN
                || kind == EventKind.BOOK_CLEAR && e.sideCode() == Side.NO_SIDE_CODE) {
            venueDepthFed = false;
        }
    }

    /** Whether no row of the instrument is pending and the strategies read the venue's book as it is. */
    boolean idle() {
        return pending == 0 && !copied;
    }

    /**
     * Called after the venue side has applied the row announced by {@link #venueRow} (the venue's book has changed
     * by it, and nothing read this book in between). The row's undo entry is completed with the quantity the level
     * held before it ({@link OrderBook#replacedQty()}, no second lookup) and kept, unless the strategy side receives
     * this row next ({@code receivedNext}): the engine then calls {@link #delivered} before anything else happens,
     * with no other row of any instrument pending, so no read can fall between the two and no undo is needed.
     */
    void venueApplied(boolean receivedNext) {
        if (!staged) {
            return;
        }
        staged = false;
        if (receivedNext) {
            immediate = true;
            return;
        }
        push(stagedCode, stagedTicks, stagedCode == NO_LEVEL ? 0.0 : venue.replacedQty(), stagedQty);
    }

    private void stage(byte code, long priceTicks, double qtyAfter) {
        staged = true;
        stagedCode = code;
        stagedTicks = priceTicks;
        stagedQty = qtyAfter;
    }

    /**
     * Called when the strategy side receives row {@code e} of this instrument (each row once, in the venue side's
     * order).
     */
    void delivered(MarketEvent e, long priceTicks) {
        pending--;
        lastExchTs = e.exchTs();
        lastLocalTs = e.localTs();
        if (immediate) {
            // Applied by the venue side just before, with nothing pending: the venue's book is the strategies' again.
            immediate = false;
            return;
        }
        deliveredPending(e, priceTicks);
    }

    private void deliveredPending(MarketEvent e, long priceTicks) {
        if (copied) {
            copy.apply(e, priceTicks);
            if (pending == 0 && sharing) {
                copied = false; // the venue's book has had exactly these rows: it is the strategies' book again
            }
            return;
        }
        if (rewound) {
            redo(head);
            if (size == 1) {
                rewound = false;
            }
        }
        head = (head + 1) & mask;
        size--;
    }

    /** Puts the venue's book back to the venue side's state; call before the venue side acts on this instrument. */
    void restoreVenue() {
        if (rewound) {
            for (int k = 0; k < size; k++) {
                redo((head + k) & mask);
            }
            rewound = false;
        }
    }

    /** The book the strategies read now: the venue's (rewound if rows are pending) or the copy. */
    private OrderBook book() {
        if (copied) {
            return copy;
        }
        if (size > 0 && !rewound) {
            if (size > REWIND_LIMIT) {
                copyDelayed();
                return copy;
            }
            rewind();
        }
        return venue;
    }

    private void rewind() {
        for (int k = size - 1; k >= 0; k--) {
            int at = ((head + k) & mask) << 2;
            long code = log[at];
            if (code != NO_LEVEL) {
                venue.update(code == BUY ? Side.BUY : Side.SELL, log[at + 1], Double.longBitsToDouble(log[at + 2]));
            }
        }
        rewound = true;
        rewinds++;
    }

    private void redo(int entry) {
        int at = entry << 2;
        long code = log[at];
        if (code != NO_LEVEL) {
            venue.update(code == BUY ? Side.BUY : Side.SELL, log[at + 1], Double.longBitsToDouble(log[at + 3]));
        }
    }

    /** Makes {@link #copy} the strategies' book, equal to the venue's book rewound through the pending rows. */
    private void copyDelayed() {
        if (size > 0 && !rewound) {
            rewind();
        }
        copy.copyFrom(venue);
        copies++;
        restoreVenue();
        size = 0;
        head = 0;
        copied = true;
    }

    private void push(byte code, long priceTicks, double before, double after) {
        if (size > mask) {
            grow();
        }
        int at = ((head + size) & mask) << 2;
        long[] l = log;
        l[at + 3] = Double.doubleToRawLongBits(after);
        l[at] = code;
        l[at + 1] = priceTicks;
        l[at + 2] = Double.doubleToRawLongBits(before);
        size++;
    }

    private void grow() {
        int n = mask + 1;
        long[] grown = new long[8 * n];
        for (int k = 0; k < size; k++) {
            System.arraycopy(log, ((head + k) & mask) << 2, grown, k << 2, 4);
        }
        log = grown;
        mask = 2 * n - 1;
        head = 0;
    }

    long rewinds() {
        return rewinds;
    }

    long copies() {
        return copies;
    }

    // ---- OrderBookView ---------------------------------------------------------------------------------------

    @Override
    public Instrument instrument() {
        return venue.instrument();
    }

    @Override
    public long bestBidTicks() {
        return book().bestBidTicks();
    }

    @Override
    public long bestAskTicks() {
        return book().bestAskTicks();
    }

    @Override
    public double bestBid() {
        return book().bestBid();
    }

    @Override
    public double bestAsk() {
        return book().bestAsk();
    }

    @Override
    public double bestBidQty() {
        return book().bestBidQty();
    }

    @Override
    public double bestAskQty() {
        return book().bestAskQty();
    }

    @Override
    public double qtyAt(Side side, long priceTicks) {
        return book().qtyAt(side, priceTicks);
    }

    @Override
    public int depth(Side side, long[] priceTicks, double[] qtys, int maxLevels) {
        return book().depth(side, priceTicks, qtys, maxLevels);
    }

    @Override
    public int levelCount(Side side) {
        return book().levelCount(side);
    }

    @Override
    public boolean isEmpty(Side side) {
        return book().isEmpty(side);
    }

    @Override
    public double mid() {
        return book().mid();
    }

    @Override
    public double spread() {
        return book().spread();
    }

    @Override
    public long spreadTicks() {
        return book().spreadTicks();
    }

    @Override
    public double microprice() {
        return book().microprice();
    }

    @Override
    public boolean isCrossed() {
        return book().isCrossed();
    }

    @Override
    public long lastExchTs() {
        return lastExchTs;
    }

    @Override
    public long lastLocalTs() {
        return lastLocalTs;
    }

    /** The strategies' top of book, as {@link OrderBook#toString()}. */
    @Override
    public String toString() {
        return book().toString().replaceFirst("^OrderBook", "DelayedBook");
    }
}
