package io.qtrade.ml.dataset;

import io.qtrade.ml.label.LabelSpans;
import io.qtrade.ml.label.TripleBarrierLabels;
import io.qtrade.ml.label.VerticalBarrierLabel;
import io.qtrade.ml.validation.LookAheadCheck;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * A feature matrix joined with labels: one row per labelled event, with the time its features were observed, its
 * label span (for purging), its label and its sample weight. Construction runs the look-ahead check
 * ({@link LookAheadCheck}: every feature time {@code <=} its label start) and refuses NaN features, naming the row.
 * Times are in one unit throughout (bar indices or epoch nanoseconds).
 */
public final class LabelledDataset {
    private final List<String> names;
    private final double[][] rows;
    private final long[] featureTime;
    private final LabelSpans spans;
    private final int[] labels;
    private final double[] weights;

    private LabelledDataset(List<String> names, double[][] rows, long[] featureTime, LabelSpans spans, int[] labels,
                            double[] weights) {
        this.names = List.copyOf(names);
        this.rows = rows;
        this.featureTime = featureTime;
        this.spans = spans;
        this.labels = labels;
        this.weights = weights;
    }

    /**
     * @param names       feature names, one per column
     * @param rows        feature rows (not copied: do not modify)
     * @param featureTime when each row's features were known
     * @param spans       each row's label span, sorted by start
     * @param labels      each row's label
     * @param weights     each row's sample weight, or null for 1
     * @throws io.qtrade.ml.validation.LookAheadException if a feature time is after its label start
     */
    public static LabelledDataset of(List<String> names, double[][] rows, long[] featureTime, LabelSpans spans,
                                     int[] labels, double[] weights) {
        int n = rows.length;
        if (featureTime.length != n || spans.size() != n || labels.length != n || (weights != null
                && weights.length != n)) {
            throw new IllegalArgumentException("rows " + n + ", feature times " + featureTime.length + ", spans "
                    + spans.size() + ", labels " + labels.length + (weights == null ? "" : ", weights "
                    + weights.length) + ": all must be equal");
        }
        for (int i = 0; i < n; i++) {
            if (rows[i].length != names.size()) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " features, expected "
                        + names.size() + " " + names);
            }
            for (int j = 0; j < rows[i].length; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException("row " + i + " feature '" + names.get(j) + "' is "
                            + rows[i][j] + " (still in warm-up?)");
                }
            }
        }
        LookAheadCheck.requireFeaturesBeforeLabels(featureTime, spans);
        double[] w = weights;
        if (w == null) {
            w = new double[n];
            java.util.Arrays.fill(w, 1.0);
        }
        return new LabelledDataset(names, rows, featureTime, spans, labels, w);
    }

    /**
     * Joins per-bar features with triple-barrier labels: row {@code e} takes the features of bar
     * {@code eventBar(e)}, observed at that bar; the binary label is 1 when the triple-barrier label is +1.
     *
     * @param names       feature names
     * @param featuresByBar one feature row per bar (e.g. {@link ReturnLagFeatures#rows})
     * @param labels      the events' labels
     * @param variant     how vertical-barrier events are labelled before the binary mapping
     * @param weights     one weight per event, or null
     */
    public static LabelledDataset fromTripleBarrier(List<String> names, double[][] featuresByBar,
                                                    TripleBarrierLabels labels, VerticalBarrierLabel variant,
                                                    double[] weights) {
        int m = labels.size();
        double[][] rows = new double[m][];
        long[] time = new long[m];
        int[] y = new int[m];
        for (int e = 0; e < m; e++) {
            rows[e] = featuresByBar[labels.eventBar(e)];
            time[e] = labels.eventBar(e);
            y[e] = labels.label(e, variant) > 0 ? 1 : 0;
        }
        return of(names, rows, time, labels.spans(), y, weights);
    }

    /** Number of rows. */
    public int size() {
        return rows.length;
    }

    /** Feature names. */
    public List<String> names() {
        return names;
    }

    /** Row {@code i}'s features (not a copy: do not modify). */
    public double[] row(int i) {
        return rows[i];
    }

    /** Rows {@code idx}, as an array of the same row objects. */
    public double[][] rows(int[] idx) {
        double[][] out = new double[idx.length][];
        for (int k = 0; k < idx.length; k++) {
            out[k] = rows[idx[k]];
        }
        return out;
    }

    /** Labels of rows {@code idx}, a new array. */
    public int[] labels(int[] idx) {
        int[] out = new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
            out[k] = labels[idx[k]];
        }
        return out;
    }

    /** Weights of rows {@code idx}, a new array. */
    public double[] weights(int[] idx) {
        double[] out = new double[idx.length];
        for (int k = 0; k < idx.length; k++) {
            out[k] = weights[idx[k]];
        }
        return out;
    }

    /** Row {@code i}'s label. */
    public int label(int i) {
        return labels[i];
    }

    /** Row {@code i}'s feature time. */
    public long featureTime(int i) {
        return featureTime[i];
    }

    /** The label spans. */
    public LabelSpans spans() {
        return spans;
    }

    /** A Tablesaw table: feature_time, label_start, label_end, one column per feature, label, weight. */
    public Table toTable() {
        Table t = Table.create("dataset");
        t.addColumns(LongColumn.create("feature_time", featureTime));
        t.addColumns(LongColumn.create("label_start", spans.start()));
        t.addColumns(LongColumn.create("label_end", spans.end()));
        for (int j = 0; j < names.size(); j++) {
            double[] col = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                col[i] = rows[i][j];
            }
            t.addColumns(DoubleColumn.create(names.get(j), col));
        }
        t.addColumns(IntColumn.create("label", labels));
        t.addColumns(DoubleColumn.create("weight", weights));
        return t;
    }

    @Override
    public String toString() {
        return "LabelledDataset[rows=" + rows.length + ", features=" + names + "]";
    }
}
