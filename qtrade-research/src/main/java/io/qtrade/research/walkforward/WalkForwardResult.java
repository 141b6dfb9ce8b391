package io.qtrade.research.walkforward;

import io.qtrade.research.sweep.Metric;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * The folds of a walk-forward, the stitched out-of-sample equity curve and the out-of-sample / in-sample ratio.
 *
 * <pre>{@code
 * stitched(t) = sum of the final net PnL of the earlier out-of-sample runs + the current run's net PnL at t
 * efficiency  = mean_f outSampleScore_f / mean_f inSampleScore_f      (folds whose scores are defined)
 * }</pre>
 * An efficiency near 1 means the in-sample choice carried over; far below 1 (or negative) means the in-sample
 * ranking was fitted to noise (Pardo (2008), <i>The Evaluation and Optimization of Trading Strategies</i>, ch. 11,
 * "walk-forward efficiency").
 */
public final class WalkForwardResult {

    private final List<Fold> folds;
    private final Metric metric;
    private final long[] stitchedTs;
    private final double[] stitchedPnl;
    private final int[] stitchedFold;

    WalkForwardResult(List<Fold> folds, Metric metric, long[] stitchedTs, double[] stitchedPnl, int[] stitchedFold) {
        this.folds = List.copyOf(folds);
        this.metric = metric;
        this.stitchedTs = stitchedTs;
        this.stitchedPnl = stitchedPnl;
        this.stitchedFold = stitchedFold;
    }

    /** The folds, in time order. */
    public List<Fold> folds() {
        return folds;
    }

    /** The metric the in-sample ranking used. */
    public Metric metric() {
        return metric;
    }

    /** Mean out-of-sample score over mean in-sample score; NaN if either mean is undefined or the latter is 0. */
    public double efficiency() {
        double in = 0;
        double out = 0;
        int n = 0;
        for (Fold f : folds) {
            if (!Double.isNaN(f.inSampleScore()) && !Double.isNaN(f.outSampleScore())) {
                in += f.inSampleScore();
                out += f.outSampleScore();
                n++;
            }
        }
        return n == 0 || in == 0.0 ? Double.NaN : (out / n) / (in / n);
    }

    /** The stitched out-of-sample net PnL at the end. */
    public double outOfSamplePnl() {
        return stitchedPnl.length == 0 ? 0.0 : stitchedPnl[stitchedPnl.length - 1];
    }

    /**
     * One row per fold: {@code fold, in_first, in_last, out_first, out_last, best_set, best} (the parameters as
     * text), {@code in_score_<metric>, out_score_<metric>, out_net_pnl, failures}.
     */
    public Table folds(String title) {
        IntColumn fold = IntColumn.create("fold");
        StringColumn inFirst = StringColumn.create("in_first");
        StringColumn inLast = StringColumn.create("in_last");
        StringColumn outFirst = StringColumn.create("out_first");
        StringColumn outLast = StringColumn.create("out_last");
        IntColumn bestSet = IntColumn.create("best_set");
        StringColumn best = StringColumn.create("best");
        DoubleColumn inScore = DoubleColumn.create("in_score_" + metric.column());
        DoubleColumn outScore = DoubleColumn.create("out_score_" + metric.column());
        DoubleColumn outPnl = DoubleColumn.create("out_net_pnl");
        IntColumn failures = IntColumn.create("failures");
        for (Fold f : folds) {
            fold.append(f.index());
            inFirst.append(f.inSample().get(0).toString());
            inLast.append(f.inSample().get(f.inSample().size() - 1).toString());
            outFirst.append(f.outOfSample().get(0).toString());
            outLast.append(f.outOfSample().get(f.outOfSample().size() - 1).toString());
            bestSet.append(f.best() == null ? -1 : f.best().index());
            best.append(f.best() == null ? "" : f.best().toString());
            inScore.append(f.inSampleScore());
            outScore.append(f.outSampleScore());
            outPnl.append(f.outSamplePnl());
            failures.append(f.failures());
        }
        return Table.create(title).addColumns(fold, inFirst, inLast, outFirst, outLast, bestSet, best, inScore,
                outScore, outPnl, failures);
    }

    /** The stitched out-of-sample curve: {@code ts, fold, net_pnl}. */
    public Table stitchedEquity() {
        return Table.create("out-of-sample equity").addColumns(LongColumn.create("ts", stitchedTs.clone()),
                IntColumn.create("fold", stitchedFold.clone()), DoubleColumn.create("net_pnl", stitchedPnl.clone()));
    }

    @Override
    public String toString() {
        return "WalkForwardResult[folds=" + folds.size() + ", metric=" + metric + ", efficiency=" + efficiency()
                + ", outOfSamplePnl=" + outOfSamplePnl() + "]";
    }
}
