package io.qtrade.backtest.queue;

/**
 * Exact FIFO position on market-by-order (L3) data: the exchange records which venue orders were ahead of the
 * simulated order when it arrived, and only their cancels, reductions and executions move it up; another
 * participant's cancel removes that order's quantity from its place in the queue, behind or ahead.
 *
 * <pre>{@code
 * cancel or priority-losing modify of an order ahead:   qtyAhead -= its remaining qty
 * in-place reduction of an order ahead by d:            qtyAhead -= d
 * execution of e against an order ahead:                qtyAhead -= e
 * execution of e against an order behind (or a price
 *   worse than ours): the aggressor reached us first:   fill min(leaves, e)
 * }</pre>
 * Where it stops being realistic: it assumes price-time priority (not pro-rata) and no hidden orders, and the
 * simulated order takes no liquidity away from the recorded orders behind it.
 *
 * <p>{@link #qtyAheadAfterDepthChange} is the rule for aggregated depth, where the orders are not known: a decrease
 * is taken from behind ({@code min(qtyAhead, newQty)}, as {@link RiskAverseQueue}); the backtest refuses L2 depth
 * rows for an instrument configured with this model, so it applies only when this class is used on its own.
 */
public final class FifoQueue implements QueueModel {

    /** The model has no parameter: one shared instance. */
    public static final FifoQueue INSTANCE = new FifoQueue();

    private FifoQueue() {
    }

    @Override
    public double qtyAheadAfterDepthChange(double qtyAhead, double tradedQty, double prevQty, double newQty) {
        return Math.min(qtyAhead, newQty);
    }

    @Override
    public boolean requiresMarketByOrder() {
        return true;
    }

    @Override
    public String toString() {
        return "FifoQueue[]";
    }
}
