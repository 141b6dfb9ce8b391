package io.qtrade.backtest.latency;

import java.util.Arrays;

/**
 * Latencies replayed from a recording of real orders: rows of (request, exchange, response) timestamps, in
 * increasing request time, as an order gateway logs them (hftbacktest {@code IntpOrderLatency}).
 *
 * <pre>{@code
 * for a request at t with requestTs[i] <= t < requestTs[i+1]:
 *   w            = (t - requestTs[i]) / (requestTs[i+1] - requestTs[i])
 *   entry(t)     = (1 - w) * (exchTs[i] - requestTs[i])     + w * (exchTs[i+1] - requestTs[i+1])
 *   response(t)  = (1 - w) * (responseTs[i] - exchTs[i])    + w * (responseTs[i+1] - exchTs[i+1])
 *   rejected(t)  = rejected[i]                               (the venue refused the recorded order just before)
 * }</pre>
 * A response is looked up at the venue time it leaves, on the same request-time axis (the recording's clock). Before
 * the first row the first row's latencies apply, after the last row the last row's: the recording should cover the
 * backtest, and {@link #firstRequestTs()}/{@link #lastRequestTs()} let a caller check that. Rounded to whole
 * nanoseconds.
 */
public final class ReplayedLatency implements LatencyModel {

    private final long[] requestTs;
    private final long[] entryNanos;
    private final long[] responseNanos;
    private final boolean[] rejected;

    /**
     * @param requestTs  strictly increasing request times, epoch nanoseconds (not modified, copied)
     * @param exchTs     venue receive times, {@code >= requestTs[i]} (copied)
     * @param responseTs response receive times, {@code >= exchTs[i]} (copied)
     * @param rejected   whether the venue refused each recorded order (copied); {@code null} for none
     */
    public ReplayedLatency(long[] requestTs, long[] exchTs, long[] responseTs, boolean[] rejected) {
        int n = requestTs.length;
        if (n == 0) {
            throw new IllegalArgumentException("ReplayedLatency: the recording has no rows");
        }
        if (exchTs.length != n || responseTs.length != n || (rejected != null && rejected.length != n)) {
            throw new IllegalArgumentException("ReplayedLatency: column lengths differ: requestTs " + n + ", exchTs "
                    + exchTs.length + ", responseTs " + responseTs.length + ", rejected "
                    + (rejected == null ? "none" : rejected.length));
        }
        this.requestTs = requestTs.clone();
        this.entryNanos = new long[n];
        this.responseNanos = new long[n];
        this.rejected = rejected == null ? new boolean[n] : rejected.clone();
        for (int i = 0; i < n; i++) {
            if (i > 0 && requestTs[i] <= requestTs[i - 1]) {
                throw new IllegalArgumentException("ReplayedLatency: row " + i + ": requestTs " + requestTs[i]
                        + " must be > the previous row's " + requestTs[i - 1]);
            }
            if (exchTs[i] < requestTs[i]) {
                throw new IllegalArgumentException("ReplayedLatency: row " + i + ": exchTs " + exchTs[i]
                        + " is before requestTs " + requestTs[i]);
            }
            if (responseTs[i] < exchTs[i]) {
                throw new IllegalArgumentException("ReplayedLatency: row " + i + ": responseTs " + responseTs[i]
                        + " is before exchTs " + exchTs[i]);
            }
            entryNanos[i] = exchTs[i] - requestTs[i];
            responseNanos[i] = responseTs[i] - exchTs[i];
        }
    }

    @Override
    public long entryLatencyNanos(long requestTs, long orderId, long salt) {
        return interpolate(entryNanos, requestTs);
    }

    @Override
    public long responseLatencyNanos(long exchTs, long orderId, long salt) {
        return interpolate(responseNanos, exchTs);
    }

    @Override
    public boolean rejectsEntry(long requestTs, long orderId) {
        int i = floorRow(requestTs);
        return i >= 0 && rejected[i];
    }

    /** The first recorded request time. */
    public long firstRequestTs() {
        return requestTs[0];
    }

    /** The last recorded request time. */
    public long lastRequestTs() {
        return requestTs[requestTs.length - 1];
    }

    /** Number of recorded rows. */
    public int rows() {
        return requestTs.length;
    }

    private int floorRow(long t) {
        int i = Arrays.binarySearch(requestTs, t);
        return i >= 0 ? i : -i - 2;
    }

    private long interpolate(long[] values, long t) {
        int i = floorRow(t);
        if (i < 0) {
            return values[0];
        }
        if (i >= requestTs.length - 1) {
            return values[requestTs.length - 1];
        }
        double w = (double) (t - requestTs[i]) / (double) (requestTs[i + 1] - requestTs[i]);
        return Math.round((1 - w) * values[i] + w * values[i + 1]);
    }

    @Override
    public String toString() {
        return "ReplayedLatency[rows=" + requestTs.length + ", firstRequestTs=" + requestTs[0] + ", lastRequestTs="
                + requestTs[requestTs.length - 1] + "]";
    }
}
