package io.qtrade.backtest.exchange;

import io.qtrade.backtest.fee.FeeModel;
import io.qtrade.backtest.fill.TradeThroughFill;
import io.qtrade.backtest.queue.QueueModel;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.MboBook;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.MarketEvent;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.OrderType;
import io.qtrade.core.order.TimeInForce;

import java.util.Arrays;
import java.util.Objects;

/**
 * The venue of one instrument at venue time: the market book as the feed describes it at each event's
 * {@code exchTs}, and the strategies' resting orders with their queue positions. Partial fills throughout.
 *
 * <h2>Fill rules</h2>
 * <ol>
 *   <li><b>Arrival.</b> An order arrives after its entry latency. A limit order whose price reaches the opposite
 *       best (a buy at or above the best ask) and every market order take liquidity as taker, level by level from
 *       the best, each level at its price and up to its visible quantity (that walk is the slippage). The quantity
 *       taken is remembered per strategy and level, so a second order of the same strategy cannot take it again:
 *       at each later change of the level it stays taken up to what the level shows ({@code min(taken, levelQty)}),
 *       and only an increase above it is new liquidity. Then: IOC and market orders cancel the rest; FOK orders first check that the visible quantity within
 *       their limit covers the whole order, else they expire unfilled; post-only orders that would cross are
 *       rejected; GTC orders rest the rest at their price.</li>
 *   <li><b>Queue.</b> A resting order joins the back of its level: {@code qtyAhead} = the level's visible quantity
 *       (on L3 data, the exact list of venue orders ahead). The {@link QueueModel} moves it on depth changes.</li>
 *   <li><b>Trades at the order's price.</b> A trade print of {@code q} on the order's level (aggressor on the other
 *       side) first exhausts {@code qtyAhead}; what goes past it fills the order (as maker, at its price). The
 *       fills come in whole lots (a fraction of a lot past the queue waits for the next print). The
 *       strategy's own orders share a print in priority order (better price, then earlier arrival): the quantity one
 *       of them filled is not available to the next, so liquidity is consumed once.</li>
 *   <li><b>Trade-through.</b> A print at a price worse than the order (a buy print above a resting sell) fills it
 *       from the print's quantity, before any order at the print's price.</li>
 *   <li><b>Market through the price.</b> When the opposite best moves to or through a resting order's price (best
 *       ask at or below a resting buy) the order fills completely at its price as maker, as in hftbacktest. What the order's strategy took there
 *       does not count: the rest of a crossing GTC order fills only on new liquidity at or through its price (or by
 *       rules 3 and 4), never against the quantity it consumed on arrival.</li>
 *   <li><b>Snapshots.</b> A snapshot (begin .. end) is one depth change for each resting order's level, from its
 *       quantity before the snapshot to the one after, through the {@link QueueModel} like any depth update.</li>
 * </ol>
 * <b>Strategies are independent.</b> Each strategy trades against the recorded market as if it were alone: one
 * strategy's fills and takes never reduce what another can fill or take, so adding a strategy (or an instrument)
 * to a run never changes another's fills. Within one strategy, liquidity is consumed once.
 *
 * <p>Where this stops being realistic: the simulated orders have no market impact (the feed's later quantities are
 * taken as they come), they never trade against each other (no self-match), hidden and iceberg liquidity is not
 * seen, and rule 5 assumes whoever moved the market would have traded with the order.
 *
 * <p>Own orders live in primitive arrays in arrival order; nothing is allocated per market event (an L3 resting order
 * allocates the id list of the orders ahead of it once, at arrival).
 */
public final class SimulatedExchange {

    /** Reject reason: the price is not on the venue's tick grid. */
    public static final String REASON_OFF_TICK = "price is off the venue's tick grid";
    /** Reject reason: the quantity is not a whole number of the venue's lots. */
    public static final String REASON_OFF_LOT = "qty is off the venue's lot grid";
    /** Reject reason: a post-only order would have crossed the opposite best. */
    public static final String REASON_POST_ONLY_WOULD_CROSS = "post-only order would cross the opposite best";
    /** Reject reason: the latency recording marks the venue as refusing orders at that time. */
    public static final String REASON_VENUE_REJECT = "venue refused the order (recorded rejection)";
    /** Expiry reason: a FOK order whose whole quantity was not available within its limit. */
    public static final String REASON_FOK_NOT_FILLABLE = "FOK: not enough visible quantity within the limit";
    /** Cancel reason: the unfilled rest of an IOC or market order. */
    public static final String REASON_IOC_REMAINDER = "IOC: unfilled rest cancelled";
    /** Cancel-reject reason: no working order with that id at the venue. */
    public static final String REASON_UNKNOWN_ORDER = "no working order with that id at the venue";

    private static final int INITIAL_ORDERS = 16;

