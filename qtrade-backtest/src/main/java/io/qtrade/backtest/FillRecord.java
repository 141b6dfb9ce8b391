package io.qtrade.backtest;

import io.qtrade.core.Side;
import io.qtrade.core.order.Liquidity;

/**
 * One fill as a backtest records it: what the strategy received, plus what only a simulation knows.
 *
 * @param strategyId           the strategy
 * @param orderId              the order
 * @param instrument           index of the instrument in the backtest
 * @param symbol               the instrument's {@code symbol@venue}
 * @param side                 the order's side
 * @param price                fill price
 * @param qty                  fill quantity
 * @param fee                  fee, quote currency, negative for a rebate
 * @param liquidity            maker or taker
 * @param exchTs               venue time of the fill
 * @param localTs              when the strategy learnt of it
 * @param arrivalMid           the venue's mid when the order arrived, NaN if a side was empty
 * @param qtyAheadAtEntry      the queue ahead of the order when it arrived (0 for a market order)
 * @param entryLatencyNanos    the order's entry latency
 * @param responseLatencyNanos {@code localTs - exchTs} of this fill's report
 * @param liquidation          whether the venue's liquidation engine made this fill (order id
 *                             {@link #LIQUIDATION_ORDER_ID}; its fee is the clearance fee, negative when the insurance
 *                             fund covered a bankrupt position, see {@code io.qtrade.core.margin.Liquidation})
 */
public record FillRecord(String strategyId, long orderId, int instrument, String symbol, Side side, double price,
                         double qty, double fee, Liquidity liquidity, long exchTs, long localTs, double arrivalMid,
                         double qtyAheadAtEntry, long entryLatencyNanos, long responseLatencyNanos,
                         boolean liquidation) {

    /** The order id of a liquidation fill (no strategy order has it). */
    public static final long LIQUIDATION_ORDER_ID = 0L;

    /** A fill of a strategy's own order. */
    public FillRecord(String strategyId, long orderId, int instrument, String symbol, Side side, double price,
                      double qty, double fee, Liquidity liquidity, long exchTs, long localTs, double arrivalMid,
                      double qtyAheadAtEntry, long entryLatencyNanos, long responseLatencyNanos) {
        this(strategyId, orderId, instrument, symbol, side, price, qty, fee, liquidity, exchTs, localTs, arrivalMid,
                qtyAheadAtEntry, entryLatencyNanos, responseLatencyNanos, false);
    }
}
