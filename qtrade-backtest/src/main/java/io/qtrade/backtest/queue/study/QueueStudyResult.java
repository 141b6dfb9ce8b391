package io.qtrade.backtest.queue.study;

import io.qtrade.core.Instrument;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@link QueueStudy} found: the placements with their exact FIFO outcome ({@link #truth()}), each model's
 * outcomes ({@link #outcomes()}) and scores ({@link #accuracies()}, {@link #table()}, {@link #markdown()}).
 */
public record QueueStudyResult(Instrument instrument, long horizonNanos, double orderQty, List<Placement> truth,
                               Map<String, List<Placement>> outcomes, List<ModelAccuracy> accuracies) {

    public QueueStudyResult {
        truth = List.copyOf(truth);
        outcomes = Map.copyOf(outcomes);
        accuracies = List.copyOf(accuracies);
    }

    /** The accuracy of the model named {@code model}. */
    public ModelAccuracy accuracy(String model) {
        for (ModelAccuracy a : accuracies) {
            if (a.model().equals(model)) {
                return a;
            }
        }
        throw new IllegalArgumentException("queue study: no model '" + model + "', have "
                + accuracies.stream().map(ModelAccuracy::model).toList());
    }

    /** How many placements filled completely in truth. */
    public int trulyFilled() {
        return (int) truth.stream().filter(Placement::filled).count();
    }

    /** One row per model: confusion matrix, accuracy, fill-time errors (ms) and filled-quantity bias. */
    public Table table() {
        Table t = Table.create("queue_model_accuracy", StringColumn.create("model"), IntColumn.create("placements"),
                IntColumn.create("tp"), IntColumn.create("fn"), IntColumn.create("fp"), IntColumn.create("tn"),
                DoubleColumn.create("accuracy"), DoubleColumn.create("median_fill_time_error_ms"),
                DoubleColumn.create("p90_abs_fill_time_error_ms"), DoubleColumn.create("mean_qty_bias"),
                DoubleColumn.create("relative_qty_bias"));
        for (ModelAccuracy a : accuracies) {
            t.stringColumn("model").append(a.model());
            t.intColumn("placements").append(a.placements());
            t.intColumn("tp").append(a.truePositives());
            t.intColumn("fn").append(a.falseNegatives());
            t.intColumn("fp").append(a.falsePositives());
            t.intColumn("tn").append(a.trueNegatives());
            t.doubleColumn("accuracy").append(a.accuracy());
            t.doubleColumn("median_fill_time_error_ms").append(a.medianFillTimeErrorNanos() / 1e6);
            t.doubleColumn("p90_abs_fill_time_error_ms").append(a.p90AbsFillTimeErrorNanos() / 1e6);
            t.doubleColumn("mean_qty_bias").append(a.meanQtyBias());
            t.doubleColumn("relative_qty_bias").append(a.relativeQtyBias());
        }
        return t;
    }

    /** {@link #table()} as a Markdown table (for a README), numbers to 3 decimals, NaN as "n/a". */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| model | placements | filled in both | truth only | model only | neither | accuracy"
                + " | median fill-time error (ms) | p90 abs fill-time error (ms) | mean filled-qty bias"
                + " | relative qty bias |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ModelAccuracy a : accuracies) {
            b.append("| ").append(a.model()).append(" | ").append(a.placements()).append(" | ")
                    .append(a.truePositives()).append(" | ").append(a.falseNegatives()).append(" | ")
                    .append(a.falsePositives()).append(" | ").append(a.trueNegatives()).append(" | ")
                    .append(num(a.accuracy())).append(" | ").append(num(a.medianFillTimeErrorNanos() / 1e6))
                    .append(" | ").append(num(a.p90AbsFillTimeErrorNanos() / 1e6)).append(" | ")
                    .append(num(a.meanQtyBias())).append(" | ").append(num(a.relativeQtyBias())).append(" |\n");
        }
        return b.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
