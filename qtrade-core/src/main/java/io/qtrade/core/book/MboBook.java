package io.qtrade.core.book;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.MarketEvent;

import java.util.Arrays;
import java.util.Objects;

/**
 * The L3 (market-by-order) book of one {@link Instrument}: every resting order by venue order id, in a FIFO queue per
 * price level, with the aggregated price levels kept in step as an {@link OrderBookView} ({@link #levels()}).
 *
 * <p>It computes, per order, its side, price, remaining quantity and the quantity queued ahead of it at its level
 * ({@link #qtyAhead(long)}); per level, its orders in time priority; and through {@link #levels()} the best bid/ask,
 * depth, mid and microprice of the aggregated book.
 *
 * <h2>Priority rules</h2>
 * The common venue rule (NASDAQ ITCH, CME MDP 3.0, LSE, Eurex): a modify that only <em>reduces</em> an order's
 * quantity at the same price keeps its place in the queue; a modify that changes the price or increases the quantity
 * loses it, and the order goes to the back of the queue at its (new) price. An execution reduces the order in place and
 * removes it when nothing is left.
 *
 * <h2>Errors (the messages are part of the contract)</h2>
 * <ul>
 * <li>{@link #add} of an order id already in the book throws {@link IllegalStateException}:
 * {@code "<symbol@venue>: add of order <id>: order already in the book (<side> <priceTicks> ticks, qty <qty>)"};</li>
 * <li>{@link #modify}, {@link #cancel}, {@link #execute} and every per-order lookup of an id not in the book throw
 * {@link IllegalArgumentException}:
 * {@code "<symbol@venue>: <operation> of order <id>: no such order in the book"};</li>
 * <li>{@link #execute} of more than the order holds throws {@link IllegalArgumentException}:
 * {@code "<symbol@venue>: execute of order <id>: qty <qty> exceeds the order's remaining qty <remaining>"}.</li>
 * </ul>
 * Quantities must be finite and positive (a modify may give 0, which cancels the order). An add or a re-priced modify
 * that would cross or lock the book is handled by the {@link CrossedBookPolicy}: {@code PRUNE_STALE} cancels the
 * opposite orders at or through its price as stale, {@code THROW} refuses it with a {@link CrossedBookException}.
 *
 * <h2>Storage</h2>
 * Orders live in slots of parallel primitive arrays (id, side, price, quantity, level, and {@code prev}/{@code next}
 * links that make each level an intrusive doubly linked FIFO). Free slots form a free list; the arrays double when
 * full. Order ids map to slots, and prices to levels per side, through open-addressing primitive hash maps. So add,
 * cancel, execute and modify are {@code O(1)} expected and allocate nothing after warm-up;
 * {@link #qtyAhead(long)} walks the orders ahead, {@code O(position in queue)}.
 *
 * <p>Level totals are kept incrementally in {@code double}; a level's total is set to exactly 0 when its last order
 * leaves, and re-summed from its orders if rounding would ever bring it to 0 or below while orders remain.
 *
 * <p>Not thread-safe: one book belongs to one event loop.
 */
public final class MboBook {

    /** Order slots and levels reserved before the first growth. */
    public static final int DEFAULT_INITIAL_ORDERS = 1024;

    private static final int NONE = -1;
    private static final byte FREE = 0;

    private final Instrument instrument;
    private final CrossedBookPolicy policy;
    private final OrderBook levels;
    /** Remaining quantity at or below this counts as fully executed (floating-point residue of partial fills). */
    private final double qtyTolerance;

    private final LongIntHashMap slotByOrderId;
    private final LongIntHashMap bidLevelByPrice;
    private final LongIntHashMap askLevelByPrice;

    // Order slots: parallel arrays indexed by slot.
    private long[] orderIdOf;
    private long[] priceOf;
    private double[] qtyOf;
    private int[] levelOf;
    private int[] prevOf;
    private int[] nextOf;
    private int freeSlot = NONE;
    private int slotsUsed;

