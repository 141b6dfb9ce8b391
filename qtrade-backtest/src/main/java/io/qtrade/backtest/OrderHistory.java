package io.qtrade.backtest;

/**
 * How much of the order flow a backtest keeps for its {@link BacktestResult}.
 *
 * <p>{@link #ALL} is the default and what research needs: every order and fill becomes a row of
 * {@link BacktestResult#orders()} and {@link BacktestResult#fills()}, so memory grows with the number of orders (about
 * 250 bytes per order and 150 per fill). {@link #OPEN_ONLY} is for runs whose order count is unbounded (a quoting
 * strategy over a month of ticks, a sweep of thousands of runs that reads only the totals): the engine holds only
 * the orders still working or with a message in flight, reuses the objects of finished ones, and the result has
 * the totals (order, fill, maker and taker counts included), the equity series and the portfolios, but no order or
 * fill rows. After warm-up such a run allocates nothing per order; each fill allocates the {@link
 * io.qtrade.core.order.Fill} handed to {@code Strategy.onFill}.
 *
 * <p>Under {@link #OPEN_ONLY} an {@link io.qtrade.core.order.OrderView} is valid until the strategy has been told its
 * order finished (the terminal update or fill); the object may then be reused for a later order, and
 * {@code StrategyContext.order(id)} of a forgotten order throws. Hold order ids, not views, across callbacks. Fills,
 * PnL and every total are identical under both settings (tested).
 */
public enum OrderHistory {
    /** Keep every order and fill for the result tables. */
    ALL,
    /** Keep only open orders; finished ones are recycled and the result has totals but no order or fill rows. */
    OPEN_ONLY
}
