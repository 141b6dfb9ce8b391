package io.qtrade.core.order;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;

/**
 * A read-only view of one order's state, as last reported: what a strategy may look at without being able to drive
 * the order's lifecycle (only the venue, simulated or live, does that through {@link Order}). The view is live: it
 * shows the order's current state, not a snapshot; take an {@link ExecutionReport} for a snapshot.
 */
public interface OrderView {

    long orderId();

    OrderRequest request();

    Instrument instrument();

    Side side();

    /** The limit price; {@link OrderRequest#MARKET_PRICE} (NaN) for a market order. */
    double price();

    double qty();

    OrderType type();

    TimeInForce timeInForce();

    /** When the order was created, epoch nanoseconds. */
    long createdTs();

    OrderStatus status();

    /** Whether the venue's acknowledgement has arrived. */
    boolean isAcknowledged();

    double filledQty();

    /** {@code qty - filledQty} while the order is live, 0 once it is terminal. */
    double leavesQty();

    /** The volume-weighted average price of the fills, NaN before any. */
    double avgFillPrice();

    /** Fees paid on the fills, quote currency; negative for net rebates. */
    double fees();

    /** The venue's reason for rejecting the order, {@code ""} when none. */
    String rejectReason();

    /** The venue's reason for the last cancel reject, {@code ""} when none. */
    String cancelRejectReason();

    /** When the latest lifecycle event happened, epoch nanoseconds. */
    long lastUpdateTs();
}