    private final ExchangeSettings settings;
    private final Instrument instrument;
    private final int instrumentIndex;
    private final QueueModel queue;
    private final FeeModel fees;
    private final boolean marketByOrder;
    private final OrderBook book;
    private final MboBook mbo;
    private final OrderBookView view;
    private final ExecutionSink sink;
    private final double qtyTolerance;
    /** {@link ExchangeModel#NO_PARTIAL_FILL}: every fill is of the order's whole quantity. */
    private final boolean noPartialFill;
    private final TradeThroughFill tradeThrough;
    /** Whether {@link #tradeThrough} is the default (every print through fills): no call per print. */
    private final boolean anyPrintThrough;
    /** {@link QueueModel#drivenByL3Messages()}: L3 rows beside the depth rows move the queue. */
    private final boolean l3Arrivals;
    /** Per slot, with {@link #l3Arrivals}: the ids of the venue orders that joined the level after the own order. */
    private long[][] behindIds = new long[INITIAL_ORDERS][];
    private int[] behindCount = new int[INITIAL_ORDERS];

    // Resting orders, by slot.
    private long[] orderId = new long[INITIAL_ORDERS];
    private int[] strategy = new int[INITIAL_ORDERS];
    private boolean[] buy = new boolean[INITIAL_ORDERS];
    private long[] priceTicks = new long[INITIAL_ORDERS];
    private double[] leaves = new double[INITIAL_ORDERS];
    private double[] ahead = new double[INITIAL_ORDERS];
    private double[] traded = new double[INITIAL_ORDERS];
    /** The level's quantity when a snapshot began (valid between SNAPSHOT_BEGIN and SNAPSHOT_END). */
    private double[] levelBeforeSnapshot = new double[INITIAL_ORDERS];
    private long[][] aheadIds = new long[INITIAL_ORDERS][];
    /** Live slots in arrival order. */
    private int[] live = new int[INITIAL_ORDERS];
    private int liveCount;
    private int[] free = new int[INITIAL_ORDERS];
    private int freeCount;
    private int slotsUsed;
    private int[] candidates = new int[INITIAL_ORDERS];
    /** Per strategy: what is left of the current print for it. */
    private double[] available = new double[4];

    /** The price in ticks of the last depth or BBO row, see levelPriceTicks(). */
    private long levelPriceTicks;

    // Liquidity taken by each strategy's arriving orders, per level, until the feed re-states the level.
    private int takenCount;
    private int[] takenStrategy = new int[8];
    private boolean[] takenBuy = new boolean[8];
    private long[] takenTicks = new long[8];
    private double[] takenQty = new double[8];

    private long[] walkTicks = new long[64];
    private double[] walkQty = new double[64];
    private boolean inSnapshot;

    /**
     * @param settings        the instrument's venue settings
     * @param instrumentIndex the instrument's index in the backtest (for messages)
     * @param sink            receives acks, fills and ends
     */
    public SimulatedExchange(ExchangeSettings settings, int instrumentIndex, ExecutionSink sink) {
        this.settings = Objects.requireNonNull(settings, "simulated exchange: settings must not be null");
        this.instrument = settings.instrument();
        this.instrumentIndex = instrumentIndex;
        this.queue = settings.queue();
        this.fees = settings.fees();
        this.sink = Objects.requireNonNull(sink, "simulated exchange: sink must not be null");
        this.marketByOrder = queue.requiresMarketByOrder();
        if (marketByOrder) {
            this.mbo = new MboBook(instrument);
            this.book = null;
            this.view = mbo.levels();
        } else {
            this.book = new OrderBook(instrument);
            this.mbo = null;
            this.view = book;
        }
        this.qtyTolerance = 1e-9 * instrument.lotSize();
        this.noPartialFill = settings.exchangeModel() == ExchangeModel.NO_PARTIAL_FILL;
        this.tradeThrough = settings.tradeThrough();
        this.anyPrintThrough = tradeThrough == TradeThroughFill.ANY_PRINT;
        this.l3Arrivals = queue.drivenByL3Messages() && !marketByOrder;
    }

    /** The settings. */
    public ExchangeSettings settings() {
        return settings;
    }

    /** The venue's book at venue time (without the simulated orders), read-only. */
    public OrderBookView book() {
        return view;
    }

    /** How many simulated orders rest at the venue. */
    public int restingOrders() {
        return liveCount;
    }

    /** The qty ahead of resting order {@code id}, or NaN if it is not resting. */
    public double qtyAhead(long id) {
        int slot = find(id);
        return slot < 0 ? Double.NaN : ahead[slot];
    }

    /** The unfilled qty of resting order {@code id}, or 0 if it is not resting. */
    public double restingQty(long id) {
        int slot = find(id);
        return slot < 0 ? 0.0 : leaves[slot];
    }

    /**
     * Applies one market event at venue time and matches the resting orders against it.
     *
     * @param eventIndex the event's position in the backtest's stream, for error messages
     * @throws IllegalArgumentException if the event's kind does not fit the queue model (L2 rows for
     *                                  {@code FifoQueue}, L3 rows otherwise), naming the instrument, event and time
     */
    public void onMarketEvent(MarketEvent e, long eventIndex) {
        EventKind kind = e.kind();
        boolean level = (kind == EventKind.DEPTH_UPDATE || kind == EventKind.BBO) && !marketByOrder;
        onMarketEvent(e, eventIndex, level ? instrument.toTicks(e.price()) : 0L);
    }

