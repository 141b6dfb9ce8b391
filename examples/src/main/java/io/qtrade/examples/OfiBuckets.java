package io.qtrade.examples;

import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.features.flow.BucketedSum;
import io.qtrade.features.flow.OrderFlowImbalance;

import java.util.Arrays;

/**
 * One instrument's order flow imbalance and mid-price change per time bucket, the two series of Cont, Kukanov and
 * Stoikov (2014), "The price impact of order book events", J. Financial Econometrics 12(1), 47-88:
 * <pre>{@code
 * bucket k = [k T, (k+1) T)                                   (epoch-aligned, exchTs)
 * OFI_k    = (sum of e_n over the book events of bucket k) / lotSize          in lots
 * dP_k     = (mid at the end of bucket k - mid at the end of bucket k-1) / tickSize   in ticks
 *          = ((bid + ask)_k - (bid + ask)_{k-1}) / 2    with prices in integer ticks: exact
 * }</pre>
 * with {@code e_n} from {@link OrderFlowImbalance} (streaming, after every book event) summed by a time
 * {@link BucketedSum}; the mid at a bucket's end is the mid after its last event (previous-tick). A bucket without
 * events has {@code OFI_k = 0} and {@code dP_k = 0} and is kept: nothing happened in it. A bucket holding an
 * event with an empty side has {@code OFI_k = NaN} (and {@code dP_k = NaN} when a boundary mid is missing); the
 * regression leaves such buckets out and says how many. The first bucket seen only gives the starting mid.
 */
final class OfiBuckets {

    private final long bucketNanos;
    private final double lotSize;
    private final OrderFlowImbalance ofi = new OrderFlowImbalance();
    private final BucketedSum sum;
    private long bucket = Long.MIN_VALUE;
    private double midTwiceTicks = Double.NaN;
    private double startMidTwiceTicks = Double.NaN;
    private boolean startKnown;
    private double[] ofiLots = new double[256];
    private double[] midChangeTicks = new double[256];
    private int size;
    private int emptyBuckets;

    /**
     * @param bucketNanos bucket length, {@code > 0}
     * @param lotSize     the instrument's lot size (the OFI unit), {@code > 0}
     */
    OfiBuckets(long bucketNanos, double lotSize) {
        if (!(lotSize > 0) || Double.isInfinite(lotSize)) {
            throw new IllegalArgumentException("lotSize = " + lotSize + ", expected finite and > 0");
        }
        this.bucketNanos = bucketNanos;
        this.lotSize = lotSize;
        this.sum = BucketedSum.ofNanos(bucketNanos);
    }

    /** Called with the book after it applied an event at {@code exchTs}. */
    void afterBookEvent(long exchTs, OrderBookView book) {
        long b = Math.floorDiv(exchTs, bucketNanos);
        if (b != bucket) {
            // The mid in force before this event is the mid at the end of the open bucket(s).
            closeThrough(b);
            bucket = b;
        }
        double e = ofi.update(book);
        if (ofi.events() > 1) {
            // The first state after construction or a reset only seeds the comparison (e_n is NaN there).
            // The bucket this closes was already read through openSum() by closeThrough.
            sum.add(exchTs, e);
        }
        midTwiceTicks = book.isEmpty(Side.BUY) || book.isEmpty(Side.SELL) ? Double.NaN
                : (double) (book.bestBidTicks() + book.bestAskTicks());
    }

    /** Forgets the previous book state (after a snapshot begins or the book is cleared): no flow across it. */
    void resetFlow() {
        ofi.reset();
    }

    private void closeThrough(long newBucket) {
        if (bucket == Long.MIN_VALUE) {
            return;
        }
        double flow = sum.openCount() > 0 ? sum.openSum() : 0.0;
        if (!startKnown) {
            // The first bucket only provides the starting mid.
            startKnown = true;
        } else {
            append(flow / lotSize, (midTwiceTicks - startMidTwiceTicks) / 2.0);
        }
        startMidTwiceTicks = midTwiceTicks;
        for (long k = bucket + 1; k < newBucket; k++) {
            append(0.0, 0.0); // no event: no flow and no price change
            emptyBuckets++;
        }
    }

    /** Closes the open bucket at the end of the data (call once, after the last event). */
    void finish() {
        closeThrough(bucket + 1);
        bucket = Long.MIN_VALUE;
    }

    private void append(double flowLots, double changeTicks) {
        if (size == ofiLots.length) {
            ofiLots = Arrays.copyOf(ofiLots, size * 2);
            midChangeTicks = Arrays.copyOf(midChangeTicks, size * 2);
        }
        ofiLots[size] = flowLots;
        midChangeTicks[size] = changeTicks;
        size++;
    }

    /** OFI per completed bucket, in lots (a copy). */
    double[] ofiLots() {
        return Arrays.copyOf(ofiLots, size);
    }

    /** Mid change per completed bucket, in ticks (a copy). */
    double[] midChangeTicks() {
        return Arrays.copyOf(midChangeTicks, size);
    }

    /**
     * Completed buckets without any book event (kept as OFI 0, dP 0). Many of them point at a gap in the data, such
     * as a closed market, rather than a quiet one.
     */
    int emptyBuckets() {
        return emptyBuckets;
    }

    /** Completed buckets. */
    int size() {
        return size;
    }

    @Override
    public String toString() {
        return "OfiBuckets[bucketNanos=" + bucketNanos + ", lotSize=" + lotSize + ", buckets=" + size + "]";
    }
}
