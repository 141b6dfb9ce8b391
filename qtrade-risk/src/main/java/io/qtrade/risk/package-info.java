/**
 * Pre-trade risk: the {@link io.qtrade.risk.RiskGate} every order passes between a strategy's submit and the venue,
 * with its explicit {@link io.qtrade.risk.RiskDecision}, its lifecycle hooks and the {@link io.qtrade.risk.RiskActions}
 * it may ask of the engine; {@link io.qtrade.risk.PreTradeCheck} is one limit and
 * {@link io.qtrade.risk.PreTradeRiskGate} runs several in order. {@link io.qtrade.risk.RiskGate#NONE} accepts
 * everything. The limits are in {@code limits}, the kill switch and heartbeat in {@code killswitch}, circuit breakers
 * in {@code breakers}, stop-losses and price stops in {@code stops}, position sizing in {@code sizing} and soft
 * inventory limits in {@code inventory}. Times are epoch nanoseconds of the engine's clock.
 */
package io.qtrade.risk;
