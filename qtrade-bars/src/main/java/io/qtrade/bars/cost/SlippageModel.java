package io.qtrade.bars.cost;

import io.qtrade.core.Side;
import io.qtrade.core.bar.Bar;

/**
 * How far a market-type fill (market on open or close, a triggered stop) trades from its reference price, and how
 * much of an order one bar can fill.
 *
 * <p>The engine asks {@link #fillableQty} first (the order's remaining quantity, the bar it trades on); what is not
 * fillable stays working and is offered again on the instrument's next bars (carried). It then asks
 * {@link #price} for the fill of that quantity. Limit orders fill at their limit (or better) and are not slipped,
 * but their quantity is capped by {@link #fillableQty} too. Slipped prices may lie outside {@code [low, high]}:
 * slippage is a cost model, not a trade print. Implementations are immutable and allocation-free.
 */
public interface SlippageModel {

    /** No slippage, no volume cap. */
    SlippageModel NONE = new SlippageModel() {
        @Override
        public double price(Side side, double referencePrice, double qty, Bar bar) {
            return referencePrice;
        }

        @Override
        public String toString() {
            return "SlippageModel.NONE";
        }
    };

    /**
     * The price of a fill of {@code qty} on {@code bar} whose price before slippage is {@code referencePrice}
     * (worse for the trader: higher for a buy, lower for a sell).
     */
    double price(Side side, double referencePrice, double qty, Bar bar);

    /** How much of {@code remainingQty} can fill on {@code bar}; the default is all of it. */
    default double fillableQty(double remainingQty, Bar bar) {
        return remainingQty;
    }
}