    // Price levels: parallel arrays indexed by level.
    private byte[] levelSideOf;
    private long[] levelPriceOf;
    private double[] levelQtyOf;
    private int[] levelOrdersOf;
    private int[] headOf;
    private int[] tailOf;
    private int freeLevel = NONE;
    private int levelsUsed;

    private long crossedUpdates;
    private long lastExchTs = OrderBook.NO_TIMESTAMP;
    private long lastLocalTs = OrderBook.NO_TIMESTAMP;

    /** A book that prunes stale crossed orders, with the default window for its {@link #levels()}. */
    public MboBook(Instrument instrument) {
        this(instrument, OrderBook.DEFAULT_WINDOW_TICKS, CrossedBookPolicy.PRUNE_STALE, DEFAULT_INITIAL_ORDERS);
    }

    /**
     * @param instrument    the instrument whose orders the book holds
     * @param windowTicks   the window of the {@link #levels()} view, as {@link OrderBook}'s
     * @param policy        what to do with an add or modify that would cross or lock the book
     * @param initialOrders order slots reserved before the first growth, positive
     */
    public MboBook(Instrument instrument, int windowTicks, CrossedBookPolicy policy, int initialOrders) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.policy = Objects.requireNonNull(policy, "policy");
        if (initialOrders <= 0) {
            throw new IllegalArgumentException("initialOrders of the MBO book of " + instrument.id()
                    + " must be positive, was " + initialOrders);
        }
        // The view never sees a crossing update: this book resolves crossings before it writes a level.
        this.levels = new OrderBook(instrument, windowTicks, CrossedBookPolicy.THROW);
        this.qtyTolerance = instrument.lotSize() * Instrument.GRID_TOLERANCE;
        this.slotByOrderId = new LongIntHashMap(initialOrders);
        this.bidLevelByPrice = new LongIntHashMap(64);
        this.askLevelByPrice = new LongIntHashMap(64);
        allocateSlots(initialOrders);
        allocateLevels(64);
    }

    public Instrument instrument() {
        return instrument;
    }

    public CrossedBookPolicy crossedBookPolicy() {
        return policy;
    }

    /**
     * The aggregated price levels, kept consistent with the orders after every call: the quantity of a level is the
     * sum of its orders' remaining quantities. Read-only: the book updates it, through its own methods.
     */
    public OrderBookView levels() {
        return levels;
    }

    // ------------------------------------------------------------------------------------------------ updates

    /**
     * Adds an order at the back of the queue at its price.
     *
     * @param orderId    the venue's order id, not in the book
     * @param side       the order's side
     * @param priceTicks its limit price in ticks
     * @param qty        its quantity, finite and positive
     * @throws IllegalStateException    when {@code orderId} is already in the book (see the class doc for the message)
     * @throws IllegalArgumentException for a non-finite or non-positive quantity or an out-of-range price
     * @throws CrossedBookException     under {@link CrossedBookPolicy#THROW} when the order would cross or lock
     */
    public void add(long orderId, Side side, long priceTicks, double qty) {
        Objects.requireNonNull(side, "side");
        checkPositive("add", orderId, qty);
        checkPrice("add", orderId, priceTicks);
        int existing = slotByOrderId.get(orderId);
        if (existing != NONE) {
            throw new IllegalStateException(instrument.id() + ": add of order " + orderId
                    + ": order already in the book (" + sideOf(existing) + " " + priceOf[existing] + " ticks, qty "
                    + qtyOf[existing] + ")");
        }
        resolveCross(orderId, side, priceTicks, qty);
        insert(orderId, side, priceTicks, qty);
    }

    /**
     * Changes an order's price and remaining quantity. A pure size decrease at the same price keeps queue priority;
     * a price change or a size increase sends the order to the back of the queue at {@code priceTicks}. A
     * {@code qty} of 0 cancels the order.
     *
     * @throws IllegalArgumentException when {@code orderId} is not in the book (see the class doc for the message),
     *                                  or for a non-finite or negative quantity or an out-of-range price
     * @throws CrossedBookException     under {@link CrossedBookPolicy#THROW} when the new price would cross or lock
     */
    public void modify(long orderId, long priceTicks, double qty) {
        int slot = slotOf("modify", orderId);
        if (!(qty >= 0.0) || qty == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(instrument.id() + ": modify of order " + orderId
                    + ": qty must be finite and >= 0, was " + qty);
        }
        checkPrice("modify", orderId, priceTicks);
        if (qty == 0.0) {
            removeOrder(slot);
            return;
        }
        double current = qtyOf[slot];
        if (priceTicks == priceOf[slot] && qty <= current) {
            reduce(slot, current - qty);
            return;
        }
        Side side = sideOf(slot);
        resolveCross(orderId, side, priceTicks, qty);
        removeOrder(slot);
        insert(orderId, side, priceTicks, qty);
    }

    /**
     * Removes an order.
     *
     * @throws IllegalArgumentException when {@code orderId} is not in the book (see the class doc for the message)
     */
    public void cancel(long orderId) {
        removeOrder(slotOf("cancel", orderId));
    }

    /**
     * Executes {@code qty} of a resting order: reduces it in place, keeping its priority, and removes it when nothing
     * is left (a remainder within {@code lotSize * 1e-6} of 0 counts as nothing).
     *
     * @throws IllegalArgumentException when {@code orderId} is not in the book, when {@code qty} is not finite and
     *                                  positive, or when it exceeds the order's remaining quantity (by more than the
     *                                  same tolerance); see the class doc for the messages
     */
    public void execute(long orderId, double qty) {
        int slot = slotOf("execute", orderId);
        checkPositive("execute", orderId, qty);
        double remaining = qtyOf[slot] - qty;
        if (remaining < -qtyTolerance) {
            throw new IllegalArgumentException(instrument.id() + ": execute of order " + orderId + ": qty " + qty
                    + " exceeds the order's remaining qty " + qtyOf[slot]);
        }
        if (remaining <= qtyTolerance) {
            removeOrder(slot);
        } else {
            reduce(slot, qty);
        }
    }

    /**
     * Applies one market event: {@link EventKind#ORDER_ADD}, {@link EventKind#ORDER_MODIFY},
     * {@link EventKind#ORDER_CANCEL} and {@link EventKind#ORDER_EXECUTE} as {@link #add}, {@link #modify},
     * {@link #cancel} and {@link #execute} (prices through {@link Instrument#toTicks(double)}; the side of a modify,
     * cancel or execute row and the price of an execute row are not needed and not read);
     * {@link EventKind#BOOK_CLEAR} clears the event's side or, without a side code, both;
     * {@link EventKind#SNAPSHOT_BEGIN} clears the book. Trades, L2 kinds and {@code SNAPSHOT_END} change nothing.
     * Every applied event sets {@link #lastExchTs()} and {@link #lastLocalTs()}.
     */
    public void apply(MarketEvent event) {
        switch (event.kind()) {
            case ORDER_ADD -> add(event.orderId(), event.side(), instrument.toTicks(event.price()), event.qty());
            case ORDER_MODIFY -> modify(event.orderId(), instrument.toTicks(event.price()), event.qty());
            case ORDER_CANCEL -> cancel(event.orderId());
            case ORDER_EXECUTE -> execute(event.orderId(), event.qty());
            case BOOK_CLEAR -> {
                if (event.sideCode() == Side.NO_SIDE_CODE) {
                    clear();
                } else {
                    clear(Side.fromCode(event.sideCode()));
                }
            }
            case SNAPSHOT_BEGIN -> clear();
            default -> {
                // DEPTH_UPDATE, BBO, TRADE and SNAPSHOT_END leave the orders as they are.
            }
        }
        lastExchTs = event.exchTs();
        lastLocalTs = event.localTs();
    }

    /** Removes every order. The crossed-update count stays. */
    public void clear() {
        slotByOrderId.clear();
        bidLevelByPrice.clear();
        askLevelByPrice.clear();
        freeSlot = NONE;
        slotsUsed = 0;
        freeLevel = NONE;
        Arrays.fill(levelSideOf, 0, levelsUsed, FREE);
        levelsUsed = 0;
        levels.clear();
    }

    /** Removes every order on {@code side}. */
    public void clear(Side side) {
        byte code = side.code();
        for (int level = 0; level < levelsUsed; level++) {
            if (levelSideOf[level] == code) {
                removeLevelOrders(level);
            }
        }
        levelMap(side).clear();
        levels.clear(side);
    }

    // ------------------------------------------------------------------------------------------------ lookups

    /** Whether {@code orderId} rests in the book; the one lookup that does not throw for an unknown id. */
    public boolean contains(long orderId) {
        return slotByOrderId.get(orderId) != NONE;
    }

    /**
     * The order's remaining quantity.
     *
     * @throws IllegalArgumentException for an id not in the book (see the class doc for the message)
     */
    public double orderQty(long orderId) {
        return qtyOf[slotOf("orderQty", orderId)];
    }

    /**
     * The order's price in ticks.
     *
     * @throws IllegalArgumentException for an id not in the book (see the class doc for the message)
     */
    public long orderPriceTicks(long orderId) {
        return priceOf[slotOf("orderPriceTicks", orderId)];
    }

    /**
     * The order's side.
     *
     * @throws IllegalArgumentException for an id not in the book (see the class doc for the message)
     */
    public Side orderSide(long orderId) {
        return sideOf(slotOf("orderSide", orderId));
    }

    /**
     * The total quantity of the orders ahead of {@code orderId} in its level's queue; 0 at the front.
     * {@code O(orders ahead)}.
     *
     * @throws IllegalArgumentException for an id not in the book (see the class doc for the message)
     */
    public double qtyAhead(long orderId) {
        int slot = slotOf("qtyAhead", orderId);
        double ahead = 0.0;
        for (int s = headOf[levelOf[slot]]; s != slot; s = nextOf[s]) {
            ahead += qtyOf[s];
        }
        return ahead;
    }

    /**
     * Writes the ids of the orders at {@code priceTicks} on {@code side}, in time priority (front of the queue first).
     *
     * @param orderIds modified: receives up to {@code orderIds.length} ids; size it with {@link #orderCountAt}
     * @return the number of ids written: {@code min(orderCountAt(side, priceTicks), orderIds.length)}
     */
    public int ordersAt(Side side, long priceTicks, long[] orderIds) {
        int level = levelMap(side).get(priceTicks);
        if (level == NONE) {
            return 0;
        }
        int n = 0;
        for (int s = headOf[level]; s != NONE && n < orderIds.length; s = nextOf[s]) {
            orderIds[n++] = orderIdOf[s];
        }
        return n;
    }

    /** The number of orders resting at {@code priceTicks} on {@code side}. */
    public int orderCountAt(Side side, long priceTicks) {
        int level = levelMap(side).get(priceTicks);
        return level == NONE ? 0 : levelOrdersOf[level];
    }

    /** The number of orders in the book. */
    public int orderCount() {
        return slotByOrderId.size();
    }

    /** How many adds or modifies would have crossed or locked the book (pruned or refused), since construction. */
    public long crossedUpdates() {
        return crossedUpdates;
    }

    /** The venue timestamp of the last event passed to {@link #apply}, {@link OrderBook#NO_TIMESTAMP} before any. */
    public long lastExchTs() {
        return lastExchTs;
    }

    /** The local timestamp of the last event passed to {@link #apply}, {@link OrderBook#NO_TIMESTAMP} before any. */
    public long lastLocalTs() {
        return lastLocalTs;
    }

    @Override
    public String toString() {
        return "MboBook[" + instrument.id() + ", orders " + orderCount() + ", " + levels + "]";
    }

    // ------------------------------------------------------------------------------------------------ internals

    private void insert(long orderId, Side side, long priceTicks, double qty) {
        int slot = allocateSlot();
        int level = levelFor(side, priceTicks);
        orderIdOf[slot] = orderId;
        priceOf[slot] = priceTicks;
        qtyOf[slot] = qty;
        levelOf[slot] = level;
        int tail = tailOf[level];
        prevOf[slot] = tail;
        nextOf[slot] = NONE;
        if (tail == NONE) {
            headOf[level] = slot;
        } else {
            nextOf[tail] = slot;
        }
        tailOf[level] = slot;
        levelOrdersOf[level]++;
        levelQtyOf[level] += qty;
        slotByOrderId.put(orderId, slot);
        levels.update(side, priceTicks, levelQtyOf[level]);
    }

    /** Takes {@code by} off an order that keeps a positive quantity, in place. */
    private void reduce(int slot, double by) {
        qtyOf[slot] -= by;
        int level = levelOf[slot];
        levelQtyOf[level] -= by;
        if (levelQtyOf[level] <= qtyTolerance) {
            levelQtyOf[level] = sumLevel(level);
        }
        levels.update(levelSide(level), levelPriceOf[level], levelQtyOf[level]);
    }

    private void removeOrder(int slot) {
        int level = levelOf[slot];
        double qty = qtyOf[slot];
        unlink(slot, level);
        slotByOrderId.remove(orderIdOf[slot]);
        freeSlot(slot);
        Side side = levelSide(level);
        long price = levelPriceOf[level];
        if (--levelOrdersOf[level] == 0) {
            levelMap(side).remove(price);
            freeLevel(level);
            levels.update(side, price, 0.0);
            return;
        }
        levelQtyOf[level] -= qty;
        if (levelQtyOf[level] <= qtyTolerance) {
            levelQtyOf[level] = sumLevel(level);
        }
        levels.update(side, price, levelQtyOf[level]);
    }

    private void unlink(int slot, int level) {
        int prev = prevOf[slot];
        int next = nextOf[slot];
        if (prev == NONE) {
            headOf[level] = next;
        } else {
            nextOf[prev] = next;
        }
        if (next == NONE) {
            tailOf[level] = prev;
        } else {
            prevOf[next] = prev;
        }
    }

    /** Frees every order of {@code level} and the level itself; the caller updates the price maps and the view. */
    private void removeLevelOrders(int level) {
        for (int s = headOf[level]; s != NONE; ) {
            int next = nextOf[s];
            slotByOrderId.remove(orderIdOf[s]);
            freeSlot(s);
            s = next;
        }
        freeLevel(level);
    }

    /**
     * Before an order of {@code side} goes to {@code priceTicks}: if the opposite best is at or through it, apply the
     * policy (cancel the opposite levels at or through the price, or throw).
     */
    private void resolveCross(long orderId, Side side, long priceTicks, double qty) {
        boolean crosses = side == Side.BUY
                ? levels.bestAskTicks() <= priceTicks
                : levels.bestBidTicks() >= priceTicks;
        if (!crosses) {
            return;
        }
        crossedUpdates++;
        Side opposite = side.opposite();
        if (policy == CrossedBookPolicy.THROW) {
            long oppositeBest = side == Side.BUY ? levels.bestAskTicks() : levels.bestBidTicks();
            throw new CrossedBookException(instrument.id() + ": order " + orderId + " " + side + " qty " + qty
                    + " at " + priceTicks + " ticks would reach the best " + (side == Side.BUY ? "ask " : "bid ")
                    + oppositeBest + " ticks; expected " + (side == Side.BUY ? "a bid below the best ask"
                    : "an ask above the best bid"));
        }
        LongIntHashMap map = levelMap(opposite);
        while (true) {
            long best = side == Side.BUY ? levels.bestAskTicks() : levels.bestBidTicks();
            boolean through = side == Side.BUY ? best <= priceTicks : best >= priceTicks;
            if (!through) { // an empty side's NO_ASK / NO_BID is never through
                return;
            }
            int level = map.remove(best);
            removeLevelOrders(level);
            levels.update(opposite, best, 0.0);
        }
    }

    private int levelFor(Side side, long priceTicks) {
        LongIntHashMap map = levelMap(side);
        int level = map.get(priceTicks);
        if (level != NONE) {
            return level;
        }
        level = allocateLevel();
        levelSideOf[level] = side.code();
        levelPriceOf[level] = priceTicks;
        levelQtyOf[level] = 0.0;
        levelOrdersOf[level] = 0;
        headOf[level] = NONE;
        tailOf[level] = NONE;
        map.put(priceTicks, level);
        return level;
    }

    private double sumLevel(int level) {
        double sum = 0.0;
        for (int s = headOf[level]; s != NONE; s = nextOf[s]) {
            sum += qtyOf[s];
        }
        return sum;
    }

    private int slotOf(String operation, long orderId) {
        int slot = slotByOrderId.get(orderId);
        if (slot == NONE) {
            throw new IllegalArgumentException(instrument.id() + ": " + operation + " of order " + orderId
                    + ": no such order in the book");
        }
        return slot;
    }

    private Side sideOf(int slot) {
        return levelSide(levelOf[slot]);
    }

    private Side levelSide(int level) {
        return levelSideOf[level] == Side.BUY.code() ? Side.BUY : Side.SELL;
    }

    private LongIntHashMap levelMap(Side side) {
        if (side == Side.BUY) {
            return bidLevelByPrice;
        }
        if (side == null) {
            throw new NullPointerException(instrument.id() + ": side must not be null");
        }
        return askLevelByPrice;
    }

    private void checkPositive(String operation, long orderId, double qty) {
        if (!(qty > 0.0) || qty == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(instrument.id() + ": " + operation + " of order " + orderId
                    + ": qty must be finite and > 0, was " + qty);
        }
    }

    private void checkPrice(String operation, long orderId, long priceTicks) {
        if (priceTicks < -OrderBook.MAX_PRICE_TICKS || priceTicks > OrderBook.MAX_PRICE_TICKS) {
            throw new IllegalArgumentException(instrument.id() + ": " + operation + " of order " + orderId
                    + ": price " + priceTicks + " ticks must be within +-" + OrderBook.MAX_PRICE_TICKS + " ticks");
        }
    }

    // ------------------------------------------------------------------------------------------------ pools

    private int allocateSlot() {
        if (freeSlot != NONE) {
            int slot = freeSlot;
            freeSlot = nextOf[slot];
            return slot;
        }
        if (slotsUsed == orderIdOf.length) {
            growSlots();
        }
        return slotsUsed++;
    }

    private void freeSlot(int slot) {
        nextOf[slot] = freeSlot;
        freeSlot = slot;
    }

    private int allocateLevel() {
        if (freeLevel != NONE) {
            int level = freeLevel;
            freeLevel = headOf[level];
            return level;
        }
        if (levelsUsed == levelSideOf.length) {
            growLevels();
        }
        return levelsUsed++;
    }

    private void freeLevel(int level) {
        levelSideOf[level] = FREE;
        headOf[level] = freeLevel;
        freeLevel = level;
    }

    private void allocateSlots(int capacity) {
        orderIdOf = new long[capacity];
        priceOf = new long[capacity];
        qtyOf = new double[capacity];
        levelOf = new int[capacity];
        prevOf = new int[capacity];
        nextOf = new int[capacity];
    }

    private void growSlots() {
        int capacity = orderIdOf.length * 2;
        orderIdOf = Arrays.copyOf(orderIdOf, capacity);
        priceOf = Arrays.copyOf(priceOf, capacity);
        qtyOf = Arrays.copyOf(qtyOf, capacity);
        levelOf = Arrays.copyOf(levelOf, capacity);
        prevOf = Arrays.copyOf(prevOf, capacity);
        nextOf = Arrays.copyOf(nextOf, capacity);
    }

    private void allocateLevels(int capacity) {
        levelSideOf = new byte[capacity];
        levelPriceOf = new long[capacity];
        levelQtyOf = new double[capacity];
        levelOrdersOf = new int[capacity];
        headOf = new int[capacity];
        tailOf = new int[capacity];
    }

    private void growLevels() {
        int capacity = levelSideOf.length * 2;
        levelSideOf = Arrays.copyOf(levelSideOf, capacity);
        levelPriceOf = Arrays.copyOf(levelPriceOf, capacity);
        levelQtyOf = Arrays.copyOf(levelQtyOf, capacity);
        levelOrdersOf = Arrays.copyOf(levelOrdersOf, capacity);
        headOf = Arrays.copyOf(headOf, capacity);
        tailOf = Arrays.copyOf(tailOf, capacity);
    }
}
