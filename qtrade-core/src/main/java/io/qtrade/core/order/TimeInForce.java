package io.qtrade.core.order;

/**
 * How long an order stays working and what happens to the part that does not trade on arrival.
 *
 * <ul>
 *   <li>{@link #GTC}: good till cancelled. Trades what crosses on arrival (as taker), the rest rests in the book
 *       (as maker) until filled, cancelled or expired by the venue.</li>
 *   <li>{@link #IOC}: immediate or cancel. Trades what it can on arrival; the unfilled rest is cancelled at once,
 *       never rests. A partial fill is possible.</li>
 *   <li>{@link #FOK}: fill or kill. Trades its whole quantity on arrival or nothing at all (the venue cancels or
 *       expires it unfilled); never a partial fill, never rests.</li>
 *   <li>{@link #POST_ONLY}: rests only as a maker. If on arrival it would cross the opposite best price (and so
 *       trade as taker) the venue rejects it instead; it therefore never pays a taker fee. LIMIT orders only.</li>
 * </ul>
 */
public enum TimeInForce {
    /** Good till cancelled: the rest rests as maker. */
    GTC,
    /** Immediate or cancel: the rest is cancelled on arrival. */
    IOC,
    /** Fill or kill: all on arrival or nothing. */
    FOK,
    /** Rests only as a maker; rejected if it would cross on arrival. */
    POST_ONLY
}
