package io.qtrade.features.flow;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MultiLevelOfiTest {

    private static final Instrument INSTRUMENT = Instrument.spot("M", "SYN", 1.0, 1);

    /**
     * Two levels, tick 1. Seed: bids 100 x 5, 99 x 3; asks 101 x 4, 102 x 6.
     * Event 1: bid 99 -> 9 (level 2 grows): e^1 = 0; e^2 = +9 - 3 = +6.
     * Event 2: ask 101 removed, so level 1 ask becomes 102 x 6 and level 2 ask is missing:
     *   e^1: bid 0; ask rose: +q^A_{n-1} = +4 -> +4.  e^2: NaN (one ask level left).
     * Window: MLOFI^1 = 4, MLOFI^2 = NaN. Depth per event (bid + ask over 2 levels, halved):
     *   event 1: (5 + 9 + 4 + 6) / 2 = 12; event 2: (5 + 9 + 6 + 0) / 2 = 10;
     *   Q = (12 + 10) / (2 levels * 2 events) = 5.5.
     *   ofi^1 = 4 / 5.5.
     */
    @Test
    void handComputedTwoLevelSequenceAndDepthNormalisation() {
        OrderBook book = new OrderBook(INSTRUMENT);
        book.update(Side.BUY, 100, 5);
        book.update(Side.BUY, 99, 3);
        book.update(Side.SELL, 101, 4);
        book.update(Side.SELL, 102, 6);
        MultiLevelOfi ofi = new MultiLevelOfi(2);
        ofi.update(book);
        assertThat(ofi.last(1)).isNaN();
        book.update(Side.BUY, 99, 9);
        ofi.update(book);
        assertThat(ofi.last(1)).isZero();
        assertThat(ofi.last(2)).isEqualTo(6.0);
        book.update(Side.SELL, 101, 0);
        ofi.update(book);
        assertThat(ofi.last(1)).isEqualTo(4.0);
        assertThat(ofi.last(2)).isNaN();
        assertThat(ofi.windowAverageDepth()).isEqualTo(5.5);
        double[] raw = new double[2];
        double[] normalised = new double[2];
        ofi.closeWindow(raw, normalised);
        assertThat(raw[0]).isEqualTo(4.0);
        assertThat(raw[1]).isNaN();
        assertThat(normalised[0]).isCloseTo(4.0 / 5.5, within(1e-15));
        assertThat(ofi.windowEvents()).isZero();
    }

    /** Level 1 of MLOFI is the best-level OFI of Cont, Kukanov and Stoikov, event by event. */
    @Property(tries = 30)
    void levelOneEqualsTheBestLevelOfi(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        OrderBook book = new OrderBook(INSTRUMENT);
        MultiLevelOfi ml = new MultiLevelOfi(5);
        OrderFlowImbalance ofi = new OrderFlowImbalance();
        long[] mid = {10_000};
        for (int i = 0; i < 2000; i++) {
            OrderFlowImbalanceProperties.randomUpdate(book, random, mid);
            ml.update(book);
            double e = ofi.update(book);
            if (Double.isNaN(e)) {
                assertThat(ml.last(1)).isNaN();
            } else {
                assertThat(ml.last(1)).isEqualTo(e);
            }
        }
    }

    /**
     * MLOFI over M levels ignores what happens behind its levels: an update strictly behind the M-th level of its
     * side (the top M unchanged) contributes exactly 0 at every level.
     */
    @Property(tries = 30)
    void updatesBehindTheTopMLevelsContributeZero(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        OrderBook book = new OrderBook(INSTRUMENT);
        int levels = 3;
        MultiLevelOfi ml = new MultiLevelOfi(levels);
        long[] mid = {10_000};
        OrderFlowImbalanceProperties.seed(book, mid[0]);
        ml.update(book);
        long[] ticks = new long[levels];
        double[] qtys = new double[levels];
        int checked = 0;
        for (int i = 0; i < 2000; i++) {
            OrderFlowImbalanceProperties.randomUpdate(book, random, mid);
            ml.update(book);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            int n = book.depth(side, ticks, qtys, levels);
            if (n < levels || book.levelCount(Side.BUY) < levels || book.levelCount(Side.SELL) < levels) {
                continue;
            }
            long behind = side == Side.BUY ? ticks[levels - 1] - 1 - random.nextInt(5)
                    : ticks[levels - 1] + 1 + random.nextInt(5);
            book.update(side, behind, random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(30));
            ml.update(book);
            for (int m = 1; m <= levels; m++) {
                assertThat(ml.last(m)).isZero();
            }
            checked++;
        }
        assertThat(checked).isPositive();
    }

    /** The batch form over level columns equals the streaming values row by row. */
    @Property(tries = 30)
    void batchEqualsStreaming(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        OrderBook book = new OrderBook(INSTRUMENT);
        int levels = 3;
        int rows = 500;
        MultiLevelOfi ml = new MultiLevelOfi(levels);
        long[] bt = new long[rows * levels];
        double[] bq = new double[rows * levels];
        long[] at = new long[rows * levels];
        double[] aq = new double[rows * levels];
        double[] streamed = new double[rows * levels];
        long[] tmpT = new long[levels];
        double[] tmpQ = new double[levels];
        long[] mid = {10_000};
        for (int n = 0; n < rows; n++) {
            OrderFlowImbalanceProperties.randomUpdate(book, random, mid);
            int nb = book.depth(Side.BUY, tmpT, tmpQ, levels);
            System.arraycopy(tmpT, 0, bt, n * levels, nb);
            System.arraycopy(tmpQ, 0, bq, n * levels, nb);
            int na = book.depth(Side.SELL, tmpT, tmpQ, levels);
            System.arraycopy(tmpT, 0, at, n * levels, na);
            System.arraycopy(tmpQ, 0, aq, n * levels, na);
            ml.update(book);
            for (int m = 0; m < levels; m++) {
                streamed[n * levels + m] = ml.last(m + 1);
            }
        }
        double[] batch = MultiLevelOfi.contributions(levels, rows, bt, bq, at, aq, new double[rows * levels]);
        assertThat(batch).containsExactly(streamed);
    }
}
