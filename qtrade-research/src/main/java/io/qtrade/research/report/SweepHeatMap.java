package io.qtrade.research.report;

import io.qtrade.backtest.report.ReportSection;
import io.qtrade.backtest.report.chart.HeatMap;
import io.qtrade.research.sweep.Metric;
import io.qtrade.research.sweep.SweepResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A two-parameter sweep's ranking metric as a heat map: one cell per grid point (x = the first parameter's values,
 * y = the second's, each in increasing order and evenly spaced whatever the values' spacing), the cell's colour and
 * label the set's score, that is the metric's mean over the partitions the set ran on
 * ({@link SweepResult#ranking(Metric)}, column {@code score_<metric>}).
 *
 * <pre>{@code
 * score(x_i, y_j) = mean over partitions p of metric(set(x_i, y_j), p)      (successful runs with a defined value)
 * colour          = viridis from the worst finite score to the best: the best cell is yellow (#FDE725)
 * }</pre>
 *
 * A cell whose set has no defined score (every run failed, or the metric is undefined, e.g. a Sharpe ratio without
 * variance), or a grid point that a random search did not draw, is grey (#D9D9D9) and labelled "n/a". Drawn as
 * inline SVG by the backtest report's {@link HeatMap} (with a colour legend); each cell is an SVG
 * {@code <rect id="ID-cell-I-J">}, I and J the value indexes.
 *
 * <pre>{@code
 * SweepHeatMap map = SweepHeatMap.of(sweepResult, Metric.SHARPE);
 * ReportOptions.builder().section("Sweep", map.figureHtml("sweep-heatmap", "Sharpe by gamma and k")).build();
 * }</pre>
 */
public final class SweepHeatMap {

    /** Width of the rendered chart, SVG user units. */
    public static final int WIDTH = 960;
    /** Height of the rendered chart, SVG user units. */
    public static final int HEIGHT = 480;

    private final Metric metric;
    private final String xName;
    private final String yName;
    private final double[] xValues;
    private final double[] yValues;
    private final double[][] scores;
    private final int[][] sets;

    private SweepHeatMap(Metric metric, String xName, String yName, double[] xValues, double[] yValues,
                         double[][] scores, int[][] sets) {
        this.metric = metric;
        this.xName = xName;
        this.yName = yName;
        this.xValues = xValues;
        this.yValues = yValues;
        this.scores = scores;
        this.sets = sets;
    }

    /**
     * The heat map of {@code result} ranked by {@code metric}: x is the grid's first parameter, y its second.
     *
     * @throws IllegalArgumentException if the sweep does not have exactly two parameters (naming those it has), a
     *                                  parameter value is not finite, or two sets share a grid point
     */
    public static SweepHeatMap of(SweepResult result, Metric metric) {
        Objects.requireNonNull(result, "sweep heat map: result");
        Objects.requireNonNull(metric, "sweep heat map: metric");
        Table ranking = result.ranking(metric);
        List<String> names = new ArrayList<>();
        for (String c : ranking.columnNames()) {
            if (c.equals("runs")) {
                break;
            }
            if (!c.equals("rank") && !c.equals("set")) {
                names.add(c);
            }
        }
        if (names.size() != 2) {
            throw new IllegalArgumentException("sweep heat map: the sweep has " + names.size() + " parameter(s) "
                    + names + ", expected exactly 2 (x, y)");
        }
        DoubleColumn xs = ranking.doubleColumn(names.get(0));
        DoubleColumn ys = ranking.doubleColumn(names.get(1));
        DoubleColumn score = ranking.doubleColumn("score_" + metric.column());
        int n = ranking.rowCount();
        if (n == 0) {
            throw new IllegalArgumentException("sweep heat map: the sweep has no parameter set");
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            x[r] = finite(names.get(0), xs.getDouble(r), ranking.intColumn("set").getInt(r));
            y[r] = finite(names.get(1), ys.getDouble(r), ranking.intColumn("set").getInt(r));
        }
        double[] xv = distinctSorted(x);
        double[] yv = distinctSorted(y);
        double[][] cells = new double[xv.length][yv.length];
        int[][] setOf = new int[xv.length][yv.length];
        for (double[] column : cells) {
            Arrays.fill(column, Double.NaN);
        }
        for (int[] column : setOf) {
            Arrays.fill(column, -1);
        }
        for (int r = 0; r < n; r++) {
            int i = Arrays.binarySearch(xv, x[r]);
            int j = Arrays.binarySearch(yv, y[r]);
            if (setOf[i][j] >= 0) {
                throw new IllegalArgumentException("sweep heat map: sets " + setOf[i][j] + " and "
                        + ranking.intColumn("set").getInt(r) + " both have " + names.get(0) + " = " + x[r] + ", "
                        + names.get(1) + " = " + y[r] + ", expected one set per grid point");
            }
            cells[i][j] = score.getDouble(r);
            setOf[i][j] = ranking.intColumn("set").getInt(r);
        }
        return new SweepHeatMap(metric, names.get(0), names.get(1), xv, yv, cells, setOf);
    }

    private static double finite(String name, double v, int set) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("sweep heat map: parameter " + name + " of set " + set + " is " + v
                    + ", expected a finite value");
        }
        return v;
    }

    private static double[] distinctSorted(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = 0;
        for (int k = 0; k < s.length; k++) {
            if (k == 0 || Double.compare(s[k], s[m - 1]) != 0) {
                s[m++] = s[k];
            }
        }
        return Arrays.copyOf(s, m);
    }

    /** The ranking metric. */
    public Metric metric() {
        return metric;
    }

    /** The x parameter's name (the grid's first). */
    public String xName() {
        return xName;
    }

    /** The y parameter's name (the grid's second). */
    public String yName() {
        return yName;
    }

    /** The x values, increasing (a copy). */
    public double[] xValues() {
        return xValues.clone();
    }

    /** The y values, increasing (a copy). */
    public double[] yValues() {
        return yValues.clone();
    }

    /** The score of the cell at x index {@code i}, y index {@code j}; NaN when undefined or not run. */
    public double score(int i, int j) {
        return scores[i][j];
    }

    /** The parameter set index of the cell, -1 for a grid point that was not run. */
    public int set(int i, int j) {
        return sets[i][j];
    }

    /** The smallest and largest finite score, {@code {NaN, NaN}} when none is finite. */
    public double[] scoreRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] column : scores) {
            for (double v : column) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min <= max ? new double[] {min, max} : new double[] {Double.NaN, Double.NaN};
    }

    /** The colour of a score in this map. */
    public Color colourOf(double score) {
        return paintScale().colour(score);
    }

    private ScorePaintScale paintScale() {
        double[] range = scoreRange();
        return Double.isNaN(range[0]) ? new ScorePaintScale(0.0, 0.0, metric.higherIsBetter())
                : new ScorePaintScale(range[0], range[1], metric.higherIsBetter());
    }

    private HeatMap map() {
        double[][] cells = new double[xValues.length][];
        for (int i = 0; i < xValues.length; i++) {
            cells[i] = scores[i].clone();
        }
        ScorePaintScale scale = paintScale();
        String title = "score_" + metric.column() + " by " + xName + " and " + yName + " ("
                + (metric.higherIsBetter() ? "higher" : "lower") + " is better)";
        double[] range = scoreRange();
        return HeatMap.builder(title, List.of(labels(xValues)), List.of(labels(yValues)))
                .xLabel(xName).yLabel(yName)
                .legendLabel(Double.isNaN(range[0]) ? "score_" + metric.column() + " (no defined score)"
                        : "score_" + metric.column())
                .values(cells)
                .labels(cellLabels())
                .colours(scale::colour)
                .legendRange(scale.lowerBound(), scale.upperBound())
                .size(WIDTH, HEIGHT)
                .build();
    }

    private String[][] cellLabels() {
        String[][] out = new String[xValues.length][yValues.length];
        for (int i = 0; i < xValues.length; i++) {
            for (int j = 0; j < yValues.length; j++) {
                out[i][j] = number(scores[i][j]);
            }
        }
        return out;
    }

    /**
     * The chart as an {@code <svg>} element with the given id; every id inside it (cells, clip paths) starts with
     * {@code id + "-"}, so several maps can share a page.
     *
     * @param id {@code [A-Za-z][A-Za-z0-9_-]*}
     */
    public String svg(String id) {
        requireId(id);
        return map().svg(id);
    }

    /** The chart as a report figure ({@link ReportSection#figure}) with svg id {@code id} and {@code caption}. */
    public String figureHtml(String id, String caption) {
        return ReportSection.figure(id, svg(id), caption);
    }

    private static void requireId(String id) {
        Objects.requireNonNull(id, "sweep heat map: id");
        if (!id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("sweep heat map: id '" + id
                    + "', expected a letter then letters, digits, '_' or '-'");
        }
    }

    private static String[] labels(double[] values) {
        String[] out = new String[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = number(values[k]);
        }
        return out;
    }

    /** Up to 4 significant digits, plain notation where it fits. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "n/a" : v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return s;
    }

    @Override
    public String toString() {
        return "SweepHeatMap[metric=" + metric + ", x=" + xName + " " + Arrays.toString(xValues) + ", y=" + yName
                + " " + Arrays.toString(yValues) + "]";
    }
}
