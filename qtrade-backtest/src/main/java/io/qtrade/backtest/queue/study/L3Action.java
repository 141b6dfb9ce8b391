package io.qtrade.backtest.queue.study;

/**
 * What one market-by-order message does, in LOBSTER's terms (its "Type" column in brackets).
 */
public enum L3Action {
    /** A new limit order joins the back of its level (1). */
    ADD,
    /** Part of a resting order is cancelled; it keeps its place (2). */
    CANCEL_PART,
    /** A resting order is deleted, the size is what was left (3). */
    DELETE,
    /** A visible resting order is executed for the size (4): a trade print at its price. */
    EXECUTE,
    /** A hidden order is executed (5): a trade print, no change to the visible queue. */
    EXECUTE_HIDDEN,
    /** Anything else (cross trade 6, halt 7): no change to the book. */
    OTHER;

    /** The action of a LOBSTER message "Type" code: 1 to 5 as above, anything else {@link #OTHER}. */
    public static L3Action ofLobsterType(int type) {
        return switch (type) {
            case 1 -> ADD;
            case 2 -> CANCEL_PART;
            case 3 -> DELETE;
            case 4 -> EXECUTE;
            case 5 -> EXECUTE_HIDDEN;
            default -> OTHER;
        };
    }
}