    /**
     * {@link #onMarketEvent(MarketEvent, long)} for a row whose price the caller has converted already (the backtest
     * engine converts each row once, for this book and the strategies' view of it).
     *
     * @param priceTicks {@code instrument.toTicks(e.price())} for a depth or BBO row, trusted; ignored for other kinds
     */
    public void onMarketEvent(MarketEvent e, long eventIndex, long priceTicks) {
        onMarketEvent(e, e.kind(), eventIndex, priceTicks);
    }

    /**
     * {@link #onMarketEvent(MarketEvent, long, long)} for a row whose kind the caller has read already.
     *
     * @param kind {@code e.kind()}
     */
    public void onMarketEvent(MarketEvent e, EventKind kind, long eventIndex, long priceTicks) {
        // The two kinds of almost every event first, by identity (an enum switch reads a lookup array per call).
        if (kind == EventKind.DEPTH_UPDATE || kind == EventKind.BBO) {
            onLevel(e, kind, eventIndex, priceTicks);
            return;
        }
        if (kind == EventKind.TRADE) {
            onTrade(e);
            return;
        }
        if (kind.isL3()) {
            if (l3Arrivals) {
                onL3Arrival(e, kind, eventIndex);
                return;
            }
            if (!marketByOrder) {
                throw mismatch(e, eventIndex, "an L3 row needs FifoQueue (or L3ArrivalQueue) in the instrument's"
                        + " settings, which have " + queue);
            }
            onL3(e, kind);
            return;
        }
        if (kind.isDerivativeData()) {
            return; // mark, index and funding rows: no book change, nothing to match
        }
        switch (kind) {
            case SNAPSHOT_BEGIN -> {
                rememberLevelsBeforeSnapshot();
                apply(e);
                inSnapshot = true;
            }
            case SNAPSHOT_END -> {
                apply(e);
                inSnapshot = false;
                snapshotChanged(e, eventIndex);
                refreshTaken();
                marketThrough(e.exchTs());
            }
            default -> {
                apply(e);
                if (!inSnapshot) {
                    refreshTaken();
                }
            }
        }
    }

    /** A depth update or a best bid/offer row. */
    private void onLevel(MarketEvent e, EventKind kind, long eventIndex, long ticks) {
        if (marketByOrder) {
            throw mismatch(e, eventIndex, "FifoQueue needs market-by-order (L3) rows, got an L2 row");
        }
        // Converted once per row (by the caller), for the queue bookkeeping, the book and the strategy's view.
        levelPriceTicks = ticks;
        if (liveCount == 0) {
            book.apply(e, kind, ticks);
            if (takenCount > 0 && !inSnapshot) {
                refreshTaken();
            }
            return;
        }
        Side side = e.side();
        double prev;
        double now;
        if (kind == EventKind.DEPTH_UPDATE) {
            // A depth row sets its level to its qty (0 removes it) and leaves the other levels of its side alone: the
            // level's quantities before and after, without two lookups.
            book.apply(e, kind, ticks);
            prev = book.replacedQty();
            double qty = e.qty();
            now = qty == 0.0 ? 0.0 : qty;
        } else {
            prev = book.qtyAt(side, ticks);
            book.apply(e, kind, ticks);
            now = book.qtyAt(side, ticks);
        }
        if (takenCount > 0 && !inSnapshot) {
            refreshTaken();
        }
        if (!inSnapshot) {
            depthChanged(side == Side.BUY, ticks, prev, now, e, eventIndex);
            if (kind == EventKind.BBO) {
                clampToLevels();
            }
            marketThrough(e.exchTs());
        }
    }

    /**
     * The price in ticks ({@code instrument.toTicks(price)}) of the last depth-update or best-bid/offer row passed to
     * {@link #onMarketEvent}; meaningless after other kinds. The backtest engine applies the same row to the
     * strategy's book with it ({@link io.qtrade.core.book.OrderBook#apply(MarketEvent, long)}), so that a row is
     * converted to ticks once.
     */
    public long levelPriceTicks() {
        return levelPriceTicks;
    }

    private void onTrade(MarketEvent e) {
        if (marketByOrder) {
            // On L3 data the executions drive the queue; a trade row repeats them.
            mbo.apply(e);
            return;
        }
        book.apply(e);
        if (liveCount > 0 && !l3Arrivals) {
            long ticks = instrument.toTicks(e.price());
            byte aggressor = e.sideCode();
            if (aggressor != Side.SELL.code()) {
                tradeAgainst(false, ticks, e.qty(), e.exchTs());
            }
            if (aggressor != Side.BUY.code()) {
                tradeAgainst(true, ticks, e.qty(), e.exchTs());
            }
        }
    }

    /**
     * After the feed changed the book: what a strategy took from a level stays taken up to what the level still
     * shows, {@code taken' = min(taken, levelQty)} (the feed's later decreases of the level are of the quantity already
     * taken: in the simulated world it is gone; an increase above it is new liquidity). An entry whose level is empty
     * is dropped.
     */
    private void refreshTaken() {
        int w = 0;
        for (int k = 0; k < takenCount; k++) {
            double level = view.qtyAt(takenBuy[k] ? Side.BUY : Side.SELL, takenTicks[k]);
            double left = Math.min(takenQty[k], level);
            if (left > qtyTolerance) {
                takenStrategy[w] = takenStrategy[k];
                takenBuy[w] = takenBuy[k];
                takenTicks[w] = takenTicks[k];
                takenQty[w] = left;
                w++;
            }
        }
        takenCount = w;
    }

