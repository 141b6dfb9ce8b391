package io.qtrade.core.strategy;

import io.qtrade.core.bar.BarSlice;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.MarketEvent;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;

/**
 * A trading strategy: callbacks driven by an engine, the same object in a backtest, in paper trading and live.
 *
 * <p>The engine calls {@link #onStart} once with the {@link StrategyContext} the strategy keeps for submitting and
 * cancelling orders, reading books, positions and the clock, and setting timers. Then, in time order as the
 * strategy's machine would see them (market data at its {@code localTs}, order responses after the response
 * latency):
 * <ul>
 *   <li>{@link #onBook} after a book changed (the book already reflects the event);</li>
 *   <li>{@link #onTrade} for each trade print;</li>
 *   <li>{@link #onOrderUpdate} for each change of an own order's state (ack, partial fill, cancel, reject);</li>
 *   <li>{@link #onFill} for each fill of an own order, after the portfolio has been updated with it;</li>
 *   <li>{@link #onTimer} when a timer set through the context fires;</li>
 *   <li>{@link #onBars} in a bar engine, once per bar time with the bars of every instrument that has one then.</li>
 * </ul>
 * and {@link #onStop} once at the end. Every callback has an empty default, so a strategy implements only what it
 * uses. Callbacks run on one thread; the objects passed in ({@code book}, {@code trade}) are views that change after
 * the callback returns, so copy the values you keep.
 */
public interface Strategy {

    /** Called once, before any event; keep {@code context} for the strategy's lifetime. */
    default void onStart(StrategyContext context) {
    }

    /**
     * The book of instrument {@code instrument} (an index into {@link StrategyContext#instruments()}) has changed.
     */
    default void onBook(int instrument, OrderBookView book) {
    }

    /** A trade printed on instrument {@code instrument}; {@code trade} is a view valid during the call only. */
    default void onTrade(int instrument, MarketEvent trade) {
    }

    /** An own order changed state. */
    default void onOrderUpdate(ExecutionReport report) {
    }

    /** An own order was (partly) filled; positions and cash already include it. */
    default void onFill(Fill fill) {
    }

    /** The timer {@code timerId} set through {@link StrategyContext#scheduleAt} or {@code scheduleEvery} fired. */
    /**
     * A derivative's mark price, index price or funding rate row ({@link io.qtrade.core.market.EventKind#MARK_PRICE},
     * {@code INDEX_PRICE}, {@code FUNDING_RATE}), at its local time. The books do not change with these rows, so
     * {@link #onBook} is not called for them.
     */
    default void onDerivativeData(int instrument, MarketEvent event) {
    }

    /**
     * The venue liquidated a position of this strategy (margin balance below maintenance margin at the mark price):
     * the position is closed, its fill and fee already booked in the portfolio.
     */
    default void onLiquidation(io.qtrade.core.margin.Liquidation liquidation) {
    }

    /**
     * A dated future of this strategy expired and its position was delivered at the delivery price (its PnL already
     * booked in the portfolio); the venue cancelled its open orders on the contract and rejects new ones.
     */
    default void onDelivery(io.qtrade.core.margin.Delivery delivery) {
    }

    default void onTimer(long timerId, long nowNanos) {
    }

    /**
     * A bar engine's bar time: {@code bars} holds the bar of every instrument that has one ending at
     * {@code bars.endTs()}, in instrument order (a view valid during the call only). The tick engine never calls
     * it, so a strategy that implements both this and the tick callbacks runs in both engines.
     */
    default void onBars(BarSlice bars) {
    }

    /** Called once after the last event; open orders may still rest. */
    default void onStop() {
    }
}
