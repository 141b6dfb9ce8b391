package io.qtrade.core.order;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import java.util.Objects;

/**
 * The life of one order on the strategy's side: its request, status, filled and leaves quantity, average fill
 * price and fees. Each lifecycle method moves the status through the table in {@link OrderStatus}; a move the
 * table (or the method) does not allow throws {@link IllegalOrderTransitionException} and leaves the order as it
 * was.
 *
 * <p>Quantities, in instrument units:
 * <pre>{@code
 * filledQty    = sum of fill qtys                       (snapped to qty when the order completes)
 * leavesQty    = qty - filledQty   while live;  0 once terminal (FIX convention: nothing more can trade)
 * avgFillPrice = sum(fillPrice_i * fillQty_i) / sum(fillQty_i)   (VWAP of the fills; NaN before any fill)
 * fees         = sum of fill fees (negative = net maker rebate)
 * }</pre>
 * A fill completes the order when {@code filledQty >= qty - tol} and overfills it when
 * {@code filledQty > qty + tol}, with {@code tol = max(1e-9 * lotSize, 1e-12 * qty)}, which absorbs the binary
 * rounding of summed decimal quantities (0.1 + 0.2 != 0.3) and nothing a venue would send.
 *
 * <p>Timestamps are {@code long} epoch nanoseconds as the caller's clock stamps each event; they are recorded, not
 * checked for order. Mutable and not thread-safe: one order belongs to one event loop.
 */
public final class Order implements OrderView {

    /** {@link #avgFillPrice()} and {@link #lastFillPrice()} when there is no fill to report. */
    public static final double NO_PRICE = Double.NaN;
    /** A reason that is absent. */
    public static final String NO_REASON = "";

    private static final double LOT_TOLERANCE = 1e-9;
    private static final double QTY_TOLERANCE = 1e-12;

    private long orderId;
    private Instrument instrument;
    private Side side;
    private OrderType type;
    private TimeInForce timeInForce;
    private double price;
    private double qty;
    private long createdTs;
    private double qtyTolerance;
    /** The request this order was made from, or built from the fields on first {@link #request()}; null until then. */
    private OrderRequest request;

    private OrderStatus status;
    private double filledQty;
    private boolean acknowledged;
    private double fillQtySum;
    private double fillPriceQtySum;
    private double fees;
    private double lastFillQty;
    private double lastFillPrice;
    private String rejectReason;
    private String cancelRejectReason;
    private String cancelReason;
    private String lastEventReason;
    private long lastUpdateTs;

    /**
     * A new order in {@link OrderStatus#PENDING_NEW}.
     *
     * @param orderId   the strategy's id for the order (the client order id)
     * @param request   what was asked for
     * @param createdTs when it was created, epoch nanoseconds; also the first {@link #lastUpdateTs()}
     */
    public Order(long orderId, OrderRequest request, long createdTs) {
        if (request == null) {
            throw new NullPointerException("order " + orderId + ": request must not be null");
        }
        start(orderId, request.instrument(), request.side(), request.type(), request.timeInForce(), request.price(),
                request.qty(), createdTs);
        this.request = request;
    }

    /**
     * A new order in {@link OrderStatus#PENDING_NEW} from the fields of a request, checked by the rules of
     * {@link OrderRequest}; no {@link OrderRequest} is allocated until {@link #request()} asks for one.
     *
     * @param orderId   the strategy's id for the order (the client order id)
     * @param createdTs when it was created, epoch nanoseconds; also the first {@link #lastUpdateTs()}
     * @throws NullPointerException     for a null instrument, side, type or time in force
     * @throws IllegalArgumentException for a qty or price {@link OrderRequest} refuses
     */
    public Order(long orderId, Instrument instrument, Side side, OrderType type, TimeInForce timeInForce,
                 double price, double qty, long createdTs) {
        reuse(orderId, instrument, side, type, timeInForce, price, qty, createdTs);
    }

