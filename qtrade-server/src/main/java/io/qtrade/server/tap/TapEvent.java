package io.qtrade.server.tap;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.OrderStatus;

import java.util.List;

/**
 * An event the engine thread handed to the server thread through a {@link TapRing}, as the server reads it: the ring
 * decodes each slot into one reused view (valid during the drain's call), which rebuilds records on demand
 * ({@link #report}, {@link #fill}). The engine writes only primitives into the ring (enums as ordinals, the
 * instrument as its index in the tap), so filling a slot stores no reference (a reference from a long-lived slot to a
 * young record would take the garbage collector's write-barrier slow path on the engine thread, and keep the record
 * alive).
 *
 * <p>Timestamps: {@code localTs} is the engine's clock (epoch nanoseconds, UTC); {@code publishedNanos} is
 * {@link System#nanoTime()} when the engine published a fill or the end of a run, for measuring the delay to a client,
 * and 0 for trade prints and order updates: they are many, so the engine skips that clock read and the server stamps
 * them when it takes them from the ring.
 */
public final class TapEvent {

    /** What a slot holds. */
    public enum Kind {
        /** A trade print: {@code instrument}, {@code side} (aggressor), {@code price}, {@code qty}. */
        TRADE,
        /** An own order's state change: {@code report}, and the order's {@code side/price/qty/orderType}. */
        ORDER_UPDATE,
        /** An own order's fill: {@code fill} and the position after it ({@code positionQty}, ...). */
        FILL,
        /** The strategy's {@code onStop} ran: the run is over for it. */
        STOPPED
    }

    /** The kind's ordinal (an int, not the enum reference: see the class comment). */
    int kind;
    int strategy;
    int instrument;
    long orderId;
    int status;
    double filledQty;
    double leavesQty;
    double lastFillPrice;
    double lastFillQty;
    /** The report's reason (a rejection's), else {@link ExecutionReport#NO_REASON}. */
    String reason;
    double fee;
    int liquidity;
    long exchTs;
    /** Aggressor side of a trade, order side of an order update: 0 buy, 1 sell. */
    int side;
    double price;
    double qty;
    int orderType;
    int timeInForce;
    long localTs;
    long publishedNanos;
    boolean external;
    double positionQty;
    double avgEntryPrice;
    double realizedPnl;
    double fees;
    double cash;

    /** What this slot holds. */
    public Kind kind() {
        return KINDS[kind];
    }

    private static final Kind[] KINDS = Kind.values();

    /** Index of the strategy in {@link EngineTap#strategyIds()}. */
    public int strategy() {
        return strategy;
    }

    /** Index of the instrument in {@link EngineTap#instruments()}. */
    public int instrument() {
        return instrument;
    }

    /**
     * The report of an {@link Kind#ORDER_UPDATE}, rebuilt from the slot (a new record equal to the engine's), else
     * null.
     *
     * @param instruments the tap's instruments ({@link EngineTap#instruments()})
     */
    public ExecutionReport report(List<Instrument> instruments) {
        if (kind != Kind.ORDER_UPDATE.ordinal()) {
            return null;
        }
        return new ExecutionReport(orderId, instruments.get(instrument), STATUSES[status], filledQty, leavesQty,
                lastFillPrice, lastFillQty, reason, exchTs, localTs);
    }

    /**
     * The fill of a {@link Kind#FILL}, rebuilt from the slot (a new record equal to the engine's), else null.
     *
     * @param instruments the tap's instruments ({@link EngineTap#instruments()})
     */
    public Fill fill(List<Instrument> instruments) {
        if (kind != Kind.FILL.ordinal()) {
            return null;
        }
        return new Fill(orderId, instruments.get(instrument), side == 0 ? Side.BUY : Side.SELL, price, qty, fee,
                LIQUIDITIES[liquidity], exchTs, localTs);
    }

    /** The order id of an {@link Kind#ORDER_UPDATE} or {@link Kind#FILL}. */
    public long orderId() {
        return orderId;
    }

    private static final OrderStatus[] STATUSES = OrderStatus.values();
    private static final Liquidity[] LIQUIDITIES = Liquidity.values();

    /** The order's status after an {@link Kind#ORDER_UPDATE}. */
    public OrderStatus status() {
        return STATUSES[status];
    }

    /** Filled quantity of the order after an {@link Kind#ORDER_UPDATE}. */
    public double filledQty() {
        return filledQty;
    }

    /** Quantity still working after an {@link Kind#ORDER_UPDATE}. */
    public double leavesQty() {
        return leavesQty;
    }

    /** The reason of an {@link Kind#ORDER_UPDATE} (a rejection's), else {@link ExecutionReport#NO_REASON}. */
    public String reason() {
        return reason;
    }

    /** The fee of a {@link Kind#FILL}, quote currency. */
    public double fee() {
        return fee;
    }

    /** Maker or taker, of a {@link Kind#FILL}. */
    public Liquidity liquidity() {
        return LIQUIDITIES[liquidity];
    }

    /** The venue's timestamp of an {@link Kind#ORDER_UPDATE} or {@link Kind#FILL}, epoch nanoseconds. */
    public long exchTs() {
        return exchTs;
    }

    /** 0 for buy, 1 for sell (aggressor side of a trade, the order's side of an update). */
    public int side() {
        return side;
    }

    /** Trade price, or the order's limit price (NaN for a market order). */
    public double price() {
        return price;
    }

    /** Trade quantity, or the order's quantity. */
    public double qty() {
        return qty;
    }

    /** Ordinal of the order's {@code OrderType}, -1 if unknown. */
    public int orderType() {
        return orderType;
    }

    /** Ordinal of the order's {@code TimeInForce}, -1 if unknown. */
    public int timeInForce() {
        return timeInForce;
    }

    /** The engine's clock at the event, epoch nanoseconds. */
    public long localTs() {
        return localTs;
    }

    /** {@link System#nanoTime()} when the engine published the event. */
    public long publishedNanos() {
        return publishedNanos;
    }

    /** Whether the order was placed through the server (the API) rather than by the strategy itself. */
    public boolean external() {
        return external;
    }

    /** Position after a fill, in the instrument's quantity unit. */
    public double positionQty() {
        return positionQty;
    }

    /** Average entry price of the position after a fill (NaN when flat). */
    public double avgEntryPrice() {
        return avgEntryPrice;
    }

    /** Strategy's realized PnL after a fill, quote currency. */
    public double realizedPnl() {
        return realizedPnl;
    }

    /** Strategy's total fees after a fill, quote currency. */
    public double fees() {
        return fees;
    }

    /** Strategy's cash after a fill, quote currency. */
    public double cash() {
        return cash;
    }
}
