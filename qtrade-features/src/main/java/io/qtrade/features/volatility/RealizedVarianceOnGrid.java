package io.qtrade.features.volatility;

import java.util.Objects;

/**
 * Streaming realized variance and bipower variation per session, fed {@code (timestamp, price)} on every tick and
 * sampled by the previous tick on a fixed time grid.
 *
 * <pre>{@code
 * grid:     g = sessionOffsetNanos + m * stepNanos          (every session boundary is a grid point)
 * sessions: (s_j, s_j + sessionLengthNanos],  s_j = sessionOffsetNanos + j * sessionLengthNanos
 * P(g)  = price of the last tick with time <= g            (ties: the later tick)
 * r(g)  = ln P(g) - ln P(g - stepNanos)                    belongs to the session containing g in (s_j, s_j + L]
 * RV_j  = sum r(g)^2,   BV_j = (pi/2) sum |r(g)| |r(g - stepNanos)|   (both returns in session j)
 * }</pre>
 *
 * <p>References: Andersen, Bollerslev, Diebold and Labys (2001), JASA 96 (RV); Barndorff-Nielsen and Shephard
 * (2004), J. Financial Econometrics 2(1) (BV; no n/(n-1) factor). The return ending at a session's end belongs to
 * that session (the 23:55 to 24:00 return of a UTC day is the day's last); the first return of a session starts
 * from the price at its opening grid point, which may come from a tick of the previous session. BV does not bridge
 * sessions. The numbers are those of {@link RealizedMeasures#previousTickLogReturns} on each session (same sums in
 * the same order, so bit-identical; property-tested).
 *
 * <p>Cost: a tick that does not pass a grid point is two comparisons and two stores (no logarithm, no allocation);
 * passing a grid point costs one {@code Math.log}. A gap of many grid points without ticks is skipped in O(1) per
 * session crossed (its returns are zero and counted). Completed sessions go to a {@link RealizedSessionListener}
 * when the first tick after the session end arrives, or on {@link #advanceTo(long)}. Not thread-safe.
 *
 * <p>Warm-up: the first grid return needs one tick at or before a grid point and another grid point after it;
 * before that the current session reports {@code NaN} for BV and 0 returns.
 */
public final class RealizedVarianceOnGrid {

    private final long stepNanos;
    private final long sessionLengthNanos;
    private final long sessionOffsetNanos;
    private final RealizedSessionListener listener;

    private boolean started;
    private long minNextTsNanos = Long.MIN_VALUE;
    private long nextGridNanos = Long.MIN_VALUE;
    private double lastPrice = Double.NaN;
    private double prevSampleLog = Double.NaN;
    private double prevAbsReturn = Double.NaN;
    private long sessionStartNanos;
    private long sessionEndNanos;
    private double rv;
    private double bvSum;
    private int returnCount;
    private long tickCount;

