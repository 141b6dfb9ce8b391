package io.qtrade.features.volatility;

import java.util.Objects;

/**
 * Streaming subsampled (average) realized variance per session: K grids of spacing {@code stepNanos}, grid k shifted
 * by {@code k * stepNanos / K}, each sampled by the previous tick, fed {@code (timestamp, price)} on every tick.
 *
 * <pre>{@code
 * delta  = stepNanos / K
 * grid k = { s + k delta + m stepNanos : m >= 0, point <= s + sessionLengthNanos },  k = 0..K-1, session (s, s + L]
 * RV_k   = sum over consecutive points of grid k of (ln P(g) - ln P(g - stepNanos))^2
 * RV_avg = (1/K) sum_k RV_k
 * }</pre>
 *
 * <p>Reference: L. Zhang, P. A. Mykland, Y. Ait-Sahalia (2005), "A Tale of Two Time Scales: Determining Integrated
 * Volatility with Noisy High-Frequency Data", <i>JASA</i> 100, 1394-1411, RV^(avg). Each shifted grid stays inside
 * the session (grid 0 starts at the session start, grid k at {@code s + k delta} and ends at its last point before
 * the session end), which is {@link RealizedMeasures#subsampledRealizedVariance} applied to each session: both give
 * identical bits (property-tested). Sessions and the previous-tick rule are those of {@link RealizedVarianceOnGrid};
 * the tick path is the same two comparisons and stores, each point of the fine grid of spacing delta costs a few
 * operations, one {@code Math.log} per run of points, and gaps are skipped in O(1) per session. Not thread-safe.
 */
public final class SubsampledRealizedVarianceOnGrid {

