package io.qtrade.core.book;

import io.qtrade.core.Side;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The obvious, slow L2 book the fast {@link OrderBook} is checked against: two {@link TreeMap}s, bids in descending
 * and asks in ascending price order, with the same rules (0 removes; a bid at or above the best ask removes the asks
 * at or below it, and symmetrically; a BBO row removes the better levels on its side and, uncounted, the opposite levels it reaches; while no depth
 * update was applied, a BBO row replaces its whole side).
 */
final class ReferenceOrderBook {

    final NavigableMap<Long, Double> bids = new TreeMap<>(Collections.reverseOrder());
    final NavigableMap<Long, Double> asks = new TreeMap<>();
    long crossedUpdates;
    /** Whether a depth update was applied (else the book is quote-only and a quote replaces its whole side). */
    boolean depthFed;

    int update(Side side, long priceTicks, double qty) {
        depthFed = true;
        return set(side, priceTicks, qty);
    }

    private int set(Side side, long priceTicks, double qty) {
        NavigableMap<Long, Double> own = side == Side.BUY ? bids : asks;
        NavigableMap<Long, Double> opposite = side == Side.BUY ? asks : bids;
        if (qty == 0.0) {
            return own.remove(priceTicks) == null ? OrderBook.MISSING_LEVEL_REMOVED : OrderBook.UPDATED;
        }
        int status = OrderBook.UPDATED;
        // Opposite levels at or through the price: in opposite's order they are the head up to and including price.
        Map<Long, Double> through = opposite.headMap(priceTicks, true);
        if (!through.isEmpty()) {
            through.clear();
            crossedUpdates++;
            status = OrderBook.CROSSED_PRUNED;
        }
        own.put(priceTicks, qty);
        return status;
    }

    void bbo(Side side, long priceTicks, double qty) {
        NavigableMap<Long, Double> own = side == Side.BUY ? bids : asks;
        if (!depthFed) {
            own.clear(); // a quote-only book is its top of book
        }
        own.headMap(priceTicks, false).clear();
        if (qty > 0.0) {
            // a quote row clears the opposite levels it reaches without counting a crossed update
            (side == Side.BUY ? asks : bids).headMap(priceTicks, true).clear();
        }
        set(side, priceTicks, qty);
    }

    void clear(Side side) {
        (side == Side.BUY ? bids : asks).clear();
    }

    long bestBidTicks() {
        return bids.isEmpty() ? OrderBook.NO_BID : bids.firstKey();
    }

    long bestAskTicks() {
        return asks.isEmpty() ? OrderBook.NO_ASK : asks.firstKey();
    }

    NavigableMap<Long, Double> side(Side side) {
        return side == Side.BUY ? bids : asks;
    }
}
