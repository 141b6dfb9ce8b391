package io.qtrade.bars;

import io.qtrade.bars.order.BarOrderType;
import io.qtrade.bars.order.BarTimeInForce;
import io.qtrade.core.Side;
import io.qtrade.core.order.Order;

/** The engine's mutable state of one bar order while it works. Package-private. */
final class WorkingOrder {

    final long id;
    final int instrument;
    final Side side;
    final BarOrderType type;
    final BarTimeInForce timeInForce;
    /** The core order shown in the result tables and to the strategy; replaced (same id) by a split. */
    Order record;
    double qty;
    double leaves;
    double limitPrice;
    double stopPrice;
    double trailAmount;
    final double trailFraction;
    /** Best price since placement (high for a sell trailing stop, low for a buy) and the stop level it sets. */
    double trailExtreme;
    double trailStop;
    /** A stop or stop-limit reached: a stop is then a market order, a stop-limit a limit order. */
    boolean triggered;
    double cumQty;
    double cumNotional;
    double commissionCharged;
    /** Fills only on bars ending after this time (the bar time it was sent at). */
    final long eligibleAfterTs;
    boolean done;
    /** Sent to the venue: it has worked on a bar, or was filled or refused at a close. */
    boolean arrived;
    final boolean fromRebalance;
    /** The other exit of an OCO pair, or null. */
    WorkingOrder oco;
    /** A bracket entry's exits, sent when it is done with a fill: ids, prices (NaN when absent). */
    long stopChildId;
    long targetChildId;
    double stopChildPrice = Double.NaN;
    double targetChildPrice = Double.NaN;

    WorkingOrder(long id, int instrument, Side side, BarOrderType type, BarTimeInForce timeInForce, double qty,
                 double limitPrice, double stopPrice, double trailAmount, double trailFraction, long eligibleAfterTs,
                 boolean fromRebalance) {
        this.id = id;
        this.instrument = instrument;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.qty = qty;
        this.leaves = qty;
        this.limitPrice = limitPrice;
        this.stopPrice = stopPrice;
        this.trailAmount = trailAmount;
        this.trailFraction = trailFraction;
        this.eligibleAfterTs = eligibleAfterTs;
        this.fromRebalance = fromRebalance;
    }

    boolean hasChildren() {
        return stopChildId != 0 || targetChildId != 0;
    }

    /** Sets the trailing stop level from {@link #trailExtreme}. */
    void updateTrailStop() {
        double distance = Double.isNaN(trailAmount) ? trailExtreme * trailFraction : trailAmount;
        trailStop = side == Side.SELL ? trailExtreme - distance : trailExtreme + distance;
    }

    @Override
    public String toString() {
        return "WorkingOrder[" + id + " " + type + " " + side + " instrument " + instrument + " leaves " + leaves + "]";
    }
}
