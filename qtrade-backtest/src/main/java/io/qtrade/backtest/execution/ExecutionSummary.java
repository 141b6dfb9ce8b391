package io.qtrade.backtest.execution;

/**
 * Execution quality of one strategy on one instrument (or {@code "*"}: all its instruments), aggregated over its
 * orders. Averages of slippage are weighted by filled notional over the orders where the benchmark is defined; the
 * shortfall in bps is the summed shortfall over the summed paper notional {@code m qty decisionPrice}.
 *
 * @param strategyId                 the strategy
 * @param symbol                     the instrument, or {@code "*"}
 * @param orders                     orders sent
 * @param filledOrders               orders with at least one fill
 * @param fills                      fills
 * @param filledQty                  quantity filled
 * @param filledNotional             {@code sum p q m} of the fills
 * @param fees                       fees, negative for a net rebate
 * @param slippageVsArrivalBps       notional-weighted mean order slippage against the arrival mid
 * @param slippageVsVwapBps          notional-weighted mean order slippage against the interval VWAP
 * @param slippageVsTwapBps          notional-weighted mean order slippage against the interval TWAP
 * @param implementationShortfall    summed shortfall, quote currency
 * @param implementationShortfallBps summed shortfall over summed paper notional, 1e4
 */
public record ExecutionSummary(String strategyId, String symbol, int orders, int filledOrders, int fills,
                               double filledQty, double filledNotional, double fees, double slippageVsArrivalBps,
                               double slippageVsVwapBps, double slippageVsTwapBps, double implementationShortfall,
                               double implementationShortfallBps) {
}
