package io.qtrade.ml.label;

/**
 * How a triple-barrier event that ends at the vertical barrier is labelled (AFML ch. 3, section 3.4 vs 3.5).
 * Profit-taking is always +1 and stop-loss -1.
 */
public enum VerticalBarrierLabel {
    /** 0 at the vertical barrier (the three-class variant; refcases column {@code label_vertical_zero}). */
    ZERO,
    /**
     * The sign of the path return at the vertical barrier, {@code sign(0) = 0} (AFML's {@code getBins}; refcases column
     * {@code label_vertical_sign}).
     */
    SIGN
}
