package io.qtrade.core.order;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Where an order is in its life, as the strategy's side of the wire sees it.
 *
 * <p>The legal transitions ({@link #canTransitionTo}); any other is refused by {@link Order} with an
 * {@link IllegalOrderTransitionException}:
 * <table>
 *   <caption>Legal order status transitions</caption>
 *   <tr><th>from</th><th>to</th><th>when</th></tr>
 *   <tr><td>PENDING_NEW</td><td>NEW</td><td>the venue acknowledged the order</td></tr>
 *   <tr><td></td><td>REJECTED</td><td>the venue refused it (bad price, post-only would cross, risk)</td></tr>
 *   <tr><td></td><td>PARTIALLY_FILLED, FILLED</td><td>it traded on arrival before its ack reached us</td></tr>
 *   <tr><td></td><td>CANCELED, EXPIRED</td><td>an IOC/FOK rest was cancelled/killed before its ack reached us</td></tr>
 *   <tr><td></td><td>PENDING_CANCEL</td><td>the strategy asked to cancel before the ack arrived (the cancel chases
 *       the order; its ack, when it comes, leaves the status in PENDING_CANCEL)</td></tr>
 *   <tr><td>NEW</td><td>PARTIALLY_FILLED, FILLED</td><td>a fill</td></tr>
 *   <tr><td></td><td>PENDING_CANCEL</td><td>the strategy asked to cancel</td></tr>
 *   <tr><td></td><td>CANCELED, EXPIRED</td><td>an unsolicited cancel (IOC rest, self-trade prevention) or
 *       expiry</td></tr>
 *   <tr><td>PARTIALLY_FILLED</td><td>PARTIALLY_FILLED, FILLED</td><td>a further fill</td></tr>
 *   <tr><td></td><td>PENDING_CANCEL, CANCELED, EXPIRED</td><td>as from NEW</td></tr>
 *   <tr><td>PENDING_CANCEL</td><td>CANCELED</td><td>the cancel is confirmed</td></tr>
 *   <tr><td></td><td>FILLED</td><td>a fill completed the order: the fill won the race with the cancel</td></tr>
 *   <tr><td></td><td>PENDING_NEW, NEW, PARTIALLY_FILLED</td><td>the cancel was rejected: back to the live
 *       state, PARTIALLY_FILLED if something has filled, else NEW once acknowledged, else PENDING_NEW</td></tr>
 *   <tr><td></td><td>REJECTED</td><td>the order itself was refused while a cancel chased it (only before its ack
 *       and any fill)</td></tr>
 *   <tr><td></td><td>EXPIRED</td><td>the venue expired it while the cancel was in flight (a FOK killed, the
 *       session ended)</td></tr>
 *   <tr><td>FILLED, CANCELED, REJECTED, EXPIRED</td><td>none</td><td>terminal</td></tr>
 * </table>
 *
 * <p>Only a cancel rejected before the order's ack goes back to PENDING_NEW. A cancel may be sent at any time
 * before the order is terminal, also before its ack (venues take a cancel by client order id), as a strategy
 * reacting faster than its round trip does. A partial fill that arrives while a cancel
 * is in flight leaves the order in PENDING_CANCEL (the cancel is still outstanding; FIX gives Pending Cancel
 * precedence over Partially Filled); {@link Order#filledQty()} still grows.
 */
public enum OrderStatus {
    /** Sent, not yet acknowledged by the venue. */
    PENDING_NEW,
    /** Acknowledged and working, nothing filled. */
    NEW,
    /** Working, part filled. */
    PARTIALLY_FILLED,
    /** Completely filled. Terminal. */
    FILLED,
    /** A cancel was sent and is not yet confirmed or rejected; the order may still fill. */
    PENDING_CANCEL,
    /** Cancelled by request or by the venue (e.g. the unfilled rest of an IOC). Terminal. */
    CANCELED,
    /** Refused by the venue. Terminal. */
    REJECTED,
    /** Expired by the venue (e.g. a FOK that could not fill in full, end of session). Terminal. */
    EXPIRED;

    /** Whether the order is done: FILLED, CANCELED, REJECTED or EXPIRED. No transition leaves a terminal status. */
    public boolean isTerminal() {
        return this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED;
    }

    /**
     * Whether the order may still trade: every non-terminal status, including PENDING_NEW (the venue may already
     * hold it) and PENDING_CANCEL (a fill may win the race with the cancel).
     */
    public boolean isLive() {
        return !isTerminal();
    }

    /** Whether the table in the class Javadoc allows going from this status to {@code target}. */
    public boolean canTransitionTo(OrderStatus target) {
        Objects.requireNonNull(target, "target status");
        return switch (this) {
            case PENDING_NEW -> target == NEW || target == REJECTED || target == PARTIALLY_FILLED
                    || target == FILLED || target == PENDING_CANCEL || target == CANCELED || target == EXPIRED;
            case NEW -> target == PARTIALLY_FILLED || target == FILLED || target == PENDING_CANCEL
                    || target == CANCELED || target == EXPIRED;
            case PARTIALLY_FILLED -> target == PARTIALLY_FILLED || target == FILLED || target == PENDING_CANCEL
                    || target == CANCELED || target == EXPIRED;
            case PENDING_CANCEL -> target == PENDING_NEW || target == NEW || target == PARTIALLY_FILLED
                    || target == FILLED || target == CANCELED || target == REJECTED || target == EXPIRED;
            case FILLED, CANCELED, REJECTED, EXPIRED -> false;
        };
    }

    /** The statuses this one may go to, in declaration order; empty for a terminal status. A fresh unmodifiable set. */
    public Set<OrderStatus> legalTargets() {
        EnumSet<OrderStatus> targets = EnumSet.noneOf(OrderStatus.class);
        for (OrderStatus s : values()) {
            if (canTransitionTo(s)) {
                targets.add(s);
            }
        }
        return Collections.unmodifiableSet(targets);
    }
}
