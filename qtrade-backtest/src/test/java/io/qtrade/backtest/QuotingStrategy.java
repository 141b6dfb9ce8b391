package io.qtrade.backtest;

import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;

/**
 * A test market maker: joins the best bid and ask with {@code qty} on one instrument, requotes when the touch moves,
 * stops quoting a side at {@code maxPosition}, and now and then crosses the spread with a market order.
 */
public final class QuotingStrategy implements Strategy {

    private final int instrument;
    private final double qty;
    private final double maxPosition;
    private final int takeEvery;
    private final long[] open = new long[64];
    private int openCount;
    private StrategyContext ctx;
    private long bidId;
    private long askId;
    private int books;

    public QuotingStrategy(int instrument, double qty, double maxPosition, int takeEvery) {
        this.instrument = instrument;
        this.qty = qty;
        this.maxPosition = maxPosition;
        this.takeEvery = takeEvery;
    }

    @Override
    public void onStart(StrategyContext context) {
        this.ctx = context;
    }

    @Override
    public void onBook(int i, OrderBookView book) {
        if (i != instrument || book.isEmpty(Side.BUY) || book.isEmpty(Side.SELL)) {
            return;
        }
        double position = ctx.position(instrument).qty();
        openCount = ctx.openOrders(instrument, open);
        bidId = requote(bidId, Side.BUY, book.bestBid(), position < maxPosition);
        askId = requote(askId, Side.SELL, book.bestAsk(), position > -maxPosition);
        if (takeEvery > 0 && ++books % takeEvery == 0) {
            ctx.submitMarket(instrument, position > 0 ? Side.SELL : Side.BUY, qty);
        }
    }

    private long requote(long id, Side side, double price, boolean allowed) {
        if (id != 0 && isOpen(id)) { // ids, not views: a finished order may be forgotten (OrderHistory.OPEN_ONLY)
            var order = ctx.order(id);
            OrderStatus st = order.status();
            if (st.isLive() && st != OrderStatus.PENDING_CANCEL && (order.price() != price || !allowed)) {
                ctx.cancel(id);
                return allowed ? ctx.submitLimit(instrument, side, price, qty, TimeInForce.GTC) : 0;
            }
            if (st.isLive()) {
                return id;
            }
        }
        return allowed ? ctx.submitLimit(instrument, side, price, qty, TimeInForce.GTC) : 0;
    }

    private boolean isOpen(long id) {
        for (int k = 0; k < openCount; k++) {
            if (open[k] == id) {
                return true;
            }
        }
        return false;
    }
}
