package io.qtrade.research.sweep;

import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;

/**
 * A test market maker: quotes {@code offsetTicks} behind the touch on both sides, 1 lot, requotes when the touch
 * moves, stops the side that would take the position beyond {@code maxPosition}. Holds order ids only.
 */
public final class TouchQuoter implements Strategy {

    private final int offsetTicks;
    private final double maxPosition;
    private final long[] open = new long[16];
    private StrategyContext ctx;
    private long bid;
    private long ask;
    private double bidPrice = Double.NaN;
    private double askPrice = Double.NaN;

    public TouchQuoter(int offsetTicks, double maxPosition) {
        this.offsetTicks = offsetTicks;
        this.maxPosition = maxPosition;
    }

    @Override
    public void onStart(StrategyContext context) {
        this.ctx = context;
    }

    @Override
    public void onBook(int instrument, OrderBookView book) {
        if (book.isEmpty(Side.BUY) || book.isEmpty(Side.SELL)) {
            return;
        }
        int n = ctx.openOrders(instrument, open);
        double tick = ctx.instruments().get(instrument).tickSize();
        double position = ctx.position(instrument).qty();
        double wantBid = book.bestBid() - offsetTicks * tick;
        double wantAsk = book.bestAsk() + offsetTicks * tick;
        bid = requote(instrument, n, bid, bidPrice, wantBid, Side.BUY, position < maxPosition);
        bidPrice = bid == 0 ? Double.NaN : wantBid;
        ask = requote(instrument, n, ask, askPrice, wantAsk, Side.SELL, position > -maxPosition);
        askPrice = ask == 0 ? Double.NaN : wantAsk;
    }

    private long requote(int instrument, int n, long id, double price, double want, Side side, boolean allowed) {
        boolean isOpen = false;
        for (int k = 0; k < n; k++) {
            isOpen |= open[k] == id;
        }
        if (isOpen) {
            if (allowed && Math.abs(price - want) < 1e-9) {
                return id;
            }
            ctx.cancel(id);
        }
        return allowed ? ctx.submitLimit(instrument, side, want, 1, TimeInForce.GTC) : 0;
    }
}
