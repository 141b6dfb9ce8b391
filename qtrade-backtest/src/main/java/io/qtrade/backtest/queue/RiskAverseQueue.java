package io.qtrade.backtest.queue;

/**
 * The cautious queue model (hftbacktest {@code RiskAdverseQueueModel}): only trades at the order's price advance it;
 * every other decrease of the level is assumed to come from behind, so the order moves up only when the level becomes
 * shorter than the qty ahead.
 *
 * <pre>{@code
 * qtyAhead' = min(qtyAhead, newQty)
 * }</pre>
 * It never fills earlier than the real queue would, so fill rates are a lower bound; with many cancels ahead (most
 * liquid books) it is pessimistic.
 */
public final class RiskAverseQueue implements QueueModel {

    /** The model has no parameter: one shared instance. */
    public static final RiskAverseQueue INSTANCE = new RiskAverseQueue();

    private RiskAverseQueue() {
    }

    @Override
    public double qtyAheadAfterDepthChange(double qtyAhead, double tradedQty, double prevQty, double newQty) {
        return Math.min(qtyAhead, newQty);
    }

    @Override
    public String toString() {
        return "RiskAverseQueue[]";
    }
}
