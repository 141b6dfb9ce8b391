package io.qtrade.features.trades;

import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.MarketEvent;

/**
 * The sign of each trade: the venue's aggressor flag when the feed has one, else Lee-Ready ({@link LeeReady}: the
 * quote test against the prevailing mid, the tick rule at the mid).
 * <pre>{@code
 * s_t = aggressor side sign          if the trade row has a side (+1 buy, -1 sell)
 *     = LeeReady(p_t, bid, ask)       otherwise, with the quotes in force before the trade
 * }</pre>
 * Every trade updates the tick rule inside, flagged or not, so that a feed that mixes flagged and unflagged trades
 * continues the tick sequence. Counters say how each trade was classified.
 *
 * <p>[1] C. M. C. Lee, M. J. Ready (1991), "Inferring trade direction from intraday data", Journal of Finance 46(2),
 * 733-746.
 *
 * <p>Streaming, {@code O(1)}, allocation-free; not thread-safe.
 */
public final class TradeSignClassifier {

    private final LeeReady leeReady = new LeeReady();
    private long flagged;
    private long inferred;

    /** A classifier that has seen no trade. */
    public TradeSignClassifier() {
    }

    /**
     * The sign of a {@link EventKind#TRADE} event, with {@code bookBefore} the book before the trade's own depth
     * updates were applied.
     *
     * @throws IllegalArgumentException when the event is not a trade (the message names its kind)
     */
    public int classify(MarketEvent trade, OrderBookView bookBefore) {
        if (trade.kind() != EventKind.TRADE) {
            throw new IllegalArgumentException("trade sign: expected a TRADE event, was " + trade.kind()
                    + " at exchTs " + trade.exchTs());
        }
        return classify(trade.price(), trade.sideCode(), bookBefore.bestBid(), bookBefore.bestAsk());
    }

    /**
     * The sign of a trade from its fields.
     *
     * @param price         trade price, finite
     * @param aggressorCode {@code +1}, {@code -1} or {@link Side#NO_SIDE_CODE} when the venue gives no aggressor
     * @param bid           best bid before the trade, {@code NaN} when none
     * @param ask           best ask before the trade, {@code NaN} when none
     * @throws IllegalArgumentException for a price that is not finite or an aggressor code other than -1, 0, 1
     */
    public int classify(double price, byte aggressorCode, double bid, double ask) {
        int inferredSign = leeReady.classify(price, bid, ask);
        if (aggressorCode == Side.NO_SIDE_CODE) {
            inferred++;
            return inferredSign;
        }
        if (aggressorCode != 1 && aggressorCode != -1) {
            throw new IllegalArgumentException("trade sign: aggressor code " + aggressorCode + " at price " + price
                    + ", expected 1 (buy), -1 (sell) or 0 (none)");
        }
        flagged++;
        return aggressorCode;
    }

    /** Trades signed by the venue's aggressor flag. */
    public long flagged() {
        return flagged;
    }

    /** Trades signed by Lee-Ready. */
    public long inferred() {
        return inferred;
    }

    @Override
    public String toString() {
        return "TradeSignClassifier[flagged=" + flagged + ", inferred=" + inferred + ", " + leeReady + "]";
    }
}
