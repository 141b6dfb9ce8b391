package io.qtrade.backtest;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Order;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.OrderView;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.core.strategy.Timers;
import io.qtrade.core.time.Clock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One strategy inside the engine: its context (orders, portfolio, timers) and its callbacks. */
final class StrategySlot implements StrategyContext {

    /** Order ids are {@code (strategyIndex + 1) << ID_SHIFT | sequence}: per strategy, so peers never shift them. */
    static final int ID_SHIFT = 40;
    private static final long SEQ_MASK = (1L << ID_SHIFT) - 1;

    final int index;
    final String id;
    final Strategy strategy;
    final Portfolio portfolio;
    final Timers timers = new Timers();
    final ArrayList<OrderRecord> orders = new ArrayList<>();
    private final Engine engine;
    private long[] liveIds = new long[16];
    private int liveCount;
    /** Wall-clock start of the current callback when callback time is measured. */
    long callbackStartWallNanos;
    /**
     * Whether the strategy overrides {@link Strategy#onOrderUpdate}: the engine builds an {@link ExecutionReport} only
     * for a strategy that reads it (the default callback is empty, so skipping it changes nothing).
     */
    final boolean receivesOrderUpdates;

    StrategySlot(Engine engine, int index, String id, Strategy strategy, double initialCash) {
        this.engine = engine;
        this.index = index;
        this.id = id;
        this.strategy = strategy;
        this.portfolio = new Portfolio(initialCash);
        this.receivesOrderUpdates = overrides(strategy.getClass(), "onOrderUpdate", ExecutionReport.class);
    }

    /** Whether {@code type} implements {@code name(parameter)} itself rather than inheriting Strategy's default. */
    static boolean overrides(Class<?> type, String name, Class<?> parameter) {
        try {
            return type.getMethod(name, parameter).getDeclaringClass() != Strategy.class;
        } catch (NoSuchMethodException e) {
            return true; // cannot tell: deliver it
        }
    }

    static int strategyOf(long orderId) {
        return (int) (orderId >>> ID_SHIFT) - 1;
    }

    OrderRecord record(long orderId) {
        long seq = orderId & SEQ_MASK;
        if (strategyOf(orderId) != index || seq < 1 || seq > orders.size()) {
            return null;
        }
        return orders.get((int) seq - 1);
    }

    void orderDone(long orderId) {
        for (int i = 0; i < liveCount; i++) {
            if (liveIds[i] == orderId) {
                System.arraycopy(liveIds, i + 1, liveIds, i, liveCount - i - 1);
                liveCount--;
                return;
            }
        }
    }

    @Override
    public String strategyId() {
        return id;
    }

    @Override
    public List<Instrument> instruments() {
        return engine.instruments;
    }

    @Override
    public Clock clock() {
        return engine.localClock;
    }

    @Override
    public OrderBookView book(int instrument) {
        return engine.localView(instrument);
    }

    @Override
    public Portfolio portfolio() {
        return portfolio;
    }

    @Override
    public long submitLimit(int instrument, Side side, double price, double qty, TimeInForce timeInForce) {
        return submit(OrderRequest.limit(instrumentAt(instrument), side, price, qty, timeInForce));
    }

    @Override
    public long submitMarket(int instrument, Side side, double qty) {
        return submit(OrderRequest.market(instrumentAt(instrument), side, qty));
    }

    private Instrument instrumentAt(int instrument) {
        if (instrument < 0 || instrument >= engine.instruments.size()) {
            throw new IllegalArgumentException("strategy '" + id + "': instrument index " + instrument
                    + " is out of range [0, " + engine.instruments.size() + ")");
        }
        return engine.instruments.get(instrument);
    }

    @Override
    public long submit(OrderRequest request) {
        int instrument = instrumentIndex(request.instrument());
        long orderId = ((long) (index + 1) << ID_SHIFT) | (orders.size() + 1L);
        long now = engine.localClock.nowNanos();
        long sendTs = now + engine.decisionDelay(this);
        Order order = new Order(orderId, request, now);
        OrderRecord record = new OrderRecord(id, instrument, order, sendTs);
        orders.add(record);
        if (liveCount == liveIds.length) {
            liveIds = Arrays.copyOf(liveIds, liveCount * 2);
        }
        liveIds[liveCount++] = orderId;
        engine.sendNew(this, record, instrument, sendTs);
        return orderId;
    }

    @Override
    public boolean cancel(long orderId) {
        OrderRecord record = record(orderId);
        if (record == null) {
            return false;
        }
        Order order = record.order();
        if (order.status().isTerminal() || order.status() == OrderStatus.PENDING_CANCEL) {
            return false;
        }
        long now = engine.localClock.nowNanos();
        order.requestCancel(now);
        engine.sendCancel(this, record, now + engine.decisionDelay(this));
        return true;
    }

    @Override
    public OrderView order(long orderId) {
        OrderRecord record = record(orderId);
        if (record == null) {
            throw new IllegalArgumentException("strategy '" + id + "': no order has id " + orderId);
        }
        return record.order();
    }

    @Override
    public int openOrders(int instrument, long[] orderIds) {
        int n = 0;
        for (int i = 0; i < liveCount && n < orderIds.length; i++) {
            long oid = liveIds[i];
            if (record(oid).instrument() == instrument) {
                orderIds[n++] = oid;
            }
        }
        return n;
    }

    @Override
    public long scheduleAt(long timeNanos) {
        long now = engine.localClock.nowNanos();
        if (timeNanos < now) {
            throw new IllegalArgumentException("strategy '" + id + "': timer at " + timeNanos
                    + " is before now " + now);
        }
        engine.othersChanged = true;
        return timers.scheduleAt(timeNanos);
    }

    @Override
    public long scheduleEvery(long intervalNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("strategy '" + id + "': timer intervalNanos must be > 0, was "
                    + intervalNanos);
        }
        engine.othersChanged = true;
        return timers.scheduleEvery(engine.localClock.nowNanos() + intervalNanos, intervalNanos);
    }

    @Override
    public boolean cancelTimer(long timerId) {
        engine.othersChanged = true;
        return timers.cancel(timerId);
    }

    @Override
    public String toString() {
        return "StrategySlot[id=" + id + ", orders=" + orders.size() + ", open=" + liveCount + "]";
    }
}
