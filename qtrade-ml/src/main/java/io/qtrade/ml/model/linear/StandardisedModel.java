package io.qtrade.ml.model.linear;

import io.qtrade.ml.model.Model;

/**
 * A model behind its standardisation: {@code predict(x) = inner.predict((x - mean) / scale)}, the Java form of a
 * scikit-learn {@code Pipeline([StandardScaler(), model])}. Allocation-free: the standardised vector is a reused
 * buffer (so not thread-safe).
 */
public final class StandardisedModel implements Model {
    private final StandardScaler scaler;
    private final Model inner;
    private final double[] buffer;

    /**
     * @param scaler fitted on the training rows
     * @param inner  fitted on the standardised training rows
     */
    public StandardisedModel(StandardScaler scaler, Model inner) {
        if (scaler.size() != inner.inputSize()) {
            throw new IllegalArgumentException("scaler has " + scaler.size() + " features but the model expects "
                    + inner.inputSize());
        }
        this.scaler = scaler;
        this.inner = inner;
        this.buffer = new double[scaler.size()];
    }

    @Override
    public int inputSize() {
        return buffer.length;
    }

    @Override
    public double predict(double[] features) {
        for (int j = 0; j < buffer.length; j++) {
            buffer[j] = scaler.transform(j, features[j]);
        }
        return inner.predict(buffer);
    }

    /** The standardised model. */
    public Model inner() {
        return inner;
    }

    @Override
    public String toString() {
        return "StandardisedModel[" + inner + "]";
    }
}
