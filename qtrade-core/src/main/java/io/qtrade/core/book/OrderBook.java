package io.qtrade.core.book;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.MarketEvent;

import java.util.Objects;

/**
 * The L2 (price-level) order book of one {@link Instrument}: the total quantity resting at each price on each side,
 * keyed by integer ticks ({@link Instrument#toTicks(double)}) so that level lookup is exact.
 *
 * <p>It computes the best bid and ask and their quantities, the quantity at any price, the top-N depth, the mid,
 * the spread, the size-weighted microprice, and it counts the updates that would have crossed or locked it.
 *
 * <h2>Updates</h2>
 * {@link #update(Side, long, double)} sets the absolute quantity at a level (0 removes it), as a depth feed says;
 * {@link #apply(MarketEvent)} reads depth updates, best-bid/offer rows, book clears and snapshot boundaries from an
 * event stream (see {@link EventKind}). An update that would leave the book crossed ({@code bestBid > bestAsk}) or
 * locked ({@code bestBid == bestAsk}) is handled by the book's {@link CrossedBookPolicy}: by default the newest update
 * wins and the opposite levels it crosses are removed as stale. So {@link #isCrossed()} is {@code false} after every
 * update.
 *
 * <h2>Layout and cost</h2>
 * Each side keeps a window of {@code windowTicks} consecutive prices around its best price in a flat
 * {@code double[]} ring indexed by {@code priceTicks & (windowTicks - 1)} (the range-of-interest idea of hftbacktest's
 * {@code ROIVectorMarketDepth}, made to follow the touch). An update inside the window is {@code O(1)}: one array
 * write and an incremental best-price check. Removing the best level scans towards worse prices to the next level.
 * Levels behind the window are kept, not dropped, in sparse pages of 64 consecutive prices (64 quantities and a
 * 64-bit occupancy mask each) that exist only where levels exist, found by page index in a primitive hash map, the
 * non-empty page indices kept in a sorted array. A far update is {@code O(1)} whatever its distance from the touch:
 * a hash lookup more than the window (in {@code OrderBookBenchmark}'s wide stream, where most updates are far, about
 * two thirds of the near-touch rate and over ten times a two-{@code TreeMap} book). Only an update that opens a new
 * page or empties one also shifts the sorted page array, {@code O(p)} in the number {@code p} of non-empty far pages
 * (a primitive copy of 12 bytes per page, some microseconds at worst for 10,000 pages). Emptied pages are pooled
 * and reused; memory is about 580 bytes per page at the peak number of non-empty pages, so levels scattered over
 * millions of ticks cost memory per level, not per tick. {@link #farUpdates()} counts how often an update went to the
 * far pages. When the touch moves far the window moves with it, moving levels between the ring and the far pages.
 * After warm-up (once the pages, the page map and the page pool have grown to the book's peak size) updates allocate
 * nothing, also after {@link #clear()}.
 *
 * <p>Not thread-safe: one book belongs to one event loop.
 */
public final class OrderBook implements OrderBookView {

    /** The window size of {@link #OrderBook(Instrument)}: 4096 ticks per side. */
    public static final int DEFAULT_WINDOW_TICKS = 4096;
    /** The smallest window a book accepts. */
    public static final int MIN_WINDOW_TICKS = 64;
    /** The best bid, in ticks, of a book without bids. */
    public static final long NO_BID = Long.MIN_VALUE;
    /** The best ask, in ticks, of a book without asks. */
    public static final long NO_ASK = Long.MAX_VALUE;
    /** {@link #spreadTicks()} when a side is empty: an unboundedly wide spread. */
    public static final long NO_SPREAD_TICKS = Long.MAX_VALUE;
    /** {@link #lastExchTs()} and {@link #lastLocalTs()} before any event was applied. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;
    /**
     * The largest absolute price in ticks a book accepts, {@code 2^61}: the spread between any two accepted prices
     * ({@code <= 2^62}) and the negated ask keys stay inside a {@code long}.
     */
    public static final long MAX_PRICE_TICKS = 1L << 61;

