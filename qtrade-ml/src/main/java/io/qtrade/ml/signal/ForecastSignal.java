package io.qtrade.ml.signal;

import io.qtrade.ml.model.Model;

/**
 * A model's forecast as a trading signal, inside a strategy: reads the live {@link FeatureVector}, runs the
 * {@link Model} and hands the strategy a score (the probability of an up move for a classifier, the forecast for a
 * regression). The same object works in the tick engine, the bar engine, paper trading and live, because it only
 * sees the features the strategy keeps up to date.
 *
 * <ul>
 *   <li>{@link #score()} is allocation-free after construction when the model is (Java and XGBoost models; ONNX
 *       Runtime allocates a small result holder per run): the feature buffer is reused.</li>
 *   <li>During the features' warm-up the score is {@code NaN}: no forecast without full features.</li>
 *   <li>Models can be replaced while the run goes on: {@link #swapModel} at once, or a {@link ModelSchedule} of
 *       models that each take over at their walk-forward boundary ({@link #score(long)}).</li>
 * </ul>
 *
 * Not thread-safe: one instance per strategy.
 */
public final class ForecastSignal {
    private final FeatureVector features;
    private final double[] buffer;
    private final ModelSchedule schedule;
    private Model model;
    private int scheduleIndex = -1;
    private long calls;
    private long swaps;
    private double lastScore = Double.NaN;

    /** A signal with one model (swap it with {@link #swapModel}). */
    public ForecastSignal(FeatureVector features, Model model) {
        this(features, model, null);
    }

    /** A signal whose model follows {@code schedule} ({@link #score(long)}); before its first entry the score is NaN. */
    public ForecastSignal(FeatureVector features, ModelSchedule schedule) {
        this(features, null, schedule);
    }

    private ForecastSignal(FeatureVector features, Model model, ModelSchedule schedule) {
        this.features = features;
        this.buffer = new double[features.size()];
        this.schedule = schedule;
        if (model != null) {
            requireCompatible(model);
        }
        if (schedule != null) {
            for (int i = 0; i < schedule.size(); i++) {
                requireCompatible(schedule.model(i));
            }
        }
        this.model = model;
    }

    private void requireCompatible(Model m) {
        if (m.inputSize() != features.size()) {
            throw new IllegalArgumentException("model " + m + " expects " + m.inputSize() + " features but the "
                    + "feature vector has " + features.size() + " " + features.names());
        }
    }

    /**
     * The current score with the current model.
     *
     * @return the model's output, or NaN during warm-up or before any model is active
     */
    public double score() {
        calls++;
        if (model == null || !features.isReady()) {
            lastScore = Double.NaN;
            return lastScore;
        }
        features.write(buffer);
        lastScore = model.predict(buffer);
        return lastScore;
    }

    /**
     * The score at strategy time {@code nowNanos}: first switches to the schedule's model in force at that time
     * (the last one whose start is {@code <= nowNanos}).
     */
    public double score(long nowNanos) {
        if (schedule == null) {
            throw new IllegalStateException("this signal has no model schedule; call score()");
        }
        int i = scheduleIndex;
        while (i + 1 < schedule.size() && schedule.startNanos(i + 1) <= nowNanos) {
            i++;
        }
        if (i != scheduleIndex) {
            scheduleIndex = i;
            model = schedule.model(i);
            swaps++;
        }
        return score();
    }

    /** Replaces the model from the next call on (e.g. retrained at a walk-forward boundary). */
    public void swapModel(Model next) {
        requireCompatible(next);
        this.model = next;
        swaps++;
    }

    /** The model in use (null before a schedule's first entry). */
    public Model model() {
        return model;
    }

    /** The last score returned. */
    public double lastScore() {
        return lastScore;
    }

    /** Number of score calls. */
    public long calls() {
        return calls;
    }

    /** Number of model changes (swaps and schedule switches). */
    public long swaps() {
        return swaps;
    }

    /** The features this signal reads. */
    public FeatureVector features() {
        return features;
    }

    @Override
    public String toString() {
        return "ForecastSignal[features=" + features.names() + ", model=" + model + ", calls=" + calls + ", swaps="
                + swaps + "]";
    }
}
