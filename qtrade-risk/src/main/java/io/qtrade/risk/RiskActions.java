package io.qtrade.risk;

/**
 * What a {@link RiskGate} may ask of the engine it is bound to (see {@link RiskGate#bind}). Both requests are carried
 * out by the engine on its own thread as soon as the current callback or hook returns, at the engine's time then.
 */
public interface RiskActions {

    /** Does nothing: what a gate holds before it is bound. */
    RiskActions NONE = new RiskActions() {
        @Override
        public void cancelAllOrders(String reason, long nowNanos) {
        }

        @Override
        public void stopStrategy(String strategyId, String reason, long nowNanos) {
        }

        @Override
        public String toString() {
            return "RiskActions.NONE";
        }
    };

    /**
     * Cancels every open order of every strategy (the kill switch). New orders are the gate's to refuse.
     *
     * @param reason   why, for the log
     * @param nowNanos when the request was made, epoch nanoseconds
     */
    void cancelAllOrders(String reason, long nowNanos);

    /**
     * Stops one strategy: cancels its open orders and flattens each of its positions with a market order that
     * bypasses the gate (it only reduces risk). Refusing the strategy's later orders is the gate's job.
     *
     * @param strategyId the strategy
     * @param reason     why, for the log
     * @param nowNanos   when the request was made, epoch nanoseconds
     */
    void stopStrategy(String strategyId, String reason, long nowNanos);
}
