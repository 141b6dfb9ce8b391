package io.qtrade.backtest.execution;

import io.qtrade.core.Side;

/**
 * Execution quality of one parent order; see {@link ExecutionQuality} for the formulas. Slippages are in basis
 * points of the benchmark, signed so that a positive number is a cost (paid above the benchmark for a buy, sold
 * below it for a sell); shortfall amounts are in quote currency, positive = cost. NaN where a benchmark is unknown
 * (no fill, no trade in the interval, no mid).
 *
 * @param strategyId                the strategy
 * @param orderId                   the order
 * @param symbol                    the instrument's {@code symbol@venue}
 * @param side                      buy or sell
 * @param qty                       ordered quantity
 * @param filledQty                 filled quantity
 * @param avgFillPrice              quantity-weighted fill price, NaN without a fill
 * @param fees                      fees paid, negative for a net rebate
 * @param decisionTs                decision (send) time
 * @param arrivalTs                 venue arrival time, {@link ParentOrder#NEVER_ARRIVED} if none
 * @param lastFillTs                venue time of the last fill, {@link ParentOrder#NEVER_ARRIVED} without a fill
 * @param endTs                     when the order ended
 * @param decisionPrice             mid at the decision time (the arrival mid when the tape has none)
 * @param arrivalMid                venue mid at arrival
 * @param intervalVwap              market VWAP from arrival to the last fill
 * @param intervalTwap              TWAP of the mid from arrival to the last fill
 * @param endMid                    mid when the order ended
 * @param slippageVsArrivalBps      {@code s (avgFill - arrivalMid) / arrivalMid 1e4}
 * @param slippageVsVwapBps         {@code s (avgFill - intervalVwap) / intervalVwap 1e4}
 * @param slippageVsTwapBps         {@code s (avgFill - intervalTwap) / intervalTwap 1e4}
 * @param delayCost                 {@code s m filled (arrivalMid - decisionPrice)}
 * @param tradingCost               {@code s m sum q_i (p_i - arrivalMid)}
 * @param opportunityCost           {@code s m (qty - filled) (endMid - decisionPrice)}
 * @param implementationShortfall   {@code s m sum q_i (p_i - decisionPrice) + fees + opportunityCost}
 * @param implementationShortfallBps the shortfall over the paper notional {@code m qty decisionPrice}, 1e4
 */
public record OrderExecution(String strategyId, long orderId, String symbol, Side side, double qty, double filledQty,
                             double avgFillPrice, double fees, long decisionTs, long arrivalTs, long lastFillTs,
                             long endTs, double decisionPrice, double arrivalMid, double intervalVwap,
                             double intervalTwap, double endMid, double slippageVsArrivalBps,
                             double slippageVsVwapBps, double slippageVsTwapBps, double delayCost,
                             double tradingCost, double opportunityCost, double implementationShortfall,
                             double implementationShortfallBps) {
}
