package io.qtrade.bench;

import io.qtrade.store.CsvTickReader;
import io.qtrade.store.ParquetTickReader;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickReadOptions;
import io.qtrade.store.TickStore;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.market.InMemoryEventSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Tick store write and read rates for {@value #EVENTS} events of one instrument (the synthetic L2 market, depth
 * updates and trades), one part file per format. One operation is one event, so the score is events per second.
 *
 * <ul>
 *   <li>{@code baselineInMemory}: the same events copied batch by batch out of an {@link InMemoryEventSource}, the
 *       cost of moving rows with no file behind them;</li>
 *   <li>{@code readParquet}, {@code readCsv}: one file through {@link ParquetTickReader} / {@link CsvTickReader}
 *       into a reused 4,096-row batch (file pages in the OS cache after the first iteration);</li>
 *   <li>{@code writeParquet}, {@code writeCsv}: {@link TickStore#write} of the in-memory events, a new part each
 *       time (deleted afterwards), synced to disk and renamed.</li>
 * </ul>
 * Setup prints the bytes per event of each format.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class TickStoreBenchmark {

    static final int EVENTS = 10_000_000;

    private Path dir;
    private EventBatch events;
    private Instrument instrument;
    private Path parquet;
    private Path csv;
    private final EventBatch batch = new EventBatch(4096);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        instrument = Instrument.spot("BTCUSDT", "SIM", 0.1, 0.001);
        events = new EventBatch(EVENTS);
        EventBatch b = new EventBatch(4096);
        try (SyntheticMarket market = SyntheticMarket.builder().instrument(instrument, 42_000).events(EVENTS)
                .seed(1).build()) {
            while (market.readBatch(b) && !events.isFull()) {
                for (int i = 0; i < b.size() && !events.isFull(); i++) {
                    events.addFrom(b, i, 0);
                }
            }
        }
        dir = Files.createTempDirectory("qtrade-tickstore-bench");
        parquet = TickStore.at(dir.resolve("parquet")).write(source(), TickFormat.PARQUET).parts().get(0);
        csv = TickStore.at(dir.resolve("csv")).write(source(), TickFormat.CSV).parts().get(0);
        System.out.printf("%n%,d events; parquet %,d bytes (%.2f B/event), csv %,d bytes (%.2f B/event)%n",
                events.size(), Files.size(parquet), Files.size(parquet) / (double) events.size(), Files.size(csv),
                Files.size(csv) / (double) events.size());
    }

    private InMemoryEventSource source() {
        return new InMemoryEventSource(List.of(instrument), events);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long baselineInMemory() {
        return drain(source());
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long readParquet() {
        return drain(new ParquetTickReader(parquet, instrument, TickReadOptions.DEFAULT));
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long readCsv() {
        return drain(new CsvTickReader(csv, instrument, TickReadOptions.DEFAULT));
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long writeParquet() throws IOException {
        return write(TickFormat.PARQUET);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long writeCsv() throws IOException {
        return write(TickFormat.CSV);
    }

    private long write(TickFormat format) throws IOException {
        Path root = dir.resolve("write-" + format.extension());
        long rows = TickStore.at(root).write(source(), format).rows();
        delete(root);
        return rows;
    }

    private long drain(EventSource source) {
        long checksum = 0;
        try (source) {
            while (source.readBatch(batch)) {
                checksum += batch.size() + batch.exchTs(batch.size() - 1);
            }
        }
        return checksum;
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> all = new ArrayList<>();
            walk.forEach(all::add);
            all.sort(Comparator.comparingInt(Path::getNameCount).reversed());
            for (Path p : all) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

}
