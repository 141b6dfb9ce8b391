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
        public void reducePosition(String strategyId, io.qtrade.core.Instrument instrument, double qty, String reason,
                                   long nowNanos) {
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

    /**
     * Reduces one position of a strategy without stopping it: cancels every open order of the strategy, then sends a
     * reduce-only market order of {@code qty} on {@code instrument}, on the side that closes the position, which
     * bypasses the gate. Reduce-only as venues define it (Binance {@code reduceOnly=true}): the venue fills it only up
     * to the position it holds when the order arrives, never past flat, and cancels the rest.
     *
     * @param strategyId the strategy
     * @param instrument the instrument of the position
     * @param qty        the quantity to close, {@code > 0}, on the instrument's lot grid
     * @param reason     why, for the log
     * @param nowNanos   when the request was made, epoch nanoseconds
     */
    void reducePosition(String strategyId, io.qtrade.core.Instrument instrument, double qty, String reason,
                        long nowNanos);
}
