package io.qtrade.strategies.pairs;

/**
 * The entry/exit/stop rule of a mean-reverting spread, on its z-score: pure and stateful (the position it holds and
 * whether it was stopped out), so it can be checked step by step by hand.
 *
 * <p>With thresholds {@code 0 <= exit < entry < stop} (stop may be infinite to disable it), position {@code +1} =
 * long the spread (buy y, sell x), {@code -1} = short the spread:
 * <pre>{@code
 * long  (+1): z < -stop -> flat, stopped out;   z >= -exit -> flat (the spread has reverted)
 * short (-1): z >  stop -> flat, stopped out;   z <=  exit -> flat
 * stopped out: stay flat until |z| < exit, then re-armed
 * flat, armed: entry < z <= stop  -> short (-1);   -stop <= z < -entry -> long (+1)
 * }</pre>
 * Rules are applied in that order within one step, so a z that jumps from below {@code -entry} to above
 * {@code +entry} closes the long and opens the short at once. This is the z-score band rule of Chan, E.P. (2013),
 * "Algorithmic Trading", Wiley, ch. 3 (with {@code z = e / sqrt(Q)} of the Kalman filter) and of Vidyamurthy, G.
 * (2004), "Pairs Trading: Quantitative Methods and Analysis", Wiley, ch. 8, with a stop-loss band. Not thread-safe;
 * allocation-free.
 */
public final class PairSignal {

    /** Long the spread: buy y, sell x. */
    public static final int LONG_SPREAD = 1;
    /** No position. */
    public static final int FLAT = 0;
    /** Short the spread: sell y, buy x. */
    public static final int SHORT_SPREAD = -1;

    private final double entryZ;
    private final double exitZ;
    private final double stopZ;

    private int position = FLAT;
    private boolean stoppedOut;
    private long entries;
    private long exits;
    private long stops;

    /**
     * A rule.
     *
     * @param entryZ open when {@code |z|} exceeds it
     * @param exitZ  close when the spread is back inside it
     * @param stopZ  close and stay out when {@code |z|} exceeds it; {@code Double.POSITIVE_INFINITY} for no stop
     * @throws IllegalArgumentException unless {@code 0 <= exitZ < entryZ < stopZ}
     */
    public PairSignal(double entryZ, double exitZ, double stopZ) {
        if (!(exitZ >= 0 && exitZ < entryZ && entryZ < stopZ) || Double.isInfinite(entryZ)) {
            throw new IllegalArgumentException("pair signal thresholds entryZ=" + entryZ + ", exitZ=" + exitZ
                    + ", stopZ=" + stopZ + ": expected 0 <= exitZ < entryZ < stopZ, entryZ finite");
        }
        this.entryZ = entryZ;
        this.exitZ = exitZ;
        this.stopZ = stopZ;
    }

    /**
     * One step.
     *
     * @param z the spread's z-score at this step
     * @return the position to hold after it: {@link #LONG_SPREAD}, {@link #FLAT} or {@link #SHORT_SPREAD}
     * @throws IllegalArgumentException if {@code z} is not finite
     */
    public int update(double z) {
        if (!Double.isFinite(z)) {
            throw new IllegalArgumentException("pair signal: z must be finite, was " + z);
        }
        if (position == LONG_SPREAD) {
            if (z < -stopZ) {
                stop();
            } else if (z >= -exitZ) {
                close();
            }
        } else if (position == SHORT_SPREAD) {
            if (z > stopZ) {
                stop();
            } else if (z <= exitZ) {
                close();
            }
        }
        if (stoppedOut) {
            if (Math.abs(z) < exitZ) {
                stoppedOut = false;
            }
            return position;
        }
        if (position == FLAT) {
            if (z > entryZ && z <= stopZ) {
                position = SHORT_SPREAD;
                entries++;
            } else if (z < -entryZ && z >= -stopZ) {
                position = LONG_SPREAD;
                entries++;
            }
        }
        return position;
    }

    private void stop() {
        position = FLAT;
        stoppedOut = true;
        stops++;
    }

    private void close() {
        position = FLAT;
        exits++;
    }

    /** Goes flat at once (for example when a cointegration gate closes); not counted as an exit or a stop. */
    public void forceFlat() {
        position = FLAT;
    }

    /** Back to flat and armed, counters kept. */
    public void reset() {
        position = FLAT;
        stoppedOut = false;
    }

    /** The position after the last step. */
    public int position() {
        return position;
    }

    /** Whether the last stop has not yet been re-armed by {@code |z| < exit}. */
    public boolean isStoppedOut() {
        return stoppedOut;
    }

    /** Positions opened. */
    public long entries() {
        return entries;
    }

    /** Positions closed by reversion. */
    public long exits() {
        return exits;
    }

    /** Positions closed by the stop. */
    public long stops() {
        return stops;
    }

    /** The entry threshold on |z|. */
    public double entryZ() {
        return entryZ;
    }

    /** The exit threshold on |z|. */
    public double exitZ() {
        return exitZ;
    }

    /** The stop threshold on |z| (infinite: no stop). */
    public double stopZ() {
        return stopZ;
    }

    @Override
    public String toString() {
        return "PairSignal[entryZ=" + entryZ + ", exitZ=" + exitZ + ", stopZ=" + stopZ + ", position=" + position
                + ", stoppedOut=" + stoppedOut + "]";
    }
}
