package io.qtrade.bars;

import io.qtrade.bars.order.BarOrder;
import io.qtrade.bars.order.Bracket;
import io.qtrade.bars.order.Rebalance;
import io.qtrade.core.bar.BarSlice;
import io.qtrade.core.strategy.StrategyContext;

/**
 * What the bar engine offers a strategy, beyond the engine-neutral {@link StrategyContext}: bar orders (market on
 * open or close, limit, stop, stop-limit, take-profit, trailing stop), brackets, target orders (rebalance to weights
 * or quantities, with lot rounding), the latest closes, listing state and corporate-action adjustment.
 *
 * <p>A strategy receives it in {@code onStart(StrategyContext)} and keeps it with {@link #of}:
 * <pre>{@code
 * public void onStart(StrategyContext context) { this.bars = BarContext.of(context); }
 * }</pre>
 * The tick API works too: {@code submitMarket} is a market-on-open order, {@code submitLimit} a limit order
 * ({@code IOC}/{@code FOK} work one bar, like {@link io.qtrade.bars.order.BarTimeInForce#DAY}); there is no order
 * book ({@link #book} throws). Order outcomes arrive through {@code onOrderUpdate} and {@code onFill} as in the tick
 * engine.
 */
public interface BarContext extends StrategyContext {

    /**
     * The bar context behind {@code context}.
     *
     * @throws IllegalArgumentException when the strategy does not run in the bar engine
     */
    static BarContext of(StrategyContext context) {
        if (context instanceof BarContext bars) {
            return bars;
        }
        throw new IllegalArgumentException("strategy '" + context.strategyId() + "' needs the bar engine (BarContext),"
                + " but runs in " + context.getClass().getName());
    }

    /** Sends a bar order; returns its id. Outcomes arrive through the strategy's callbacks. */
    long submit(BarOrder order);

    /** Sends a bracket: the entry now, the OCO exits when it has filled. */
    BracketIds submitBracket(Bracket bracket);

    /**
     * Rebalances to target weights of equity, indexed by instrument ({@code weights.length ==
     * instruments().size()}; NaN counts as 0): see {@link Rebalance} for the sizing, lot rounding and order of the
     * trades. An instrument without a price yet, or not listed now, must have weight 0.
     *
     * @return the number of orders sent
     * @throws IllegalArgumentException naming the instrument whose weight cannot be traded
     */
    int rebalanceToWeights(double[] weights, Rebalance how);

    /**
     * Rebalances to target quantities (signed, instrument units, rounded toward zero to the lot), indexed by
     * instrument; otherwise as {@link #rebalanceToWeights}.
     */
    int rebalanceToQuantities(double[] quantities, Rebalance how);

    /** The latest close of {@code instrument} (raw, split-rescaled after a split), NaN before its first bar. */
    double lastClose(int instrument);

    /** The bars of the current bar time (also passed to {@code onBars}). */
    BarSlice currentBars();

    /** Whether {@code instrument} is listed now (per the universe; always when there is none). */
    boolean isListed(int instrument);

    /**
     * The cumulative corporate-action factor of {@code instrument} so far, 1 before any action:
     * {@code lastClose * adjustmentFactor} is a total-return price series, continuous across splits and
     * dividends, computed with no look-ahead (the ratio of two of its values is the total return between them).
     */
    double adjustmentFactor(int instrument);

    /** The strategy's equity now (cash plus positions at the latest closes, converted to the base currency). */
    double equity();

    /**
     * The cash and positions held in {@code currency} (the base currency's is {@link #portfolio()}); see
     * {@link io.qtrade.bars.fx.Currencies}.
     *
     * @throws IllegalArgumentException for a currency the run does not have
     */
    io.qtrade.core.portfolio.Portfolio portfolio(String currency);

    /**
     * The ids of a bracket's orders.
     *
     * @param entry      the entry order
     * @param stopLoss   the stop-loss order's id (sent when the entry fills), {@link #NONE} if none
     * @param takeProfit the take-profit order's id, {@link #NONE} if none
     */
    record BracketIds(long entry, long stopLoss, long takeProfit) {
        /** No order. */
        public static final long NONE = 0L;
    }
}
