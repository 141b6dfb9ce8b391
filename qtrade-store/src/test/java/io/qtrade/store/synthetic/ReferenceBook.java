package io.qtrade.store.synthetic;

import java.util.Map;
import java.util.TreeMap;

/** A naive L2 book rebuilt from depth updates, keyed by tick: the slow reference the generator is checked against. */
final class ReferenceBook {

    final TreeMap<Long, Double> bids = new TreeMap<>();
    final TreeMap<Long, Double> asks = new TreeMap<>();

    void clear() {
        bids.clear();
        asks.clear();
    }

    void apply(byte sideCode, long tick, double qty) {
        Map<Long, Double> side = sideCode > 0 ? bids : asks;
        if (qty == 0.0) {
            side.remove(tick);
        } else {
            side.put(tick, qty);
        }
    }

    boolean isCrossed() {
        return !bids.isEmpty() && !asks.isEmpty() && bids.lastKey() >= asks.firstKey();
    }

    long bestBid() {
        return bids.lastKey();
    }

    long bestAsk() {
        return asks.firstKey();
    }

    double midTicks() {
        return (bids.lastKey() + asks.firstKey()) * 0.5;
    }
}