    private double taken(int owner, boolean isBuy, long ticks) {
        for (int k = 0; k < takenCount; k++) {
            if (takenStrategy[k] == owner && takenBuy[k] == isBuy && takenTicks[k] == ticks) {
                return takenQty[k];
            }
        }
        return 0.0;
    }

    private void recordTaken(int owner, boolean isBuy, long ticks, double qty) {
        for (int k = 0; k < takenCount; k++) {
            if (takenStrategy[k] == owner && takenBuy[k] == isBuy && takenTicks[k] == ticks) {
                takenQty[k] += qty;
                return;
            }
        }
        if (takenCount == takenQty.length) {
            int c = takenCount * 2;
            takenStrategy = Arrays.copyOf(takenStrategy, c);
            takenBuy = Arrays.copyOf(takenBuy, c);
            takenTicks = Arrays.copyOf(takenTicks, c);
            takenQty = Arrays.copyOf(takenQty, c);
        }
        takenStrategy[takenCount] = owner;
        takenBuy[takenCount] = isBuy;
        takenTicks[takenCount] = ticks;
        takenQty[takenCount] = qty;
        takenCount++;
    }

    private void apply(MarketEvent e) {
        if (marketByOrder) {
            mbo.apply(e);
        } else {
            book.apply(e);
        }
    }

    private IllegalArgumentException mismatch(MarketEvent e, long eventIndex, String what) {
        return new IllegalArgumentException(instrument.id() + " (instrument " + instrumentIndex + "), event "
                + eventIndex + " (" + e.kind() + " at exchTs " + e.exchTs() + "): " + what);
    }

    private void onL3(MarketEvent e, EventKind kind) {
        long id = e.orderId();
        if (liveCount == 0 || !mbo.contains(id) || kind == EventKind.ORDER_ADD) {
            mbo.apply(e);
            if (takenCount > 0) {
                refreshTaken();
            }
            if (kind == EventKind.ORDER_ADD && liveCount > 0) {
                marketThrough(e.exchTs());
            }
            return;
        }
        boolean isBuy = mbo.orderSide(id) == Side.BUY;
        long p = mbo.orderPriceTicks(id);
        double remaining = mbo.orderQty(id);
        switch (kind) {
            case ORDER_CANCEL -> reduceAhead(id, isBuy, p, remaining);
            case ORDER_MODIFY -> {
                long newTicks = instrument.toTicks(e.price());
                double newQty = e.qty();
                boolean losesPriority = newTicks != p || newQty > remaining;
                reduceAhead(id, isBuy, p, losesPriority ? remaining : remaining - newQty);
            }
            case ORDER_EXECUTE -> executeL3(id, isBuy, p, e.qty(), e.exchTs());
            default -> {
                // ORDER_ADD handled above.
            }
        }
        mbo.apply(e);
        if (takenCount > 0) {
            refreshTaken();
        }
        marketThrough(e.exchTs());
    }

    /** An L3 row beside the depth rows, for {@link io.qtrade.backtest.queue.L3ArrivalQueue}. */
    private void onL3Arrival(MarketEvent e, EventKind kind, long eventIndex) {
        if (kind == EventKind.ORDER_MODIFY) {
            throw mismatch(e, eventIndex, queue + " takes no ORDER_MODIFY row: give it as a cancel and an add");
        }
        if (liveCount == 0) {
            return;
        }
        long id = e.orderId();
        boolean isBuy = e.sideCode() == Side.BUY.code();
        long p = instrument.toTicks(e.price());
        double q = e.qty();
        if (kind == EventKind.ORDER_ADD) {
            for (int i = 0; i < liveCount; i++) {
                int s = live[i];
                if (buy[s] == isBuy && priceTicks[s] == p) {
                    addBehind(s, id);
                }
            }
            return;
        }
        if (kind == EventKind.ORDER_CANCEL) {
            for (int i = 0; i < liveCount; i++) {
                int s = live[i];
                if (buy[s] == isBuy && priceTicks[s] == p && !isBehind(s, id)) {
                    ahead[s] = Math.max(0.0, ahead[s] - q);
                }
            }
            return;
        }
        // ORDER_EXECUTE: the orders this execution reached, in priority order.
        int n = sortedCandidates(isBuy, p);
        if (n == 0) {
            return;
        }
        resetAvailable(q);
        long ts = e.exchTs();
        for (int k = 0; k < n; k++) {
            int s = candidates[k];
            int owner = strategy[s];
            boolean through = priceTicks[s] != p;
            boolean reached = through ? throughFills(s, p, ts) : isBehind(s, id);
            if (!through && !reached) {
                ahead[s] = Math.max(0.0, ahead[s] - q);
                continue;
            }
            if (reached && available[owner] > qtyTolerance) {
                double f = noPartialFill ? leaves[s] : Math.min(leaves[s], available[owner]);
                if (!noPartialFill) {
                    available[owner] -= f;
                }
                ahead[s] = 0.0;
                fillResting(s, f, ts);
            }
        }
        compact();
    }

