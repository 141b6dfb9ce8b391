package io.qtrade.core.order;

/**
 * How an order is priced.
 *
 * <ul>
 *   <li>{@link #LIMIT}: trades at its limit price or better; the unfilled rest may rest in the book, as its
 *       {@link TimeInForce} allows.</li>
 *   <li>{@link #MARKET}: carries no price ({@link OrderRequest#MARKET_PRICE}) and takes whatever the book offers,
 *       walking the levels until filled or the book is empty; it never rests, so its time in force is
 *       {@link TimeInForce#IOC} or {@link TimeInForce#FOK}.</li>
 * </ul>
 */
public enum OrderType {
    /** Trade at the limit price or better. */
    LIMIT,
    /** Trade at any price against the book; never rests. */
    MARKET
}
