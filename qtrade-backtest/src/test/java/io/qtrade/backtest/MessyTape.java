package io.qtrade.backtest;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random L2 tape with every kind an L2 book takes, for comparing the strategies' two book paths: depth
 * updates near the touch (some crossing the opposite side, some removing levels that are not there), trades, two-row
 * BBO quotes, side and full clears, snapshots, mark-price rows and (optionally) L3 add/cancel rows beside the depth
 * rows. Feed latency is random per row, a few microseconds, with bursts of 50-300 us over dozens of rows (so the
 * strategy side falls behind by more than {@link DelayedBook#REWIND_LIMIT} rows); local times are not monotone.
 */
final class MessyTape {

    private MessyTape() {
    }

    /**
     * @param quiet  whether the kinds that change several levels at once (BBO quotes, clears, snapshots, crossing
     *               updates) are ten times rarer, as on a depth feed (the strategy side then mostly shares the venue's
     *               book); else they are common (it mostly keeps its own copy)
     * @param l3Rows whether L3 add and cancel rows come beside the depth rows (for {@code L3ArrivalQueue})
     */
    static EventBatch generate(Instrument instrument, int instrumentIndex, long seed, int events, boolean quiet,
                               boolean l3Rows) {
        SplittableRandom rnd = new SplittableRandom(seed);
        EventBatch b = new EventBatch(events + 64);
        long t = 1_000_000;
        long mid = 10_000;
        int burstLeft = 0;
        long burstLatency = 0;
        long nextOrderId = 1;
        List<Long> venueOrders = new ArrayList<>();
        for (int k = 1; k <= 6; k++) {
            b.addDepth(instrumentIndex, t, t, Side.BUY, instrument.toPrice(mid - k), 5 + k);
            b.addDepth(instrumentIndex, t, t, Side.SELL, instrument.toPrice(mid + k), 5 + k);
        }
        while (b.size() < events) {
            t += 1 + rnd.nextInt(1_500);
            if (burstLeft == 0 && rnd.nextInt(200) == 0) {
                burstLeft = 20 + rnd.nextInt(60);
                burstLatency = 50_000 + rnd.nextInt(250_000);
            }
            long latency;
            if (burstLeft > 0) {
                burstLeft--;
                latency = burstLatency + rnd.nextInt(2_000);
            } else {
                latency = rnd.nextInt(4_000);
            }
            long local = t + latency;
            mid += rnd.nextInt(9) == 0 ? rnd.nextInt(3) - 1 : 0;
            int action = rnd.nextInt(100);
            if (quiet && action >= 70 && action < 80 && rnd.nextInt(10) != 0) {
                action = 0;
            }
            int crossEvery = quiet ? 120 : 12;
            if (action < 58) {
                boolean buy = rnd.nextBoolean();
                long price = buy ? mid - rnd.nextInt(8) + (rnd.nextInt(crossEvery) == 0 ? 2 : 0)
                        : mid + rnd.nextInt(8) - (rnd.nextInt(crossEvery) == 0 ? 2 : 0);
                double qty = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(20);
                b.addDepth(instrumentIndex, t, local, buy ? Side.BUY : Side.SELL, instrument.toPrice(price), qty);
            } else if (action < 70) {
                b.addTrade(instrumentIndex, t, local, rnd.nextBoolean() ? Side.BUY : Side.SELL,
                        instrument.toPrice(mid + rnd.nextInt(5) - 2), 1 + rnd.nextInt(5));
            } else if (action < 78) {
                long bid = mid - 1 - rnd.nextInt(2);
                long ask = mid + 1 + rnd.nextInt(2);
                b.add(instrumentIndex, t, local, EventKind.BBO, Side.BUY.code(), instrument.toPrice(bid),
                        rnd.nextInt(10) == 0 ? 0 : 1 + rnd.nextInt(9), EventBatch.NO_ORDER_ID);
                b.add(instrumentIndex, t, local, EventKind.BBO, Side.SELL.code(), instrument.toPrice(ask),
                        1 + rnd.nextInt(9), EventBatch.NO_ORDER_ID, EventFlags.END_OF_MESSAGE);
            } else if (action < 79) {
                byte side = switch (rnd.nextInt(3)) {
                    case 0 -> Side.BUY.code();
                    case 1 -> Side.SELL.code();
                    default -> Side.NO_SIDE_CODE;
                };
                b.add(instrumentIndex, t, local, EventKind.BOOK_CLEAR, side, 0, 0, EventBatch.NO_ORDER_ID);
            } else if (action < 80) {
                b.add(instrumentIndex, t, local, EventKind.SNAPSHOT_BEGIN, Side.NO_SIDE_CODE, 0, 0,
                        EventBatch.NO_ORDER_ID, EventFlags.SNAPSHOT);
                for (int k = 1; k <= 4; k++) {
                    b.add(instrumentIndex, t, local, EventKind.DEPTH_UPDATE, Side.BUY.code(),
                            instrument.toPrice(mid - k), 3 + rnd.nextInt(9), EventBatch.NO_ORDER_ID,
                            EventFlags.SNAPSHOT);
                    b.add(instrumentIndex, t, local, EventKind.DEPTH_UPDATE, Side.SELL.code(),
                            instrument.toPrice(mid + k), 3 + rnd.nextInt(9), EventBatch.NO_ORDER_ID,
                            EventFlags.SNAPSHOT);
                }
                b.add(instrumentIndex, t, local, EventKind.SNAPSHOT_END, Side.NO_SIDE_CODE, 0, 0,
                        EventBatch.NO_ORDER_ID, EventFlags.SNAPSHOT);
            } else if (action < 83) {
                b.add(instrumentIndex, t, local, EventKind.MARK_PRICE, Side.NO_SIDE_CODE,
                        instrument.toPrice(mid), 0, EventBatch.NO_ORDER_ID);
            } else if (l3Rows && action < 93) {
                if (venueOrders.isEmpty() || rnd.nextBoolean()) {
                    boolean buy = rnd.nextBoolean();
                    long price = buy ? mid - rnd.nextInt(3) : mid + rnd.nextInt(3);
                    long id = nextOrderId++;
                    venueOrders.add(id);
                    b.add(instrumentIndex, t, local, EventKind.ORDER_ADD, buy ? Side.BUY.code() : Side.SELL.code(),
                            instrument.toPrice(price), 1 + rnd.nextInt(5), id);
                } else {
                    long id = venueOrders.remove(rnd.nextInt(venueOrders.size()));
                    b.add(instrumentIndex, t, local, EventKind.ORDER_CANCEL, Side.BUY.code(), 0, 0, id);
                }
            } else {
                boolean buy = rnd.nextBoolean();
                b.addDepth(instrumentIndex, t, local, buy ? Side.BUY : Side.SELL,
                        instrument.toPrice(buy ? mid - 1 : mid + 1), 1 + rnd.nextInt(20));
            }
        }
        return b;
    }
}