    private void addBehind(int s, long id) {
        long[] ids = behindIds[s];
        if (ids == null) {
            ids = new long[8];
            behindIds[s] = ids;
        } else if (behindCount[s] == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
            behindIds[s] = ids;
        }
        ids[behindCount[s]++] = id;
    }

    private boolean isBehind(int s, long id) {
        long[] ids = behindIds[s];
        for (int k = behindCount[s] - 1; k >= 0; k--) {
            if (ids[k] == id) {
                return true;
            }
        }
        return false;
    }

    private void reduceAhead(long id, boolean isBuy, long p, double qty) {
        for (int i = 0; i < liveCount; i++) {
            int s = live[i];
            if (buy[s] == isBuy && priceTicks[s] == p && isAhead(s, id)) {
                ahead[s] = Math.max(0.0, ahead[s] - qty);
            }
        }
    }

    private boolean isAhead(int slot, long id) {
        long[] ids = aheadIds[slot];
        return ids != null && Arrays.binarySearch(ids, id) >= 0;
    }

    private void executeL3(long id, boolean restingBuy, long p, double qty, long ts) {
        reduceAhead(id, restingBuy, p, qty);
        int n = sortedCandidates(restingBuy, p);
        resetAvailable(qty);
        for (int k = 0; k < n; k++) {
            int s = candidates[k];
            int owner = strategy[s];
            boolean throughPrice = priceTicks[s] != p;
            if (available[owner] > qtyTolerance && (throughPrice || (!isAhead(s, id) && ahead[s] <= qtyTolerance))
                    && (!throughPrice || throughFills(s, p, ts))) {
                double f = noPartialFill ? leaves[s] : Math.min(leaves[s], available[owner]);
                if (!noPartialFill) {
                    available[owner] -= f;
                }
                fillResting(s, f, ts);
            }
        }
        compact();
    }

    /**
     * The resting orders on one side that a print at {@code p} reaches (buys at or above it, sells at or below), in
     * priority order: better price first, then earlier arrival. Returns how many were written to {@code candidates}.
     */
    private int sortedCandidates(boolean restingBuy, long p) {
        if (candidates.length < liveCount) {
            candidates = new int[live.length];
        }
        int n = 0;
        for (int i = 0; i < liveCount; i++) {
            int s = live[i];
            if (buy[s] == restingBuy && (restingBuy ? priceTicks[s] >= p : priceTicks[s] <= p)) {
                // Stable insertion by price priority: live[] is in arrival order.
                int j = n++;
                while (j > 0 && better(restingBuy, priceTicks[s], priceTicks[candidates[j - 1]])) {
                    candidates[j] = candidates[j - 1];
                    j--;
                }
                candidates[j] = s;
            }
        }
        return n;
    }

    private static boolean better(boolean isBuy, long a, long b) {
        return isBuy ? a > b : a < b;
    }

    private void tradeAgainst(boolean restingBuy, long p, double qty, long ts) {
        int n = sortedCandidates(restingBuy, p);
        if (n == 0) {
            return;
        }
        if (noPartialFill) {
            tradeAgainstWhole(p, qty, ts, n);
            return;
        }
        resetAvailable(qty);
        for (int k = 0; k < n; k++) {
            int s = candidates[k];
            int owner = strategy[s];
            double avail = available[owner];
            if (priceTicks[s] != p) {
                if (avail > qtyTolerance && throughFills(s, p, ts)) {
                    double f = Math.min(leaves[s], avail);
                    available[owner] = avail - f;
                    fillResting(s, f, ts);
                }
            } else {
                traded[s] += qty;
                double after = ahead[s] - avail;
                if (after < 0) {
                    // Fills come in whole lots; a fraction of a lot past the queue (a probabilistic estimate) stays
                    // as a negative qty ahead and counts towards the next print.
                    double f = Math.min(leaves[s], instrument.roundDownToLot(-after));
                    ahead[s] = after;
                    if (f > qtyTolerance) {
                        ahead[s] = Math.min(0.0, after + f);
                        available[owner] = avail - f;
                        fillResting(s, f, ts);
                    }
                } else {
                    ahead[s] = after;
                }
            }
        }
        compact();
    }

    /** Whether a print at {@code p}, through resting order {@code s}'s price, fills it (the instrument's rule). */
    private boolean throughFills(int s, long p, long ts) {
        return anyPrintThrough || tradeThrough.fills(orderId[s], Math.abs(p - priceTicks[s]), ts);
    }

    /**
     * {@link ExchangeModel#NO_PARTIAL_FILL}: each candidate sees the whole print; a print through its price fills it
     * completely, a print at its price advances its queue and fills it completely once the qty ahead is a lot or more
     * below zero (hftbacktest's {@code is_filled}: {@code floor(-qtyAhead / lot) > 0}).
     */
    private void tradeAgainstWhole(long p, double qty, long ts, int n) {
        double lot = instrument.lotSize();
        for (int k = 0; k < n; k++) {
            int s = candidates[k];
            if (priceTicks[s] != p) {
                if (throughFills(s, p, ts)) {
                    fillResting(s, leaves[s], ts);
                }
            } else {
                traded[s] += qty;
                ahead[s] -= qty;
                if (ahead[s] <= -lot + qtyTolerance) {
                    fillResting(s, leaves[s], ts);
                }
            }
        }
        compact();
    }

