package io.qtrade.backtest.execution;

import io.qtrade.core.Side;
import io.qtrade.core.order.Liquidity;

/**
 * Execution quality of one fill; see {@link ExecutionQuality}. Slippages in basis points, positive = cost.
 *
 * @param strategyId           the strategy
 * @param orderId              its parent order
 * @param symbol               the instrument's {@code symbol@venue}
 * @param side                 buy or sell
 * @param price                fill price
 * @param qty                  fill quantity
 * @param fee                  fee, negative for a rebate
 * @param liquidity            maker or taker
 * @param exchTs               venue time of the fill
 * @param arrivalMid           the parent's arrival mid
 * @param midBeforeFill        the mid just before the fill ({@link MarketTape#midBefore})
 * @param intervalVwap         market VWAP from the parent's arrival to this fill
 * @param slippageVsArrivalBps {@code s (price - arrivalMid) / arrivalMid 1e4}
 * @param slippageVsMidBps     {@code s (price - midBeforeFill) / midBeforeFill 1e4}: the effective half spread,
 *                             positive for a taker, negative for a maker that earned the spread
 * @param slippageVsVwapBps    {@code s (price - intervalVwap) / intervalVwap 1e4}
 * @param feeBps               {@code fee / (price qty m) 1e4}
 */
public record FillExecution(String strategyId, long orderId, String symbol, Side side, double price, double qty,
                            double fee, Liquidity liquidity, long exchTs, double arrivalMid, double midBeforeFill,
                            double intervalVwap, double slippageVsArrivalBps, double slippageVsMidBps,
                            double slippageVsVwapBps, double feeBps) {
}
