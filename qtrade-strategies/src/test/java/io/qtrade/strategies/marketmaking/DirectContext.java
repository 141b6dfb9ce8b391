package io.qtrade.strategies.marketmaking;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.order.Order;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.OrderView;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.core.time.Clock;
import io.qtrade.core.time.SimulatedClock;

import java.util.ArrayList;
import java.util.List;

/**
 * Test harness: a minimal strategy context for calling a strategy's callbacks directly: one instrument, a book the
 * test applies events to, a portfolio, orders acknowledged (and cancels done) at once, timers never fired by itself.
 */
final class DirectContext implements StrategyContext {

    final SimulatedClock clock = new SimulatedClock(0);
    final Instrument instrument;
    final OrderBook book;
    final Portfolio portfolio = new Portfolio(0);
    final List<Order> orders = new ArrayList<>();
    long timerId = 7;

    DirectContext(Instrument instrument) {
        this.instrument = instrument;
        this.book = new OrderBook(instrument);
    }

    @Override
    public String strategyId() {
        return "mm";
    }

    @Override
    public List<Instrument> instruments() {
        return List.of(instrument);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public OrderBookView book(int instrument) {
        return book;
    }

    @Override
    public Portfolio portfolio() {
        return portfolio;
    }

    @Override
    public long submitLimit(int instrument, Side side, double price, double qty, TimeInForce timeInForce) {
        Order order = new Order(orders.size() + 1, OrderRequest.limit(this.instrument, side, price, qty, timeInForce),
                clock.nowNanos());
        order.acknowledge(clock.nowNanos());
        orders.add(order);
        return order.orderId();
    }

    @Override
    public long submitMarket(int instrument, Side side, double qty) {
        throw new AssertionError("the market maker sends no market orders");
    }

    @Override
    public long submit(OrderRequest request) {
        throw new AssertionError("the market maker sends limit orders through submitLimit");
    }

    @Override
    public boolean cancel(long orderId) {
        Order order = orders.get((int) orderId - 1);
        order.requestCancel(clock.nowNanos());
        order.cancel(clock.nowNanos());
        return true;
    }

    @Override
    public OrderView order(long orderId) {
        return orders.get((int) orderId - 1);
    }

    @Override
    public int openOrders(int instrument, long[] orderIds) {
        return 0;
    }

    @Override
    public long scheduleAt(long timeNanos) {
        return timerId;
    }

    @Override
    public long scheduleEvery(long intervalNanos) {
        return timerId;
    }

    @Override
    public boolean cancelTimer(long timerId) {
        return false;
    }
}
