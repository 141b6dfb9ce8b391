package io.qtrade.core.market;

import io.qtrade.core.Side;

/**
 * A read-only view of one market event. Implementations are cursors over columnar storage: the same object shows
 * a different event after the cursor moves, so copy the values you keep, never the view.
 *
 * <p>Timestamps are epoch nanoseconds, UTC: {@link #exchTs()} as stamped by the venue, {@link #localTs()} as seen
 * by the researcher's machine. See {@link EventKind} for which columns each kind uses.
 */
public interface MarketEvent {

    /** Index of the event's instrument in its source's {@link EventSource#instruments()} list. */
    int instrument();

    long exchTs();

    long localTs();

    EventKind kind();

    /** {@code +1} buy/bid, {@code -1} sell/ask, {@link Side#NO_SIDE_CODE} when the event has no side. */
    byte sideCode();

    /**
     * The side.
     *
     * @throws IllegalArgumentException when the event has no side (see {@link #sideCode()})
     */
    default Side side() {
        return Side.fromCode(sideCode());
    }

    double price();

    double qty();

    /** The venue's order id for L3 events; {@link EventBatch#NO_ORDER_ID} otherwise. */
    long orderId();

    /** Bits of {@link EventFlags}: snapshot row, end of a venue message, inferred side, after a resync. */
    int flags();
}
