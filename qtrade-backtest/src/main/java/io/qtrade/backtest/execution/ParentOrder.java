package io.qtrade.backtest.execution;

import io.qtrade.core.Side;
import io.qtrade.core.order.Liquidity;

import java.util.List;
import java.util.Objects;

/**
 * One strategy order and its fills, as execution quality measures it: built by
 * {@link ExecutionQuality#of(io.qtrade.backtest.BacktestResult, MarketTape)} from a backtest's records, or by hand.
 * Times are epoch nanoseconds.
 *
 * @param strategyId         the strategy
 * @param orderId            the order
 * @param instrument         index of the instrument in the tape
 * @param symbol             the instrument's {@code symbol@venue}
 * @param side               buy or sell
 * @param qty                the quantity ordered, > 0
 * @param contractMultiplier the instrument's contract multiplier (notional = price x qty x multiplier)
 * @param decisionTs         when the strategy decided (its send time): the decision price is the mid then
 * @param arrivalTs          when it reached the venue, {@link #NEVER_ARRIVED} if it did not
 * @param arrivalMid         the venue's mid when it arrived, NaN if unknown
 * @param endTs              when the order ended (last fill, cancel, expiry; the end of the run if still open):
 *                           the opportunity cost of an unfilled rest is priced at the mid then
 * @param fills              its fills in time order
 */
public record ParentOrder(String strategyId, long orderId, int instrument, String symbol, Side side, double qty,
                          double contractMultiplier, long decisionTs, long arrivalTs, double arrivalMid, long endTs,
                          List<ChildFill> fills) {

    /** {@link #arrivalTs()} of an order that never reached the venue. */
    public static final long NEVER_ARRIVED = Long.MIN_VALUE;

    /**
     * One fill of the order.
     *
     * @param price     fill price
     * @param qty       fill quantity, > 0
     * @param fee       fee in quote currency, negative for a rebate
     * @param liquidity maker or taker
     * @param exchTs    venue time of the fill
     */
    public record ChildFill(double price, double qty, double fee, Liquidity liquidity, long exchTs) {

        /** Validates the fill. */
        public ChildFill {
            if (!(price > 0.0) || Double.isInfinite(price)) {
                throw new IllegalArgumentException("fill at " + exchTs + ": price = " + price
                        + ", expected finite and > 0");
            }
            if (!(qty > 0.0) || Double.isInfinite(qty)) {
                throw new IllegalArgumentException("fill at " + exchTs + ": qty = " + qty
                        + ", expected finite and > 0");
            }
            if (!Double.isFinite(fee)) {
                throw new IllegalArgumentException("fill at " + exchTs + ": fee = " + fee + ", expected finite");
            }
            Objects.requireNonNull(liquidity, "fill liquidity");
        }
    }

    /** Validates the order. */
    public ParentOrder {
        Objects.requireNonNull(strategyId, "parent order: strategyId");
        Objects.requireNonNull(symbol, "parent order: symbol");
        Objects.requireNonNull(side, "parent order: side");
        if (!(qty > 0.0) || Double.isInfinite(qty)) {
            throw new IllegalArgumentException("parent order " + orderId + " of " + strategyId + ": qty = " + qty
                    + ", expected finite and > 0");
        }
        if (!(contractMultiplier > 0.0) || Double.isInfinite(contractMultiplier)) {
            throw new IllegalArgumentException("parent order " + orderId + " of " + strategyId
                    + ": contractMultiplier = " + contractMultiplier + ", expected finite and > 0");
        }
        fills = List.copyOf(fills);
        double filled = 0.0;
        for (ChildFill f : fills) {
            filled += f.qty();
        }
        if (filled > qty * (1.0 + 1e-9)) {
            throw new IllegalArgumentException("parent order " + orderId + " of " + strategyId + ": fills total "
                    + filled + " > qty " + qty);
        }
    }

    /** The quantity filled. */
    public double filledQty() {
        double filled = 0.0;
        for (ChildFill f : fills) {
            filled += f.qty();
        }
        return filled;
    }
}
