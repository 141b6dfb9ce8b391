package io.qtrade.research.report;

import java.awt.Color;

/**
 * The heat map's colours: a sequential palette (the five viridis stops, dark purple to yellow) from the worst to the
 * best score, so the best cell is always {@link #BEST_COLOUR} whether the metric ranks high or low values first; an
 * undefined (NaN) score is {@link #NAN_COLOUR}.
 *
 * <pre>{@code
 * t     = (z - lower) / (upper - lower)        clamped to [0, 1] (the legend's strips may step past a bound)
 * t     = 1 - t                                when lower values rank first (drawdown, fees)
 * t     = 1                                    when every score is equal (lower == upper): every cell is the best
 * paint = linear RGB interpolation between the palette stops around t * (stops - 1)
 * }</pre>
 */
final class ScorePaintScale {

    /** The palette from worst to best (viridis at 0, 0.25, 0.5, 0.75, 1). */
    static final Color[] PALETTE = {new Color(0x440154), new Color(0x3B528B), new Color(0x21918C),
        new Color(0x5EC962), new Color(0xFDE725)};
    /** The colour of the best score: the palette's top. */
    static final Color BEST_COLOUR = PALETTE[PALETTE.length - 1];
    /** The colour of the worst score: the palette's bottom. */
    static final Color WORST_COLOUR = PALETTE[0];
    /** The colour of an undefined score. */
    static final Color NAN_COLOUR = new Color(0xD9D9D9);

    private final double lower;
    private final double upper;
    private final boolean higherIsBetter;
    private final boolean degenerate;

    /**
     * @param min            the smallest finite score
     * @param max            the largest finite score, {@code >= min}
     * @param higherIsBetter whether larger scores rank first
     */
    ScorePaintScale(double min, double max, boolean higherIsBetter) {
        this.degenerate = !(max > min);
        this.lower = min;
        this.upper = degenerate ? min + 1.0 : max;
        this.higherIsBetter = higherIsBetter;
    }

    double lowerBound() {
        return lower;
    }

    double upperBound() {
        return upper;
    }

    Color colour(double value) {
        if (Double.isNaN(value)) {
            return NAN_COLOUR;
        }
        if (degenerate) {
            return BEST_COLOUR;
        }
        double t = Math.max(0.0, Math.min(1.0, (value - lower) / (upper - lower)));
        if (!higherIsBetter) {
            t = 1.0 - t;
        }
        double at = t * (PALETTE.length - 1);
        int i = Math.min((int) Math.floor(at), PALETTE.length - 2);
        double f = at - i;
        Color a = PALETTE[i];
        Color b = PALETTE[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
                mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    @Override
    public String toString() {
        return "ScorePaintScale[lower=" + lower + ", upper=" + upper + ", higherIsBetter=" + higherIsBetter
                + ", degenerate=" + degenerate + "]";
    }
}
