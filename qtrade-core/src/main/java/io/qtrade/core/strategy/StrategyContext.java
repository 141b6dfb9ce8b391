package io.qtrade.core.strategy;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.order.OrderView;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.portfolio.Position;
import io.qtrade.core.time.Clock;

import java.util.List;

/**
 * What an engine (backtest, paper or live) offers a {@link Strategy}: order entry, books, positions, the clock and
 * timers. Instruments are addressed by their index in {@link #instruments()}, so per-instrument state can live in
 * plain arrays.
 *
 * <p>Order entry is asynchronous as on a real venue: {@code submit*} returns the order id at once and the outcome
 * (ack, fills, reject) arrives later through {@link Strategy#onOrderUpdate} and {@link Strategy#onFill}. The primitive
 * {@code submitLimit}/{@code submitMarket} allocate nothing, for strategies that requote on every book update.
 */
public interface StrategyContext {

    /** The id this strategy runs under; its orders and fills are reported under it. */
    String strategyId();

    /** The instruments this strategy sees, by index. */
    List<Instrument> instruments();

    /**
     * The index of {@code instrument} in {@link #instruments()}.
     *
     * @throws IllegalArgumentException if the strategy does not see {@code instrument}
     */
    default int instrumentIndex(Instrument instrument) {
        int index = instruments().indexOf(instrument);
        if (index < 0) {
            throw new IllegalArgumentException(instrument.id() + " is not one of this strategy's instruments "
                    + instruments());
        }
        return index;
    }

    /** The clock of the engine: simulated in a backtest, the system's live. */
    Clock clock();

    /** {@code clock().nowNanos()}: epoch nanoseconds, UTC. */
    default long nowNanos() {
        return clock().nowNanos();
    }

    /** The market book of instrument {@code instrument} as the strategy sees it (at local time), read-only. */
    OrderBookView book(int instrument);

    /** This strategy's portfolio: positions, cash, PnL and fees. */
    Portfolio portfolio();

    /** This strategy's position in instrument {@code instrument}. */
    default Position position(int instrument) {
        return portfolio().position(instruments().get(instrument));
    }

    /**
     * Sends a limit order.
     *
     * @return the order id under which updates and fills are reported
     */
    long submitLimit(int instrument, Side side, double price, double qty, TimeInForce timeInForce);

    /** Sends a market order (immediate-or-cancel: what the visible book cannot fill is cancelled). */
    long submitMarket(int instrument, Side side, double qty);

    /** Sends an order described by a request; its instrument must be one of {@link #instruments()}. */
    long submit(OrderRequest request);

    /**
     * Asks to cancel an order. The cancel can lose the race against a fill; the outcome arrives as an update.
     *
     * @return {@code false} if the order is unknown or already finished, so no cancel was sent
     */
    boolean cancel(long orderId);

    /**
     * The strategy's view of an order (as last reported to it).
     *
     * @throws IllegalArgumentException if no order has that id
     */
    OrderView order(long orderId);

    /**
     * Writes the ids of the strategy's open orders on instrument {@code instrument} into {@code orderIds}
     * (modified) and returns how many there are; at most {@code orderIds.length} are written.
     */
    int openOrders(int instrument, long[] orderIds);

    /** Sets a one-shot timer at {@code timeNanos} (epoch nanoseconds, not before now); returns its id. */
    long scheduleAt(long timeNanos);

    /** Sets a repeating timer firing every {@code intervalNanos} (positive) from now; returns its id. */
    long scheduleEvery(long intervalNanos);

    /** Cancels a timer; {@code false} if it had already fired (one-shot) or was cancelled. */
    boolean cancelTimer(long timerId);
}
