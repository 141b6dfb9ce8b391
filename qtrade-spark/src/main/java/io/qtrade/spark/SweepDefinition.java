package io.qtrade.spark;

import io.qtrade.research.sweep.Sweep;

import java.util.List;

/**
 * A sweep that {@link SparkSweepMain} can run from its class name alone, so that a cluster needs only configuration:
 * a public class with a public no-argument constructor, on the application's class path (the jar given to
 * {@code spark-submit}).
 *
 * <pre>{@code
 * public final class MakerSweep implements SweepDefinition {
 *     public Sweep sweep(List<String> args) {
 *         String root = args.get(0);                               // the store root, a String: it ships to executors
 *         return Sweep.builder()
 *                 .grid(ParameterGrid.builder().values("gamma", 0.01, 0.1, 1).build())
 *                 .partitions(Partitions.inStore(TickStore.at(Path.of(root)), "SIM", List.of("AAA"), null, null))
 *                 .factory((p, part) -> Backtest.builder()
 *                         .source(TickStore.at(Path.of(root)).read(part.query())) ...build())
 *                 .build();
 *     }
 * }
 * }</pre>
 * The sweep's factory must be serializable (capture strings and numbers, not paths or open resources); its thread
 * count and progress listener are ignored on Spark, where the executors' cores set the parallelism.
 */
@FunctionalInterface
public interface SweepDefinition {

    /**
     * The sweep to run, built on the driver.
     *
     * @param args the command-line arguments after {@link SparkSweepMain}'s own options
     * @throws Exception anything: the driver reports it with the definition's class name and ends with an error
     */
    Sweep sweep(List<String> args) throws Exception;
}
