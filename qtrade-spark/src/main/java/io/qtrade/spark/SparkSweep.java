package io.qtrade.spark;

import io.qtrade.backtest.parquet.ResultParquetWriter;
import io.qtrade.research.sweep.BacktestFactory;
import io.qtrade.research.sweep.Sweep;
import io.qtrade.research.sweep.SweepResult;
import io.qtrade.research.sweep.SweepRow;
import io.qtrade.research.sweep.SweepTask;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Runs a {@link Sweep} as a Spark job: the tasks (parameter set x partition, set-major) are parallelised one per
 * Spark partition, so the scheduler hands them out one at a time to free executor cores; each executor calls
 * {@link SweepTask#run} (the very method the in-process runner calls) with the sweep's factory, strategy and sample
 * period; the driver collects the rows and sorts them into task order with {@link SweepResult#of}. The same grid,
 * data and seeds therefore give the same {@link SweepResult#table()} and {@link SweepResult#ranking} as
 * {@link Sweep#run()}, whatever the cluster.
 *
 * <pre>{@code
 * SparkConf conf = new SparkConf().setAppName("maker sweep").setMaster("local[*]").set("spark.ui.enabled", "false");
 * try (JavaSparkContext spark = new JavaSparkContext(conf)) {
 *     SweepResult r = SparkSweep.run(spark, sweep, "hdfs://nn:8020/research/sweep.parquet");
 *     r.ranking(Metric.SHARPE);
 * }
 * }</pre>
 *
 * <p>A task whose factory or backtest throws (an {@link Error} included) becomes a failed row with its parameters,
 * partition and error, exactly as in-process; the job fails only when Spark cannot run a task at all (an executor
 * lost more than {@code spark.task.maxFailures} times, the application's classes missing on an executor). The sweep's
 * thread count and progress listener are not used: the executors' cores set the parallelism and Spark reports
 * progress itself. The factory must be serializable; that is checked on the driver before the job starts. With a
 * {@code SparkSession}, pass {@code JavaSparkContext.fromSparkContext(session.sparkContext())}.
 */
public final class SparkSweep {

    private static final Logger LOG = LoggerFactory.getLogger(SparkSweep.class);

    private SparkSweep() {
    }

    /**
     * Runs every task of {@code sweep} on {@code spark}'s executors and waits for them.
     *
     * @return the rows in task order, with the wall-clock time of the Spark job
     * @throws IllegalArgumentException if the sweep's factory cannot be serialized (naming the class that cannot)
     * @throws IllegalStateException    if the Spark job fails as a whole (the cause is Spark's exception)
     */
    public static SweepResult run(JavaSparkContext spark, Sweep sweep) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(sweep, "sweep");
        BacktestFactory factory = sweep.factory();
        requireSerializable(factory);
        String strategyId = sweep.strategyId();
        long samplePeriodNanos = sweep.samplePeriodNanos();
        List<SweepTask> tasks = sweep.tasks();
        String description = "qtrade sweep: " + sweep.parameterSets().size() + " parameter sets x "
                + sweep.partitions().size() + " partitions";
        LOG.info("{} = {} tasks on {}", description, tasks.size(), spark.master());
        spark.setJobDescription(description);
        long start = System.nanoTime();
        List<SweepRow> rows;
        try {
            rows = spark.parallelize(tasks, tasks.size())
                    .map(task -> runTask(task, factory, strategyId, samplePeriodNanos))
                    .collect();
        } catch (Exception e) { // SparkException: Scala declares no checked exceptions, so Java cannot name it alone
            throw new IllegalStateException("the Spark job of " + sweep + " failed: " + e.getMessage(), e);
        } finally {
            spark.setJobDescription(null);
        }
        SweepResult result = SweepResult.of(sweep.parameterSets(), rows, System.nanoTime() - start);
        LOG.info("{} finished: {} rows, {} failed, {} backtests/min, {} events/s", description, result.rows().size(),
                result.failures().size(), String.format(Locale.ROOT, "%.1f", result.backtestsPerMinute()),
                String.format(Locale.ROOT, "%.0f", result.eventsPerSecond()));
        return result;
    }

    /**
     * Runs {@code sweep} as {@link #run(JavaSparkContext, Sweep)} does, then writes its {@link SweepResult#table()}
     * as Parquet to {@code tableUri} with {@link #writeTable}.
     */
    public static SweepResult run(JavaSparkContext spark, Sweep sweep, String tableUri) {
        SweepResult result = run(spark, sweep);
        writeTable(spark, result.table(), tableUri);
        return result;
    }

    /**
     * Writes {@code table} as one Parquet file with {@code qtrade-backtest}'s {@link ResultParquetWriter} (its schema
     * and type mapping, Snappy pages). A plain path or {@code file:} URI is written in place, atomically; another
     * scheme ({@code hdfs:}, {@code s3a:}, ...) is written to a local temporary file first, then copied through
     * {@code spark}'s Hadoop configuration (so {@code spark.hadoop.*} settings apply) to a hidden name beside the
     * target and renamed over it.
     *
     * @return the URI written, as given
     * @throws IllegalArgumentException for a URI that does not parse
     * @throws UncheckedIOException     naming the URI when the file system refuses
     */
    public static String writeTable(JavaSparkContext spark, Table table, String tableUri) {
        Objects.requireNonNull(table, "table");
        URI uri = parse(tableUri);
        if ("file".equals(uri.getScheme())) {
            Path file = Path.of(uri);
            try {
                Path dir = file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("creating the directory of the sweep table " + tableUri, e);
            }
            new ResultParquetWriter().write(table, file);
            LOG.info("wrote the sweep table ({} rows) to {}", table.rowCount(), file);
            return tableUri;
        }
        Path local = null;
        try {
            local = Files.createTempFile("qtrade-sweep-", ResultParquetWriter.EXTENSION);
            new ResultParquetWriter().write(table, local);
            Configuration conf = spark.hadoopConfiguration();
            org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(uri);
            FileSystem fs = target.getFileSystem(conf);
            org.apache.hadoop.fs.Path hidden = new org.apache.hadoop.fs.Path(target.getParent(),
                    "_" + target.getName() + ".inprogress");
            fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), hidden);
            if (fs.exists(target) && !fs.delete(target, false)) {
                throw new IOException("could not replace the existing " + target);
            }
            if (!fs.rename(hidden, target)) {
                throw new IOException("could not rename " + hidden + " to " + target);
            }
            LOG.info("wrote the sweep table ({} rows) to {}", table.rowCount(), tableUri);
            return tableUri;
        } catch (IOException e) {
            throw new UncheckedIOException("writing the sweep table to " + tableUri + ": " + e.getMessage(), e);
        } finally {
            if (local != null) {
                try {
                    Files.deleteIfExists(local);
                } catch (IOException e) {
                    LOG.warn("could not delete the temporary file {}", local, e);
                }
            }
        }
    }

    /** One task, an {@link Error} included, as the in-process runner records it. */
    static SweepRow runTask(SweepTask task, BacktestFactory factory, String strategyId, long samplePeriodNanos) {
        try {
            return task.run(factory, strategyId, samplePeriodNanos);
        } catch (Throwable e) { // an Error in one backtest (stack overflow, out of memory) ends only its row
            return SweepRow.failed(task.parameters(), task.partition(), e);
        }
    }

    /**
     * Serializes {@code factory} into nothing, so that one that cannot ship to executors is refused on the driver
     * with the class at fault rather than by a failed Spark stage.
     */
    static void requireSerializable(BacktestFactory factory) {
        Objects.requireNonNull(factory, "sweep factory");
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(factory);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("the sweep's backtest factory " + factory.getClass().getName()
                    + " cannot be sent to Spark executors: it captures a " + e.getMessage()
                    + ", which is not Serializable; capture Strings and numbers (a store root as a String, not a"
                    + " Path) and build the rest inside the factory", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the sweep's backtest factory " + factory.getClass().getName()
                    + " cannot be serialized: " + e, e);
        }
    }

    private static URI parse(String tableUri) {
        Objects.requireNonNull(tableUri, "tableUri");
        if (tableUri.isBlank()) {
            throw new IllegalArgumentException("tableUri is blank; expected a path or a Hadoop URI");
        }
        if (tableUri.indexOf(':') < 0) { // a plain path
            return Path.of(tableUri).toAbsolutePath().toUri();
        }
        try {
            URI uri = new URI(tableUri);
            return uri.getScheme() != null ? uri : Path.of(tableUri).toAbsolutePath().toUri();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("tableUri '" + tableUri + "' is not a URI: " + e.getMessage(), e);
        }
    }
}