    /** {@link #update} status: the level was added, changed or removed, and nothing crossed. */
    public static final int UPDATED = 0;
    /**
     * {@link #update} status: the update crossed or locked the book and, under {@link CrossedBookPolicy#PRUNE_STALE},
     * the opposite levels at or through its price were removed; the level itself was set.
     */
    public static final int CROSSED_PRUNED = 1;
    /**
     * {@link #update} status: a remove (qty 0) named a level the book does not hold; nothing changed. Frequent on a
     * feed that was joined mid-stream, suspicious otherwise.
     */
    public static final int MISSING_LEVEL_REMOVED = 2;

    private final Instrument instrument;
    private final int windowTicks;
    private final CrossedBookPolicy policy;
    private final BookSide bids;
    private final BookSide asks;
    private long crossedUpdates;
    /** Whether a depth update was applied since the book was built or cleared (else it is quote-only). */
    private boolean depthFed;
    private long lastExchTs = NO_TIMESTAMP;
    private long lastLocalTs = NO_TIMESTAMP;
    /** The quantity the level of the last {@link #update} held before it (see {@link #replacedQty()}). */
    private double replacedQty;
    /** Scratch for {@link #copyFrom}: one side's keys and quantities. */
    private long[] copyKeys = new long[0];
    private double[] copyQtys = new double[0];

    /** A book with a {@link #DEFAULT_WINDOW_TICKS} window that prunes stale crossed levels. */
    public OrderBook(Instrument instrument) {
        this(instrument, DEFAULT_WINDOW_TICKS, CrossedBookPolicy.PRUNE_STALE);
    }

