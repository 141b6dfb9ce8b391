package io.qtrade.research.walkforward;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.research.sweep.BacktestFactory;
import io.qtrade.research.sweep.Metric;
import io.qtrade.research.sweep.ParameterGrid;
import io.qtrade.research.sweep.ParameterSet;
import io.qtrade.research.sweep.Partition;
import io.qtrade.research.sweep.PnlPath;
import io.qtrade.research.sweep.RunMetrics;
import io.qtrade.research.sweep.Sweep;
import io.qtrade.research.sweep.SweepResult;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Walk-forward analysis over time-ordered partitions (days): in each fold a {@link Sweep} of every parameter set on
 * the in-sample window picks the best set by a metric, which then runs on the out-of-sample window right after it.
 *
 * <pre>{@code
 * rolling,  fold f:  in = [f*step, f*step + inSample),  out = [f*step + inSample, f*step + inSample + outOfSample)
 * anchored, fold f:  in = [0,      f*step + inSample),  out = the same
 * folds while the out-of-sample window fits in the partitions; step >= outOfSample (default = outOfSample), so
 * out-of-sample windows never overlap and stitch into one curve
 * }</pre>
 *
 * <pre>{@code
 * WalkForwardResult wf = WalkForward.builder().grid(grid).partitions(days).inSample(5).outOfSample(1)
 *         .metric(Metric.SHARPE).factory(factory).build().run();
 * wf.folds("walk-forward");   wf.stitchedEquity();   wf.efficiency();
 * }</pre>
 */
public final class WalkForward {

    private final List<ParameterSet> parameterSets;
    private final List<Partition> partitions;
    private final int inSample;
    private final int outOfSample;
    private final int step;
    private final boolean anchored;
    private final Metric metric;
    private final BacktestFactory factory;
    private final String strategyId;
    private final long samplePeriodNanos;
    private final int threads;

    private WalkForward(Builder b) {
        this.parameterSets = List.copyOf(b.parameterSets);
        this.partitions = List.copyOf(b.partitions);
        this.inSample = b.inSample;
        this.outOfSample = b.outOfSample;
        this.step = b.step == 0 ? b.outOfSample : b.step;
        this.anchored = b.anchored;
        this.metric = b.metric;
        this.factory = b.factory;
        this.strategyId = b.strategyId;
        this.samplePeriodNanos = b.samplePeriodNanos;
        this.threads = b.threads;
    }

    /** A walk-forward to configure. */
    public static Builder builder() {
        return new Builder();
    }

    /** The number of folds the partitions allow. */
    public int foldCount() {
        int n = partitions.size();
        return n < inSample + outOfSample ? 0 : (n - inSample - outOfSample) / step + 1;
    }

