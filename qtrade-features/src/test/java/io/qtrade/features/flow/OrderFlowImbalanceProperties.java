package io.qtrade.features.flow;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class OrderFlowImbalanceProperties {

    private static final Instrument INSTRUMENT = Instrument.spot("P", "SYN", 0.01, 1);

    /**
     * A seeded random L2 stream around a wandering mid: 70% of updates within 3 ticks of the touch, the rest up to
     * 20 ticks away, a quarter of them removals.
     */
    /** Five levels of 10 on each side of {@code mid}, so that the random stream rarely empties a side. */
    static void seed(OrderBook book, long mid) {
        for (int d = 1; d <= 5; d++) {
            book.update(Side.BUY, mid - d, 10);
            book.update(Side.SELL, mid + d, 10);
        }
    }

    static void randomUpdate(OrderBook book, SplittableRandom random, long[] mid) {
        if (random.nextInt(32) == 0) {
            mid[0] += random.nextInt(3) - 1;
        }
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long distance = 1 + (random.nextInt(10) < 7 ? random.nextInt(3) : random.nextInt(20));
        long price = side == Side.BUY ? mid[0] - distance : mid[0] + distance;
        double qty = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(50);
        book.update(side, price, qty);
    }

    /**
     * The streaming form over a book equals the batch form over the recorded best-quote columns, bit for bit, and
     * equals e_n written out independently as the four indicator terms.
     */
    @Property(tries = 50)
    void streamingEqualsBatchAndTheFormula(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        OrderBook book = new OrderBook(INSTRUMENT);
        OrderFlowImbalance ofi = new OrderFlowImbalance();
        int n = 2000;
        double[] bid = new double[n];
        double[] bq = new double[n];
        double[] ask = new double[n];
        double[] aq = new double[n];
        double[] streamed = new double[n];
        long[] mid = {10_000};
        seed(book, mid[0]);
        for (int i = 0; i < n; i++) {
            randomUpdate(book, random, mid);
            bid[i] = book.bestBid();
            bq[i] = book.bestBidQty();
            ask[i] = book.bestAsk();
            aq[i] = book.bestAskQty();
            streamed[i] = ofi.update(book);
        }
        double[] batch = OrderFlowImbalance.contributions(bid, bq, ask, aq, new double[n]);
        assertThat(batch).containsExactly(streamed);
        double total = 0.0;
        for (int i = 1; i < n; i++) {
            double e = (bid[i] >= bid[i - 1] ? bq[i] : 0) - (bid[i] <= bid[i - 1] ? bq[i - 1] : 0)
                    - (ask[i] <= ask[i - 1] ? aq[i] : 0) + (ask[i] >= ask[i - 1] ? aq[i - 1] : 0);
            boolean defined = !Double.isNaN(bid[i] + ask[i] + bid[i - 1] + ask[i - 1]);
            if (defined) {
                assertThat(streamed[i]).isEqualTo(e);
            } else {
                assertThat(streamed[i]).isNaN();
            }
            total += defined ? e : Double.NaN;
        }
        assertThat(Double.valueOf(ofi.windowSum())).isEqualTo(Double.valueOf(total)); // boxed: NaN equals NaN
    }

    /**
     * OFI ignores what does not touch the best quotes: an update behind the touch, a trade row (the book does not
     * change), a repeated observation; each contributes exactly 0.
     */
    @Property(tries = 50)
    void eventsThatLeaveTheTopOfBookUnchangedContributeZero(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        OrderBook book = new OrderBook(INSTRUMENT);
        OrderFlowImbalance ofi = new OrderFlowImbalance();
        long[] mid = {10_000};
        int checked = 0;
        for (int i = 0; i < 3000; i++) {
            double bidBefore = book.bestBid();
            double bqBefore = book.bestBidQty();
            double askBefore = book.bestAsk();
            double aqBefore = book.bestAskQty();
            randomUpdate(book, random, mid);
            double e = ofi.update(book);
            boolean sameTop = book.bestBid() == bidBefore && book.bestBidQty() == bqBefore
                    && book.bestAsk() == askBefore && book.bestAskQty() == aqBefore;
            if (sameTop && i > 0) {
                assertThat(e).isZero();
                checked++;
            }
            if (!book.isEmpty(Side.BUY) && !book.isEmpty(Side.SELL) && i > 0) {
                assertThat(ofi.update(book)).isZero(); // the same state observed twice (e.g. after a trade row)
            }
        }
        assertThat(checked).isPositive();
    }

    /** Summing e_n in count buckets gives, bucket by bucket, the sums of the same events taken directly. */
    @Property(tries = 30)
    void countBucketsPartitionTheEventSum(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                          @ForAll @IntRange(min = 1, max = 50) int perBucket) {
        SplittableRandom random = new SplittableRandom(seed);
        BucketedSum buckets = BucketedSum.ofEvents(perBucket);
        double[] x = new double[1000];
        double expected = 0.0;
        int closed = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextInt(21) - 10;
            expected += x[i];
            if (buckets.add(i, x[i])) {
                double direct = 0.0;
                for (int j = i - perBucket + 1; j <= i; j++) {
                    direct += x[j];
                }
                assertThat(buckets.closedSum()).isEqualTo(direct);
                assertThat(buckets.closedCount()).isEqualTo(perBucket);
                assertThat(buckets.closedBucketStartTs()).isEqualTo(i - perBucket + 1);
                closed++;
            }
        }
        assertThat(closed).isEqualTo(x.length / perBucket);
        assertThat(closed * (double) 0 + buckets.openCount()).isEqualTo(x.length % perBucket);
    }
}
