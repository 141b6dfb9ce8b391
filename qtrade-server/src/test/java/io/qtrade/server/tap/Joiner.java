package io.qtrade.server.tap;

import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;

/** Joins the touch with one lot on each side whenever it has no open order there: orders and fills all along. */
public final class Joiner implements Strategy {
    private StrategyContext ctx;
    private final long[] open = new long[8];

    @Override
    public void onStart(StrategyContext context) {
        ctx = context;
    }

    @Override
    public void onBook(int instrument, OrderBookView book) {
        if (book.isEmpty(Side.BUY) || book.isEmpty(Side.SELL)) {
            return;
        }
        int n = ctx.openOrders(instrument, open);
        boolean bid = false;
        boolean ask = false;
        for (int i = 0; i < n; i++) {
            if (ctx.order(open[i]).side() == Side.BUY) {
                bid = true;
            } else {
                ask = true;
            }
        }
        double pos = ctx.position(instrument).qty();
        if (!bid && pos < 5) {
            ctx.submitLimit(instrument, Side.BUY, book.bestBid(), 1, TimeInForce.GTC);
        }
        if (!ask && pos > -5) {
            ctx.submitLimit(instrument, Side.SELL, book.bestAsk(), 1, TimeInForce.GTC);
        }
    }
}
