package io.qtrade.bench;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import io.qtrade.store.ParquetTickReader;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickQuery;
import io.qtrade.store.TickReadOptions;
import io.qtrade.store.TickStore;
import io.qtrade.store.synthetic.SyntheticMarket;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The tick store's Parquet reader against DuckDB on the same files, in one JVM (issue 22): {@value #EVENTS} events of
 * two instruments (the synthetic L2 market), written by {@link TickStore#write} (one part per instrument and date).
 * One operation is one event, so every score is events (rows) per second.
 *
 * <ul>
 *   <li>{@code duckdbOneThread}, {@code duckdbTwoThreads}: DuckDB ({@code org.duckdb:duckdb_jdbc}, in-process,
 *       {@code SET threads = 1} or {@code 2}) scanning every column of every part and summing each:
 *       {@code SELECT sum(exch_ts), sum(local_ts), sum(kind), sum(side), sum(price), sum(qty), sum(order_id),
 *       sum(flags) FROM read_parquet([...])};</li>
 *   <li>{@code decode}: every part through {@link ParquetTickReader} one after the other into a reused 4,096-row
 *       {@link EventBatch} (every row checked), summing every column of every row;</li>
 *   <li>{@code decodeAndMerge}: {@link TickStore#read} of both instruments, the parts merged by {@code exch_ts}, the
 *       same sums: the merge's cost is its ratio to {@code decode}.</li>
 * </ul>
 * The files sit in the OS page cache after the first pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class StoreDecodeBenchmark {

    static final int EVENTS = 10_000_000;
    static final Instrument BTC = Instrument.spot("BTCUSDT", "SIM", 0.1, 0.001);
    static final Instrument ETH = Instrument.spot("ETHUSDT", "SIM", 0.01, 0.001);

    private Path root;
    private List<Path> parts;
    private Connection duck;
    private String sql;
    private final EventBatch batch = new EventBatch(4096);

    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        root = Files.createTempDirectory("qtrade-store-decode");
        parts = writeStore(root, EVENTS);
        long bytes = 0;
        for (Path p : parts) {
            bytes += Files.size(p);
        }
        System.out.printf("%n%,d events in %d parts, %,d bytes (%.2f B/event)%n", EVENTS, parts.size(), bytes,
                bytes / (double) EVENTS);
        duck = DriverManager.getConnection("jdbc:duckdb:");
        sql = "SELECT sum(exch_ts), sum(local_ts), sum(kind), sum(side), sum(price), sum(qty), sum(order_id),"
                + " sum(flags), count(*) FROM read_parquet([" + parts.stream().map(p -> "'" + p + "'")
                .collect(Collectors.joining(", ")) + "])";
    }

    /** A two-instrument store of {@code events} synthetic L2 events; returns its Parquet parts. */
    static List<Path> writeStore(Path root, int events) throws IOException {
        try (SyntheticMarket market = SyntheticMarket.builder().instrument(BTC, 42_000).instrument(ETH, 2_000)
                .events(events).seed(1).build()) {
            TickStore.at(root).write(market, TickFormat.PARQUET);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted()
                    .collect(Collectors.toList());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException, SQLException {
        duck.close();
        delete(root);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double duckdbOneThread() throws SQLException {
        return duck(1);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double duckdbTwoThreads() throws SQLException {
        return duck(2);
    }

    private double duck(int threads) throws SQLException {
        try (Statement s = duck.createStatement()) {
            s.execute("SET threads = " + threads);
            try (ResultSet r = s.executeQuery(sql)) {
                r.next();
                if (r.getLong(9) != EVENTS) {
                    throw new IllegalStateException("DuckDB counted " + r.getLong(9) + " rows");
                }
                double sum = 0;
                for (int c = 1; c <= 8; c++) {
                    sum += r.getDouble(c);
                }
                return sum;
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double decode() {
        double sum = 0;
        long rows = 0;
        for (Path p : parts) {
            try (ParquetTickReader r = new ParquetTickReader(p, null, TickReadOptions.DEFAULT)) {
                while (r.readBatch(batch)) {
                    sum += sumColumns(batch);
                    rows += batch.size();
                }
            }
        }
        return check(rows, sum);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double decodeAndMerge() {
        double sum = 0;
        long rows = 0;
        try (EventSource s = TickStore.at(root).read(TickQuery.symbols(BTC.symbol(), ETH.symbol()))) {
            while (s.readBatch(batch)) {
                sum += sumColumns(batch);
                rows += batch.size();
            }
        }
        return check(rows, sum);
    }

    private static double check(long rows, double sum) {
        if (rows != EVENTS) {
            throw new IllegalStateException("read " + rows + " rows of " + EVENTS);
        }
        return sum;
    }

    /** Every column of every row summed, as DuckDB's query does (the kind as its code, the price NaN-safe). */
    static double sumColumns(EventBatch b) {
        long exch = 0;
        long local = 0;
        long ints = 0;
        long ids = 0;
        double prices = 0;
        double qty = 0;
        for (int i = 0, n = b.size(); i < n; i++) {
            exch += b.exchTs(i);
            local += b.localTs(i);
            ints += b.kindCode(i) + b.sideCode(i) + b.flags(i) + b.instrument(i);
            ids += b.orderId(i);
            double p = b.price(i);
            prices += p == p ? p : 0;
            qty += b.qty(i);
        }
        return exch + local + ints + ids + prices + qty;
    }

    static void delete(Path root) throws IOException {
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
