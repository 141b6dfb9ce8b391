package io.qtrade.examples;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.OrderView;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.portfolio.Position;
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
 *
 * <p>Cheap per event: the decision is a function of the best bid and ask, the position and the statuses of its two
 * orders, so an update that moved none of them (a change deeper in the book) costs a few comparisons; orders are
 * sent only when a desired price changed.
 */
public final class SimpleMarketMaker implements Strategy {

    private final int instrument;
    private final double quoteQty;
    private final double maxPosition;
    private final double skewTicksPerUnit;
    private StrategyContext ctx;
    private Instrument inst;
    private Position position;
    private long bidId;
    private long askId;
    /** The strategy's own view of its quotes (the context's order objects, kept to skip a lookup per event). */
    private OrderView bidOrder;
    private OrderView askOrder;
    /** The inputs of the last evaluation. */
    private long lastBestBidTicks = Long.MIN_VALUE;
    private long lastBestAskTicks = Long.MIN_VALUE;
    private double lastPosition = Double.NaN;
    private OrderStatus lastBidStatus;
    private OrderStatus lastAskStatus;

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
        this.position = context.position(instrument); // the same object for the whole run
    }

    @Override
    public void onBook(int i, OrderBookView book) {
        if (i != instrument || book.isEmpty(Side.BUY) || book.isEmpty(Side.SELL)) {
            return;
        }
        double qty = position.qty();
        long bestBidTicks = book.bestBidTicks();
        long bestAskTicks = book.bestAskTicks();
        // The quotes depend only on the touch, the position and the two orders' statuses: when none of them moved,
        // the last evaluation's answer (keep both quotes) still holds.
        if (bestBidTicks == lastBestBidTicks && bestAskTicks == lastBestAskTicks && qty == lastPosition
                && status(bidOrder) == lastBidStatus && status(askOrder) == lastAskStatus) {
            return;
        }
        lastBestBidTicks = bestBidTicks;
        lastBestAskTicks = bestAskTicks;
        lastPosition = qty;
        long skew = Math.round(qty * skewTicksPerUnit);
        long bidTicks = bestBidTicks - Math.max(0, skew);
        long askTicks = bestAskTicks + Math.max(0, -skew);
        bidId = quote(bidId, bidOrder, Side.BUY, bidTicks, qty < maxPosition);
        bidOrder = bidId == 0 ? null : ctx.order(bidId);
        askId = quote(askId, askOrder, Side.SELL, askTicks, qty > -maxPosition);
        askOrder = askId == 0 ? null : ctx.order(askId);
        lastBidStatus = status(bidOrder);
        lastAskStatus = status(askOrder);
    }

    private static OrderStatus status(OrderView order) {
        return order == null ? null : order.status();
    }

    private long quote(long id, OrderView order, Side side, long priceTicks, boolean wanted) {
        double price = inst.toPrice(priceTicks);
        if (id != 0) {
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
