package io.qtrade.strategies.execution;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.MarketEvent;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Works one {@link ParentOrder} as child orders following an {@link ExecutionSchedule} (TWAP, VWAP, POV): a
 * {@link Strategy}, so the same object runs in a backtest, in paper trading and live.
 *
 * <h2>Rules</h2>
 * With {@code T(t)} the schedule's target, {@code D} the quantity of the finished children and {@code [s, e)} the
 * slice containing {@code t}:
 * <ul>
 *   <li>At most one child is live at a time, so {@code D + live child's qty <= T(t) <= parent qty}: the parent is never
 *       exceeded, whatever fills race a cancel.</li>
 *   <li><b>Passive window</b> {@code [s, e - lead)}: a GTC limit child for {@code T(t) - D} rests at the own-side touch
 *       (bid for a buy), capped by the limit price; it is cancelled and re-posted when the touch moves.</li>
 *   <li><b>Catch-up</b> {@code [e - lead, e)}: if {@code D < T(t)}, the resting child is cancelled and, once the
 *       cancel is confirmed, IOC children take the shortfall: at the parent's limit price when there is one
 *       (marketable within the limit: the order walks the book up to it), else at the opposite touch. An IOC that fills
 *       nothing waits for the next book update before another is sent, and without a limit the next one is priced one
 *       more tick through the touch per miss in a row: a simulated venue counts the quantity earlier children took
 *       from a level as gone until the feed shows it refilled, while the feed (and so the strategy's book) still shows
 *       it. A POV schedule's slice ends at once, so POV
 *       always trades this way.</li>
 *   <li><b>Limit price protection</b>: no child is priced beyond the limit; while the opposite touch lies beyond it,
 *       catch-up waits ({@link ParentOrderReport#limitHolds()} counts the episodes).</li>
 *   <li><b>Child size</b>: {@code min(T(t) - D, maxChildQty)} rounded down to lots, not sent below
 *       {@code minChildQty} unless it completes the parent.</li>
 *   <li><b>End</b>: at {@code endNanos} the live child is cancelled and nothing more is sent.</li>
 * </ul>
 * Market volume for the schedule and the report counts the trade prints the strategy sees on the parent's
 * instrument with {@code localTs} in {@code [start, end)}.
 *
 * <p>The child's state is taken from its {@link ExecutionReport}s (never from {@code StrategyContext.order}, which an
 * engine may forget once an order finished). After warm-up the decision path allocates nothing but what the {@link StrategyContext} allocates per order.
 * Not thread-safe (the engine calls it on one thread). {@link #report()} builds the {@link ParentOrderReport}.
 */
public final class ExecutionAlgo implements Strategy {

    /** Default lead of the catch-up before each slice end: one second. */
    public static final long DEFAULT_CATCH_UP_LEAD_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final long NO_ORDER = Long.MIN_VALUE;
    private static final long NO_TIMER = Long.MIN_VALUE;

    private final ExecutionSchedule schedule;
    private final ParentOrder parent;
    private final long catchUpLeadNanos;
    private final double minChildQty;
    private final double maxChildQty;
    private final boolean passive;
    private final boolean buy;
    private final double halfLot;
    private final long limitTicks;

    private StrategyContext context;
    private int instrument;
    private long timerId = NO_TIMER;
    private boolean finished;
    private double arrivalMid = Double.NaN;
    private double marketVolume;
    private double doneQty;
    private long child = NO_ORDER;
    private boolean childAggressive;
    private double childFilledQty;
    private boolean childTerminal;
    private boolean cancelRequested;
    private long childPriceTicks;
    private boolean waitForBook;
    /** Aggressive children in a row that filled nothing: each prices the next one tick further through the touch. */
    private int aggressiveMisses;
    private boolean limitHeld;
    private long heldSliceEnd;
    private long limitHolds;

    private double filledQty;
    private double filledNotional;
    private double fees;
    private double makerFilledQty;
    private int childrenSent;
    private int childrenFilled;
    private long lastFilledOrder = NO_ORDER;
    private long completionNanos = ParentOrderReport.NOT_COMPLETED;

    private ExecutionAlgo(Builder b) {
        this.schedule = b.schedule;
        this.parent = b.schedule.parent();
        this.catchUpLeadNanos = b.catchUpLeadNanos;
        this.minChildQty = b.minChildQty;
        this.maxChildQty = b.maxChildQty;
        this.passive = b.passive;
        this.buy = parent.side() == Side.BUY;
        this.halfLot = parent.instrument().lotSize() / 2;
        this.limitTicks = parent.limitTicks();
    }

    /** A builder for an algorithm following {@code schedule} (which names the parent order). */
    public static Builder builder(ExecutionSchedule schedule) {
        return new Builder(schedule);
    }

    @Override
    public void onStart(StrategyContext ctx) {
        this.context = ctx;
        this.instrument = ctx.instrumentIndex(parent.instrument());
        timerId = ctx.scheduleAt(Math.max(ctx.nowNanos(), parent.startNanos()));
    }

    @Override
    public void onTimer(long id, long nowNanos) {
        if (id != timerId) {
            return;
        }
        timerId = NO_TIMER;
        evaluate(nowNanos);
        if (!finished) {
            long next = parent.endNanos();
            if (nowNanos < parent.startNanos()) {
                next = parent.startNanos();
            }
            long sliceStart = schedule.nextSliceStartNanos(nowNanos);
            if (sliceStart > nowNanos) {
                next = Math.min(next, sliceStart);
            }
            long catchUp = schedule.sliceEndNanos(nowNanos) - catchUpLeadNanos;
            if (catchUp > nowNanos) {
                next = Math.min(next, catchUp);
            }
            timerId = context.scheduleAt(next);
        }
    }

    @Override
    public void onBook(int instrumentIndex, OrderBookView book) {
        if (instrumentIndex == instrument) {
            waitForBook = false;
            evaluate(context.nowNanos());
        }
    }

    @Override
    public void onTrade(int instrumentIndex, MarketEvent trade) {
        if (instrumentIndex == instrument && trade.localTs() >= parent.startNanos()
                && trade.localTs() < parent.endNanos()) {
            marketVolume += trade.qty();
            evaluate(context.nowNanos());
        }
    }

    @Override
    public void onOrderUpdate(ExecutionReport report) {
        if (report.orderId() != child) {
            return;
        }
        childFilledQty = report.filledQty();
        OrderStatus status = report.status();
        if (status.isTerminal()) {
            childTerminal = true;
        } else if (cancelRequested && status != OrderStatus.PENDING_CANCEL) {
            cancelRequested = false;   // the cancel was rejected: the child is working again
        }
        evaluate(context.nowNanos());
    }

    @Override
    public void onFill(Fill fill) {
        if (!fill.instrument().equals(parent.instrument())) {
            return;
        }
        filledQty += fill.qty();
        filledNotional += fill.price() * fill.qty();
        fees += fill.fee();
        if (fill.liquidity() == Liquidity.MAKER) {
            makerFilledQty += fill.qty();
        }
        if (fill.orderId() != lastFilledOrder) {
            childrenFilled++;
            lastFilledOrder = fill.orderId();
        }
        if (completionNanos == ParentOrderReport.NOT_COMPLETED && filledQty > parent.qty() - halfLot) {
            completionNanos = fill.localTs();
        }
    }

    @Override
    public void onStop() {
        if (context != null && !finished && context.nowNanos() >= parent.endNanos()) {
            finish();
        }
    }

    private void evaluate(long now) {
        if (finished || now < parent.startNanos()) {
            return;
        }
        OrderBookView book = context.book(instrument);
        if (Double.isNaN(arrivalMid)) {
            arrivalMid = book.mid();
        }
        if (now >= parent.endNanos()) {
            finish();
            return;
        }
        boolean aggressive = now >= schedule.sliceEndNanos(now) - catchUpLeadNanos;
        if (child != NO_ORDER) {
            if (!childTerminal) {
                if (!cancelRequested && !childAggressive
                        && (aggressive || passivePriceTicks(book) != childPriceTicks)) {
                    cancelRequested = context.cancel(child);
                }
                return;
            }
            doneQty += childFilledQty;
            if (childAggressive && childFilledQty == 0) {
                waitForBook = true;
                aggressiveMisses++;
            } else if (childAggressive) {
                aggressiveMisses = 0;
            }
            child = NO_ORDER;
        }
        double shortfall = schedule.targetQty(now, marketVolume) - doneQty;
        if (shortfall < halfLot) {
            return;
        }
        Instrument inst = parent.instrument();
        double qty = inst.roundDownToLot(Math.min(shortfall, maxChildQty));
        if (qty < halfLot || (qty < minChildQty - halfLot && qty < parent.qty() - doneQty - halfLot)) {
            return;
        }
        if (aggressive) {
            if (waitForBook) {
                return;
            }
            long touch = buy ? book.bestAskTicks() : book.bestBidTicks();
            if (touch == (buy ? OrderBook.NO_ASK : OrderBook.NO_BID)) {
                return;
            }
            if (buy ? touch > limitTicks : touch < limitTicks) {
                // an episode ends when a child is sent or, for a time schedule, when a new slice begins
                long sliceEnd = schedule.sliceEndNanos(now);
                if (!limitHeld || (sliceEnd != now && sliceEnd != heldSliceEnd)) {
                    limitHeld = true;
                    heldSliceEnd = sliceEnd;
                    limitHolds++;
                }
                return;
            }
            limitHeld = false;
            long priceTicks = parent.hasLimit() ? limitTicks
                    : buy ? touch + aggressiveMisses : touch - aggressiveMisses;
            send(priceTicks, qty, TimeInForce.IOC, true);
        } else if (passive) {
            long priceTicks = passivePriceTicks(book);
            if (priceTicks != NO_ORDER) {
                send(priceTicks, qty, TimeInForce.GTC, false);
            }
        }
    }

    /** The own-side touch capped by the limit, or {@link #NO_ORDER} when the own side is empty. */
    private long passivePriceTicks(OrderBookView book) {
        if (buy) {
            long bid = book.bestBidTicks();
            return bid == OrderBook.NO_BID ? NO_ORDER : Math.min(bid, limitTicks);
        }
        long ask = book.bestAskTicks();
        return ask == OrderBook.NO_ASK ? NO_ORDER : Math.max(ask, limitTicks);
    }

    private void send(long priceTicks, double qty, TimeInForce tif, boolean aggressiveChild) {
        child = context.submitLimit(instrument, parent.side(), parent.instrument().toPrice(priceTicks), qty, tif);
        childAggressive = aggressiveChild;
        childFilledQty = 0;
        childTerminal = false;
        cancelRequested = false;
        childPriceTicks = priceTicks;
        childrenSent++;
    }

    private void finish() {
        finished = true;
        if (child != NO_ORDER && !childTerminal && !cancelRequested) {
            cancelRequested = context.cancel(child);
        }
        if (timerId != NO_TIMER) {
            context.cancelTimer(timerId);
            timerId = NO_TIMER;
        }
    }

    /** The completion report so far (final once the window has ended and the last child's outcome has arrived). */
    public ParentOrderReport report() {
        double avg = filledQty > 0 ? filledNotional / filledQty : Double.NaN;
        double slippage = filledQty > 0 && arrivalMid > 0
                ? parent.side().sign() * (avg - arrivalMid) / arrivalMid * 1e4 : Double.NaN;
        double participation = marketVolume > 0 ? filledQty / marketVolume : Double.NaN;
        return new ParentOrderReport(parent, filledQty, avg, arrivalMid, slippage, fees, marketVolume, participation,
                childrenSent, childrenFilled, makerFilledQty, limitHolds, completionNanos);
    }

    /** The schedule followed. */
    public ExecutionSchedule schedule() {
        return schedule;
    }

    /** Whether the window has ended (no child is sent any more). */
    public boolean isFinished() {
        return finished;
    }

    @Override
    public String toString() {
        return "ExecutionAlgo[" + schedule + ", catchUpLeadNanos=" + catchUpLeadNanos + ", minChildQty="
                + minChildQty + ", maxChildQty=" + maxChildQty + ", passive=" + passive + "]";
    }

    /** Options of an {@link ExecutionAlgo}; {@link #build()} checks them together. */
    public static final class Builder {
        private final ExecutionSchedule schedule;
        private long catchUpLeadNanos = DEFAULT_CATCH_UP_LEAD_NANOS;
        private double minChildQty;
        private double maxChildQty = Double.POSITIVE_INFINITY;
        private boolean passive = true;

        private Builder(ExecutionSchedule schedule) {
            this.schedule = Objects.requireNonNull(schedule, "execution algo: schedule must not be null");
            this.minChildQty = schedule.parent().instrument().lotSize();
        }

        /**
         * How long before each slice end the catch-up starts, nanoseconds, {@code > 0}; more than the order round
         * trip so catch-up fills land inside the slice (at least the slice length: always aggressive).
         * {@link #DEFAULT_CATCH_UP_LEAD_NANOS} unless set.
         */
        public Builder catchUpLeadNanos(long nanos) {
            this.catchUpLeadNanos = nanos;
            return this;
        }

        /** Smallest child, instrument units, whole lots; one lot unless set. */
        public Builder minChildQty(double qty) {
            this.minChildQty = qty;
            return this;
        }

        /** Largest child, instrument units, whole lots (or infinity, the default). */
        public Builder maxChildQty(double qty) {
            this.maxChildQty = qty;
            return this;
        }

        /**
         * Whether children rest passively at the own-side touch before the catch-up (default true); false sends only
         * catch-up children.
         */
        public Builder passive(boolean passive) {
            this.passive = passive;
            return this;
        }

        /**
         * The algorithm.
         *
         * @throws IllegalArgumentException naming every invalid option
         */
        public ExecutionAlgo build() {
            Instrument inst = schedule.parent().instrument();
            StringBuilder problems = new StringBuilder();
            if (catchUpLeadNanos <= 0) {
                problems.append("; catchUpLeadNanos must be > 0 (without a catch-up window a slice is never caught"
                        + " up), was ").append(catchUpLeadNanos);
            }
            if (!(minChildQty > 0) || Double.isInfinite(minChildQty) || !inst.isOnLotGrid(minChildQty)) {
                problems.append("; minChildQty must be a positive whole number of lots (lot size ")
                        .append(inst.lotSize()).append("), was ").append(minChildQty);
            }
            if (!(maxChildQty > 0) || (!Double.isInfinite(maxChildQty) && !inst.isOnLotGrid(maxChildQty))) {
                problems.append("; maxChildQty must be a positive whole number of lots or infinity, was ")
                        .append(maxChildQty);
            }
            if (maxChildQty < minChildQty) {
                problems.append("; maxChildQty ").append(maxChildQty).append(" is below minChildQty ")
                        .append(minChildQty);
            }
            if (problems.length() > 0) {
                throw new IllegalArgumentException("execution algo for " + inst.id() + ": " + problems.substring(2));
            }
            return new ExecutionAlgo(this);
        }
    }
}
