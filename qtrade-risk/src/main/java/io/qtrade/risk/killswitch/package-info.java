/**
 * The kill switch: {@link io.qtrade.risk.killswitch.KillSwitch}, engaged by hand, by a limit breach
 * ({@link io.qtrade.risk.killswitch.KillSwitch#engageOnBreach}), by a circuit breaker
 * ({@code io.qtrade.risk.breakers}), on a feed heartbeat timeout ({@link io.qtrade.risk.killswitch.HeartbeatMonitor})
 * or on a disconnect reported by a live adapter. While engaged it rejects every new order with reason code
 * {@code KILL_SWITCH}; on engagement the engine it is bound to cancels every open order; it stays engaged until
 * {@link io.qtrade.risk.killswitch.KillSwitch#reset} and records each engagement (time, cause, detail). Times are
 * epoch nanoseconds of the engine's clock.
 */
package io.qtrade.risk.killswitch;