    /**
     * Starts this object over as another order, exactly as the field constructor would build it: PENDING_NEW, nothing
     * filled, no fees, no reasons. For engines that pool orders so that a quoting strategy allocates nothing per
     * order (the backtester's {@code OrderHistory.OPEN_ONLY}); whoever still holds this object sees the new order,
     * so an engine reuses an order only once its owner has been told it finished.
     *
     * @throws NullPointerException     for a null instrument, side, type or time in force
     * @throws IllegalArgumentException for a qty or price {@link OrderRequest} refuses; the object is then unchanged
     */
    public void reuse(long orderId, Instrument instrument, Side side, OrderType type, TimeInForce timeInForce,
                      double price, double qty, long createdTs) {
        OrderRequest.check(instrument, side, type, timeInForce, price, qty);
        start(orderId, instrument, side, type, timeInForce, price, qty, createdTs);
        this.request = null;
    }

    private void start(long orderId, Instrument instrument, Side side, OrderType type, TimeInForce timeInForce,
                       double price, double qty, long createdTs) {
        this.orderId = orderId;
        this.instrument = instrument;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.price = price;
        this.qty = qty;
        this.createdTs = createdTs;
        this.qtyTolerance = Math.max(LOT_TOLERANCE * instrument.lotSize(), QTY_TOLERANCE * qty);
        this.status = OrderStatus.PENDING_NEW;
        this.filledQty = 0.0;
        this.acknowledged = false;
        this.fillQtySum = 0.0;
        this.fillPriceQtySum = 0.0;
        this.fees = 0.0;
        this.lastFillQty = 0.0;
        this.lastFillPrice = NO_PRICE;
        this.rejectReason = NO_REASON;
        this.cancelRejectReason = NO_REASON;
        this.cancelReason = NO_REASON;
        this.lastEventReason = NO_REASON;
        this.lastUpdateTs = createdTs;
    }

    public long orderId() {
        return orderId;
    }

    /** What was asked for; built from the order's fields (once) if the order was not made from a request. */
    public OrderRequest request() {
        OrderRequest r = request;
        if (r == null) {
            r = new OrderRequest(instrument, side, type, timeInForce, price, qty);
            request = r;
        }
        return r;
    }

    public Instrument instrument() {
        return instrument;
    }

    public Side side() {
        return side;
    }

    /** The limit price; {@link OrderRequest#MARKET_PRICE} (NaN) for a market order. */
    public double price() {
        return price;
    }

    /** The ordered quantity. */
    public double qty() {
        return qty;
    }

    public OrderType type() {
        return type;
    }

    public TimeInForce timeInForce() {
        return timeInForce;
    }

    public long createdTs() {
        return createdTs;
    }

    public OrderStatus status() {
        return status;
    }

    public double filledQty() {
        return filledQty;
    }

    /** {@code qty - filledQty} while the order is live, 0 once it is terminal. */
    public double leavesQty() {
        return status.isTerminal() ? 0.0 : qty - filledQty;
    }

    /** The VWAP of the fills so far, {@link #NO_PRICE} (NaN) before the first fill. */
    public double avgFillPrice() {
        return fillQtySum > 0 ? fillPriceQtySum / fillQtySum : NO_PRICE;
    }

    /** The sum of the fills' fees in quote currency; negative when maker rebates exceed fees paid. */
    public double fees() {
        return fees;
    }

    /** Why the venue rejected the order; {@link #NO_REASON} unless the status is {@link OrderStatus#REJECTED}. */
    public String rejectReason() {
        return rejectReason;
    }

    /**
     * Why the venue cancelled the order by itself (a liquidation, a delivery, a risk reduction, the unfilled rest of an
     * IOC); {@link #NO_REASON} for a cancel the strategy asked for, and unless the status is {@link OrderStatus#CANCELED}.
     */
    public String cancelReason() {
        return cancelReason;
    }

    /** Why the venue refused the latest cancel request; {@link #NO_REASON} if none was refused. */
    public String cancelRejectReason() {
        return cancelRejectReason;
    }

    /** The qty of the latest event if it was a fill, 0 otherwise. */
    public double lastFillQty() {
        return lastFillQty;
    }

    /** The price of the latest event if it was a fill, {@link #NO_PRICE} otherwise. */
    public double lastFillPrice() {
        return lastFillPrice;
    }

    /** The reason the latest event carried (a reject, cancel or cancel-reject reason), {@link #NO_REASON} otherwise. */
    String lastEventReason() {
        return lastEventReason;
    }

