/**
 * Pre-trade risk: the {@link io.qtrade.risk.RiskGate} every order passes between a strategy's submit and the venue,
 * with its explicit {@link io.qtrade.risk.RiskDecision}. {@link io.qtrade.risk.RiskGate#NONE} accepts everything;
 * limits, kill switch and circuit breakers implement the same interface.
 */
package io.qtrade.risk;
