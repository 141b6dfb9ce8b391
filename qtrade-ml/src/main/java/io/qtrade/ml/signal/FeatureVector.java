package io.qtrade.ml.signal;

import java.util.List;

/**
 * The live feature vector a model reads: a view over streaming features that the strategy keeps up to date
 * (qtrade-features objects, {@link io.qtrade.ml.dataset.ReturnLagFeatures}, or the strategy's own state). It must
 * write the same values, in the same order, as the batch features the model was trained on.
 */
public interface FeatureVector {

    /** Number of features. */
    int size();

    /** Feature names in order (for checks and reports). */
    List<String> names();

    /** True once every feature has its warm-up behind it. */
    boolean isReady();

    /**
     * Writes the current features into {@code out} (allocation-free).
     *
     * @param out at least {@link #size()} values, overwritten
     */
    void write(double[] out);
}
