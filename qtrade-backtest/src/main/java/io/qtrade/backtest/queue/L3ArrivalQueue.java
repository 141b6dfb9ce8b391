package io.qtrade.backtest.queue;

/**
 * A queue driven by the level's own market-by-order messages, for data that has them beside the aggregated depth (an
 * L2 book plus L3 add / cancel / execute rows, as a LOBSTER message file with its orderbook file): the order joins
 * behind the level's visible quantity, the exchange records the orders that join the level after it (their adds), and
 * every other order's departure is taken from ahead.
 * <pre>{@code
 * on arrival:                                      qtyAhead = levelQty; behind = {}
 * add of order x at the level:                     behind += {x}
 * cancel of q by order x (x not behind):           qtyAhead -= q        (x behind: nothing)
 * execution of q of order x (x not behind):        qtyAhead -= q
 * execution of q of order x behind it:             the aggressor reached it first: fills min(leaves, q)
 * execution at a price worse than the order's:     fills min(leaves, q) (rule 4)
 * depth row:                                       qtyAhead = min(qtyAhead, newQty)   (the book; no queue step)
 * }</pre>
 * Unlike {@link FifoQueue} it needs no market-by-order book: orders already resting when the data starts (unknown to
 * the messages) count as ahead, which is where they are. The depth rows keep the book; trade rows move no queue (the
 * executions do). L3 rows must carry side, price and quantity (a cancel's quantity is what it removed); a modify is
 * refused (give it as a cancel and an add). Where it stops being realistic: as {@link FifoQueue}, price-time priority
 * without hidden orders, and the own order takes nothing from the orders behind it.
 */
public final class L3ArrivalQueue implements QueueModel {

    /** The model has no parameter: one shared instance. */
    public static final L3ArrivalQueue INSTANCE = new L3ArrivalQueue();

    private L3ArrivalQueue() {
    }

    @Override
    public double qtyAheadAfterDepthChange(double qtyAhead, double tradedQty, double prevQty, double newQty) {
        return Math.min(qtyAhead, newQty);
    }

    @Override
    public boolean drivenByL3Messages() {
        return true;
    }

    @Override
    public String toString() {
        return "L3ArrivalQueue[]";
    }
}
