package io.qtrade.ml.signal;

import io.qtrade.ml.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * Models that take over one after another at walk-forward boundaries: model {@code i} is in force from
 * {@code startNanos(i)} (strategy time, epoch nanoseconds) until the next start. Typically model {@code i} was
 * trained on data that ended before {@code startNanos(i)} (and, with purging, whose labels ended before it too).
 */
public final class ModelSchedule {
    private final long[] start;
    private final Model[] models;

    private ModelSchedule(long[] start, Model[] models) {
        this.start = start;
        this.models = models;
    }

    /** A builder; add entries in increasing start time. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of entries. */
    public int size() {
        return models.length;
    }

    /** When entry {@code i} takes over. */
    public long startNanos(int i) {
        return start[i];
    }

    /** Entry {@code i}'s model. */
    public Model model(int i) {
        return models[i];
    }

    /** Collects (start, model) entries. */
    public static final class Builder {
        private final List<Long> starts = new ArrayList<>();
        private final List<Model> models = new ArrayList<>();

        /** Adds a model in force from {@code startNanos}; starts must increase strictly. */
        public Builder add(long startNanos, Model model) {
            if (!starts.isEmpty() && startNanos <= starts.get(starts.size() - 1)) {
                throw new IllegalArgumentException("schedule entry " + starts.size() + " starts at " + startNanos
                        + ", not after the previous start " + starts.get(starts.size() - 1));
            }
            starts.add(startNanos);
            models.add(model);
            return this;
        }

        /** The schedule; at least one entry. */
        public ModelSchedule build() {
            if (models.isEmpty()) {
                throw new IllegalArgumentException("a model schedule needs at least one entry");
            }
            return new ModelSchedule(starts.stream().mapToLong(Long::longValue).toArray(),
                    models.toArray(new Model[0]));
        }
    }
}
