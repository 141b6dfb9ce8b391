package io.qtrade.spark;

import io.qtrade.research.sweep.Metric;
import io.qtrade.research.sweep.Sweep;
import io.qtrade.research.sweep.SweepResult;
import io.qtrade.research.sweep.SweepRow;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code spark-submit} entry point: runs the sweep of a {@link SweepDefinition} named by its class, prints the
 * ranking and the failures, and optionally writes the sweep table as Parquet.
 *
 * <pre>{@code
 * spark-submit --class io.qtrade.spark.SparkSweepMain --master spark://host:7077 app.jar \
 *     [--output URI] [--rank METRIC] [--top N] DEFINITION_CLASS [DEFINITION ARGS...]
 *
 *   --output URI   write SweepResult.table() as Parquet there (a path, file:, hdfs:, s3a:, ...)
 *   --rank METRIC  rank by net_pnl, sharpe (default), max_drawdown, fees, fills or maker_share
 *   --top N        print the best N parameter sets (default 20)
 * }</pre>
 * Everything after the class name goes to {@link SweepDefinition#sweep(List)}. The master, executors and memory come
 * from Spark's configuration alone ({@code --master}, {@code --conf}, {@code spark-defaults.conf}, or
 * {@code -Dspark.master=local[*]} when started with {@code java}). Exits with 0 when every task succeeded, 1 when
 * some failed (they are listed), 2 for a usage error.
 */
public final class SparkSweepMain {

    /** Parameter sets printed when {@code --top} is not given. */
    public static final int DEFAULT_TOP = 20;

    private SparkSweepMain() {
    }

    /** Parses the arguments, starts a Spark context from Spark's configuration, runs the sweep and exits. */
    public static void main(String[] args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Arguments.USAGE);
            System.exit(2);
            return;
        }
        SparkConf conf = new SparkConf().setAppName("qtrade sweep " + arguments.definitionClass());
        int status;
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            status = run(spark, arguments, System.out);
        }
        System.exit(status);
    }

    /**
     * Runs the sweep {@code arguments} name on {@code spark}, prints the ranking and the failures to {@code out},
     * writes the table when asked.
     *
     * @return 0 when every task succeeded, 1 when some failed
     * @throws IllegalArgumentException when the definition class cannot be loaded, is not a {@link SweepDefinition}
     *                                  or has no public no-argument constructor, or its {@code sweep} throws
     */
    public static int run(JavaSparkContext spark, Arguments arguments, PrintStream out) {
        Sweep sweep = loadSweep(arguments);
        SweepResult result = arguments.outputUri() == null ? SparkSweep.run(spark, sweep)
                : SparkSweep.run(spark, sweep, arguments.outputUri());
        out.printf(Locale.ROOT, "%s: %d backtests in %.1f s (%.1f backtests/min, %.0f events/s)%n", sweep,
                result.rows().size(), result.wallNanos() / 1e9, result.backtestsPerMinute(),
                result.eventsPerSecond());
        out.println(result.ranking(arguments.rankBy()).first(arguments.top()).printAll());
        if (arguments.outputUri() != null) {
            out.println("sweep table: " + arguments.outputUri());
        }
        List<SweepRow> failures = result.failures();
        for (SweepRow f : failures) {
            out.println("FAILED set " + f.parameters().index() + " (" + f.parameters() + ") on " + f.partition() + ": "
                    + f.error());
        }
        return failures.isEmpty() ? 0 : 1;
    }

    static Sweep loadSweep(Arguments arguments) {
        String name = arguments.definitionClass();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> type;
        try {
            type = Class.forName(name, true, loader != null ? loader : SparkSweepMain.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("sweep definition class " + name + " cannot be loaded (is its jar on"
                    + " the application class path?): " + e, e);
        }
        if (!SweepDefinition.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("sweep definition class " + name + " does not implement "
                    + SweepDefinition.class.getName());
        }
        SweepDefinition definition;
        try {
            definition = (SweepDefinition) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw new IllegalArgumentException("sweep definition class " + name + " needs a public no-argument"
                    + " constructor: " + e, e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("the constructor of sweep definition " + name + " threw "
                    + e.getCause(), e.getCause());
        }
        try {
            return Objects.requireNonNull(definition.sweep(arguments.definitionArgs()), "the sweep");
        } catch (Exception e) {
            throw new IllegalArgumentException("sweep definition " + name + " failed to build its sweep from "
                    + arguments.definitionArgs() + ": " + e, e);
        }
    }

    /**
     * The command line of {@link SparkSweepMain}.
     *
     * @param definitionClass the {@link SweepDefinition}'s class name
     * @param definitionArgs  the arguments after it
     * @param outputUri       where to write the sweep table as Parquet; null for nowhere
     * @param rankBy          the metric of the printed ranking
     * @param top             how many parameter sets to print, {@code >= 1}
     */
    public record Arguments(String definitionClass, List<String> definitionArgs, String outputUri, Metric rankBy,
                            int top) {

        /** The usage text printed with a usage error. */
        public static final String USAGE = "usage: SparkSweepMain [--output URI] [--rank METRIC] [--top N]"
                + " DEFINITION_CLASS [DEFINITION ARGS...]\n  METRIC: net_pnl, sharpe (default), max_drawdown, fees,"
                + " fills, maker_share";

        /** Copies the list and checks the values. */
        public Arguments {
            Objects.requireNonNull(definitionClass, "definitionClass");
            definitionArgs = List.copyOf(definitionArgs);
            Objects.requireNonNull(rankBy, "rankBy");
            if (top < 1) {
                throw new IllegalArgumentException("--top must be >= 1, was " + top);
            }
        }

        /**
         * Parses {@code [--output URI] [--rank METRIC] [--top N] DEFINITION_CLASS [ARGS...]}.
         *
         * @throws IllegalArgumentException naming the option and the value that is wrong, or the missing class
         */
        public static Arguments parse(String... args) {
            String output = null;
            Metric rank = Metric.SHARPE;
            int top = DEFAULT_TOP;
            int i = 0;
            while (i < args.length && args[i].startsWith("--")) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[i + 1];
                switch (option) {
                    case "--output" -> output = value;
                    case "--rank" -> rank = metric(value);
                    case "--top" -> {
                        try {
                            top = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--top " + value + ": expected a whole number >= 1", e);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + option
                            + "; expected --output, --rank or --top before the definition class");
                }
                i += 2;
            }
            if (i >= args.length) {
                throw new IllegalArgumentException("no sweep definition class given");
            }
            List<String> rest = new ArrayList<>(List.of(args).subList(i + 1, args.length));
            return new Arguments(args[i], rest, output, rank, top);
        }

        private static Metric metric(String column) {
            List<String> known = new ArrayList<>();
            for (Metric m : Metric.values()) {
                if (m.column().equalsIgnoreCase(column) || m.name().equalsIgnoreCase(column)) {
                    return m;
                }
                known.add(m.column());
            }
            throw new IllegalArgumentException("--rank " + column + ": expected one of " + known);
        }
    }
}
