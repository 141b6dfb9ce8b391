package io.qtrade.backtest;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A seeded random but consistent L2 stream for property tests: levels within a few ticks of the touch change
 * quantity, trades hit the best level and are followed by that level's depth update, as a real feed reports them.
 * Feed latency is a random 0..{@code maxFeedLatencyNanos} per event, non-decreasing in local time.
 */
final class RandomTape {

    private RandomTape() {
    }

    static EventBatch generate(Instrument instrument, int instrumentIndex, long seed, int events,
                               long maxFeedLatencyNanos) {
        return generate(instrument, instrumentIndex, seed, events, maxFeedLatencyNanos, 1);
    }

    /** As above with every quantity multiplied by {@code qtyScale} (a whole number of lots), for large queues. */
    static EventBatch generate(Instrument instrument, int instrumentIndex, long seed, int events,
                               long maxFeedLatencyNanos, long qtyScale) {
        SplittableRandom rnd = new SplittableRandom(seed);
        TreeMap<Long, Double> bids = new TreeMap<>();
        TreeMap<Long, Double> asks = new TreeMap<>();
        EventBatch batch = new EventBatch(events + 64);
        long t = 1_000_000;
        long lastLocal = 0;
        long mid = 10_000;
        for (int k = 1; k <= 5; k++) {
            bids.put(mid - k, (5.0 + k) * qtyScale);
            asks.put(mid + k, (5.0 + k) * qtyScale);
        }
        int n = 0;
        for (var e : bids.entrySet()) {
            batch.addDepth(instrumentIndex, t, t, Side.BUY, instrument.toPrice(e.getKey()), e.getValue());
            n++;
        }
        for (var e : asks.entrySet()) {
            batch.addDepth(instrumentIndex, t, t, Side.SELL, instrument.toPrice(e.getKey()), e.getValue());
            n++;
        }
        while (n < events) {
            t += 1 + rnd.nextInt(2_000);
            long local = Math.max(lastLocal, t + rnd.nextLong(maxFeedLatencyNanos + 1));
            lastLocal = local;
            int action = rnd.nextInt(10);
            boolean buySide = rnd.nextBoolean();
            TreeMap<Long, Double> book = buySide ? bids : asks;
            Side side = buySide ? Side.BUY : Side.SELL;
            long best = buySide ? bids.lastKey() : asks.firstKey();
            if (action < 3 && book.size() > 2) {
                // trade at the best, aggressor on the other side, then the level's new quantity
                double level = book.get(best);
                // (nextInt for the unscaled tape: the other tests' tapes stay as they were)
                double qty = qtyScale == 1 ? 1 + rnd.nextInt((int) Math.max(1, level))
                        : 1 + rnd.nextLong((long) Math.max(1, level));
                qty = Math.min(qty, level);
                batch.addTrade(instrumentIndex, t, local, side.opposite(), instrument.toPrice(best), qty);
                double left = level - qty;
                if (left <= 0) {
                    book.remove(best);
                } else {
                    book.put(best, left);
                }
                batch.addDepth(instrumentIndex, t, local, side, instrument.toPrice(best), Math.max(0, left));
                n += 2;
            } else {
                long opposite = buySide ? asks.firstKey() : bids.lastKey();
                long offset = rnd.nextInt(6);
                long price = buySide ? Math.min(opposite - 1, best + 1 - offset) : Math.max(opposite + 1, best - 1 + offset);
                double qty = rnd.nextInt(4) == 0 ? 0 : (1 + rnd.nextInt(15)) * qtyScale;
                if (qty == 0 && (book.size() <= 2 || !book.containsKey(price))) {
                    qty = (1 + rnd.nextInt(15)) * qtyScale;
                }
                if (qty == 0) {
                    book.remove(price);
                } else {
                    book.put(price, qty);
                }
                batch.addDepth(instrumentIndex, t, local, side, instrument.toPrice(price), qty);
                n++;
            }
        }
        return batch;
    }

    static InMemoryEventSource source(Instrument instrument, long seed, int events, long maxFeedLatencyNanos) {
        return new InMemoryEventSource(List.of(instrument), generate(instrument, 0, seed, events, maxFeedLatencyNanos));
    }
}