    /** Receives each completed session, as primitives. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param sessionStartNanos          session start, epoch nanoseconds UTC
         * @param sessionEndNanos            session end, epoch nanoseconds UTC
         * @param subsampledRealizedVariance RV_avg of the session (per session, not annualised)
         * @param tickCount                  ticks received while the session was open
         */
        void onSession(long sessionStartNanos, long sessionEndNanos, double subsampledRealizedVariance,
                       long tickCount);
    }

    private final long stepNanos;
    private final int subgrids;
    private final long fineStepNanos;
    private final long sessionLengthNanos;
    private final long sessionOffsetNanos;
    private final Listener listener;
    private final double[] prevLog;
    private final double[] rv;

    private boolean started;
    private long minNextTsNanos = Long.MIN_VALUE;
    private long nextFineNanos = Long.MIN_VALUE;
    private int nextSubgrid;
    private double lastPrice = Double.NaN;
    private long sessionStartNanos;
    private long sessionEndNanos;
    private long tickCount;

    /**
     * @param stepNanos          spacing of each grid, > 0, a multiple of {@code subgrids}
     * @param subgrids           K >= 1 (K = 1 is the plain grid RV of {@link RealizedVarianceOnGrid})
     * @param sessionLengthNanos session length, a multiple of {@code stepNanos}
     * @param sessionOffsetNanos session start relative to the epoch, in [0, sessionLengthNanos)
     * @param listener           receives each completed session
     */
    public SubsampledRealizedVarianceOnGrid(long stepNanos, int subgrids, long sessionLengthNanos,
                                            long sessionOffsetNanos, Listener listener) {
        if (subgrids < 1) {
            throw new IllegalArgumentException("subgrids = " + subgrids + " must be >= 1");
        }
        if (stepNanos <= 0 || stepNanos % subgrids != 0) {
            throw new IllegalArgumentException("stepNanos = " + stepNanos + " must be > 0 and a multiple of subgrids = "
                    + subgrids);
        }
        if (sessionLengthNanos <= 0 || sessionLengthNanos % stepNanos != 0) {
            throw new IllegalArgumentException("sessionLengthNanos = " + sessionLengthNanos
                    + " must be > 0 and a multiple of stepNanos = " + stepNanos);
        }
        if (sessionOffsetNanos < 0 || sessionOffsetNanos >= sessionLengthNanos) {
            throw new IllegalArgumentException("sessionOffsetNanos = " + sessionOffsetNanos + " must be in [0, "
                    + sessionLengthNanos + ")");
        }
        this.stepNanos = stepNanos;
        this.subgrids = subgrids;
        this.fineStepNanos = stepNanos / subgrids;
        this.sessionLengthNanos = sessionLengthNanos;
        this.sessionOffsetNanos = sessionOffsetNanos;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.prevLog = new double[subgrids];
        this.rv = new double[subgrids];
        java.util.Arrays.fill(prevLog, Double.NaN);
    }

    /** One tick: {@code tsNanos} not before the previous tick (and after the last {@link #advanceTo}), price > 0. */
    public void onTick(long tsNanos, double price) {
        if (tsNanos < minNextTsNanos || !(price > 0.0) || price == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("tick at tsNanos = " + tsNanos + " with price = " + price
                    + ": expected time >= " + minNextTsNanos + " and a finite price > 0");
        }
        if (tsNanos > nextFineNanos) {
            if (started) {
                sampleThrough(tsNanos - 1);
            } else {
                start(tsNanos);
            }
        }
        lastPrice = price;
        minNextTsNanos = tsNanos;
        tickCount++;
    }

    /** Every tick with time {@code <= nowNanos} has been delivered: samples up to it and reports ended sessions. */
    public void advanceTo(long nowNanos) {
        if (nowNanos < minNextTsNanos) {
            throw new IllegalArgumentException("nowNanos = " + nowNanos + " is before the last tick or advance at "
                    + minNextTsNanos);
        }
        if (started) {
            sampleThrough(nowNanos);
        }
        minNextTsNanos = nowNanos == Long.MAX_VALUE ? nowNanos : nowNanos + 1;
    }

    /** Start of the open session, epoch nanoseconds; meaningful after the first tick. */
    public long currentSessionStartNanos() {
        return sessionStartNanos;
    }

    private void start(long tsNanos) {
        started = true;
        long fromOffset = tsNanos - sessionOffsetNanos;
        sessionStartNanos = sessionOffsetNanos + Math.floorDiv(fromOffset, sessionLengthNanos) * sessionLengthNanos;
        sessionEndNanos = sessionStartNanos + sessionLengthNanos;
        long fineIndex = -Math.floorDiv(-(tsNanos - sessionStartNanos), fineStepNanos);
        nextFineNanos = sessionStartNanos + fineIndex * fineStepNanos;
        nextSubgrid = (int) (fineIndex % subgrids);
    }

    private void sampleThrough(long limitNanos) {
        if (nextFineNanos > limitNanos) {
            return;
        }
        double logPrice = Math.log(lastPrice);
        int fresh = 0;
        while (nextFineNanos <= limitNanos) {
            long g = nextFineNanos;
            int k = nextSubgrid;
            double prev = prevLog[k];
            if (prev == prev) {
                double r = logPrice - prev;
                rv[k] += r * r;
            }
            prevLog[k] = logPrice;
            fresh++;
            if (g == sessionEndNanos) {
                closeSession();
                fresh = 1; // grid 0 keeps the end price; grids 1..K-1 start afresh
            }
            nextFineNanos = g + fineStepNanos;
            nextSubgrid = k + 1 == subgrids ? 0 : k + 1;
            if (fresh >= subgrids) {
                // every grid holds the current price: the points up to the limit inside the session add zero
                long lastInside = Math.min(limitNanos, sessionEndNanos - fineStepNanos);
                if (lastInside >= nextFineNanos) {
                    long skipped = (lastInside - nextFineNanos) / fineStepNanos + 1;
                    nextFineNanos += skipped * fineStepNanos;
                    nextSubgrid = (int) ((nextSubgrid + skipped) % subgrids);
                }
            }
        }
    }

    private void closeSession() {
        double sum = 0.0;
        for (int k = 0; k < subgrids; k++) {
            sum += rv[k];
            rv[k] = 0.0;
        }
        for (int k = 1; k < subgrids; k++) {
            prevLog[k] = Double.NaN;
        }
        listener.onSession(sessionStartNanos, sessionEndNanos, sum / subgrids, tickCount);
        sessionStartNanos = sessionEndNanos;
        sessionEndNanos += sessionLengthNanos;
        tickCount = 0;
    }

    @Override
    public String toString() {
        return "SubsampledRealizedVarianceOnGrid[stepNanos=" + stepNanos + ", subgrids=" + subgrids
                + ", sessionLengthNanos=" + sessionLengthNanos + ", sessionOffsetNanos=" + sessionOffsetNanos + "]";
    }
}
