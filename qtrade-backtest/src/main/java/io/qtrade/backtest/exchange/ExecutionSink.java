package io.qtrade.backtest.exchange;

import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.OrderStatus;

/**
 * Where a {@link SimulatedExchange} sends what it did, at venue time: the engine turns each call into a response that
 * reaches the strategy after the response latency. Primitive arguments, so reporting allocates nothing.
 */
public interface ExecutionSink {

    /**
     * The venue accepted order {@code orderId}.
     *
     * @param qtyAhead   the queue ahead of it at its level when it arrived ({@code 0} for an order that did not rest)
     * @param arrivalMid the venue book's mid when it arrived, NaN if a side was empty
     */
    void accepted(int strategy, long orderId, long exchTs, double qtyAhead, double arrivalMid);

    /** Order {@code orderId} traded {@code qty} at {@code price}, paying {@code fee} (quote currency). */
    void filled(int strategy, long orderId, long exchTs, double price, double qty, double fee, Liquidity liquidity);

    /**
     * Order {@code orderId} ended without (completely) filling: {@link OrderStatus#CANCELED},
     * {@link OrderStatus#REJECTED} or {@link OrderStatus#EXPIRED}, for {@code reason} (one of
     * {@link SimulatedExchange}'s {@code REASON_*} texts, {@code ""} for a requested cancel).
     */
    void ended(int strategy, long orderId, long exchTs, OrderStatus status, String reason);

    /** A cancel of {@code orderId} found nothing to cancel (already filled, ended, or not yet arrived). */
    void cancelRejected(int strategy, long orderId, long exchTs, String reason);
}