    /** When the latest lifecycle event happened (the creation time before any), epoch nanoseconds. */
    public long lastUpdateTs() {
        return lastUpdateTs;
    }

    /**
     * The venue acknowledged the order: PENDING_NEW to NEW. An ack overtaken by our own cancel (PENDING_CANCEL) or
     * by a partial fill (PARTIALLY_FILLED) is recorded ({@link #isAcknowledged()}) and leaves the status as it is.
     * Any other ack is refused: a second ack, or one that finds the order terminal (drop it).
     */
    public void acknowledge(long ts) {
        if (!acknowledged && (status == OrderStatus.PENDING_CANCEL || status == OrderStatus.PARTIALLY_FILLED)) {
            acknowledged = true;
            lastUpdateTs = ts;
            lastEventReason = NO_REASON;
            return;
        }
        if (status != OrderStatus.PENDING_NEW && status.canTransitionTo(OrderStatus.NEW)) {
            throw new IllegalOrderTransitionException(orderId, instrument(), status, OrderStatus.NEW,
                    "an acknowledgement is legal only from PENDING_NEW, or once from a PENDING_CANCEL or PARTIALLY_FILLED it trails; "
                            + "PENDING_CANCEL returns to NEW only on a cancel reject");
        }
        moveTo(OrderStatus.NEW, ts);
        acknowledged = true;
    }

    /** Whether the venue's acknowledgement has arrived. */
    public boolean isAcknowledged() {
        return acknowledged;
    }

