package io.qtrade.strategies.execution;

/**
 * How a parent order was executed: the completion report of an {@link ExecutionAlgo}.
 *
 * <pre>{@code
 * avgFillPrice = sum(p_i q_i) / sum(q_i)                           over the children's fills
 * slippageBps  = s * (avgFillPrice - arrivalMid) / arrivalMid * 1e4  s = +1 buy, -1 sell (positive = cost)
 * participation = filledQty / marketVolume                          market prints in [start, end)
 * }</pre>
 * Implementation shortfall against the arrival price as in Perold, A.F. (1988), "The Implementation Shortfall:
 * Paper versus Reality", J. Portfolio Management 14(3); fees are reported apart, not in the slippage.
 *
 * @param parent         the parent order
 * @param filledQty      quantity filled, instrument units
 * @param avgFillPrice   volume-weighted fill price, NaN when nothing filled
 * @param arrivalMid     the mid when the algorithm started working the parent, NaN if it never did
 * @param slippageBps    side-signed slippage of the average price against the arrival mid, basis points (NaN when
 *                       nothing filled)
 * @param feesPaid       fees of the fills, quote currency (negative = net rebates)
 * @param marketVolume   volume printed on the market feed inside the window, instrument units
 * @param participation  {@code filledQty / marketVolume}, NaN when no volume printed
 * @param childrenSent   child orders sent
 * @param childrenFilled child orders with at least one fill
 * @param makerFilledQty quantity filled as maker (by resting children)
 * @param limitHolds     episodes in which a due catch-up child was held back by the limit price (an episode ends
 *                       when a child is sent or, for a time schedule, when the next slice begins)
 * @param completionNanos local time of the fill that completed the parent, {@link #NOT_COMPLETED} if none did
 */
public record ParentOrderReport(ParentOrder parent, double filledQty, double avgFillPrice, double arrivalMid,
                                double slippageBps, double feesPaid, double marketVolume, double participation,
                                int childrenSent, int childrenFilled, double makerFilledQty, long limitHolds,
                                long completionNanos) {

    /** {@code completionNanos} of a parent that was not completely filled. */
    public static final long NOT_COMPLETED = Long.MIN_VALUE;

    /** Whether the whole parent quantity was filled. */
    public boolean isComplete() {
        return completionNanos != NOT_COMPLETED;
    }

    /** {@code filledQty / parent.qty}. */
    public double fillRatio() {
        return filledQty / parent.qty();
    }
}
