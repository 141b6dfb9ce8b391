package io.qtrade.server;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.server.tap.StrategySignals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The strategy of the server tests: every {@code quoteEveryNanos} it rests one bid and one ask {@code offsetTicks}
 * from the touch when it has none, and every fourth time also sends a market order (buy, buy, sell: its position
 * grows by one lot per cycle), so that positions, PnL and fills change as the engine runs. It publishes the mid and
 * the top-of-book imbalance as signals, and records every report and fill it sees (its own orders only: the tap keeps
 * the API's orders from it).
 */
final class TestMaker implements Strategy {

    final Instrument instrument;
    final int offsetTicks;
    final double qty;
    final long quoteEveryNanos;
    final StrategySignals signals;
    final List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
    final List<Fill> fills = new CopyOnWriteArrayList<>();
    final AtomicLong books = new AtomicLong();
    private StrategyContext ctx;
    private long bidId;
    private long askId;
    private long ticks;
    private int midSignal;
    private int imbalanceSignal;

    TestMaker(Instrument instrument, int offsetTicks, double qty, long quoteEveryNanos, StrategySignals signals) {
        this.instrument = instrument;
        this.offsetTicks = offsetTicks;
        this.qty = qty;
        this.quoteEveryNanos = quoteEveryNanos;
        this.signals = signals;
    }

    @Override
    public void onStart(StrategyContext context) {
        ctx = context;
        midSignal = signals.register("mid");
        imbalanceSignal = signals.register("imbalance");
        signals.parameter("offsetTicks", Integer.toString(offsetTicks));
        signals.parameter("qty", Double.toString(qty));
        ctx.scheduleEvery(quoteEveryNanos);
    }

    @Override
    public void onBook(int i, OrderBookView book) {
        books.incrementAndGet();
        if (!book.isEmpty(Side.BUY) && !book.isEmpty(Side.SELL)) {
            signals.set(midSignal, book.mid());
            double b = book.bestBidQty();
            double a = book.bestAskQty();
            signals.set(imbalanceSignal, (b - a) / (b + a));
        }
    }

    @Override
    public void onTimer(long timerId, long nowNanos) {
        OrderBookView book = ctx.book(0);
        if (book.isEmpty(Side.BUY) || book.isEmpty(Side.SELL)) {
            return;
        }
        if (bidId == 0 || ctx.order(bidId).status().isTerminal()) {
            bidId = ctx.submitLimit(0, Side.BUY, instrument.toPrice(book.bestBidTicks() - offsetTicks), qty,
                    TimeInForce.GTC);
        }
        if (askId == 0 || ctx.order(askId).status().isTerminal()) {
            askId = ctx.submitLimit(0, Side.SELL, instrument.toPrice(book.bestAskTicks() + offsetTicks), qty,
                    TimeInForce.GTC);
        }
        ticks++;
        if (ticks % 4 == 0) {
            long cycle = ticks / 4;
            ctx.submitMarket(0, cycle % 3 == 2 ? Side.SELL : Side.BUY, qty);
        }
    }

    @Override
    public void onOrderUpdate(ExecutionReport report) {
        reports.add(report);
    }

    @Override
    public void onFill(Fill fill) {
        fills.add(fill);
    }

    long restingOrders() {
        return reports.stream().filter(r -> r.status() == OrderStatus.NEW).count();
    }
}
