package io.qtrade.risk.killswitch;

/** Why a {@link KillSwitch} was engaged. */
public enum EngagementCause {
    /** A person or a program asked for it. */
    MANUAL,
    /** A pre-trade limit rejected an order (see {@link KillSwitch#engageOnBreach}). */
    LIMIT_BREACH,
    /** A circuit breaker tripped: daily loss limit or maximum drawdown. */
    CIRCUIT_BREAKER,
    /** No market data arrived for longer than the heartbeat timeout (see {@link HeartbeatMonitor}). */
    HEARTBEAT_TIMEOUT,
    /** A live connection to the venue or the feed was lost. */
    DISCONNECT
}
