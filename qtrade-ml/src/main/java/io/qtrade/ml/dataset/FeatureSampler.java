package io.qtrade.ml.dataset;

import io.qtrade.ml.signal.FeatureVector;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Records a streaming {@link FeatureVector} into a feature matrix while events are replayed (in a strategy callback
 * or a plain loop over ticks or bars): at chosen event times ({@link #sampleAt}) or on a fixed time grid
 * ({@link #advanceTo}, previous-tick sampling: the row for grid time {@code g} holds the features after the last event
 * with time {@code <= g}). Each row keeps its time, so a {@link LabelledDataset} built from it can check time order.
 * Rows before the features' warm-up are skipped and counted. Storage is primitive and grows by doubling; sampling
 * allocates only when it grows.
 *
 * <pre>{@code
 * FeatureSampler grid = FeatureSampler.onGrid(features, 60_000_000_000L, firstEventTime);   // one row a minute
 * for each event e:  grid.advanceTo(e.time);  features.update(e);                         // order matters
 * grid.advanceTo(lastTime + 1);
 * }</pre>
 */
public final class FeatureSampler {
    private final FeatureVector features;
    private final long gridNanos;
    private long nextGrid;
    private long[] times = new long[256];
    private double[] values;
    private int rows;
    private long skippedWarmUp;
    private final double[] row;

    private FeatureSampler(FeatureVector features, long gridNanos, long firstGrid) {
        this.features = features;
        this.gridNanos = gridNanos;
        this.nextGrid = firstGrid;
        this.values = new double[256 * features.size()];
        this.row = new double[features.size()];
    }

    /** A sampler whose rows are taken by {@link #sampleAt}. */
    public static FeatureSampler atEvents(FeatureVector features) {
        return new FeatureSampler(features, 0, Long.MAX_VALUE);
    }

    /**
     * A sampler on a grid {@code firstGrid, firstGrid + gridNanos, ...}.
     *
     * @param gridNanos grid step, positive
     * @param firstGrid the first grid time
     */
    public static FeatureSampler onGrid(FeatureVector features, long gridNanos, long firstGrid) {
        if (gridNanos <= 0) {
            throw new IllegalArgumentException("gridNanos must be positive, got " + gridNanos);
        }
        return new FeatureSampler(features, gridNanos, firstGrid);
    }

    /** Records the current features as the row at {@code time} (skipped during warm-up). */
    public void sampleAt(long time) {
        if (rows > 0 && time < times[rows - 1]) {
            throw new IllegalArgumentException("sample time " + time + " is before the previous row's "
                    + times[rows - 1]);
        }
        if (!features.isReady()) {
            skippedWarmUp++;
            return;
        }
        int p = features.size();
        if (rows == times.length) {
            times = Arrays.copyOf(times, rows * 2);
            values = Arrays.copyOf(values, rows * 2 * p);
        }
        times[rows] = time;
        features.write(row);
        System.arraycopy(row, 0, values, rows * p, p);
        rows++;
    }

    /**
     * Grid mode: call before applying an event at {@code time}; records every grid point {@code g < time} not yet
     * recorded, with the features as they are now (after every event up to {@code g}).
     */
    public void advanceTo(long time) {
        if (gridNanos == 0) {
            throw new IllegalStateException("advanceTo is for a grid sampler; use sampleAt");
        }
        while (nextGrid < time) {
            sampleAt(nextGrid);
            nextGrid += gridNanos;
        }
    }

    /** Number of rows recorded. */
    public int size() {
        return rows;
    }

    /** Sample points skipped because the features were still warming up. */
    public long skippedWarmUp() {
        return skippedWarmUp;
    }

    /** A copy of the row times. */
    public long[] times() {
        return Arrays.copyOf(times, rows);
    }

    /** A copy of the rows. */
    public double[][] rows() {
        int p = features.size();
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(values, i * p, (i + 1) * p);
        }
        return out;
    }

    /** A Tablesaw table: time, then one column per feature. */
    public Table toTable() {
        List<String> names = features.names();
        Table t = Table.create("features");
        t.addColumns(LongColumn.create("time", times()));
        int p = features.size();
        for (int j = 0; j < p; j++) {
            double[] col = new double[rows];
            for (int i = 0; i < rows; i++) {
                col[i] = values[i * p + j];
            }
            t.addColumns(DoubleColumn.create(names.get(j), col));
        }
        return t;
    }
}