    /**
     * Sets every strategy's share of a print to the whole print: strategies are independent what-ifs against the
     * same market data, so one never takes liquidity from another (a run with several strategies gives each the fills
     * it would have alone); a strategy's own orders share the print in priority order.
     */
    private void resetAvailable(double qty) {
        for (int k = 0; k < liveCount; k++) {
            int owner = strategy[live[k]];
            if (owner >= available.length) {
                available = Arrays.copyOf(available, Math.max(owner + 1, available.length * 2));
            }
        }
        Arrays.fill(available, qty);
    }

    private void depthChanged(boolean isBuy, long p, double prev, double now, MarketEvent e, long eventIndex) {
        for (int i = 0; i < liveCount; i++) {
            int s = live[i];
            if (buy[s] == isBuy && priceTicks[s] == p) {
                queueDepthChange(s, prev, now, e, eventIndex);
            }
        }
    }

    /**
     * The queue model's step for resting order {@code s} after its level went from {@code prev} to {@code now}; a
     * negative qty ahead (a fraction of a lot already past the queue) is kept. The model's answer is checked: a NaN,
     * negative or larger-than-the-level position is refused, naming the order, the model and its inputs.
     */
    private void queueDepthChange(int s, double prev, double now, MarketEvent e, long eventIndex) {
        double before = ahead[s];
        if (before >= 0) {
            double after = queue.qtyAheadAfterDepthChange(before, traded[s], prev, now);
            if (!(after >= 0 && after <= now + qtyTolerance)) {
                throw new IllegalStateException(instrument.id() + " (instrument " + instrumentIndex + "), event "
                        + eventIndex + " (" + e.kind() + " at exchTs " + e.exchTs() + "): " + queue
                        + " gave qty ahead " + after + " for order " + orderId[s] + " (qtyAhead " + before
                        + ", tradedQty " + traded[s] + ", prevQty " + prev + ", newQty " + now
                        + "); a queue model must return a value in [0, newQty]");
            }
            ahead[s] = after;
        }
        traded[s] = 0.0;
    }

    /** Before a snapshot clears the book: each resting order's level quantity, for {@link #snapshotChanged}. */
    private void rememberLevelsBeforeSnapshot() {
        for (int i = 0; i < liveCount; i++) {
            int s = live[i];
            levelBeforeSnapshot[s] = view.qtyAt(buy[s] ? Side.BUY : Side.SELL, priceTicks[s]);
        }
    }

    /**
     * A snapshot re-stated the book: for every resting order it is one depth change of its level, from the quantity
     * before the snapshot to the one after, with the quantity traded there since the last change (then reset), as a
     * depth update would be.
     */
    private void snapshotChanged(MarketEvent e, long eventIndex) {
        for (int i = 0; i < liveCount; i++) {
            int s = live[i];
            double now = view.qtyAt(buy[s] ? Side.BUY : Side.SELL, priceTicks[s]);
            queueDepthChange(s, levelBeforeSnapshot[s], now, e, eventIndex);
        }
    }

    private void clampToLevels() {
        for (int i = 0; i < liveCount; i++) {
            int s = live[i];
            double level = view.qtyAt(buy[s] ? Side.BUY : Side.SELL, priceTicks[s]);
            if (ahead[s] > level) {
                ahead[s] = level;
            }
        }
    }

    /** Rule 5: a resting order the opposite best has reached fills completely at its price. */
    private void marketThrough(long ts) {
        long bestBid = view.bestBidTicks();
        long bestAsk = view.bestAskTicks();
        boolean any = false;
        for (int i = 0; i < liveCount; i++) {
            int s = live[i];
            boolean reached = buy[s] ? bestAsk != OrderBook.NO_ASK && bestAsk <= priceTicks[s]
                    : bestBid != OrderBook.NO_BID && bestBid >= priceTicks[s];
            if (reached && takenCount > 0) {
                reached = untakenReaches(s);
            }
            if (reached) {
                fillResting(s, leaves[s], ts);
                any = true;
            }
        }
        if (any) {
            compact();
        }
    }

    /**
     * Whether the opposite side shows, at a price reaching resting order {@code s}, more than its strategy has
     * already taken there: the rest of a crossing order must not fill against the quantity it consumed on arrival.
     */
    private boolean untakenReaches(int s) {
        Side opposite = buy[s] ? Side.SELL : Side.BUY;
        int n = loadOpposite(opposite, strategy[s]);
        for (int i = 0; i < n; i++) {
            long level = walkTicks[i];
            if (buy[s] ? level > priceTicks[s] : level < priceTicks[s]) {
                return false;
            }
            if (walkQty[i] > qtyTolerance) {
                return true;
            }
        }
        return false;
    }

