package io.qtrade.bench;

import io.qtrade.core.market.EventBatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The {@link BacktestThroughput} runs under JMH, one operation = one market event, over {@value #EVENTS} synthetic L2
 * events per invocation: {@code replay} (the baseline: one book through an event cursor), {@code noop} (a full
 * backtest, strategy does nothing) and {@code marketMaker} (the requoting market maker), constant 50 µs order latency
 * and {@code ProbabilisticQueue(PowerProbability(2))}. With {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes per
 * event, the run's set-up (books, batches, result) included.
 *
 * <pre>{@code
 * java -jar qtrade-bench/target/benchmarks.jar 'BacktestBenchmark' -f 1 -wi 3 -i 5 -w 2 -r 2 -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BacktestBenchmark {

    /** Events per invocation. */
    public static final int EVENTS = 2_000_000;

    private EventBatch events;

    @Setup
    public void generate() {
        events = BacktestThroughput.generate(EVENTS);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double replay() {
        return BacktestThroughput.replay(events);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double noop() {
        return BacktestThroughput.backtest("noop", events, false).portfolio("noop").netPnl();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double marketMaker() {
        return BacktestThroughput.backtest("mm", events, false).portfolio("mm").netPnl();
    }
}
