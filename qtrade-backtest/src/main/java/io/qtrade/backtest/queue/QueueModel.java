package io.qtrade.backtest.queue;

/**
 * How the quantity queued ahead of a simulated resting order ({@code qtyAhead}) evolves, after hftbacktest's
 * {@code QueueModel} ({@code new_order}, {@code trade}, {@code depth}).
 *
 * <p>The simulated exchange owns the numbers and applies the rules common to every model:
 * <pre>{@code
 * on arrival at a level holding levelQty:     qtyAhead = levelQty            (the back of the queue)
 * on a trade of q at the order's price:       qtyAhead -= q; tradedQty += q  (fills what goes below 0)
 * on a depth change prevQty -> newQty:        qtyAhead = qtyAheadAfterDepthChange(qtyAhead, tradedQty, prevQty, newQty)
 *                                             tradedQty = 0
 * }</pre>
 * {@code tradedQty} is what traded at the level since its last depth change: a feed reports a trade and then the
 * depth decrease it caused, and the model must not count that decrease again as a cancel. A depth change alone
 * never fills an order (only trades, or the market moving through the order's price, do).
 */
public interface QueueModel {

    /**
     * The new qty ahead after the level's visible quantity went from {@code prevQty} to {@code newQty}.
     *
     * @param qtyAhead  current qty ahead, already reduced by the trades since the last change, {@code >= 0}
     * @param tradedQty quantity traded at the level since its last depth change, {@code >= 0}
     * @param prevQty   level quantity before the change (still including {@code tradedQty})
     * @param newQty    level quantity after the change
     * @return the new qty ahead, in {@code [0, newQty]}
     */
    double qtyAheadAfterDepthChange(double qtyAhead, double tradedQty, double prevQty, double newQty);

    /**
     * Whether the model needs market-by-order (L3) events, where every order ahead is known by id and the
     * exchange tracks the queue exactly instead of calling {@link #qtyAheadAfterDepthChange}.
     */
    default boolean requiresMarketByOrder() {
        return false;
    }

    /**
     * Whether the queue moves on the level's own market-by-order messages (adds, cancels, executions with ids) that
     * come beside aggregated depth rows, as {@link L3ArrivalQueue} does; the depth rows then only bound the position
     * ({@link #qtyAheadAfterDepthChange}) and trade rows move no queue.
     */
    default boolean drivenByL3Messages() {
        return false;
    }
}
