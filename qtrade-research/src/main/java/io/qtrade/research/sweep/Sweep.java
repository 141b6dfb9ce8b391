package io.qtrade.research.sweep;

import io.qtrade.backtest.Backtest;
import io.qtrade.core.market.EventSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A parameter sweep: one backtest per parameter set per partition, run on a bounded pool of threads, collected into
 * one {@link SweepResult} whose rows are in task order (set-major: set 0 on every partition, then set 1, ...) whatever
 * the thread count or completion order, so the same grid, data and seeds give the same table.
 *
 * <pre>{@code
 * SweepResult r = Sweep.builder()
 *         .grid(ParameterGrid.builder().values("gamma", 0.01, 0.1, 1).values("k", 0.5, 1.5).build())
 *         .partitions(Partitions.inStore(store, "SIM", List.of("AAA"), null, null))
 *         .factory((p, part) -> Backtest.builder()
 *                 .source(TickStore.at(Path.of(root)).read(part.query()))
 *                 .exchange(settings)
 *                 .strategy("mm", new MyMaker(p.get("gamma"), p.get("k")))
 *                 .build())
 *         .threads(4)
 *         .progress(new ConsoleProgress(System.err))
 *         .build()
 *         .run();
 * r.ranking(Metric.SHARPE);   // one row per set, best first
 * }</pre>
 *
 * A task that throws is recorded with its parameters and partition ({@link SweepResult#failures()}) and the others go
 * on. {@link #start()} returns a handle that can cancel the tasks not yet started.
 *
 * <h2>Decoding each partition once</h2>
 * With {@link Builder#decodeOnce(PartitionReader, SharedBacktestFactory)} instead of {@link Builder#factory}, the runs
 * are started partition by partition: the first run of a partition decodes it into memory and every set's run on it
 * reads those shared, immutable batches (each through its own cursor), instead of each run reading and decoding the
 * partition again. The batches held at one time stay within {@link Builder#memoryBudgetBytes} (default a quarter of
 * the maximum heap); a partition that does not fit is re-read by each of its runs. The rows are the same as with a
 * factory that reads the partition per run ({@link #factory()} is that factory, which {@code qtrade-spark} ships), to
 * the bit. {@link SweepRun#decodeStats()} tells what was shared and re-read.
 */
public final class Sweep {

    /** The default grid of the PnL path the Sharpe ratio and drawdown are measured on: one minute. */
    public static final long DEFAULT_SAMPLE_PERIOD_NANOS = 60_000_000_000L;

    private final List<ParameterSet> parameterSets;
    private final List<Partition> partitions;
    private final BacktestFactory factory;
    private final String strategyId;
    private final long samplePeriodNanos;
    private final int threads;
    private final Progress progress;
    private final PartitionReader reader;
    private final SharedBacktestFactory sharedFactory;
    private final long memoryBudgetBytes;

    /** Rows per batch of a partition decoded once (the budget is counted in these batches). */
    static final int SHARED_BATCH_ROWS = 16_384;

    private Sweep(Builder b) {
        this.parameterSets = List.copyOf(b.parameterSets);
        this.partitions = List.copyOf(b.partitions);
        this.factory = b.factory;
        this.strategyId = b.strategyId;
        this.samplePeriodNanos = b.samplePeriodNanos;
        this.threads = b.threads;
        this.progress = b.progress;
        this.reader = b.reader;
        this.sharedFactory = b.sharedFactory;
        this.memoryBudgetBytes = b.memoryBudgetBytes;
    }

    /** A sweep to configure. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The tasks, set-major: task {@code s * partitions + p} runs the {@code s}-th set on the {@code p}-th partition.
     * Indexes increase along both lists (a subset of a grid or of a store's days keeps its original indexes, so
     * seeds derived from them do not change).
     */
    public List<SweepTask> tasks() {
        List<SweepTask> tasks = new ArrayList<>(parameterSets.size() * partitions.size());
        for (ParameterSet set : parameterSets) {
            for (Partition part : partitions) {
                tasks.add(new SweepTask(set, part));
            }
        }
        return tasks;
    }

    public List<ParameterSet> parameterSets() {
        return parameterSets;
    }

    public List<Partition> partitions() {
        return partitions;
    }

    public BacktestFactory factory() {
        return factory;
    }

    /** The strategy measured, null for each run's first. */
    public String strategyId() {
        return strategyId;
    }

    public long samplePeriodNanos() {
        return samplePeriodNanos;
    }

    public int threads() {
        return threads;
    }

    /** Whether the partitions are decoded once and shared by the sets' runs ({@link Builder#decodeOnce}). */
    public boolean decodesOnce() {
        return reader != null;
    }

    /** The memory budget of {@link Builder#decodeOnce}'s shared batches, bytes. */
    public long memoryBudgetBytes() {
        return memoryBudgetBytes;
    }

    /** Runs every task and waits for them. */
    public SweepResult run() {
        return start().await();
    }

    /** Starts the tasks on {@link #threads()} threads and returns at once. */
    public SweepRun start() {
        List<SweepTask> tasks = tasks();
        SweepRow[] rows = new SweepRow[tasks.size()];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "qtrade-sweep-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        if (reader != null) {
            return startDecodingOnce(tasks, rows, done, pool);
        }
        SweepRun run = new SweepRun(this, pool, rows, System.nanoTime(), null);
        for (int i = 0; i < tasks.size(); i++) {
            int index = i;
            SweepTask task = tasks.get(i);
            pool.execute(() -> {
                if (run.isCancelled()) {
                    return;
                }
                SweepRow row;
                try {
                    row = task.run(factory, strategyId, samplePeriodNanos);
                } catch (Throwable e) { // an Error in one backtest (stack overflow, out of memory) ends only it
                    row = SweepRow.failed(task.parameters(), task.partition(), e);
                }
                rows[index] = row;
                progress.update(done.incrementAndGet(), rows.length, System.nanoTime() - run.startNanos());
            });
        }
        pool.shutdown();
        return run;
    }

    /** Partition-major: a partition's runs one after another, so its batches are held only while they run. */
    private SweepRun startDecodingOnce(List<SweepTask> tasks, SweepRow[] rows, AtomicInteger done,
                                       ExecutorService pool) {
        int parts = partitions.size();
        DecodedPartitions decoded = new DecodedPartitions(reader, memoryBudgetBytes, SHARED_BATCH_ROWS, parts,
                parameterSets.size());
        SweepRun run = new SweepRun(this, pool, rows, System.nanoTime(), decoded);
        for (int p = 0; p < parts; p++) {
            for (int set = 0; set < parameterSets.size(); set++) {
                int position = p;
                int index = set * parts + p; // the row's place in task order (set-major)
                SweepTask task = tasks.get(index);
                pool.execute(() -> {
                    try {
                        if (run.isCancelled()) {
                            return;
                        }
                        SweepRow row;
                        try {
                            row = task.runShared(sharedFactory, decoded, position, strategyId, samplePeriodNanos);
                        } catch (Throwable e) {
                            row = SweepRow.failed(task.parameters(), task.partition(), e);
                        }
                        rows[index] = row;
                        progress.update(done.incrementAndGet(), rows.length, System.nanoTime() - run.startNanos());
                    } finally {
                        decoded.runFinished(position);
                    }
                });
            }
        }
        pool.shutdown();
        return run;
    }

    /**
     * The per-run path of a decode-once sweep: each run opens the partition with the reader and builds its backtest on
     * that source (what {@link #factory()} is for such a sweep, e.g. on Spark).
     */
    record ReadPerRun(PartitionReader reader, SharedBacktestFactory factory) implements BacktestFactory {
        @Override
        public Backtest create(ParameterSet parameters, Partition partition) throws Exception {
            EventSource events = reader.open(partition);
            try {
                return factory.create(parameters, partition, events);
            } catch (Exception | Error e) {
                events.close();
                throw e;
            }
        }
    }

    @Override
    public String toString() {
        return "Sweep[sets=" + parameterSets.size() + ", partitions=" + partitions.size() + ", threads=" + threads
                + ", strategyId=" + strategyId + ", samplePeriodNanos=" + samplePeriodNanos + "]";
    }

    /** Collects a sweep's settings; {@link #build()} checks them together. */
    public static final class Builder {
        private final List<ParameterSet> parameterSets = new ArrayList<>();
        private final List<Partition> partitions = new ArrayList<>();
        private BacktestFactory factory;
        private String strategyId;
        private long samplePeriodNanos = DEFAULT_SAMPLE_PERIOD_NANOS;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Progress progress = Progress.NONE;
        private PartitionReader reader;
        private SharedBacktestFactory sharedFactory;
        private long memoryBudgetBytes = Runtime.getRuntime().maxMemory() / 4;

        private Builder() {
        }

        /** Every combination of {@code grid} ({@link ParameterGrid#cartesian()}). */
        public Builder grid(ParameterGrid grid) {
            return parameterSets(grid.cartesian());
        }

        /** These parameter sets (from {@link ParameterGrid#random}, or built by hand), replacing any before. */
        public Builder parameterSets(List<ParameterSet> sets) {
            parameterSets.clear();
            parameterSets.addAll(sets);
            return this;
        }

        /** The partitions each set runs on, replacing any before. */
        public Builder partitions(List<Partition> list) {
            partitions.clear();
            partitions.addAll(list);
            return this;
        }

        /** Builds each task's backtest (which reads its own events); replaces a {@link #decodeOnce} before. */
        public Builder factory(BacktestFactory factory) {
            this.factory = factory;
            this.reader = null;
            this.sharedFactory = null;
            return this;
        }

        /**
         * Decodes each partition once with {@code reader} and builds each set's backtest on the shared events with
         * {@code factory} (see the class documentation); replaces a {@link #factory} before.
         */
        public Builder decodeOnce(PartitionReader reader, SharedBacktestFactory factory) {
            this.reader = Objects.requireNonNull(reader, "sweep: partition reader must not be null");
            this.sharedFactory = Objects.requireNonNull(factory, "sweep: shared backtest factory must not be null");
            this.factory = new ReadPerRun(reader, factory);
            return this;
        }

        /**
         * The most bytes of decoded events {@link #decodeOnce} holds at one time (default a quarter of the maximum
         * heap); a partition that does not fit is re-read by each of its runs.
         */
        public Builder memoryBudgetBytes(long bytes) {
            this.memoryBudgetBytes = bytes;
            return this;
        }

        /** The strategy whose metrics are recorded (default: each run's first strategy). */
        public Builder strategy(String id) {
            this.strategyId = id;
            return this;
        }

        /** The grid of the PnL path for the Sharpe ratio and drawdown (default one minute). */
        public Builder samplePeriodNanos(long nanos) {
            this.samplePeriodNanos = nanos;
            return this;
        }

        /** Worker threads (default: the available processors). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Told after each task (default {@link Progress#NONE}). */
        public Builder progress(Progress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * The sweep.
         *
         * @throws IllegalArgumentException naming every missing or invalid setting
         */
        public Sweep build() {
            List<String> problems = new ArrayList<>();
            if (parameterSets.isEmpty()) {
                problems.add("no parameter sets (grid(...) or parameterSets(...))");
            }
            if (partitions.isEmpty()) {
                problems.add("no partitions (partitions(Partitions.inStore(...)) or Partitions.days(...))");
            }
            if (factory == null) {
                problems.add("no backtest factory (factory((parameters, partition) -> Backtest...))");
            }
            if (samplePeriodNanos <= 0) {
                problems.add("samplePeriodNanos must be > 0, was " + samplePeriodNanos);
            }
            if (memoryBudgetBytes < 0) {
                problems.add("memoryBudgetBytes must be >= 0, was " + memoryBudgetBytes);
            }
            if (threads < 1) {
                problems.add("threads must be >= 1, was " + threads);
            }
            for (int i = 1; i < parameterSets.size(); i++) {
                if (parameterSets.get(i).index() <= parameterSets.get(i - 1).index()) {
                    problems.add("parameter set " + i + " has index " + parameterSets.get(i).index()
                            + " after " + parameterSets.get(i - 1).index() + "; indexes must increase along the list");
                    break;
                }
            }
            for (int i = 1; i < partitions.size(); i++) {
                if (partitions.get(i).index() <= partitions.get(i - 1).index()) {
                    problems.add("partition " + i + " has index " + partitions.get(i).index() + " after "
                            + partitions.get(i - 1).index() + "; indexes must increase along the list");
                    break;
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("sweep: " + String.join("; ", problems));
            }
            return new Sweep(this);
        }
    }
}
