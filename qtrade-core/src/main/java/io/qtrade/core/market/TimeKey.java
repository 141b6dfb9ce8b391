package io.qtrade.core.market;

/** Which of an event's two timestamps orders a stream. */
public enum TimeKey {
    /** {@code exchTs}: the venue's time, the order in which the exchange acts. */
    EXCH,
    /** {@code localTs}: the time the researcher's machine saw the event, the order in which a strategy sees it. */
    LOCAL
}
