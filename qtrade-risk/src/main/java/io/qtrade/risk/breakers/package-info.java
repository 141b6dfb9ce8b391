/**
 * Circuit breakers: {@link io.qtrade.risk.breakers.DailyLossLimit} (loss over the UTC day) and
 * {@link io.qtrade.risk.breakers.MaxDrawdownBreaker} (fall from peak equity), both on the total equity of every
 * strategy behind the gate, both engaging a {@link io.qtrade.risk.killswitch.KillSwitch} with cause
 * {@code CIRCUIT_BREAKER}. They see equity when the engine marks the portfolios (its equity sampling interval) and
 * after every fill; they never reject an order themselves (the kill switch does).
 */
package io.qtrade.risk.breakers;
