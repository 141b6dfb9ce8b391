package io.qtrade.core.order;

import io.qtrade.core.Instrument;
import java.util.Set;

/**
 * An order was asked to change status in a way {@link OrderStatus#canTransitionTo} (or the lifecycle method
 * called) does not allow. The message names the order id, the instrument, both statuses and the legal targets:
 * <pre>{@code
 * order 42 (BTCUSDT@BINANCE): cannot go from FILLED to CANCELED; legal from FILLED: none
 * }</pre>
 * followed, where the table alone does not explain the refusal, by a parenthesised detail.
 */
public final class IllegalOrderTransitionException extends IllegalStateException {

    private final long orderId;
    private final String instrumentId;
    private final OrderStatus from;
    private final OrderStatus to;

    /** A refusal that the transition table explains. */
    public IllegalOrderTransitionException(long orderId, Instrument instrument, OrderStatus from, OrderStatus to) {
        this(orderId, instrument, from, to, "");
    }

    /**
     * A refusal with a detail appended in parentheses (empty for none), for a transition the table allows but the
     * lifecycle method does not (an acknowledgement of an order in PENDING_CANCEL, for one).
     */
    public IllegalOrderTransitionException(long orderId, Instrument instrument, OrderStatus from, OrderStatus to,
                                           String detail) {
        super(message(orderId, instrument, from, to, detail));
        this.orderId = orderId;
        this.instrumentId = instrument.id();
        this.from = from;
        this.to = to;
    }

    public long orderId() {
        return orderId;
    }

    /** {@link Instrument#id()} of the order's instrument. */
    public String instrumentId() {
        return instrumentId;
    }

    /** The status the order was in (and still is). */
    public OrderStatus from() {
        return from;
    }

    /** The status that was asked for. */
    public OrderStatus to() {
        return to;
    }

    private static String message(long orderId, Instrument instrument, OrderStatus from, OrderStatus to,
                                  String detail) {
        StringBuilder sb = new StringBuilder()
                .append("order ").append(orderId).append(" (").append(instrument.id()).append("): cannot go from ")
                .append(from).append(" to ").append(to).append("; legal from ").append(from).append(": ");
        Set<OrderStatus> targets = from.legalTargets();
        if (targets.isEmpty()) {
            sb.append("none");
        } else {
            String sep = "";
            for (OrderStatus t : targets) {
                sb.append(sep).append(t);
                sep = ", ";
            }
        }
        if (!detail.isEmpty()) {
            sb.append(" (").append(detail).append(')');
        }
        return sb.toString();
    }
}
