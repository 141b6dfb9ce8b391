package io.qtrade.server.tap;

import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;

/**
 * One slot of a {@link TapRing}: an event the engine thread hands to the server thread. The engine writes the fields
 * of a claimed slot and publishes it; the server reads them and releases the slot. A slot is reused, never allocated
 * per event; the {@link ExecutionReport} and {@link Fill} it points to are the engine's own records (already
 * allocated by the engine), so handing them over costs a reference store.
 *
 * <p>Timestamps: {@code localTs} is the engine's clock (epoch nanoseconds, UTC); {@code publishedNanos} is
 * {@link System#nanoTime()} when the engine published the slot, for measuring the delay to a client.
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

    Kind kind;
    int strategy;
    int instrument;
    ExecutionReport report;
    Fill fill;
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
        return kind;
    }

    /** Index of the strategy in {@link EngineTap#strategyIds()}. */
    public int strategy() {
        return strategy;
    }

    /** Index of the instrument in {@link EngineTap#instruments()}. */
    public int instrument() {
        return instrument;
    }

    /** The report of an {@link Kind#ORDER_UPDATE}, else null. */
    public ExecutionReport report() {
        return report;
    }

    /** The fill of a {@link Kind#FILL}, else null. */
    public Fill fill() {
        return fill;
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

    void clear() {
        report = null;
        fill = null;
    }
}
