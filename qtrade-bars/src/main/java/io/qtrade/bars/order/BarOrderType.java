package io.qtrade.bars.order;

/**
 * How a bar order executes; see {@link IntrabarRules} for the fill prices.
 */
public enum BarOrderType {
    /** At the open of the instrument's next bar (the usual "market order" of a daily backtest). */
    MARKET_ON_OPEN,
    /** At the close of the bar the strategy is looking at (the ta4j convention: trade at the signal bar's close). */
    MARKET_ON_CLOSE,
    /** At the limit price or better. */
    LIMIT,
    /** Becomes a market order when the price reaches the stop. */
    STOP,
    /** Becomes a limit order when the price reaches the stop. */
    STOP_LIMIT,
    /** A limit order that closes a position at a profit (a bracket's target); fills like {@link #LIMIT}. */
    TAKE_PROFIT,
    /** A stop whose level follows the best price since it was placed at a fixed distance or fraction. */
    TRAILING_STOP;

    /** Whether the order becomes a market order when triggered (stop-type exit of a bracket). */
    public boolean isStopType() {
        return this == STOP || this == STOP_LIMIT || this == TRAILING_STOP;
    }

    /** Whether the order fills as a limit (no slippage applied to its price). */
    public boolean isLimitType() {
        return this == LIMIT || this == TAKE_PROFIT;
    }
}