    private void fillResting(int s, double qty, long ts) {
        double price = instrument.toPrice(priceTicks[s]);
        double fee = fees.fee(instrument, Liquidity.MAKER, price, qty);
        leaves[s] -= qty;
        if (leaves[s] <= qtyTolerance) {
            leaves[s] = 0.0;
        }
        sink.filled(strategy[s], orderId[s], ts, price, qty, fee, Liquidity.MAKER);
    }

    /** Drops filled orders from the live list, keeping arrival order. */
    private void compact() {
        int w = 0;
        for (int i = 0; i < liveCount; i++) {
            int s = live[i];
            if (leaves[s] > 0.0) {
                live[w++] = s;
            } else {
                release(s);
            }
        }
        liveCount = w;
    }

    private void release(int s) {
        aheadIds[s] = null;
        free[freeCount++] = s;
    }

    /**
     * A new order reaches the venue at {@code ts}.
     *
     * @param venueRejects whether the latency model marks the venue as refusing it
     */
    public void onNewOrder(int strategyIndex, long id, OrderRequest request, long ts, boolean venueRejects) {
        onNewOrder(strategyIndex, id, request.side(), request.type(), request.timeInForce(), request.price(),
                request.qty(), ts, venueRejects);
    }

    /**
     * A new order, given by the fields of its request, reaches the venue at {@code ts}.
     *
     * @param price        the limit price, {@link OrderRequest#MARKET_PRICE} for a market order
     * @param venueRejects whether the latency model marks the venue as refusing it
     */
    public void onNewOrder(int strategyIndex, long id, Side side, OrderType type, TimeInForce tif, double price,
                           double qty, long ts, boolean venueRejects) {
        if (venueRejects) {
            sink.ended(strategyIndex, id, ts, OrderStatus.REJECTED, REASON_VENUE_REJECT);
            return;
        }
        boolean isBuy = side == Side.BUY;
        Side opposite = side.opposite();
        boolean market = type == OrderType.MARKET;
        long ticks = 0;
        if (!market) {
            if (!onGrid(price, settings.orderTickSize())) {
                sink.ended(strategyIndex, id, ts, OrderStatus.REJECTED, REASON_OFF_TICK);
                return;
            }
            ticks = instrument.toTicks(price);
        }
        if (!onGrid(qty, settings.orderLotSize())) {
            sink.ended(strategyIndex, id, ts, OrderStatus.REJECTED, REASON_OFF_LOT);
            return;
        }
        long oppBest = isBuy ? view.bestAskTicks() : view.bestBidTicks();
        boolean oppEmpty = isBuy ? oppBest == OrderBook.NO_ASK : oppBest == OrderBook.NO_BID;
        boolean crosses = market ? !oppEmpty : !oppEmpty && (isBuy ? ticks >= oppBest : ticks <= oppBest);
        if (crosses && tif == TimeInForce.POST_ONLY) {
            sink.ended(strategyIndex, id, ts, OrderStatus.REJECTED, REASON_POST_ONLY_WOULD_CROSS);
            return;
        }
        double mid = view.mid();
        double queueAtEntry = market ? 0.0 : view.qtyAt(side, ticks);
        sink.accepted(strategyIndex, id, ts, queueAtEntry, mid);
        double remaining = qty;
        if (crosses && noPartialFill) {
            // hftbacktest's NoPartialFillExchange: the whole order at the opposite best, whatever its quantity.
            double fillPrice = instrument.toPrice(oppBest);
            sink.filled(strategyIndex, id, ts, fillPrice, qty, fees.fee(instrument, Liquidity.TAKER, fillPrice, qty),
                    Liquidity.TAKER);
            return;
        }
        if (crosses) {
            int levels = loadOpposite(opposite, strategyIndex);
            if (tif == TimeInForce.FOK) {
                double available = 0;
                for (int i = 0; i < levels && reachable(market, isBuy, ticks, walkTicks[i]); i++) {
                    available += walkQty[i];
                }
                if (available < remaining - qtyTolerance) {
                    sink.ended(strategyIndex, id, ts, OrderStatus.EXPIRED, REASON_FOK_NOT_FILLABLE);
                    return;
                }
            }
            for (int i = 0; i < levels && remaining > qtyTolerance && reachable(market, isBuy, ticks, walkTicks[i]); i++) {
                double take = Math.min(remaining, walkQty[i]);
                if (take <= qtyTolerance) {
                    continue;
                }
                double fillPrice = instrument.toPrice(walkTicks[i]);
                remaining -= take;
                takeFromBook(strategyIndex, opposite, walkTicks[i], take);
                sink.filled(strategyIndex, id, ts, fillPrice, take,
                        fees.fee(instrument, Liquidity.TAKER, fillPrice, take), Liquidity.TAKER);
            }
        } else if (tif == TimeInForce.FOK) {
            sink.ended(strategyIndex, id, ts, OrderStatus.EXPIRED, REASON_FOK_NOT_FILLABLE);
            return;
        }
        if (remaining <= qtyTolerance) {
            return;
        }
        if (market || tif == TimeInForce.IOC || tif == TimeInForce.FOK) {
            sink.ended(strategyIndex, id, ts, OrderStatus.CANCELED, REASON_IOC_REMAINDER);
            return;
        }
        rest(strategyIndex, id, isBuy, ticks, remaining, queueAtEntry);
    }

