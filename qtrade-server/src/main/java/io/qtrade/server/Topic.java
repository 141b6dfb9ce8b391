package io.qtrade.server;

import java.util.Locale;

/** A WebSocket stream a client may subscribe to; its wire name is the lower-case name. */
public enum Topic {
    /** Best bid and ask per instrument, sampled every {@code bookIntervalNanos}. */
    TOP,
    /** The top levels of each book (the ladder), sampled as {@link #TOP}. */
    BOOK,
    /** Trade prints (sampled under load: the engine's trade ring drops prints when full). */
    TRADES,
    /** Own order updates (every strategy's, and the API's). */
    ORDERS,
    /** Own fills, with the position after each. */
    FILLS,
    /** Each strategy's portfolio and PnL, sampled every {@code portfolioIntervalNanos}. */
    PORTFOLIO,
    /** Kill switch engagements and resets, and risk rejections. */
    RISK,
    /** Strategy-published signals, sampled as {@link #PORTFOLIO}. */
    SIGNALS;

    /** The wire name. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The topic of a wire name, or null. */
    static Topic of(String wire) {
        for (Topic t : values()) {
            if (t.wireName().equals(wire)) {
                return t;
            }
        }
        return null;
    }
}
