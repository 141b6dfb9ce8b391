package io.qtrade.ml.label;

/**
 * The labels of {@link TripleBarrier#label}: one row per event, read through named accessors. Bars are 0-based rows
 * of the close series.
 */
public final class TripleBarrierLabels {
    private final TripleBarrier barrier;
    private final int[] eventBar;
    private final int[] verticalBar;
    private final double[] target;
    private final int[] touchBar;
    private final BarrierTouch[] touch;
    private final double[] returnAtTouch;
    private final double[] returnAtVertical;
    private final int[] side;

    TripleBarrierLabels(TripleBarrier barrier, int[] eventBar, int[] verticalBar, double[] target, int[] touchBar,
                        BarrierTouch[] touch, double[] returnAtTouch, double[] returnAtVertical, int[] side) {
        this.barrier = barrier;
        this.eventBar = eventBar;
        this.verticalBar = verticalBar;
        this.target = target;
        this.touchBar = touchBar;
        this.touch = touch;
        this.returnAtTouch = returnAtTouch;
        this.returnAtVertical = returnAtVertical;
        this.side = side;
    }

    /** The barrier settings. */
    public TripleBarrier barrier() {
        return barrier;
    }

    /** Number of events. */
    public int size() {
        return eventBar.length;
    }

    /** {@code t0}: the event's bar, where the label starts. */
    public int eventBar(int e) {
        return eventBar[e];
    }

    /** {@code t0 + h}: the vertical barrier's bar. */
    public int verticalBar(int e) {
        return verticalBar[e];
    }

    /** {@code sigma_t0}, the target the horizontal barriers are scaled by. */
    public double target(int e) {
        return target[e];
    }

    /** Upper barrier {@code pt * sigma_t0} in path-return units (+infinity when disabled). */
    public double upperBarrier(int e) {
        return barrier.profitTakingMultiplier() * target[e];
    }

    /** Lower barrier {@code -sl * sigma_t0} in path-return units (-infinity when disabled). */
    public double lowerBarrier(int e) {
        return -barrier.stopLossMultiplier() * target[e];
    }

    /** The bar of the first touch: where the label ends ({@code t1} of AFML). */
    public int touchBar(int e) {
        return touchBar[e];
    }

    /** Which barrier was touched first. */
    public BarrierTouch touch(int e) {
        return touch[e];
    }

    /** The path return from {@code t0} to the touch (not side-adjusted). */
    public double returnAtTouch(int e) {
        return returnAtTouch[e];
    }

    /** The side the event was labelled with (+1 without a primary model). */
    public int side(int e) {
        return side[e];
    }

    /**
     * The label: +1 profit-taking, -1 stop-loss, at the vertical barrier 0 ({@link VerticalBarrierLabel#ZERO}) or
     * {@code sign(side * R_{t0+h})} ({@link VerticalBarrierLabel#SIGN}).
     */
    public int label(int e, VerticalBarrierLabel variant) {
        switch (touch[e]) {
            case PROFIT_TAKING:
                return 1;
            case STOP_LOSS:
                return -1;
            default:
                return variant == VerticalBarrierLabel.ZERO ? 0 : (int) Math.signum(side[e] * returnAtVertical[e]);
        }
    }

    /** All labels in one new array. */
    public int[] labels(VerticalBarrierLabel variant) {
        int[] out = new int[size()];
        for (int e = 0; e < out.length; e++) {
            out[e] = label(e, variant);
        }
        return out;
    }

    /**
     * The meta-label (AFML 3.6, {@code getBins} with a side): 1 when the primary model's bet made money,
     * {@code side * returnAtTouch > 0}, else 0. A secondary model learns it to size or skip the primary's bets.
     */
    public int metaLabel(int e) {
        return side[e] * returnAtTouch[e] > 0 ? 1 : 0;
    }

    /** All meta-labels in one new array. */
    public int[] metaLabels() {
        int[] out = new int[size()];
        for (int e = 0; e < out.length; e++) {
            out[e] = metaLabel(e);
        }
        return out;
    }

    /** Label spans {@code [t0, touch]} for purged validation and uniqueness weights. */
    public LabelSpans spans() {
        long[] s = new long[size()];
        long[] t = new long[size()];
        for (int e = 0; e < s.length; e++) {
            s[e] = eventBar[e];
            t[e] = touchBar[e];
        }
        return new LabelSpans(s, t);
    }

    @Override
    public String toString() {
        return "TripleBarrierLabels[" + barrier + ", events=" + size() + "]";
    }
}