    /**
     * A fill of {@code qty} at {@code price}. The status becomes FILLED if this completes the order, otherwise
     * PARTIALLY_FILLED, except that an order in PENDING_CANCEL stays there (its cancel is still in flight).
     *
     * @param qty   filled quantity, finite and {@code > 0}, at most {@link #leavesQty()}
     * @param price fill price, finite
     * @param fee   fee in quote currency, finite; negative is a maker rebate
     * @param ts    when the fill happened, epoch nanoseconds
     * @throws IllegalArgumentException         for a non-positive or non-finite qty, a non-finite price or fee, or
     *                                          an overfill; the message names the order, instrument, leaves qty and
     *                                          the fill qty
     * @throws IllegalOrderTransitionException  if the order is terminal
     */
    public void fill(double qty, double price, double fee, long ts) {
        if (!(qty > 0) || Double.isInfinite(qty)) {
            throw new IllegalArgumentException(where() + ": fill qty must be finite and > 0, was " + qty
                    + " (leaves qty " + leavesQty() + ")");
        }
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException(where() + ": fill price must be finite, was " + price
                    + " (fill qty " + qty + ")");
        }
        if (!Double.isFinite(fee)) {
            throw new IllegalArgumentException(where() + ": fill fee must be finite, was " + fee
                    + " (fill qty " + qty + " at " + price + ")");
        }
        double newFilled = filledQty + qty;
        boolean completes = newFilled >= this.qty - qtyTolerance;
        OrderStatus target = completes ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        if (!status.canTransitionTo(target)) {
            throw new IllegalOrderTransitionException(orderId, instrument(), status, target,
                    "fill qty " + qty + " at " + price);
        }
        if (newFilled > this.qty + qtyTolerance) {
            throw new IllegalArgumentException(where() + ": fill qty " + qty + " exceeds leaves qty " + leavesQty()
                    + " (order qty " + this.qty + ", filled qty " + filledQty + ", status " + status
                    + "); an overfill means the venue and this order disagree");
        }
        filledQty = completes ? this.qty : newFilled;
        fillQtySum += qty;
        fillPriceQtySum += price * qty;
        fees += fee;
        status = target == OrderStatus.PARTIALLY_FILLED && status == OrderStatus.PENDING_CANCEL
                ? OrderStatus.PENDING_CANCEL : target;
        lastUpdateTs = ts;
        lastFillQty = qty;
        lastFillPrice = price;
        lastEventReason = NO_REASON;
    }

    /** The strategy sent a cancel: PENDING_NEW, NEW or PARTIALLY_FILLED to PENDING_CANCEL. */
    public void requestCancel(long ts) {
        moveTo(OrderStatus.PENDING_CANCEL, ts);
    }

    /**
     * The venue refused the cancel in flight: PENDING_CANCEL back to the live state, PARTIALLY_FILLED if something
     * has filled, else NEW if the order was acknowledged, else PENDING_NEW. Legal only from PENDING_CANCEL. A reject that arrives after a fill completed the
     * order (the fill won the race) finds it FILLED and throws: the caller drops it, the order being terminal.
     *
     * @param reason the venue's reason, kept in {@link #cancelRejectReason()}
     */
    public void cancelRejected(long ts, String reason) {
        Objects.requireNonNull(reason, () -> where() + ": cancel reject reason must not be null, use NO_REASON");
        OrderStatus target = filledQty > 0 ? OrderStatus.PARTIALLY_FILLED
                : acknowledged ? OrderStatus.NEW : OrderStatus.PENDING_NEW;
        if (status != OrderStatus.PENDING_CANCEL) {
            throw new IllegalOrderTransitionException(orderId, instrument(), status, target,
                    "a cancel reject is legal only from PENDING_CANCEL");
        }
        moveTo(target, ts);
        cancelRejectReason = reason;
        lastEventReason = reason;
    }

    /** The venue confirmed a cancel, requested or not: to CANCELED. */
    public void cancel(long ts) {
        moveTo(OrderStatus.CANCELED, ts);
    }

    /**
     * The venue cancelled the order for {@code reason} (a cancel it was not asked for: a liquidation, a delivery at
     * expiry, the unfilled rest of an IOC): to CANCELED, the reason kept in {@link #cancelReason()} and carried by the
     * next {@link ExecutionReport}.
     */
    public void cancel(long ts, String reason) {
        Objects.requireNonNull(reason, () -> where() + ": cancel reason must not be null, use NO_REASON");
        moveTo(OrderStatus.CANCELED, ts);
        cancelReason = reason;
        lastEventReason = reason;
    }

    /**
     * The venue refused the order: PENDING_NEW to REJECTED, or PENDING_CANCEL to REJECTED when a cancel chased an
     * order that was never acknowledged nor filled.
     *
     * @param reason the venue's reason, kept in {@link #rejectReason()}
     */
    public void reject(long ts, String reason) {
        Objects.requireNonNull(reason, () -> where() + ": reject reason must not be null, use NO_REASON");
        if (status == OrderStatus.PENDING_CANCEL && (acknowledged || filledQty > 0)) {
            throw new IllegalOrderTransitionException(orderId, instrument(), status, OrderStatus.REJECTED,
                    "an order that was acknowledged or filled cannot be rejected");
        }
        moveTo(OrderStatus.REJECTED, ts);
        rejectReason = reason;
        lastEventReason = reason;
    }

    /** The venue expired the order (a killed FOK, end of session): to EXPIRED. */
    public void expire(long ts) {
        moveTo(OrderStatus.EXPIRED, ts);
    }

    private void moveTo(OrderStatus target, long ts) {
        if (!status.canTransitionTo(target)) {
            throw new IllegalOrderTransitionException(orderId, instrument(), status, target);
        }
        status = target;
        lastUpdateTs = ts;
        lastFillQty = 0.0;
        lastFillPrice = NO_PRICE;
        lastEventReason = NO_REASON;
    }

    private String where() {
        return "order " + orderId + " (" + instrument().id() + ")";
    }

    @Override
    public String toString() {
        return "Order[orderId=" + orderId
                + ", instrument=" + instrument().id()
                + ", side=" + side()
                + ", type=" + type()
                + ", timeInForce=" + timeInForce()
                + ", price=" + price()
                + ", qty=" + qty()
                + ", status=" + status
                + ", acknowledged=" + acknowledged
                + ", filledQty=" + filledQty
                + ", leavesQty=" + leavesQty()
                + ", avgFillPrice=" + avgFillPrice()
                + ", fees=" + fees
                + ", rejectReason=" + rejectReason
                + ", cancelRejectReason=" + cancelRejectReason
                + ", createdTs=" + createdTs
                + ", lastUpdateTs=" + lastUpdateTs
                + "]";
    }
}
