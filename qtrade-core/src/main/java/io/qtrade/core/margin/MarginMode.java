package io.qtrade.core.margin;

/**
 * How a derivative position is collateralised (Binance "Cross Margin" and "Isolated Margin",
 * https://www.binance.com/en/support/faq/360038685551).
 */
public enum MarginMode {
    /** The position shares the account's cross wallet balance with every other cross position. */
    CROSS,
    /** The position has its own margin (its isolated wallet balance); losing it cannot reach the rest. */
    ISOLATED
}
