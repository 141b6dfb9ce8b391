package io.qtrade.server.tap;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.bar.BarSlice;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.MarketEvent;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.OrderView;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.portfolio.Position;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A strategy wrapped by {@link EngineTap#wrap}: forwards every callback to the original, then publishes what the
 * server needs (no allocation on the engine thread) and runs the server's commands. Reports and fills of orders the
 * server placed ({@code external}) are published but not forwarded, so the original never sees an order id it did
 * not make; they still count in its portfolio, as on a venue.
 */
final class TappedStrategy implements Strategy {

    final EngineTap tap;
    final int index;
    final String id;
    final Strategy delegate;
    final PortfolioSnapshot portfolio;
    final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    StrategyContext ctx;
    int[] tapIndex = new int[0];
    volatile boolean started;
    volatile boolean stopped;
    private long timerId = -1;
    private long[] externalOpen = new long[8];
    private int externalCount;

    TappedStrategy(EngineTap tap, int index, String id, Strategy delegate, PortfolioSnapshot portfolio) {
        this.tap = tap;
        this.index = index;
        this.id = id;
        this.delegate = delegate;
        this.portfolio = portfolio;
    }

    @Override
    public void onStart(StrategyContext context) {
        tap.checkThread();
        this.ctx = context;
        tap.started(this);
        if (tap.commandIntervalNanos() > 0) {
            timerId = context.scheduleEvery(tap.commandIntervalNanos());
        }
        started = true;
        delegate.onStart(context);
        tap.pending = true;
        serviceIfPending();
    }

    @Override
    public void onBook(int instrument, OrderBookView book) {
        delegate.onBook(instrument, book);
        serviceIfPending();
    }

    @Override
    public void onTrade(int instrument, MarketEvent trade) {
        delegate.onTrade(instrument, trade);
        int k = tapIndex[instrument];
        if (tap.instrumentOwner[k] == index) {
            // Many: no clock read here (publishedNanos 0), the server stamps them when it takes them.
            tap.marketRing().offerTrade(index, k, trade.side() == Side.BUY ? 0 : 1, trade.price(), trade.qty(),
                    trade.localTs());
        }
        serviceIfPending();
    }

    @Override
    public void onOrderUpdate(ExecutionReport report) {
        boolean external = isExternal(report.orderId());
        if (!external) {
            delegate.onOrderUpdate(report);
        } else if (report.status().isTerminal()) {
            removeExternal(report.orderId());
        }
        int side = -1;
        double price = Double.NaN;
        double qty = Double.NaN;
        int orderType = -1;
        int timeInForce = -1;
        try {
            OrderView o = ctx.order(report.orderId());
            side = o.side() == Side.BUY ? 0 : 1;
            price = o.price();
            qty = o.qty();
            orderType = o.type().ordinal();
            timeInForce = o.timeInForce().ordinal();
        } catch (IllegalArgumentException unknown) {
            // A report for an order the context does not know (cannot happen in the engines of this SDK).
        }
        // Many: no clock read here (publishedNanos 0), the server stamps them when it takes them.
        tap.accountRing().offerOrderUpdate(index, tap.indexOf(report.instrument()), report, external, side, price,
                qty, orderType, timeInForce);
        serviceIfPending();
    }

    @Override
    public void onFill(Fill fill) {
        boolean external = isExternal(fill.orderId());
        if (!external) {
            delegate.onFill(fill);
        }
        Portfolio p = ctx.portfolio();
        Position pos = p.position(fill.instrument());
        tap.fillRing().offerFill(index, tap.indexOf(fill.instrument()), fill, external, pos.qty(),
                pos.avgEntryPrice(), p.realizedPnl(), p.fees(), p.cash(), System.nanoTime());
        portfolio.request();
        tap.pending = true;
        serviceIfPending();
    }

    @Override
    public void onTimer(long timer, long nowNanos) {
        if (timer == timerId) {
            tap.heartbeat();
            service();
            return;
        }
        delegate.onTimer(timer, nowNanos);
        serviceIfPending();
    }

    @Override
    public void onBars(BarSlice bars) {
        delegate.onBars(bars);
        serviceIfPending();
    }

    @Override
    public void onDerivativeData(int instrument, MarketEvent event) {
        delegate.onDerivativeData(instrument, event);
        serviceIfPending();
    }

    @Override
    public void onLiquidation(io.qtrade.core.margin.Liquidation liquidation) {
        delegate.onLiquidation(liquidation);
        serviceIfPending();
    }

    @Override
    public void onDelivery(io.qtrade.core.margin.Delivery delivery) {
        delegate.onDelivery(delivery);
        serviceIfPending();
    }

    @Override
    public void onStop() {
        delegate.onStop();
        portfolio.request();
        service();
        stopped = true;
        tap.accountRing().offerStopped(index, ctx.nowNanos(), System.nanoTime());
    }

    private void serviceIfPending() {
        if (tap.pending) {
            service();
        }
    }

    private void service() {
        tap.service(this);
    }

    long submitExternal(OrderRequest request) {
        Instrument in = request.instrument();
        if (!ctx.instruments().contains(in)) {
            throw new IllegalArgumentException("strategy '" + id + "' does not trade " + in.id());
        }
        long orderId = ctx.submit(request);
        addExternal(orderId);
        return orderId;
    }

    boolean cancelExternal(long orderId) {
        return ctx.cancel(orderId);
    }

    private boolean isExternal(long orderId) {
        for (int i = 0; i < externalCount; i++) {
            if (externalOpen[i] == orderId) {
                return true;
            }
        }
        return false;
    }

    private void addExternal(long orderId) {
        if (externalCount == externalOpen.length) {
            externalOpen = java.util.Arrays.copyOf(externalOpen, externalCount * 2);
        }
        externalOpen[externalCount++] = orderId;
    }

    private void removeExternal(long orderId) {
        for (int i = 0; i < externalCount; i++) {
            if (externalOpen[i] == orderId) {
                externalOpen[i] = externalOpen[--externalCount];
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "Tapped[" + id + ": " + delegate + "]";
    }
}
