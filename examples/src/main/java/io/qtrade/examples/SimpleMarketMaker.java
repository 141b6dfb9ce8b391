package io.qtrade.examples;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.OrderView;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;

/**
 * A simple inventory-skewed market maker: on every book update of its instrument it quotes one bid and one ask of
 * {@code quoteQty} at the touch, shifted away from the side that would grow its inventory:
 * <pre>{@code
 * skewTicks = round(position * skewTicksPerUnit)
 * bid       = bestBid - max(0,  skewTicks)          (long: bid lower, buy less eagerly)
 * ask       = bestAsk + max(0, -skewTicks)          (short: ask higher)
 * no bid when position >= maxPosition, no ask when position <= -maxPosition
 * }</pre>
 * A quote whose price no longer matches is cancelled and replaced (post-only, so it never pays a taker fee); a quote
 * with a cancel in flight is left alone until the venue answers. It runs unchanged in a backtest, paper or live.
 */
public final class SimpleMarketMaker implements Strategy {

    private final int instrument;
    private final double quoteQty;
    private final double maxPosition;
    private final double skewTicksPerUnit;
    private StrategyContext ctx;
    private Instrument inst;
    private long bidId;
    private long askId;

    /**
     * @param instrument       index of the instrument to quote
     * @param quoteQty         size of each quote, {@code > 0}
     * @param maxPosition      stop quoting the side that would grow |position| past this, {@code > 0}
     * @param skewTicksPerUnit ticks the quotes move per unit of inventory, {@code >= 0}
     */
    public SimpleMarketMaker(int instrument, double quoteQty, double maxPosition, double skewTicksPerUnit) {
        if (!(quoteQty > 0) || !(maxPosition > 0) || !(skewTicksPerUnit >= 0)) {
            throw new IllegalArgumentException("SimpleMarketMaker: quoteQty " + quoteQty + " and maxPosition "
                    + maxPosition + " must be > 0 and skewTicksPerUnit " + skewTicksPerUnit + " >= 0");
        }
        this.instrument = instrument;
        this.quoteQty = quoteQty;
        this.maxPosition = maxPosition;
        this.skewTicksPerUnit = skewTicksPerUnit;
    }

    @Override
    public void onStart(StrategyContext context) {
        this.ctx = context;
        this.inst = context.instruments().get(instrument);
    }

    @Override
    public void onBook(int i, OrderBookView book) {
        if (i != instrument || book.isEmpty(Side.BUY) || book.isEmpty(Side.SELL)) {
            return;
        }
        double position = ctx.position(instrument).qty();
        long skew = Math.round(position * skewTicksPerUnit);
        long bidTicks = book.bestBidTicks() - Math.max(0, skew);
        long askTicks = book.bestAskTicks() + Math.max(0, -skew);
        bidId = quote(bidId, Side.BUY, bidTicks, position < maxPosition);
        askId = quote(askId, Side.SELL, askTicks, position > -maxPosition);
    }

    private long quote(long id, Side side, long priceTicks, boolean wanted) {
        double price = inst.toPrice(priceTicks);
        if (id != 0) {
            OrderView order = ctx.order(id);
            OrderStatus status = order.status();
            if (status == OrderStatus.PENDING_CANCEL) {
                return id;
            }
            if (status.isLive()) {
                if (wanted && order.price() == price) {
                    return id;
                }
                ctx.cancel(id);
            }
        }
        return wanted && priceTicks != OrderBook.NO_BID && priceTicks != OrderBook.NO_ASK
                ? ctx.submitLimit(instrument, side, price, quoteQty, TimeInForce.POST_ONLY) : 0;
    }

    @Override
    public String toString() {
        return "SimpleMarketMaker[instrument=" + instrument + ", quoteQty=" + quoteQty + ", maxPosition=" + maxPosition
                + ", skewTicksPerUnit=" + skewTicksPerUnit + "]";
    }
}
