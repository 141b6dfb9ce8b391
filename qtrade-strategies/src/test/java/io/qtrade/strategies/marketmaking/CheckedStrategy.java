package io.qtrade.strategies.marketmaking;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.MarketEvent;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.OrderView;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.core.time.Clock;

import java.util.ArrayList;
import java.util.List;

/**
 * Test harness: runs a strategy through a context that checks every limit order against the book the strategy saw
 * when it sent it (a bid must be below the best ask, an ask above the best bid, on the tick grid, on a two-sided
 * uncrossed book), and records the position on every timer firing and the largest |position| after every fill.
 */
final class CheckedStrategy implements Strategy {

    final Strategy inner;
    final List<String> violations = new ArrayList<>();
    /** Position sampled after each timer callback (the market maker's 1 s grid). */
    final List<Double> inventory = new ArrayList<>();
    /** The mid at each timer callback, NaN when a side is empty. */
    final List<Double> mids = new ArrayList<>();
    long limitOrders;
    double maxAbsPosition;
    private StrategyContext ctx;

    CheckedStrategy(Strategy inner) {
        this.inner = inner;
    }

    @Override
    public void onStart(StrategyContext context) {
        this.ctx = context;
        inner.onStart(new Checking(context));
    }

    @Override
    public void onBook(int instrument, OrderBookView book) {
        inner.onBook(instrument, book);
    }

    @Override
    public void onTrade(int instrument, MarketEvent trade) {
        inner.onTrade(instrument, trade);
    }

    @Override
    public void onOrderUpdate(ExecutionReport report) {
        inner.onOrderUpdate(report);
    }

    @Override
    public void onFill(Fill fill) {
        inner.onFill(fill);
        maxAbsPosition = Math.max(maxAbsPosition, Math.abs(ctx.position(0).qty()));
    }

    @Override
    public void onTimer(long timerId, long nowNanos) {
        inner.onTimer(timerId, nowNanos);
        inventory.add(ctx.position(0).qty());
        mids.add(ctx.book(0).mid());
    }

    @Override
    public void onStop() {
        inner.onStop();
    }

    private final class Checking implements StrategyContext {
        private final StrategyContext d;

        Checking(StrategyContext d) {
            this.d = d;
        }

        @Override
        public long submitLimit(int instrument, Side side, double price, double qty, TimeInForce timeInForce) {
            limitOrders++;
            OrderBookView book = d.book(instrument);
            Instrument inst = d.instruments().get(instrument);
            long ticks = inst.toTicks(price);
            if (!inst.isOnTickGrid(price)) {
                violations.add("off grid " + side + " " + price);
            }
            if (book.bestBidTicks() == OrderBook.NO_BID || book.bestAskTicks() == OrderBook.NO_ASK
                    || book.isCrossed()) {
                violations.add("quoted on a one-sided or crossed book " + side + " " + price + " " + book);
            } else if (side == Side.BUY ? ticks >= book.bestAskTicks() : ticks <= book.bestBidTicks()) {
                violations.add("crossing " + side + " " + price + " against " + book);
            }
            return d.submitLimit(instrument, side, price, qty, timeInForce);
        }

        @Override
        public String strategyId() {
            return d.strategyId();
        }

        @Override
        public List<Instrument> instruments() {
            return d.instruments();
        }

        @Override
        public Clock clock() {
            return d.clock();
        }

        @Override
        public OrderBookView book(int instrument) {
            return d.book(instrument);
        }

        @Override
        public Portfolio portfolio() {
            return d.portfolio();
        }

        @Override
        public long submitMarket(int instrument, Side side, double qty) {
            violations.add("market order " + side + " " + qty);
            return d.submitMarket(instrument, side, qty);
        }

        @Override
        public long submit(OrderRequest request) {
            violations.add("request " + request);
            return d.submit(request);
        }

        @Override
        public boolean cancel(long orderId) {
            return d.cancel(orderId);
        }

        @Override
        public OrderView order(long orderId) {
            return d.order(orderId);
        }

        @Override
        public int openOrders(int instrument, long[] orderIds) {
            return d.openOrders(instrument, orderIds);
        }

        @Override
        public long scheduleAt(long timeNanos) {
            return d.scheduleAt(timeNanos);
        }

        @Override
        public long scheduleEvery(long intervalNanos) {
            return d.scheduleEvery(intervalNanos);
        }

        @Override
        public boolean cancelTimer(long timerId) {
            return d.cancelTimer(timerId);
        }
    }
}
