package io.qtrade.ml.model;

/**
 * A fitted model: one feature vector in, one score out. For a binary classifier the score is the probability of
 * class 1; for a regression, the prediction. The feature order is the one the model was trained on.
 *
 * <p>{@link #predict(double[])} is the hot-path call: implementations allocate nothing per call after construction
 * (ONNX Runtime allocates a small result holder per run, see {@code OnnxModel}); they are not thread-safe unless
 * they say so.
 */
public interface Model {

    /** Number of features {@link #predict} reads. */
    int inputSize();

    /**
     * The score for one feature vector.
     *
     * @param features {@link #inputSize()} values, not modified
     */
    double predict(double[] features);

    /** Scores for many rows, one new array; each row as in {@link #predict}. */
    default double[] predictAll(double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = predict(rows[i]);
        }
        return out;
    }

    /** Checks a feature vector's length once, at an API edge. */
    static void requireLength(double[] features, int expected, String model) {
        if (features.length != expected) {
            throw new IllegalArgumentException(model + " expects " + expected + " features, got "
                    + features.length);
        }
    }
}
