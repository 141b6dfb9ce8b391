package io.qtrade.spark;

import io.qtrade.research.sweep.Metric;
import io.qtrade.research.sweep.Sweep;
import io.qtrade.research.sweep.SweepResult;
import io.qtrade.research.sweep.SweepRow;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sweeps on Spark {@code local[2]} against the in-process runner, over a generated three-day store. */
class SparkSweepTest {

    private static final long EVENTS_PER_DAY = 8_000;

    @TempDir
    static Path dir;
    private static JavaSparkContext spark;
    private static String root;
    private static long[] rowsPerDay;

    @BeforeAll
    static void start() {
        root = dir.resolve("ticks").toString();
        rowsPerDay = GeneratedStore.write(Path.of(root), 3, EVENTS_PER_DAY);
        spark = TestSpark.local2("qtrade-spark tests");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.close();
        }
    }

    private static Sweep.Builder sweep() {
        String store = root; // a String, captured by the factory and shipped to the executors
        return Sweep.builder().grid(GeneratedStore.grid()).partitions(GeneratedStore.partitions(Path.of(store)))
                .threads(2).samplePeriodNanos(1_000_000_000L)
                .factory((p, part) -> GeneratedStore.fromStore(store, p, part));
    }

    @Test
    void sparkLocal2GivesTheInProcessRowsTableAndRanking() {
        Sweep sweep = sweep().build();
        SweepResult inProcess = sweep.run();
        SweepResult onSpark = SparkSweep.run(spark, sweep);

        assertThat(onSpark.rows()).hasSize(18).isEqualTo(inProcess.rows());
        assertThat(onSpark.failures()).isEmpty();
        assertThat(onSpark.table().printAll()).isEqualTo(inProcess.table().printAll());
        assertThat(onSpark.ranking(Metric.SHARPE).printAll()).isEqualTo(inProcess.ranking(Metric.SHARPE).printAll());
        assertThat(onSpark.ranking(Metric.NET_PNL).printAll()).isEqualTo(inProcess.ranking(Metric.NET_PNL).printAll());
        // Each of the six sets replays every stored row of each of the three days: 6 * (rows of the 3 days).
        long stored = rowsPerDay[0] + rowsPerDay[1] + rowsPerDay[2];
        assertThat(onSpark.totalEvents()).isEqualTo(6 * stored);
        // Not a trivial equality: the quoter trades, and the sets differ.
        Table table = onSpark.table();
        assertThat(table.longColumn("fills").sum()).isGreaterThan(0);
        assertThat(table.doubleColumn("net_pnl").unique().size()).isGreaterThan(1);
        // Set-major task order, dates ascending within a set.
        assertThat(table.intColumn("set").asList()).containsExactly(0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5,
                5, 5);
        assertThat(table.stringColumn("date").asList().subList(0, 3))
                .containsExactly("2026-11-02", "2026-11-03", "2026-11-04");
        assertThat(onSpark.wallNanos()).isPositive();
    }

    @Test
    void aThrowingTaskIsReportedWithItsParametersAndTheOthersFinish() {
        String store = root;
        Sweep sweep = sweep().factory((p, part) -> {
            if (p.get("offset") == 1 && part.index() == 2) {
                throw new IllegalStateException("no data for " + part);
            }
            if (p.get("offset") == 2 && p.get("max") == 6 && part.index() == 0) {
                throw new StackOverflowError("deep recursion in set " + p.index());
            }
            return GeneratedStore.fromStore(store, p, part);
        }).build();
        SweepResult r = SparkSweep.run(spark, sweep);

        assertThat(r.rows()).hasSize(18);
        List<SweepRow> failures = r.failures();
        assertThat(failures).hasSize(3);
        // offset=1 is sets 2 (max=2) and 3 (max=6); partition 2 is the third day.
        assertThat(failures.get(0).parameters().toString()).isEqualTo("offset=1.0, max=2.0");
        assertThat(failures.get(0).partition().toString()).isEqualTo("SIM/AAA/2026-11-04");
        assertThat(failures.get(0).error()).isEqualTo("IllegalStateException: no data for SIM/AAA/2026-11-04");
        assertThat(failures.get(1).parameters().toString()).isEqualTo("offset=1.0, max=6.0");
        // An Error ends only its own row, as in-process.
        assertThat(failures.get(2).parameters().toString()).isEqualTo("offset=2.0, max=6.0");
        assertThat(failures.get(2).partition().toString()).isEqualTo("SIM/AAA/2026-11-02");
        assertThat(failures.get(2).error()).isEqualTo("StackOverflowError: deep recursion in set 5");
        Table table = r.table();
        assertThat(table.stringColumn("error").countOccurrences("")).isEqualTo(15);
        Table ranking = r.ranking(Metric.NET_PNL);
        assertThat(ranking.where(ranking.intColumn("failed").isEqualTo(1)).intColumn("set").asList())
                .containsExactlyInAnyOrder(2, 3, 5);
    }

    @Test
    void partitionsFetchedThroughAHadoopFileUriGiveTheSameRowsAsTheSharedPath() {
        HadoopPartitionFetcher fetcher = new HadoopPartitionFetcher(Path.of(root).toUri().toString(),
                dir.resolve("executor-cache").toString());
        assertThat(fetcher.storeUri()).startsWith("file:/");
        Sweep viaHadoop = sweep()
                .factory((p, part) -> GeneratedStore.backtest(fetcher.fetch(part).read(part.query()), p)).build();
        SweepResult onSpark = SparkSweep.run(spark, viaHadoop);
        SweepResult shared = sweep().build().run();

        assertThat(onSpark.failures()).isEmpty();
        assertThat(onSpark.rows()).isEqualTo(shared.rows());
        assertThat(onSpark.table().printAll()).isEqualTo(shared.table().printAll());
    }

    @Test
    void aFactoryCapturingAPathIsRefusedOnTheDriverNamingTheClass() {
        Path store = Path.of(root); // a Path is not Serializable
        Sweep sweep = sweep().factory((p, part) -> GeneratedStore.backtest(
                io.qtrade.store.TickStore.at(store).read(part.query()), p)).build();

        assertThatThrownBy(() -> SparkSweep.run(spark, sweep))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be sent to Spark executors: it captures a sun.nio.fs.UnixPath")
                .hasMessageContaining("a store root as a String, not a Path");
    }

    @Test
    void aTaskSparkCannotRunFailsTheJobNamingTheSweep() {
        Sweep sweep = sweep().factory(new UnreadableFactory()).build();

        assertThatThrownBy(() -> SparkSweep.run(spark, sweep))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the Spark job of Sweep[sets=6, partitions=3, threads=2, strategyId=null,"
                        + " samplePeriodNanos=1000000000] failed: Job aborted due to stage failure")
                .hasMessageContaining("refuses to be read on an executor")
                .hasCauseInstanceOf(org.apache.spark.SparkException.class);
    }

    /** Serializes on the driver but cannot be read back: stands for a class missing on the executors. */
    private static final class UnreadableFactory implements io.qtrade.research.sweep.BacktestFactory {
        @Override
        public io.qtrade.backtest.Backtest create(io.qtrade.research.sweep.ParameterSet parameters,
                                                  io.qtrade.research.sweep.Partition partition) {
            throw new IllegalStateException("never reached");
        }

        private void readObject(java.io.ObjectInputStream in) throws IOException {
            throw new java.io.InvalidObjectException("refuses to be read on an executor");
        }
    }

    @Test
    void theTableIsWrittenAsParquetWithEveryRowAndValue() throws IOException {
        Path file = dir.resolve("out/sweep.parquet");
        SweepResult r = SparkSweep.run(spark, sweep().build(), file.toString());
        Table table = r.table();
        List<GenericRecord> records = records(file);

        assertThat(records).hasSize(18);
        for (int i = 0; i < records.size(); i++) {
            GenericRecord rec = records.get(i);
            assertThat(rec.get("set")).isEqualTo(table.intColumn("set").getInt(i));
            assertThat(rec.get("offset")).isEqualTo(table.doubleColumn("offset").getDouble(i));
            assertThat(rec.get("date").toString()).isEqualTo(table.stringColumn("date").get(i));
            assertThat(rec.get("net_pnl")).isEqualTo(table.doubleColumn("net_pnl").getDouble(i));
            assertThat(rec.get("fills")).isEqualTo(table.longColumn("fills").getLong(i));
        }
        // A file: URI is the same local write.
        Path again = dir.resolve("out/again.parquet");
        SparkSweep.writeTable(spark, table, again.toUri().toString());
        assertThat(records(again)).hasSize(18);
        assertThat(records(again).get(17).get("net_pnl")).isEqualTo(records.get(17).get("net_pnl"));
    }

    @Test
    void aTableForAnotherFileSystemIsCopiedThroughHadoopAndReplacesTheOldFile() throws IOException {
        spark.hadoopConfiguration().set("fs." + SchemeLocalFileSystem.SCHEME + ".impl",
                SchemeLocalFileSystem.class.getName());
        SweepResult r = SparkSweep.run(spark, sweep().build());
        Path file = dir.resolve("remote-out/sweep.parquet");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "an older table");
        String uri = SchemeLocalFileSystem.SCHEME + "://" + file;

        assertThat(SparkSweep.writeTable(spark, r.table(), uri)).isEqualTo(uri);
        List<GenericRecord> records = records(file);
        assertThat(records).hasSize(18);
        assertThat(records.get(5).get("net_pnl")).isEqualTo(r.table().doubleColumn("net_pnl").getDouble(5));
        // Only the table is left: the hidden in-progress copy was renamed over the old file.
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .toList()).containsExactly("sweep.parquet");
        }
    }

    @Test
    void theMainRunsADefinitionByClassNamePrintsTheRankingAndWritesTheTable() {
        Path out = dir.resolve("main/table.parquet");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = SparkSweepMain.run(spark, SparkSweepMain.Arguments.parse("--output", out.toString(), "--rank",
                        "net_pnl", "--top", "3", MakerSweepDefinition.class.getName(), root),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertThat(status).isZero();
        SweepResult expected = new MakerSweepDefinition().sweep(List.of(root)).run();
        assertThat(printed).contains(expected.ranking(Metric.NET_PNL).first(3).printAll());
        assertThat(printed).contains("sweep table: " + out);
        assertThat(printed).doesNotContain("FAILED");
        assertThat(records(out)).hasSize(18);
    }

    @Test
    void theMainReturnsOneAndListsFailuresWhenADefinitionsTaskFails() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // A store root with no data: every task's read fails, and each is listed with its set and partition.
        String empty = dir.resolve("empty-store").toString();
        int status = SparkSweepMain.run(spark, SparkSweepMain.Arguments.parse(FailingDefinition.class.getName(),
                empty), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertThat(status).isOne();
        assertThat(printed).contains("FAILED set 0 (offset=0.0, max=2.0) on SIM/AAA/2026-11-02: "
                + "IllegalArgumentException: no parts under " + empty);
        assertThat(printed.lines().filter(l -> l.startsWith("FAILED")).count()).isEqualTo(6);
    }

    /** The six sets on one partition of a store that may be empty. */
    public static final class FailingDefinition implements SweepDefinition {
        /** Public, no arguments. */
        public FailingDefinition() {
        }

        @Override
        public Sweep sweep(List<String> args) {
            String store = args.get(0);
            return Sweep.builder().grid(GeneratedStore.grid())
                    .partitions(io.qtrade.research.sweep.Partitions.days("SIM", "AAA", GeneratedStore.FIRST_DAY, 1))
                    .factory((p, part) -> GeneratedStore.fromStore(store, p, part)).build();
        }
    }

    private static List<GenericRecord> records(Path file) {
        List<GenericRecord> out = new ArrayList<>();
        try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
                .withConf(new PlainParquetConfiguration()).build()) {
            for (GenericRecord rec = r.read(); rec != null; rec = r.read()) {
                out.add(rec);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}
