package io.qtrade.strategies.marketmaking;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.MarketEvent;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;

/**
 * Test harness: forwards every callback, except that the book updates at or after {@code fromNanos} are shown with
 * the best bid replaced by {@code bidTicks} (a crossed view, as a live feed that missed a delete would give).
 */
final class CrossingAt implements Strategy {

    private final Strategy inner;
    private final long fromNanos;
    private final long bidTicks;
    private StrategyContext ctx;

    CrossingAt(Strategy inner, long fromNanos, long bidTicks) {
        this.inner = inner;
        this.fromNanos = fromNanos;
        this.bidTicks = bidTicks;
    }

    @Override
    public void onStart(StrategyContext context) {
        ctx = context;
        inner.onStart(context);
    }

    @Override
    public void onBook(int instrument, OrderBookView book) {
        inner.onBook(instrument, ctx.nowNanos() >= fromNanos ? new Crossed(book) : book);
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
    }

    @Override
    public void onTimer(long timerId, long nowNanos) {
        inner.onTimer(timerId, nowNanos);
    }

    private final class Crossed implements OrderBookView {
        private final OrderBookView d;

        Crossed(OrderBookView d) {
            this.d = d;
        }

        @Override
        public Instrument instrument() {
            return d.instrument();
        }

        @Override
        public long bestBidTicks() {
            return bidTicks;
        }

        @Override
        public long bestAskTicks() {
            return d.bestAskTicks();
        }

        @Override
        public double bestBid() {
            return d.instrument().toPrice(bidTicks);
        }

        @Override
        public double bestAsk() {
            return d.bestAsk();
        }

        @Override
        public double bestBidQty() {
            return 1;
        }

        @Override
        public double bestAskQty() {
            return d.bestAskQty();
        }

        @Override
        public double qtyAt(Side side, long priceTicks) {
            return d.qtyAt(side, priceTicks);
        }

        @Override
        public int depth(Side side, long[] priceTicks, double[] qtys, int maxLevels) {
            return d.depth(side, priceTicks, qtys, maxLevels);
        }

        @Override
        public int levelCount(Side side) {
            return d.levelCount(side);
        }

        @Override
        public boolean isEmpty(Side side) {
            return d.isEmpty(side);
        }

        @Override
        public double mid() {
            return (bestBid() + bestAsk()) / 2;
        }

        @Override
        public double spread() {
            return bestAsk() - bestBid();
        }

        @Override
        public long spreadTicks() {
            return bestAskTicks() - bidTicks;
        }

        @Override
        public double microprice() {
            return mid();
        }

        @Override
        public boolean isCrossed() {
            return bidTicks >= d.bestAskTicks();
        }

        @Override
        public long lastExchTs() {
            return d.lastExchTs();
        }

        @Override
        public long lastLocalTs() {
            return d.lastLocalTs();
        }
    }
}
