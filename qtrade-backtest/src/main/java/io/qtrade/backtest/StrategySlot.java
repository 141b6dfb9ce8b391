package io.qtrade.backtest;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Order;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.OrderType;
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
    /** The derivatives accounting of this strategy; null when no instrument is held on margin. */
    final io.qtrade.backtest.margin.MarginLedger ledger;
    /** Borrow interest of short spot positions; null unless the backtest charges it. */
    final io.qtrade.core.margin.SpotBorrow borrow;
    final Timers timers = new Timers();
    /** Every order by sequence under {@link OrderHistory#ALL}; empty under {@link OrderHistory#OPEN_ONLY}. */
    final ArrayList<OrderRecord> orders = new ArrayList<>();
    private final Engine engine;
    private final boolean keepAll;
    /** Orders sent so far: the sequence part of the next order id. */
    private long sent;
    /** Orders sent, and fills by liquidity, per instrument: the totals, under either {@link OrderHistory}. */
    final int[] ordersSent;
    final int[] makerFills;
    final int[] takerFills;
    /** Open orders (not terminal for the strategy), in send order. */
    private long[] liveIds = new long[16];
    private OrderRecord[] liveRecords = new OrderRecord[16];
    private int liveCount;
    /** {@link OrderHistory#OPEN_ONLY}: the records still held (open, or with a message in flight), and spares. */
    private long[] heldIds = new long[16];
    private OrderRecord[] heldRecords = new OrderRecord[16];
    private int heldCount;
    private OrderRecord[] spare = new OrderRecord[16];
    private int spareCount;
    /** Wall-clock start of the current callback when callback time is measured. */
    long callbackStartWallNanos;
    /**
     * Whether the strategy overrides {@link Strategy#onOrderUpdate}: the engine builds an {@link ExecutionReport} only
     * for a strategy that reads it (the default callback is empty, so skipping it changes nothing).
     */
    final boolean receivesOrderUpdates;
    /**
     * Whether the strategy overrides {@link Strategy#onBook} and {@link Strategy#onTrade}: the engine calls only the
     * callbacks a strategy implements (the defaults are empty, so skipping them changes nothing).
     */
    final boolean receivesBook;
    final boolean receivesTrades;

    StrategySlot(Engine engine, int index, String id, Strategy strategy, double initialCash) {
        this.engine = engine;
        this.index = index;
        this.id = id;
        this.strategy = strategy;
        this.portfolio = new Portfolio(initialCash);
        this.ledger = engine.config.margin.isEmpty() ? null
                : new io.qtrade.backtest.margin.MarginLedger(index, engine.instruments, engine.config.margin,
                initialCash, engine.config.clearanceFeeRate);
        this.borrow = engine.config.borrowRates == null ? null
                : new io.qtrade.core.margin.SpotBorrow(engine.config.borrowRates, engine.config.borrowedAssets);
        this.receivesOrderUpdates = overrides(strategy.getClass(), "onOrderUpdate", ExecutionReport.class);
        this.receivesBook = overrides(strategy.getClass(), "onBook", int.class, io.qtrade.core.book.OrderBookView.class);
        this.receivesTrades = overrides(strategy.getClass(), "onTrade", int.class,
                io.qtrade.core.market.MarketEvent.class);
        this.keepAll = engine.config.orderHistory == OrderHistory.ALL;
        int instruments = engine.instruments.size();
        this.ordersSent = new int[instruments];
        this.makerFills = new int[instruments];
        this.takerFills = new int[instruments];
    }

    /** Whether {@code type} implements {@code name(parameter)} itself rather than inheriting Strategy's default. */
    static boolean overrides(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters).getDeclaringClass() != Strategy.class;
        } catch (NoSuchMethodException e) {
            return true; // cannot tell: deliver it
        }
    }

    static int strategyOf(long orderId) {
        return (int) (orderId >>> ID_SHIFT) - 1;
    }

    /** The record of {@code orderId}, or null if the id is not this strategy's or its order was forgotten. */
    OrderRecord record(long orderId) {
        if (keepAll) {
            long seq = orderId & SEQ_MASK;
            if (strategyOf(orderId) != index || seq < 1 || seq > orders.size()) {
                return null;
            }
            return orders.get((int) seq - 1);
        }
        for (int i = heldCount - 1; i >= 0; i--) {
            if (heldIds[i] == orderId) {
                return heldRecords[i];
            }
        }
        return null;
    }

    /** The strategy has learnt that {@code orderId} finished: it is no longer open. */
    void orderDone(long orderId) {
        for (int i = 0; i < liveCount; i++) {
            if (liveIds[i] == orderId) {
                System.arraycopy(liveIds, i + 1, liveIds, i, liveCount - i - 1);
                System.arraycopy(liveRecords, i + 1, liveRecords, i, liveCount - i - 1);
                liveCount--;
                liveRecords[liveCount] = null;
                return;
            }
        }
    }

    /**
     * Under {@link OrderHistory#OPEN_ONLY}, gives {@code record} back to the spares once nothing more can happen to
     * its order (called after every delivered message, when the strategy's callbacks have returned).
     */
    void releaseIfFinished(OrderRecord record) {
        if (keepAll || !record.finished()) {
            return;
        }
        long orderId = record.order().orderId();
        for (int i = 0; i < heldCount; i++) {
            if (heldIds[i] == orderId) {
                System.arraycopy(heldIds, i + 1, heldIds, i, heldCount - i - 1);
                System.arraycopy(heldRecords, i + 1, heldRecords, i, heldCount - i - 1);
                heldCount--;
                heldRecords[heldCount] = null;
                if (spareCount == spare.length) {
                    spare = Arrays.copyOf(spare, spareCount * 2);
                }
                spare[spareCount++] = record;
                return;
            }
        }
    }

    /** Orders sent by this strategy. */
    long ordersSent() {
        return sent;
    }

    /** Orders of this strategy not yet terminal as far as it knows, on every instrument. */
    int openOrderCount() {
        return liveCount;
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
        return submit(instrument, instrumentAt(instrument), side, OrderType.LIMIT, timeInForce, price, qty);
    }

    @Override
    public long submitMarket(int instrument, Side side, double qty) {
        return submit(instrument, instrumentAt(instrument), side, OrderType.MARKET, TimeInForce.IOC,
                OrderRequest.MARKET_PRICE, qty);
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
        return submit(instrument, request.instrument(), request.side(), request.type(), request.timeInForce(),
                request.price(), request.qty());
    }

    private long submit(int instrument, Instrument inst, Side side, OrderType type, TimeInForce timeInForce,
                        double price, double qty) {
        long orderId = ((long) (index + 1) << ID_SHIFT) | (sent + 1);
        long now = engine.localClock.nowNanos();
        OrderRecord record;
        if (spareCount > 0) {
            record = spare[spareCount - 1];
            record.order().reuse(orderId, inst, side, type, timeInForce, price, qty, now); // checks before it changes
            spare[--spareCount] = null;
        } else {
            record = new OrderRecord(id, instrument, new Order(orderId, inst, side, type, timeInForce, price, qty, now),
                    0L);
        }
        long sendTs = now + engine.decisionDelay(this);
        record.reuse(instrument, sendTs);
        sent++;
        ordersSent[instrument]++;
        if (keepAll) {
            orders.add(record);
        } else {
            if (heldCount == heldIds.length) {
                heldIds = Arrays.copyOf(heldIds, heldCount * 2);
                heldRecords = Arrays.copyOf(heldRecords, heldCount * 2);
            }
            heldIds[heldCount] = orderId;
            heldRecords[heldCount++] = record;
        }
        if (liveCount == liveIds.length) {
            liveIds = Arrays.copyOf(liveIds, liveCount * 2);
            liveRecords = Arrays.copyOf(liveRecords, liveCount * 2);
        }
        liveIds[liveCount] = orderId;
        liveRecords[liveCount++] = record;
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
            long seq = orderId & SEQ_MASK;
            if (!keepAll && strategyOf(orderId) == index && seq >= 1 && seq <= sent) {
                throw new IllegalArgumentException("strategy '" + id + "': order " + orderId + " has finished and"
                        + " is no longer held (OrderHistory.OPEN_ONLY keeps open orders only; hold ids, not views)");
            }
            throw new IllegalArgumentException("strategy '" + id + "': no order has id " + orderId);
        }
        return record.order();
    }

    @Override
    public int openOrders(int instrument, long[] orderIds) {
        int n = 0;
        for (int i = 0; i < liveCount && n < orderIds.length; i++) {
            if (liveRecords[i].instrument() == instrument) {
                orderIds[n++] = liveIds[i];
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
        return "StrategySlot[id=" + id + ", orders=" + sent + ", open=" + liveCount + "]";
    }
}
