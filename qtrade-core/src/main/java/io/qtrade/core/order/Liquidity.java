package io.qtrade.core.order;

/**
 * Which side of the trade a fill was on, which decides its fee: the maker rested in the book and was hit (fee may
 * be negative, a rebate), the taker crossed the spread and hit a resting order.
 */
public enum Liquidity {
    /** The order rested in the book and was traded against. */
    MAKER,
    /** The order crossed the spread and traded against a resting order. */
    TAKER
}
