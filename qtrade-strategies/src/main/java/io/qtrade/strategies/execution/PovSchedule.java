package io.qtrade.strategies.execution;

/**
 * Percentage-of-volume schedule: participate at a target fraction {@code rho} of the market volume printed since the
 * start of the window, until the parent is done:
 * <pre>{@code
 * target(V) = min(Q, lotSize * floor(rho * V / lotSize))      V = market volume since start, Q = parent qty
 * }</pre>
 * The target is due at once ({@link #sliceEndNanos} is {@code nowNanos}), so the algorithm sends a child as soon as
 * the shortfall reaches its minimum child size; with child sizes clipped to {@code [min, max]} the realised
 * participation {@code filled / V} stays within {@code min / V} of {@code rho} while liquidity and the limit price
 * allow. {@code V} counts the prints of the market feed; in a backtest those exclude the algorithm's own fills (no
 * market impact), so {@code rho} is the ratio to the rest of the market. Kissell (2013), ch. 3 (POV / participation
 * strategies). Immutable.
 */
public final class PovSchedule implements ExecutionSchedule {

    private final ParentOrder parent;
    private final double participationRate;

    private PovSchedule(ParentOrder parent, double participationRate) {
        this.parent = parent;
        this.participationRate = participationRate;
    }

    /**
     * A schedule participating at {@code participationRate} of the observed volume.
     *
     * @param participationRate target fraction of the market volume, in (0, 1]
     */
    public static PovSchedule of(ParentOrder parent, double participationRate) {
        if (parent == null) {
            throw new NullPointerException("POV schedule: parent must not be null");
        }
        if (!(participationRate > 0 && participationRate <= 1)) {
            throw new IllegalArgumentException("POV participationRate " + participationRate + " for "
                    + parent.instrument().id() + ": expected 0 < rate <= 1");
        }
        return new PovSchedule(parent, participationRate);
    }

    @Override
    public ParentOrder parent() {
        return parent;
    }

    @Override
    public double targetQty(long nowNanos, double marketVolume) {
        if (nowNanos < parent.startNanos() || !(marketVolume > 0)) {
            return 0.0;
        }
        double lot = parent.instrument().lotSize();
        double lots = Math.floor(participationRate * marketVolume / lot + 1e-9);
        return Math.min(parent.lots(), (long) lots) * lot;
    }

    @Override
    public long sliceEndNanos(long nowNanos) {
        return nowNanos;
    }

    @Override
    public long nextSliceStartNanos(long nowNanos) {
        return nowNanos < parent.startNanos() ? parent.startNanos() : NO_SLICE;
    }

    /** The target participation rate. */
    public double participationRate() {
        return participationRate;
    }

    @Override
    public String toString() {
        return "PovSchedule[" + parent.instrument().id() + " " + parent.side() + " " + parent.qty()
                + ", participationRate=" + participationRate + "]";
    }
}
