package io.qtrade.examples;

import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;

/**
 * A generated tape for the perpetual examples: per step and instrument a best bid/offer quote (two {@code BBO} rows,
 * the ask flagged {@code END_OF_MESSAGE}) around a given mid, a {@code MARK_PRICE} row for the perpetual, and at
 * each funding time a {@code FUNDING_RATE} row with the rate for that time (Binance's settled rate).
 */
final class PerpTape {

    private PerpTape() {
    }

    /**
     * @param times       step times, epoch nanoseconds, increasing
     * @param mids        per instrument, the mid at each step
     * @param halfSpread  per instrument, half the quoted spread as a fraction of the mid
     * @param tick        per instrument, the tick size quotes are rounded to
     * @param depth       quantity quoted on each side
     * @param perp        the perpetual's instrument index
     * @param marks       the perpetual's mark price at each step
     * @param fundingEvery nanoseconds between funding times (from the first step's day start)
     * @param rates       the funding rate of each funding time, in order (index k: the k-th funding time after
     *                    {@code times[0]})
     */
    static EventBatch build(long[] times, double[][] mids, double[] halfSpread, double[] tick, double depth, int perp,
                            double[] marks, long fundingEvery, double[] rates) {
        int n = times.length;
        EventBatch b = new EventBatch(n * (2 * mids.length + 1) + rates.length + 16);
        long dayStart = times[0] - Math.floorMod(times[0], fundingEvery);
        int nextFunding = 0;
        for (int s = 0; s < n; s++) {
            long t = times[s];
            while (nextFunding < rates.length && dayStart + (nextFunding + 1) * fundingEvery <= t) {
                long ft = dayStart + (nextFunding + 1) * fundingEvery;
                b.add(perp, t, t, EventKind.FUNDING_RATE, (byte) 0, rates[nextFunding], 0, ft);
                nextFunding++;
            }
            for (int i = 0; i < mids.length; i++) {
                double mid = mids[i][s];
                double bid = Math.floor(mid * (1 - halfSpread[i]) / tick[i]) * tick[i];
                double ask = Math.ceil(mid * (1 + halfSpread[i]) / tick[i]) * tick[i];
                if (ask <= bid) {
                    ask = bid + tick[i];
                }
                b.add(i, t, t, EventKind.BBO, Side.BUY.code(), round(bid, tick[i]), depth, EventBatch.NO_ORDER_ID);
                b.add(i, t, t, EventKind.BBO, Side.SELL.code(), round(ask, tick[i]), depth, EventBatch.NO_ORDER_ID,
                        EventFlags.END_OF_MESSAGE);
            }
            b.add(perp, t, t, EventKind.MARK_PRICE, (byte) 0, marks[s], 0, EventBatch.NO_ORDER_ID);
        }
        return b;
    }

    private static double round(double price, double tick) {
        return Math.rint(price / tick) * tick;
    }
}
