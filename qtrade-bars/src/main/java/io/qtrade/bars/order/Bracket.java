package io.qtrade.bars.order;

import io.qtrade.core.Side;

/**
 * An entry order with a protective stop-loss and a take-profit that form a one-cancels-other (OCO) pair.
 *
 * <p>Both exits are sent when the entry has finished filling (for its filled quantity, on the opposite side) and
 * work from the instrument's next bar. When one exit fills, the other is cancelled (a partial fill shrinks the other
 * to the remaining quantity). When one bar reaches both, {@link FillRules#sameBarExit()} decides which fills; a bar
 * that opens beyond one of them fills that one at the open.
 *
 * @param entry          the entry order (market, limit, stop...)
 * @param stopLossPrice  stop price of the protective stop (below the entry for a long), or NaN for none
 * @param takeProfitPrice limit price of the take-profit (above the entry for a long), or NaN for none
 */
public record Bracket(BarOrder entry, double stopLossPrice, double takeProfitPrice) {

    public Bracket {
        if (entry == null) {
            throw new NullPointerException("bracket: entry");
        }
        if (Double.isNaN(stopLossPrice) && Double.isNaN(takeProfitPrice)) {
            throw new IllegalArgumentException("bracket on instrument " + entry.instrument()
                    + ": at least one of stopLossPrice and takeProfitPrice must be set");
        }
        boolean isLong = entry.side() == Side.BUY;
        if (!Double.isNaN(stopLossPrice) && !Double.isNaN(takeProfitPrice)
                && (isLong ? stopLossPrice >= takeProfitPrice : stopLossPrice <= takeProfitPrice)) {
            throw new IllegalArgumentException("bracket on instrument " + entry.instrument() + ": for a "
                    + (isLong ? "long" : "short") + " entry the stop-loss " + stopLossPrice + " must be "
                    + (isLong ? "below" : "above") + " the take-profit " + takeProfitPrice);
        }
    }
}