    /**
     * @param stepNanos          grid spacing (e.g. 5 minutes = 300e9), > 0, dividing {@code sessionLengthNanos}
     * @param sessionLengthNanos session length (e.g. one day), > 0
     * @param sessionOffsetNanos where sessions start relative to the epoch, in [0, sessionLengthNanos): 0 for UTC
     *                           days, 22 hours for an FX day that rolls at 22:00 UTC
     * @param listener           receives each completed session
     */
    public RealizedVarianceOnGrid(long stepNanos, long sessionLengthNanos, long sessionOffsetNanos,
                                  RealizedSessionListener listener) {
        if (stepNanos <= 0) {
            throw new IllegalArgumentException("stepNanos = " + stepNanos + " must be > 0");
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
        this.sessionLengthNanos = sessionLengthNanos;
        this.sessionOffsetNanos = sessionOffsetNanos;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Sessions of one UTC day, grid spacing {@code stepNanos}. */
    public static RealizedVarianceOnGrid utcDays(long stepNanos, RealizedSessionListener listener) {
        return new RealizedVarianceOnGrid(stepNanos, 86_400_000_000_000L, 0L, listener);
    }

    /**
     * One tick.
     *
     * @param tsNanos epoch nanoseconds; not before the previous tick, and after the last {@link #advanceTo} time
     * @param price   > 0
     */
    public void onTick(long tsNanos, double price) {
        if (tsNanos < minNextTsNanos || !(price > 0.0) || price == Double.POSITIVE_INFINITY) {
            throw badTick(tsNanos, price);
        }
        if (tsNanos > nextGridNanos) {
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

    /**
     * Declares that every tick with time {@code <= nowNanos} has been delivered: samples each grid point up to
     * {@code nowNanos} and reports the sessions that end there (call it at the end of data, or from a timer).
     * Later ticks must be after {@code nowNanos}.
     */
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

    /** Realized variance of the open session so far (0 before its first grid return). */
    public double currentRealizedVariance() {
        return rv;
    }

    /** Bipower variation of the open session so far (0 before its second grid return). */
    public double currentBipowerVariation() {
        return 0.5 * Math.PI * bvSum;
    }

    /** Grid returns in the open session so far. */
    public int currentReturnCount() {
        return returnCount;
    }

    /** Forgets every tick and session. */
    public void reset() {
        started = false;
        minNextTsNanos = Long.MIN_VALUE;
        nextGridNanos = Long.MIN_VALUE;
        lastPrice = Double.NaN;
        prevSampleLog = Double.NaN;
        prevAbsReturn = Double.NaN;
        rv = 0.0;
        bvSum = 0.0;
        returnCount = 0;
        tickCount = 0;
    }

    private void start(long tsNanos) {
        started = true;
        long fromOffset = tsNanos - sessionOffsetNanos;
        sessionStartNanos = sessionOffsetNanos + Math.floorDiv(fromOffset, sessionLengthNanos) * sessionLengthNanos;
        sessionEndNanos = sessionStartNanos + sessionLengthNanos;
        nextGridNanos = sessionOffsetNanos - Math.floorDiv(-fromOffset, stepNanos) * stepNanos;
    }

    /** Samples every grid point {@code <= limitNanos} with the current last price. */
    private void sampleThrough(long limitNanos) {
        if (nextGridNanos > limitNanos) {
            return;
        }
        double logPrice = Math.log(lastPrice);
        while (nextGridNanos <= limitNanos) {
            long g = nextGridNanos;
            if (prevSampleLog == prevSampleLog) {
                double r = logPrice - prevSampleLog;
                double absR = Math.abs(r);
                rv += r * r;
                if (prevAbsReturn == prevAbsReturn) {
                    bvSum += absR * prevAbsReturn;
                }
                prevAbsReturn = absR;
                returnCount++;
            }
            prevSampleLog = logPrice;
            if (g == sessionEndNanos) {
                closeSession();
            }
            nextGridNanos = g + stepNanos;
            // The price does not change before limitNanos: the grid points strictly inside the session up to the
            // limit give zero returns. Count them without looping (adding 0.0 leaves the sums unchanged).
            long lastInside = Math.min(limitNanos, sessionEndNanos - stepNanos);
            if (lastInside >= nextGridNanos) {
                long skipped = (lastInside - nextGridNanos) / stepNanos + 1;
                returnCount += (int) skipped;
                prevAbsReturn = 0.0;
                nextGridNanos += skipped * stepNanos;
            }
        }
    }

    private void closeSession() {
        listener.onSession(sessionStartNanos, sessionEndNanos, rv, 0.5 * Math.PI * bvSum, returnCount, tickCount);
        sessionStartNanos = sessionEndNanos;
        sessionEndNanos += sessionLengthNanos;
        rv = 0.0;
        bvSum = 0.0;
        returnCount = 0;
        tickCount = 0;
        prevAbsReturn = Double.NaN;
    }

    private IllegalArgumentException badTick(long tsNanos, double price) {
        if (tsNanos < minNextTsNanos) {
            return new IllegalArgumentException("tick at tsNanos = " + tsNanos + " is before the previous tick or "
                    + "advance at " + minNextTsNanos + ": ticks must be in time order");
        }
        return new IllegalArgumentException("tick at tsNanos = " + tsNanos + " has price = " + price
                + ", expected finite and > 0");
    }

    @Override
    public String toString() {
        return "RealizedVarianceOnGrid[stepNanos=" + stepNanos + ", sessionLengthNanos=" + sessionLengthNanos
                + ", sessionOffsetNanos=" + sessionOffsetNanos + "]";
    }
}
