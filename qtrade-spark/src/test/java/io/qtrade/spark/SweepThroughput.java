package io.qtrade.spark;

import io.qtrade.research.sweep.ParameterGrid;
import io.qtrade.research.sweep.Sweep;
import io.qtrade.research.sweep.SweepResult;
import org.apache.spark.api.java.JavaSparkContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Sweep throughput on one grid, back to back: in-process on 1 thread, in-process on 2 threads, Spark {@code local[2]},
 * for several rounds (the order rotates each round so that no runner always follows the same one), then the median
 * of each and the ratios. Not a unit test (its name does not end in Test): run it with {@code java} on the test class
 * path and the Spark JVM options, as qtrade-spark/README.md shows.
 *
 * <pre>{@code
 * args: [days] [eventsPerDay] [rounds]     defaults 4 200000 5
 * grid: offset {0, 1, 2, 3} x max {2, 6} = 8 sets, x days partitions = 8 * days backtests per sweep
 * }</pre>
 * The data are generated once into a temporary Parquet tick store; every backtest reads its day from it. Each run
 * also prints the cores the process had on average (its CPU time over the wall time): on a machine shared with other
 * work, a 2-thread run that got 1.2 cores cannot scale by 2, and this column says so.
 */
public final class SweepThroughput {

    private SweepThroughput() {
    }

    /** Runs the measurement and prints one line per run and a summary. */
    public static void main(String[] args) throws Exception {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        long eventsPerDay = args.length > 1 ? Long.parseLong(args[1]) : 200_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Files.createTempDirectory("qtrade-sweep-bench");
        String root = dir.resolve("ticks").toString();
        GeneratedStore.write(Path.of(root), days, eventsPerDay);
        ParameterGrid grid = ParameterGrid.builder().values("offset", 0, 1, 2, 3).values("max", 2, 6).build();
        Sweep.Builder builder = Sweep.builder().grid(grid).partitions(GeneratedStore.partitions(Path.of(root)))
                .samplePeriodNanos(1_000_000_000L).factory((p, part) -> GeneratedStore.fromStore(root, p, part));
        Sweep one = builder.threads(1).build();
        Sweep two = builder.threads(2).build();
        System.out.printf(Locale.ROOT, "grid %s x %d days of %d events: %d backtests per sweep; %d cores%n", grid, days,
                eventsPerDay, one.tasks().size(), Runtime.getRuntime().availableProcessors());
        String[] names = {"in-process 1 thread", "in-process 2 threads", "Spark local[2]"};
        double[][] perMinute = new double[3][rounds];
        double[][] eventsPerSecond = new double[3][rounds];
        double[][] cores = new double[3][rounds];
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try (JavaSparkContext spark = TestSpark.local2("qtrade sweep throughput")) {
            // Warm-up: one sweep of each kind, not recorded (JIT, class loading, Spark's first job).
            one.run();
            two.run();
            SparkSweep.run(spark, two);
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < 3; k++) {
                    int runner = (round + k) % 3;
                    long cpuBefore = os.getProcessCpuTime();
                    SweepResult r = switch (runner) {
                        case 0 -> one.run();
                        case 1 -> two.run();
                        default -> SparkSweep.run(spark, two);
                    };
                    if (!r.failures().isEmpty()) {
                        throw new IllegalStateException(names[runner] + ": " + r.failures().get(0).error());
                    }
                    // Cores the process had on average during the sweep: CPU time of all its threads / wall time.
                    cores[runner][round] = (os.getProcessCpuTime() - cpuBefore) / (double) r.wallNanos();
                    perMinute[runner][round] = r.backtestsPerMinute();
                    eventsPerSecond[runner][round] = r.eventsPerSecond();
                    System.out.printf(Locale.ROOT,
                            "round %d  %-22s %8.1f backtests/min  %,12.0f events/s  %6.2f s  %4.2f cores%n", round,
                            names[runner], r.backtestsPerMinute(), r.eventsPerSecond(), r.wallNanos() / 1e9,
                            cores[runner][round]);
                }
            }
        }
        System.out.println("median over " + rounds + " rounds:");
        for (int k = 0; k < 3; k++) {
            System.out.printf(Locale.ROOT, "  %-22s %8.1f backtests/min  %,12.0f events/s  %4.2f cores%n", names[k],
                    median(perMinute[k]), median(eventsPerSecond[k]), median(cores[k]));
        }
        System.out.printf(Locale.ROOT, "ratio 2 threads / 1 thread: %.2f (median of per-round ratios %.2f)%n",
                median(perMinute[1]) / median(perMinute[0]), medianRatio(perMinute[1], perMinute[0]));
        System.out.printf(Locale.ROOT, "ratio Spark local[2] / in-process 2 threads: %.2f%n",
                median(perMinute[2]) / median(perMinute[1]));
        // Per CPU-second of the process: what each thread did with the core time it got. With two free cores the
        // 2-thread run gets twice the core time, so 2 * (its events per CPU-second / the 1-thread run's) is the
        // speed-up the work itself allows; the wall-clock ratio above is what the machine gave.
        double[][] perCpuSecond = new double[3][rounds];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < rounds; i++) {
                perCpuSecond[k][i] = eventsPerSecond[k][i] / cores[k][i];
            }
            System.out.printf(Locale.ROOT, "  %-22s %,12.0f events per CPU-second%n", names[k], median(perCpuSecond[k]));
        }
        System.out.printf(Locale.ROOT, "2 threads on two free cores, from CPU time: %.2f x the 1-thread rate%n",
                2 * median(perCpuSecond[1]) / median(perCpuSecond[0]));
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double medianRatio(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / b[i];
        }
        return median(r);
    }
}
