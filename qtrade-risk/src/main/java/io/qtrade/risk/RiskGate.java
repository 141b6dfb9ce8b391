package io.qtrade.risk;

import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;

/**
 * The pre-trade gate between a strategy's submit and the venue. Every new order is checked once, when the strategy
 * sends it, against the strategy's own portfolio as the strategy knows it at that time; a rejection never reaches the
 * venue and comes back to the strategy as a REJECTED order update carrying {@link RiskDecision#reason()}.
 *
 * <p>Implementations must be deterministic (no wall clock, no hash-order iteration) so a backtest stays
 * reproducible, and should return {@link RiskDecision#ACCEPT} without allocating on the accept path.
 */
@FunctionalInterface
public interface RiskGate {

    /** Accepts every order: the default when no gate is configured. */
    RiskGate NONE = new RiskGate() {
        @Override
        public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
            return RiskDecision.ACCEPT;
        }

        @Override
        public String toString() {
            return "RiskGate.NONE";
        }
    };

    /**
     * Decides whether {@code request} may go to the venue.
     *
     * @param strategyId the strategy sending it
     * @param request    the order
     * @param portfolio  the strategy's portfolio (read it, do not apply fills to it)
     * @param nowNanos   the strategy's clock, epoch nanoseconds
     * @return {@link RiskDecision#ACCEPT} or a rejection
     */
    RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos);
}