    /**
     * @param instrument  the instrument whose prices the book holds
     * @param windowTicks prices per side held in the {@code O(1)} window around the touch: a power of two, at least
     *                    {@link #MIN_WINDOW_TICKS}; levels behind it are kept in the slower paged far levels
     * @param policy      what to do with an update that would cross or lock the book
     */
    public OrderBook(Instrument instrument, int windowTicks, CrossedBookPolicy policy) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.policy = Objects.requireNonNull(policy, "policy");
        if (windowTicks < MIN_WINDOW_TICKS || Integer.bitCount(windowTicks) != 1) {
            throw new IllegalArgumentException("windowTicks of the order book of " + instrument.id()
                    + " must be a power of two >= " + MIN_WINDOW_TICKS + ", was " + windowTicks);
        }
        this.windowTicks = windowTicks;
        this.bids = new BookSide(windowTicks);
        this.asks = new BookSide(windowTicks);
    }

    @Override
    public Instrument instrument() {
        return instrument;
    }

    public int windowTicks() {
        return windowTicks;
    }

    public CrossedBookPolicy crossedBookPolicy() {
        return policy;
    }

    // ------------------------------------------------------------------------------------------------ updates

    /**
     * Sets the quantity resting at {@code priceTicks} on {@code side} to {@code qty}; 0 removes the level.
     *
     * <p>If a positive {@code qty} would cross or lock the book (a bid at or above the best ask, an ask at or below
     * the best bid) the {@link CrossedBookPolicy} decides: {@code PRUNE_STALE} removes the opposite levels at or
     * through {@code priceTicks}, sets the level and returns {@link #CROSSED_PRUNED}; {@code THROW} throws and changes
     * nothing. Both count the update in {@link #crossedUpdates()}.
     *
     * @param side       {@link Side#BUY} for the bid side, {@link Side#SELL} for the ask side
     * @param priceTicks the level's price in ticks, {@code |priceTicks| <= MAX_PRICE_TICKS}
     * @param qty        the level's new total quantity, finite and {@code >= 0}
     * @return {@link #UPDATED}, {@link #CROSSED_PRUNED} or {@link #MISSING_LEVEL_REMOVED}
     * @throws IllegalArgumentException for a non-finite or negative {@code qty} or a price out of range; the message
     *                                  names the instrument, side, price and quantity
     * @throws CrossedBookException     under {@link CrossedBookPolicy#THROW} when the update would cross or lock
     */
    public int update(Side side, long priceTicks, double qty) {
        depthFed = true;
        checkLevel(side, priceTicks, qty);
        long key = keyOf(side, priceTicks);
        BookSide own = sideOf(side);
        if (qty == 0.0) {
            double removed = own.remove(key);
            replacedQty = removed;
            return removed == 0.0 ? MISSING_LEVEL_REMOVED : UPDATED;
        }
        int status = UPDATED;
        BookSide opposite = side == Side.BUY ? asks : bids;
        // The opposite side crosses or locks when its best key is >= -key (an ask <= a bid price, a bid >= an ask).
        if (opposite.best() >= -key) {
            resolveCross(side, priceTicks, qty, opposite, -key);
            status = CROSSED_PRUNED;
        }
        replacedQty = own.put(key, qty);
        return status;
    }

    /**
     * Applies one market event:
     * <ul>
     * <li>{@link EventKind#DEPTH_UPDATE}: {@link #update} at {@code instrument.toTicks(price)};</li>
     * <li>{@link EventKind#BBO}: the level becomes the best on the event's side: the better levels on that side, and
     * the opposite levels at or through its price, are removed as stale (a quote moves both rows of a pair, one row
     * at a time: this is not a crossed feed, so it neither counts in {@link #crossedUpdates()} nor throws), then the
     * level is updated (qty 0 leaves the side without that level). Worse levels on its side are kept while the book
     * is fed depth updates too (since it was built or last cleared): in a feed that mixes depth and quotes they are
     * still valid. A quote-only book (no depth update applied yet) is its top of book: a quote replaces the whole
     * side, so the old best levels a quote moved away from do not linger below it. A consumer that wants the two rows
     * of one quote applied together acts after the row flagged {@code END_OF_MESSAGE};</li>
     * <li>{@link EventKind#BOOK_CLEAR}: clears the event's side, or both sides when it has no side code;</li>
     * <li>{@link EventKind#SNAPSHOT_BEGIN}: clears the book (the snapshot's levels follow);</li>
     * <li>{@link EventKind#TRADE}, {@link EventKind#SNAPSHOT_END} and the L3 kinds: no change to the levels (a
     * price-level feed reports the quantity a trade took in its depth updates).</li>
     * </ul>
     * Every applied event, whatever its kind, sets {@link #lastExchTs()} and {@link #lastLocalTs()}. The event's
     * instrument index is not checked: routing events to the right book is the caller's job.
     *
     * @throws IllegalArgumentException as {@link #update}, and for a depth or BBO row without a side
     * @throws CrossedBookException     as {@link #update}
     */
    public void apply(MarketEvent event) {
        // Kept small so that the JIT inlines it at its call sites: the depth update of almost every row here, the
        // rare kinds in applyOther.
        EventKind kind = event.kind();
        if (kind == EventKind.DEPTH_UPDATE) {
            update(event.side(), instrument.toTicks(event.price()), event.qty());
        } else {
            applyOther(event, kind);
        }
        lastExchTs = event.exchTs();
        lastLocalTs = event.localTs();
    }

    /**
     * {@link #apply(MarketEvent)} for a row whose price the caller has converted to ticks already, e.g. once for the
     * two books (venue and strategy) that a backtest keeps per instrument: the same levels, counters and timestamps
     * as {@code apply(event)}, without the conversion.
     *
     * @param event      the row to apply
     * @param priceTicks {@code instrument().toTicks(event.price())} for a {@link EventKind#DEPTH_UPDATE} or
     *                   {@link EventKind#BBO} row, read only for those kinds; the book trusts it (checking it would
     *                   cost the conversion it saves), a different value applies the row at that price
     * @throws IllegalArgumentException as {@link #apply(MarketEvent)}
     * @throws CrossedBookException     as {@link #apply(MarketEvent)}
     */
    public void apply(MarketEvent event, long priceTicks) {
        apply(event, event.kind(), priceTicks);
    }

    /**
     * {@link #apply(MarketEvent, long)} for a caller that has read the row's kind already (a backtest's venue reads it
     * once per row for its own dispatch).
     *
     * @param kind {@code event.kind()}, trusted
     */
    public void apply(MarketEvent event, EventKind kind, long priceTicks) {
        if (kind == EventKind.DEPTH_UPDATE) {
            update(event.side(), priceTicks, event.qty());
        } else if (kind == EventKind.BBO) {
            setBest(event.side(), priceTicks, event.qty());
        } else {
            applyOther(event, kind);
        }
        lastExchTs = event.exchTs();
        lastLocalTs = event.localTs();
    }

    /** {@link #apply} for every kind but {@link EventKind#DEPTH_UPDATE}; the timestamps are set by the caller. */
    private void applyOther(MarketEvent event, EventKind kind) {
        if (kind == EventKind.BBO) {
            setBest(event.side(), instrument.toTicks(event.price()), event.qty());
        } else if (kind == EventKind.BOOK_CLEAR) {
            clearSides(event.sideCode());
        } else if (kind == EventKind.SNAPSHOT_BEGIN) {
            clear();
        } else if (kind == null) {
            throw new NullPointerException("order book of " + instrument.id() + ": event kind must not be null");
        }
        // TRADE, SNAPSHOT_END and the market-by-order kinds leave the levels as they are.
    }

    /**
     * Makes this book hold exactly the levels of {@code source} (both sides), with its depth-fed state (whether a
     * {@link EventKind#BBO} row treats the book as quote-only) and its {@link #lastExchTs()} and {@link #lastLocalTs()};
     * this book's counters ({@link #crossedUpdates()}, {@link #farUpdates()}) stay its own. Afterwards every query of
     * {@link OrderBookView} answers as on {@code source}, and applying the same events to both keeps it so (the window
     * layout may differ, which changes no answer). {@code O(levels)}: for a backtest that needs a second copy of a book
     * at one instant, e.g. the strategy's delayed view of the venue's book. Allocates only when {@code source} has
     * more levels on a side than any book copied before.
     *
     * @param source the book to copy, of the same instrument
     * @throws IllegalArgumentException when {@code source} is of another instrument
     */
    public void copyFrom(OrderBook source) {
        if (!source.instrument.equals(instrument)) {
            throw new IllegalArgumentException("order book of " + instrument.id() + ": cannot copy the book of "
                    + source.instrument.id() + "; expected a book of the same instrument");
        }
        copySide(source.bids, bids);
        copySide(source.asks, asks);
        depthFed = source.depthFed;
        lastExchTs = source.lastExchTs;
        lastLocalTs = source.lastLocalTs;
    }

    private void copySide(BookSide from, BookSide to) {
        to.clear();
        int n = from.levelCount();
        if (copyKeys.length < n) {
            int c = Math.max(n, copyKeys.length * 2);
            copyKeys = new long[c];
            copyQtys = new double[c];
        }
        int written = from.levels(copyKeys, copyQtys, n);
        for (int k = 0; k < written; k++) {
            to.put(copyKeys[k], copyQtys[k]);
        }
    }

    /** Removes every level on both sides. The counters ({@link #crossedUpdates()}, {@link #farUpdates()}) stay. */
    public void clear() {
        bids.clear();
        asks.clear();
        depthFed = false;
    }

    /** Removes every level on {@code side}. */
    public void clear(Side side) {
        sideOf(side).clear();
    }

    // ------------------------------------------------------------------------------------------------ queries

    /** The best bid in ticks, {@link #NO_BID} when there are no bids. */
    @Override
    public long bestBidTicks() {
        return bids.best(); // BookSide.EMPTY == NO_BID
    }

    /** The best ask in ticks, {@link #NO_ASK} when there are no asks. */
    @Override
    public long bestAskTicks() {
        long key = asks.best();
        return key == BookSide.EMPTY ? NO_ASK : -key;
    }

    /** The best bid price, {@code NaN} when there are no bids. */
    @Override
    public double bestBid() {
        long ticks = bids.best();
        return ticks == BookSide.EMPTY ? Double.NaN : instrument.toPrice(ticks);
    }

    /** The best ask price, {@code NaN} when there are no asks. */
    @Override
    public double bestAsk() {
        long key = asks.best();
        return key == BookSide.EMPTY ? Double.NaN : instrument.toPrice(-key);
    }

    /** The quantity at the best bid, 0 when there are no bids. */
    @Override
    public double bestBidQty() {
        return bids.bestQty();
    }

    /** The quantity at the best ask, 0 when there are no asks. */
    @Override
    public double bestAskQty() {
        return asks.bestQty();
    }

    /** The quantity resting at {@code priceTicks} on {@code side}, 0 when there is no level there. */
    @Override
    public double qtyAt(Side side, long priceTicks) {
        return sideOf(side).qtyAt(keyOf(side, priceTicks));
    }

    /**
     * Writes the best {@code maxLevels} levels of {@code side}, best first (bids descending, asks ascending by price),
     * into the caller's arrays.
     *
     * @param side       the side to read
     * @param priceTicks modified: element {@code i} receives the price in ticks of the {@code i}-th best level
     * @param qtys       modified: element {@code i} receives that level's quantity
     * @param maxLevels  the most levels to write, {@code 0 <= maxLevels <= min(priceTicks.length, qtys.length)}
     * @return the number of levels written, {@code min(maxLevels, levelCount(side))}; elements past it are untouched
     * @throws IllegalArgumentException when {@code maxLevels} is negative or longer than an array
     */
    @Override
    public int depth(Side side, long[] priceTicks, double[] qtys, int maxLevels) {
        if (maxLevels < 0 || maxLevels > priceTicks.length || maxLevels > qtys.length) {
            throw new IllegalArgumentException("depth of " + instrument.id() + " " + side + ": maxLevels "
                    + maxLevels + " must be in [0, " + Math.min(priceTicks.length, qtys.length)
                    + "] (the length of the shorter output array)");
        }
        int n = sideOf(side).levels(priceTicks, qtys, maxLevels);
        if (side == Side.SELL) {
            for (int i = 0; i < n; i++) {
                priceTicks[i] = -priceTicks[i];
            }
        }
        return n;
    }

    /** The number of price levels on {@code side}. */
    @Override
    public int levelCount(Side side) {
        return sideOf(side).levelCount();
    }

    /** Whether {@code side} has no levels. */
    @Override
    public boolean isEmpty(Side side) {
        return sideOf(side).levelCount() == 0;
    }

    /**
     * {@code (bestBid + bestAsk) / 2}, {@code NaN} when a side is empty. Computed in ticks,
     * {@code toPrice(bidTicks + askTicks) / 2}, so a mid on the half-tick grid is the nearest double to its decimal
     * value (49.995, not the 49.995000000000005 that adding the two doubles gives).
     */
    @Override
    public double mid() {
        long bid = bids.best();
        long askKey = asks.best();
        if (bid == BookSide.EMPTY || askKey == BookSide.EMPTY) {
            return Double.NaN;
        }
        return instrument.toPrice(bid - askKey) * 0.5;
    }

    /** {@code bestAsk - bestBid} in price, {@code NaN} when a side is empty. */
    @Override
    public double spread() {
        long ticks = spreadTicks();
        return ticks == NO_SPREAD_TICKS ? Double.NaN : instrument.toPrice(ticks);
    }

    /** {@code bestAskTicks - bestBidTicks}, {@link #NO_SPREAD_TICKS} when a side is empty. */
    @Override
    public long spreadTicks() {
        long bid = bids.best();
        long askKey = asks.best();
        if (bid == BookSide.EMPTY || askKey == BookSide.EMPTY) {
            return NO_SPREAD_TICKS;
        }
        return -askKey - bid;
    }

    /**
     * The size-weighted mid price:
     * <pre>{@code
     * microprice = (bestBid * bestAskQty + bestAsk * bestBidQty) / (bestBidQty + bestAskQty)
     * }</pre>
     * It leans towards the side with less quantity, the side more likely to be taken next. {@code NaN} when a side is
     * empty. The name follows Stoikov, S. (2018), "The micro-price: a high-frequency estimator of future prices",
     * Quantitative Finance 18(12); this is the weighted mid he starts from, not his Markov-chain micro-price (that
     * lives in {@code qtrade-features}).
     */
    @Override
    public double microprice() {
        double bidQty = bids.bestQty();
        double askQty = asks.bestQty();
        if (bidQty == 0.0 || askQty == 0.0) {
            return Double.NaN;
        }
        return (bestBid() * askQty + bestAsk() * bidQty) / (bidQty + askQty);
    }

    /**
     * Whether {@code bestBid >= bestAsk} (crossed or locked). Both policies keep this {@code false} after every
     * update; it is exposed so that consumers can assert it.
     */
    @Override
    public boolean isCrossed() {
        long bid = bids.best();
        long askKey = asks.best();
        return bid != BookSide.EMPTY && askKey != BookSide.EMPTY && bid >= -askKey;
    }

    /**
     * The quantity the level named by the last {@link #update} that changed the book held just before it (0 when it
     * was empty): what a caller that wants to undo that update sets the level back to, without a second lookup
     * ({@code qtyAt} before the update). Also set by a {@link EventKind#DEPTH_UPDATE} or {@link EventKind#BBO} row
     * passed to {@link #apply}, for the row's own level (for a {@code BBO} row after the better levels of its side were
     * removed as stale). Undefined before the first update and after an update that threw; {@link #copyFrom} and
     * {@link #clear()} leave it as it was.
     */
    public double replacedQty() {
        return replacedQty;
    }

    /** How many updates would have crossed or locked the book (pruned or refused), since construction. */
    public long crossedUpdates() {
        return crossedUpdates;
    }

    /**
     * How many updates went to the paged far levels behind the window, since construction: a measure of whether
     * {@code windowTicks} suits the instrument (a far update costs a hash lookup more than a window update).
     */
    public long farUpdates() {
        return bids.farUpdates() + asks.farUpdates();
    }

    /** The venue timestamp of the last event passed to {@link #apply}, {@link #NO_TIMESTAMP} before any. */
    @Override
    public long lastExchTs() {
        return lastExchTs;
    }

    /** The local receive timestamp of the last event passed to {@link #apply}, {@link #NO_TIMESTAMP} before any. */
    @Override
    public long lastLocalTs() {
        return lastLocalTs;
    }

    /** The top of book, e.g. {@code OrderBook[BTCUSDT@BINANCE 100.0 x 5.0 | 100.5 x 3.0, levels 4/6]}. */
    @Override
    public String toString() {
        String bid = bids.best() == BookSide.EMPTY ? "no bid" : bestBid() + " x " + bestBidQty();
        String ask = asks.best() == BookSide.EMPTY ? "no ask" : bestAsk() + " x " + bestAskQty();
        return "OrderBook[" + instrument.id() + " " + bid + " | " + ask + ", levels " + bids.levelCount() + "/"
                + asks.levelCount() + "]";
    }

    // ------------------------------------------------------------------------------------------------ internals

    /** Non-empty far pages of {@code side}, for tests of the memory bound. */
    int farPageCount(Side side) {
        return sideOf(side).farPageCount();
    }

    /** Page slots allocated for the far levels of {@code side}, for tests of the memory bound. */
    int farSlotCapacity(Side side) {
        return sideOf(side).farSlotCapacity();
    }


    private void setBest(Side side, long priceTicks, double qty) {
        checkLevel(side, priceTicks, qty);
        long key = keyOf(side, priceTicks);
        if (!depthFed) {
            // a quote-only book is its top of book: the quote replaces the whole side, stale old bests included
            sideOf(side).clear();
        }
        sideOf(side).removeAtOrAbove(key + 1);
        if (qty > 0.0) {
            // A quote is authoritative for its side: opposite levels it reaches are stale (the other row of the
            // same quote follows), not a crossed feed, so they go without counting or throwing.
            BookSide opposite = side == Side.BUY ? asks : bids;
            if (opposite.best() >= -key) {
                opposite.removeAtOrAbove(-key);
            }
        }
        boolean fed = depthFed;
        update(side, priceTicks, qty);
        depthFed = fed;
    }

    private void clearSides(byte sideCode) {
        if (sideCode == Side.NO_SIDE_CODE) {
            clear();
        } else {
            sideOf(Side.fromCode(sideCode)).clear();
        }
    }

    private void resolveCross(Side side, long priceTicks, double qty, BookSide opposite, long threshold) {
        crossedUpdates++;
        if (policy == CrossedBookPolicy.THROW) {
            long oppositeBest = side == Side.BUY ? -opposite.best() : opposite.best();
            throw new CrossedBookException("order book of " + instrument.id() + ": " + side + " level "
                    + instrument.toPrice(priceTicks) + " (" + priceTicks + " ticks) qty " + qty
                    + (side == Side.BUY ? " would reach the best ask " : " would reach the best bid ")
                    + instrument.toPrice(oppositeBest) + " (" + oppositeBest + " ticks); expected a "
                    + (side == Side.BUY ? "bid below the best ask" : "ask above the best bid"));
        }
        opposite.removeAtOrAbove(threshold);
    }

    private void checkLevel(Side side, long priceTicks, double qty) {
        // The tests only; the messages are built out of line so that the update path stays small enough to inline.
        if (side == null || !(qty >= 0.0) || qty == Double.POSITIVE_INFINITY || priceTicks < -MAX_PRICE_TICKS
                || priceTicks > MAX_PRICE_TICKS) {
            throw badLevel(side, priceTicks, qty);
        }
    }

    private RuntimeException badLevel(Side side, long priceTicks, double qty) {
        if (side == null) {
            return new NullPointerException("order book of " + instrument.id() + ": side of the level at "
                    + priceTicks + " ticks must not be null");
        }
        if (!(qty >= 0.0) || qty == Double.POSITIVE_INFINITY) {
            return new IllegalArgumentException("order book of " + instrument.id() + ": " + side + " level at "
                    + priceTicks + " ticks: qty must be finite and >= 0, was " + qty);
        }
        return new IllegalArgumentException("order book of " + instrument.id() + ": " + side + " level at "
                + priceTicks + " ticks with qty " + qty + ": price must be within +-" + MAX_PRICE_TICKS
                + " ticks");
    }


    // Identity tests rather than enum switches: a switch reads the enum's ordinal through a lookup array per call,
    // which a book applying tens of millions of events a second notices.
    private BookSide sideOf(Side side) {
        if (side == Side.BUY) {
            return bids;
        }
        if (side == Side.SELL) {
            return asks;
        }
        throw new NullPointerException("order book of " + instrument.id() + ": side must not be null");
    }

    private static long keyOf(Side side, long priceTicks) {
        if (side == Side.BUY) {
            return priceTicks;
        }
        if (side == Side.SELL) {
            return -priceTicks;
        }
        throw new NullPointerException("side must not be null");
    }
}
