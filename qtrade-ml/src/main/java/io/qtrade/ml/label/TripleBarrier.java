package io.qtrade.ml.label;

/**
 * The triple-barrier method (Lopez de Prado, <i>Advances in Financial Machine Learning</i>, Wiley 2018, ch. 3,
 * snippets 3.2-3.7 {@code applyPtSlOnT1}, {@code getEvents}, {@code getBins}): for an event at bar {@code t0} with
 * target {@code sigma_t0} (usually {@link EwmVolatility}), follow the path
 *
 * <pre>{@code
 * R_t = side * ret(c_t0, c_t)        t = t0+1 .. t0+h      (ret: PathReturn SIMPLE c_t/c_t0 - 1, or LOG)
 * upper barrier touched when  R_t >  pt * sigma_t0          (strict)
 * lower barrier touched when  R_t < -sl * sigma_t0          (strict)
 * touch = first t with either, else the vertical barrier t0 + h
 * }</pre>
 *
 * A horizontal touch on bar {@code t0+h} counts as horizontal. {@code side} is +1 without a primary model, or the
 * primary model's side (+1 long / -1 short) for meta-labelling (AFML 3.6): profit-taking and stop-loss then apply to
 * the side-adjusted return. A multiplier of {@link #NO_BARRIER} (+infinity) disables that horizontal barrier
 * (AFML's {@code ptSl[i] = 0}).
 *
 * <p>Events need their full vertical barrier ({@code t0 + h <= n - 1}); an event closer to the end is refused, not
 * silently truncated, because its label would use a shorter horizon than the others.
 *
 * @param profitTakingMultiplier {@code pt}, positive (or {@link #NO_BARRIER})
 * @param stopLossMultiplier     {@code sl}, positive (or {@link #NO_BARRIER})
 * @param verticalBars           {@code h}, the vertical barrier in bars after the event, at least 1
 * @param pathReturn             how the path return is measured
 */
public record TripleBarrier(double profitTakingMultiplier, double stopLossMultiplier, int verticalBars,
                            PathReturn pathReturn) {

    /** A multiplier that disables its horizontal barrier. */
    public static final double NO_BARRIER = Double.POSITIVE_INFINITY;

    /** Validates the settings. */
    public TripleBarrier {
        if (!(profitTakingMultiplier > 0)) {
            throw new IllegalArgumentException("profitTakingMultiplier must be > 0 (or NO_BARRIER), got "
                    + profitTakingMultiplier);
        }
        if (!(stopLossMultiplier > 0)) {
            throw new IllegalArgumentException("stopLossMultiplier must be > 0 (or NO_BARRIER), got "
                    + stopLossMultiplier);
        }
        if (verticalBars < 1) {
            throw new IllegalArgumentException("verticalBars must be >= 1, got " + verticalBars);
        }
        if (pathReturn == null) {
            throw new IllegalArgumentException("pathReturn must not be null");
        }
    }

    /** AFML's setting with simple path returns. */
    public static TripleBarrier of(double pt, double sl, int verticalBars) {
        return new TripleBarrier(pt, sl, verticalBars, PathReturn.SIMPLE);
    }

    /** The same barriers on another path return. */
    public TripleBarrier withPathReturn(PathReturn r) {
        return new TripleBarrier(profitTakingMultiplier, stopLossMultiplier, verticalBars, r);
    }

    /**
     * Every bar from {@code first} to {@code n - 1 - verticalBars} as an event (the refcases convention).
     *
     * @return a new array, empty when there is no room
     */
    public int[] everyBar(int first, int n) {
        int last = n - 1 - verticalBars;
        if (first < 0) {
            throw new IllegalArgumentException("first event bar must be >= 0, got " + first);
        }
        int count = Math.max(0, last - first + 1);
        int[] events = new int[count];
        for (int k = 0; k < count; k++) {
            events[k] = first + k;
        }
        return events;
    }

    /**
     * Labels events without a side (side +1 for all).
     *
     * @param close  closes, positive, not modified
     * @param events event bars, ascending, each with its full vertical barrier, not modified
     * @param target target per bar (e.g. {@link EwmVolatility#ofCloses}), read at each event; finite and positive
     *               there, not modified
     */
    public TripleBarrierLabels label(double[] close, int[] events, double[] target) {
        return label(close, events, target, null);
    }

    /**
     * Labels events with the primary model's sides, for meta-labels ({@link TripleBarrierLabels#metaLabel(int)}).
     *
     * @param sides +1 or -1 per event (not per bar), or null for +1; not modified
     */
    public TripleBarrierLabels label(double[] close, int[] events, double[] target, int[] sides) {
        int n = close.length;
        if (target.length != n) {
            throw new IllegalArgumentException("target has " + target.length + " bars but close has " + n);
        }
        if (sides != null && sides.length != events.length) {
            throw new IllegalArgumentException("sides has " + sides.length + " entries but there are "
                    + events.length + " events");
        }
        int m = events.length;
        int[] vertical = new int[m];
        double[] tgt = new double[m];
        int[] touch = new int[m];
        BarrierTouch[] type = new BarrierTouch[m];
        double[] retAtTouch = new double[m];
        double[] retAtVertical = new double[m];
        int[] side = new int[m];
        for (int e = 0; e < m; e++) {
            int t0 = events[e];
            if (e > 0 && t0 <= events[e - 1]) {
                throw new IllegalArgumentException("events must be strictly ascending: event " + e + " at bar " + t0
                        + " after bar " + events[e - 1]);
            }
            if (t0 < 0 || t0 + verticalBars > n - 1) {
                throw new IllegalArgumentException("event " + e + " at bar " + t0 + " has no full vertical barrier: "
                        + "needs bar " + ((long) t0 + verticalBars) + " but the last bar is " + (n - 1));
            }
            int s = sides == null ? 1 : sides[e];
            if (s != 1 && s != -1) {
                throw new IllegalArgumentException("side of event " + e + " must be +1 or -1, got " + s);
            }
            double sigma = target[t0];
            if (!(sigma > 0) || !Double.isFinite(sigma)) {
                throw new IllegalArgumentException("target at event " + e + " (bar " + t0
                        + ") must be positive and finite, got " + sigma);
            }
            EwmVolatility.requirePositive(close, t0);
            double upper = profitTakingMultiplier * sigma;
            double lower = -stopLossMultiplier * sigma;
            int t1 = t0 + verticalBars;
            int hit = t1;
            BarrierTouch kind = BarrierTouch.VERTICAL;
            for (int t = t0 + 1; t <= t1; t++) {
                EwmVolatility.requirePositive(close, t);
                double r = s * pathReturn.of(close[t0], close[t]);
                if (r > upper) {
                    hit = t;
                    kind = BarrierTouch.PROFIT_TAKING;
                    break;
                }
                if (r < lower) {
                    hit = t;
                    kind = BarrierTouch.STOP_LOSS;
                    break;
                }
            }
            vertical[e] = t1;
            tgt[e] = sigma;
            touch[e] = hit;
            type[e] = kind;
            retAtTouch[e] = pathReturn.of(close[t0], close[hit]);
            retAtVertical[e] = pathReturn.of(close[t0], close[t1]);
            side[e] = s;
        }
        return new TripleBarrierLabels(this, events.clone(), vertical, tgt, touch, type, retAtTouch, retAtVertical,
                side);
    }
}