    /** Runs every fold, in order. */
    public WalkForwardResult run() {
        List<Fold> folds = new ArrayList<>();
        List<Long> ts = new ArrayList<>();
        List<Double> pnl = new ArrayList<>();
        List<Integer> foldOf = new ArrayList<>();
        double offset = 0.0;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "qtrade-walk-forward");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int f = 0; f < foldCount(); f++) {
                int start = f * step;
                List<Partition> in = partitions.subList(anchored ? 0 : start, start + inSample);
                List<Partition> out = partitions.subList(start + inSample, start + inSample + outOfSample);
                SweepResult sweep = Sweep.builder().parameterSets(parameterSets).partitions(in).factory(factory)
                        .strategy(strategyId).samplePeriodNanos(samplePeriodNanos).threads(threads).build().run();
                int failures = sweep.failures().size();
                ParameterSet best;
                try {
                    best = sweep.best(metric);
                } catch (IllegalStateException noSuccessfulRun) {
                    folds.add(new Fold(f, in, out, null, Double.NaN, Double.NaN, 0.0, failures));
                    continue;
                }
                double inScore = sweep.score(best, metric);
                List<Future<OutOfSampleRun>> runs = new ArrayList<>();
                for (Partition p : out) {
                    runs.add(pool.submit((Callable<OutOfSampleRun>) () -> outOfSample(best, p)));
                }
                double sum = 0.0;
                int n = 0;
                double outPnl = 0.0;
                for (Future<OutOfSampleRun> run : runs) {
                    OutOfSampleRun r = get(run);
                    if (r == null) {
                        failures++;
                        continue;
                    }
                    RunMetrics m = r.metrics();
                    PnlPath path = r.path();
                    double v = metric.of(m);
                    if (!Double.isNaN(v)) {
                        sum += v;
                        n++;
                    }
                    outPnl += m.netPnl();
                    for (int k = 0; k < path.size(); k++) {
                        ts.add(path.tsNanos()[k]);
                        pnl.add(offset + path.netPnl()[k]);
                        foldOf.add(f);
                    }
                    offset += path.finalPnl();
                }
                folds.add(new Fold(f, in, out, best, inScore, n == 0 ? Double.NaN : sum / n, outPnl, failures));
            }
        } finally {
            pool.shutdownNow();
        }
        long[] t = new long[ts.size()];
        double[] p = new double[pnl.size()];
        int[] fo = new int[foldOf.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = ts.get(i);
            p[i] = pnl.get(i);
            fo[i] = foldOf.get(i);
        }
        return new WalkForwardResult(folds, metric, t, p, fo);
    }

    /** An out-of-sample run's metrics and PnL path. */
    private record OutOfSampleRun(RunMetrics metrics, PnlPath path) {
    }

    /** Runs {@code best} on {@code p}; null if it failed (logged with the parameters and partition). */
    private OutOfSampleRun outOfSample(ParameterSet best, Partition p) {
        try {
            BacktestResult result = factory.create(best, p).run();
            String id = strategyId != null ? strategyId : result.strategyIds().get(0);
            return new OutOfSampleRun(RunMetrics.of(result, id, samplePeriodNanos),
                    PnlPath.of(result.equity(), id, samplePeriodNanos));
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(WalkForward.class).warn("out-of-sample run of {} on {} failed: {}",
                    best, p, e.toString());
            return null;
        }
    }

    private static OutOfSampleRun get(Future<OutOfSampleRun> run) {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a walk-forward", e);
        } catch (ExecutionException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "WalkForward[sets=" + parameterSets.size() + ", partitions=" + partitions.size() + ", inSample="
                + inSample + ", outOfSample=" + outOfSample + ", step=" + step + ", anchored=" + anchored
                + ", metric=" + metric + ", folds=" + foldCount() + "]";
    }

    /** Collects the settings; {@link #build()} checks them together. */
    public static final class Builder {
        private final List<ParameterSet> parameterSets = new ArrayList<>();
        private final List<Partition> partitions = new ArrayList<>();
        private int inSample;
        private int outOfSample;
        private int step;
        private boolean anchored;
        private Metric metric = Metric.SHARPE;
        private BacktestFactory factory;
        private String strategyId;
        private long samplePeriodNanos = Sweep.DEFAULT_SAMPLE_PERIOD_NANOS;
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /** Every combination of {@code grid}. */
        public Builder grid(ParameterGrid grid) {
            parameterSets.clear();
            parameterSets.addAll(grid.cartesian());
            return this;
        }

        /** These parameter sets. */
        public Builder parameterSets(List<ParameterSet> sets) {
            parameterSets.clear();
            parameterSets.addAll(sets);
            return this;
        }

        /** The partitions in time order (e.g. one symbol's days). */
        public Builder partitions(List<Partition> list) {
            partitions.clear();
            partitions.addAll(list);
            return this;
        }

        /** In-sample window length, in partitions (for an anchored run, the first window's). */
        public Builder inSample(int partitions) {
            this.inSample = partitions;
            return this;
        }

        /** Out-of-sample window length, in partitions. */
        public Builder outOfSample(int partitions) {
            this.outOfSample = partitions;
            return this;
        }

        /** How far each fold moves, in partitions (default: the out-of-sample length); at least that length. */
        public Builder step(int partitions) {
            this.step = partitions;
            return this;
        }

        /** Whether in-sample windows all start at the first partition (default: rolling windows). */
        public Builder anchored(boolean anchored) {
            this.anchored = anchored;
            return this;
        }

        /** The metric choosing the best set in sample (default {@link Metric#SHARPE}). */
        public Builder metric(Metric metric) {
            this.metric = metric;
            return this;
        }

        /** Builds each run's backtest. */
        public Builder factory(BacktestFactory factory) {
            this.factory = factory;
            return this;
        }

        /** The strategy measured (default: each run's first). */
        public Builder strategy(String id) {
            this.strategyId = id;
            return this;
        }

        /** The grid of the PnL path (default one minute). */
        public Builder samplePeriodNanos(long nanos) {
            this.samplePeriodNanos = nanos;
            return this;
        }

        /** Worker threads (default: the available processors). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * The walk-forward.
         *
         * @throws IllegalArgumentException naming every problem, including windows the partitions cannot hold
         */
        public WalkForward build() {
            List<String> problems = new ArrayList<>();
            if (parameterSets.isEmpty()) {
                problems.add("no parameter sets");
            }
            if (factory == null) {
                problems.add("no backtest factory");
            }
            if (metric == null) {
                problems.add("no metric");
            }
            if (inSample < 1) {
                problems.add("inSample must be >= 1 partition, was " + inSample);
            }
            if (outOfSample < 1) {
                problems.add("outOfSample must be >= 1 partition, was " + outOfSample);
            }
            if (step != 0 && step < outOfSample) {
                problems.add("step " + step + " is shorter than outOfSample " + outOfSample
                        + ": out-of-sample windows would overlap");
            }
            if (threads < 1) {
                problems.add("threads must be >= 1, was " + threads);
            }
            if (samplePeriodNanos <= 0) {
                problems.add("samplePeriodNanos must be > 0, was " + samplePeriodNanos);
            }
            if (inSample >= 1 && outOfSample >= 1 && partitions.size() < inSample + outOfSample) {
                problems.add(partitions.size() + " partitions cannot hold one fold of " + inSample + " in-sample and "
                        + outOfSample + " out-of-sample");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("walk-forward: " + String.join("; ", problems));
            }
            return new WalkForward(this);
        }
    }
}
