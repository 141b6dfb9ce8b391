package io.qtrade.bench;

import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import io.qtrade.store.ParquetTickReader;
import io.qtrade.store.TickQuery;
import io.qtrade.store.TickReadOptions;
import io.qtrade.store.TickStore;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@link StoreDecodeBenchmark}'s three reads measured by the CPU time of the whole process (every thread: DuckDB's,
 * the JIT's and the collector's included), rounds interleaved, for a machine too loaded for wall-clock figures to
 * mean much: rows per CPU-second of
 * <ol>
 *   <li>{@code duckdb}: DuckDB with {@code SET threads = 1}, {@code sum} of every column of every part;</li>
 *   <li>{@code decode}: every part through {@link ParquetTickReader}, every column of every row summed;</li>
 *   <li>{@code merge}: {@link TickStore#read} of both instruments (merged by {@code exch_ts}), the same sums.</li>
 * </ol>
 * Also the bytes the main thread allocated per row (DuckDB allocates outside the Java heap).
 *
 * <pre>{@code
 * java -cp qtrade-bench/target/benchmarks.jar io.qtrade.bench.StoreDecodeCpuTime [events] [rounds] [duckdb,decode,merge]
 * }</pre>
 */
public final class StoreDecodeCpuTime {

    private StoreDecodeCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 10_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String[] modes = args.length > 2 ? args[2].split(",") : new String[]{"duckdb", "decode", "merge"};
        Path root = Files.createTempDirectory("qtrade-store-decode-cpu");
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            List<Path> parts = StoreDecodeBenchmark.writeStore(root, events);
            String sql = "SELECT sum(exch_ts), sum(local_ts), sum(kind), sum(side), sum(price), sum(qty),"
                    + " sum(order_id), sum(flags), count(*) FROM read_parquet([" + parts.stream()
                    .map(p -> "'" + p + "'").collect(Collectors.joining(", ")) + "])";
            try (Statement s = duck.createStatement()) {
                s.execute("SET threads = 1");
            }
            System.out.printf(Locale.ROOT, "%,d events in %d parts; %d cores; load average %.2f%n", events,
                    parts.size(), Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());
            EventBatch batch = new EventBatch(4096);
            for (int round = 1; round <= rounds; round++) {
                StringBuilder line = new StringBuilder("round " + round);
                for (String mode : modes) {
                    long cpu = os.getProcessCpuTime();
                    long wall = System.nanoTime();
                    long allocated = threads.getThreadAllocatedBytes(tid);
                    long rows = switch (mode) {
                        case "duckdb" -> duck(duck, sql);
                        case "decode" -> decode(parts, batch);
                        case "merge" -> merge(root, batch);
                        default -> throw new IllegalArgumentException("unknown mode " + mode);
                    };
                    long cpuNanos = os.getProcessCpuTime() - cpu;
                    long wallNanos = System.nanoTime() - wall;
                    long bytes = threads.getThreadAllocatedBytes(tid) - allocated;
                    if (rows != events) {
                        throw new IllegalStateException(mode + " read " + rows + " rows of " + events);
                    }
                    line.append(String.format(Locale.ROOT, "  %s %.2f M/cpu-s (%.2f M/s wall, %.2f B/row)", mode,
                            rows * 1e3 / cpuNanos, rows * 1e3 / wallNanos, (double) bytes / rows));
                }
                System.out.println(line);
            }
        } finally {
            StoreDecodeBenchmark.delete(root);
        }
    }

    static long duck(Connection duck, String sql) throws Exception {
        try (Statement s = duck.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(9);
        }
    }

    static double sink;

    static long decode(List<Path> parts, EventBatch batch) {
        long rows = 0;
        double sum = 0;
        for (Path p : parts) {
            try (ParquetTickReader r = new ParquetTickReader(p, null, TickReadOptions.DEFAULT)) {
                while (r.readBatch(batch)) {
                    sum += StoreDecodeBenchmark.sumColumns(batch);
                    rows += batch.size();
                }
            }
        }
        sink += sum;
        return rows;
    }

    static long merge(Path root, EventBatch batch) {
        long rows = 0;
        double sum = 0;
        try (EventSource s = TickStore.at(root).read(TickQuery.symbols(StoreDecodeBenchmark.BTC.symbol(),
                StoreDecodeBenchmark.ETH.symbol()))) {
            while (s.readBatch(batch)) {
                sum += StoreDecodeBenchmark.sumColumns(batch);
                rows += batch.size();
            }
        }
        sink += sum;
        return rows;
    }
}