    private static boolean reachable(boolean market, boolean isBuy, long limit, long level) {
        return market || (isBuy ? level <= limit : level >= limit);
    }

    private boolean onGrid(double value, double grid) {
        double units = value / grid;
        return Math.abs(units - Math.rint(units)) <= Instrument.GRID_TOLERANCE;
    }

    /** The opposite side's levels, best first, less what this strategy already took from each. */
    private int loadOpposite(Side opposite, int owner) {
        int count = view.levelCount(opposite);
        if (walkTicks.length < count) {
            int capacity = Math.max(count, walkTicks.length * 2);
            walkTicks = new long[capacity];
            walkQty = new double[capacity];
        }
        int n = view.depth(opposite, walkTicks, walkQty, walkTicks.length);
        if (takenCount > 0) {
            boolean isBuy = opposite == Side.BUY;
            for (int i = 0; i < n; i++) {
                walkQty[i] = Math.max(0.0, walkQty[i] - taken(owner, isBuy, walkTicks[i]));
            }
        }
        return n;
    }

    private void takeFromBook(int owner, Side side, long ticks, double qty) {
        boolean isBuy = side == Side.BUY;
        recordTaken(owner, isBuy, ticks, qty);
        for (int i = 0; i < liveCount; i++) {
            int s = live[i];
            if (strategy[s] == owner && buy[s] == isBuy && priceTicks[s] == ticks) {
                ahead[s] = Math.max(0.0, ahead[s] - qty);
            }
        }
    }

    private void rest(int strategyIndex, long id, boolean isBuy, long ticks, double qty, double qtyAhead) {
        int s = allocateSlot();
        orderId[s] = id;
        strategy[s] = strategyIndex;
        buy[s] = isBuy;
        priceTicks[s] = ticks;
        leaves[s] = qty;
        ahead[s] = qtyAhead;
        traded[s] = 0.0;
        levelBeforeSnapshot[s] = qtyAhead;
        aheadIds[s] = null;
        behindCount[s] = 0;
        if (marketByOrder) {
            Side side = isBuy ? Side.BUY : Side.SELL;
            long[] ids = new long[mbo.orderCountAt(side, ticks)];
            mbo.ordersAt(side, ticks, ids);
            Arrays.sort(ids);
            aheadIds[s] = ids;
        }
        if (live.length == liveCount) {
            live = Arrays.copyOf(live, liveCount * 2);
        }
        live[liveCount++] = s;
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (slotsUsed == orderId.length) {
            int capacity = slotsUsed * 2;
            orderId = Arrays.copyOf(orderId, capacity);
            strategy = Arrays.copyOf(strategy, capacity);
            buy = Arrays.copyOf(buy, capacity);
            priceTicks = Arrays.copyOf(priceTicks, capacity);
            leaves = Arrays.copyOf(leaves, capacity);
            ahead = Arrays.copyOf(ahead, capacity);
            traded = Arrays.copyOf(traded, capacity);
            levelBeforeSnapshot = Arrays.copyOf(levelBeforeSnapshot, capacity);
            aheadIds = Arrays.copyOf(aheadIds, capacity);
            behindIds = Arrays.copyOf(behindIds, capacity);
            behindCount = Arrays.copyOf(behindCount, capacity);
            free = Arrays.copyOf(free, capacity);
        }
        return slotsUsed++;
    }

    /** A cancel of order {@code id} reaches the venue at {@code ts}: it is cancelled if still resting. */
    public void onCancel(int strategyIndex, long id, long ts) {
        int slot = find(id);
        if (slot < 0) {
            sink.cancelRejected(strategyIndex, id, ts, REASON_UNKNOWN_ORDER);
            return;
        }
        leaves[slot] = 0.0;
        compact();
        sink.ended(strategyIndex, id, ts, OrderStatus.CANCELED, "");
    }

    /**
     * The venue cancels every order of strategy {@code strategyIndex} resting here, by itself (a liquidation, a
     * delivery at expiry, a risk reduction): each ends {@link OrderStatus#CANCELED} with {@code reason}, in arrival
     * order. Orders still on their way to the venue are not touched.
     *
     * @return how many orders were cancelled
     */
    public int cancelAllOf(int strategyIndex, long ts, String reason) {
        long[] ids = null;
        int n = 0;
        for (int i = 0; i < liveCount; i++) {
            int slot = live[i];
            if (strategy[slot] == strategyIndex && leaves[slot] > 0.0) {
                if (ids == null) {
                    ids = new long[liveCount];
                }
                ids[n++] = orderId[slot];
                leaves[slot] = 0.0;
            }
        }
        if (n == 0) {
            return 0;
        }
        compact();
        for (int k = 0; k < n; k++) {
            sink.ended(strategyIndex, ids[k], ts, OrderStatus.CANCELED, reason);
        }
        return n;
    }

    private int find(long id) {
        for (int i = 0; i < liveCount; i++) {
            if (orderId[live[i]] == id) {
                return live[i];
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "SimulatedExchange[" + instrument.id() + ", queue=" + queue + ", fees=" + fees + ", latency="
                + settings.latency() + ", resting=" + liveCount + "]";
    }
}
