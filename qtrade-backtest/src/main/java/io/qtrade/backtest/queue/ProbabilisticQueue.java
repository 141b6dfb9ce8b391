package io.qtrade.backtest.queue;

import java.util.Objects;

/**
 * The probabilistic queue model of hftbacktest's {@code ProbQueueModel} (after the queue-position estimate in
 * Moallemi and Yuan, 2017, "A Model for Queue Position Valuation in a Limit Order Book", and the discussion in
 * hftbacktest's documentation "Probability Queue Models"): a decrease of the level that is not a trade is a cancel,
 * taken from ahead of the order with the share {@code p} given by a {@link QueueProbability}.
 *
 * <pre>{@code
 * chg     = prevQty - newQty - tradedQty            (the part of the decrease that trades did not explain)
 * if chg <= 0:  qtyAhead' = min(qtyAhead, newQty)   (an increase joins behind)
 * behind  = max(0, prevQty - tradedQty - qtyAhead)
 * p       = f(qtyAhead) / (f(qtyAhead) + f(behind))
 * fromAhead = p * chg + max(0, (1 - p) * chg - behind)   (what behind cannot supply comes from ahead)
 * qtyAhead' = min(max(0, qtyAhead - fromAhead), newQty)
 * }</pre>
 * The share is checked to be in {@code [0, 1]} (never NaN), so the result is a position in {@code [0, newQty]}.
 * Unlike hftbacktest, {@code behind} is measured after the trades ({@code prevQty - tradedQty}), so the traded
 * quantity is not counted in the part behind the order either. Where it stops being realistic: the split is a
 * guess; hidden and iceberg orders and a venue's pro-rata matching are not modelled.
 */
public final class ProbabilisticQueue implements QueueModel {

    private final QueueProbability probability;

    /** @param probability the weight function, e.g. {@code new PowerProbability(2)} or {@link LogProbability#INSTANCE} */
    public ProbabilisticQueue(QueueProbability probability) {
        this.probability = Objects.requireNonNull(probability, "ProbabilisticQueue: probability must not be null");
    }

    /** The weight function. */
    public QueueProbability probability() {
        return probability;
    }

    @Override
    public double qtyAheadAfterDepthChange(double qtyAhead, double tradedQty, double prevQty, double newQty) {
        double chg = prevQty - newQty - tradedQty;
        if (chg <= 0) {
            return Math.min(qtyAhead, newQty);
        }
        double behind = Math.max(0.0, prevQty - tradedQty - qtyAhead);
        double p = probability.aheadShare(qtyAhead, behind);
        if (!(p >= 0 && p <= 1)) {
            throw new ArithmeticException(this + ": share ahead " + p + " for qtyAhead " + qtyAhead + ", behind "
                    + behind + " is not in [0, 1]");
        }
        double fromAhead = p * chg + Math.max(0.0, (1 - p) * chg - behind);
        return Math.min(Math.max(0.0, qtyAhead - fromAhead), newQty);
    }

    @Override
    public String toString() {
        return "ProbabilisticQueue[probability=" + probability + "]";
    }
}
