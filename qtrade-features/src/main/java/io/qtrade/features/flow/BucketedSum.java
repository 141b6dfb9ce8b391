package io.qtrade.features.flow;

/**
 * Sums a per-event feature (an OFI contribution {@code e_n}, a signed trade volume) over consecutive buckets of
 * either a fixed number of events or a fixed span of time, as [1] aggregate {@code e_n} into {@code OFI_k}:
 * <pre>{@code
 * count buckets: S_k = sum of x_i, i = (k-1) * eventsPerBucket + 1 .. k * eventsPerBucket
 * time buckets:  S_k = sum of x_i with floor(ts_i / bucketNanos) = k          (epoch-aligned, half-open)
 * }</pre>
 * A count bucket closes on its last event; a time bucket closes when the first event of a later bucket arrives (only
 * then is it known to be complete) or on {@link #flush()}. A time bucket in which no event arrived is not emitted:
 * {@link #closedBucketStartTs()} shows which bucket closed. {@code NaN} inputs make their bucket's sum {@code NaN}.
 *
 * <p>Streaming, {@code O(1)} per {@link #add}, allocation-free. The closed bucket is read through the
 * {@code closed*} getters until the next close.
 *
 * <p>[1] R. Cont, A. Kukanov, S. Stoikov (2014), "The price impact of order book events", Journal of Financial
 * Econometrics 12(1), 47-88.
 */
public final class BucketedSum {

    private final int eventsPerBucket;
    private final long bucketNanos;
    private double sum;
    private long count;
    private long bucket = Long.MIN_VALUE;
    private double closedSum = Double.NaN;
    private long closedCount;
    private long closedBucketStartTs = Long.MIN_VALUE;

    private BucketedSum(int eventsPerBucket, long bucketNanos) {
        this.eventsPerBucket = eventsPerBucket;
        this.bucketNanos = bucketNanos;
    }

    /**
     * Buckets of {@code eventsPerBucket} consecutive events.
     *
     * @throws IllegalArgumentException when {@code eventsPerBucket < 1}
     */
    public static BucketedSum ofEvents(int eventsPerBucket) {
        if (eventsPerBucket < 1) {
            throw new IllegalArgumentException("eventsPerBucket must be >= 1, was " + eventsPerBucket);
        }
        return new BucketedSum(eventsPerBucket, 0);
    }

    /**
     * Epoch-aligned buckets of {@code bucketNanos} nanoseconds.
     *
     * @throws IllegalArgumentException when {@code bucketNanos < 1}
     */
    public static BucketedSum ofNanos(long bucketNanos) {
        if (bucketNanos < 1) {
            throw new IllegalArgumentException("bucketNanos must be >= 1, was " + bucketNanos);
        }
        return new BucketedSum(0, bucketNanos);
    }

    /**
     * Adds {@code x} observed at {@code ts} (epoch nanoseconds; time buckets need non-decreasing {@code ts}).
     *
     * @return whether a bucket closed: for count buckets the one {@code x} completed, for time buckets the one before
     *         {@code x}'s bucket
     * @throws IllegalArgumentException for time buckets when {@code ts} is earlier than the current (or last flushed)
     *                                  bucket
     */
    public boolean add(long ts, double x) {
        if (bucketNanos > 0) {
            long b = Math.floorDiv(ts, bucketNanos);
            boolean closed = false;
            if (b != bucket) {
                if (b < bucket && bucket != Long.MIN_VALUE) {
                    throw new IllegalArgumentException("time bucket sum: ts " + ts + " precedes the current "
                            + "bucket starting at " + bucket * bucketNanos + "; expected non-decreasing ts");
                }
                if (count > 0) {
                    close(bucket * bucketNanos);
                    closed = true;
                }
                bucket = b;
            }
            sum += x;
            count++;
            return closed;
        }
        if (count == 0) {
            bucket = ts;
        }
        sum += x;
        if (++count == eventsPerBucket) {
            close(bucket);
            return true;
        }
        return false;
    }

    /** Closes the current bucket if it holds any event; returns whether it did. */
    public boolean flush() {
        if (count == 0) {
            return false;
        }
        close(bucketNanos > 0 ? bucket * bucketNanos : bucket);
        return true;
    }

    private void close(long startTs) {
        closedSum = sum;
        closedCount = count;
        closedBucketStartTs = startTs;
        sum = 0.0;
        count = 0;
    }

    /** The sum of the last closed bucket, {@code NaN} before any closed. */
    public double closedSum() {
        return closedSum;
    }

    /** The number of events in the last closed bucket. */
    public long closedCount() {
        return closedCount;
    }

    /**
     * The start of the last closed bucket: {@code k * bucketNanos} for time buckets, the {@code ts} of its first
     * event for count buckets.
     */
    public long closedBucketStartTs() {
        return closedBucketStartTs;
    }

    /** The running sum of the open bucket. */
    public double openSum() {
        return sum;
    }

    /** Events in the open bucket. */
    public long openCount() {
        return count;
    }

    @Override
    public String toString() {
        return bucketNanos > 0 ? "BucketedSum[bucketNanos=" + bucketNanos + "]"
                : "BucketedSum[eventsPerBucket=" + eventsPerBucket + "]";
    }
}
