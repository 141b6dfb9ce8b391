package io.qtrade.bench;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.strategies.execution.ExecutionAlgo;
import io.qtrade.strategies.execution.ParentOrder;
import io.qtrade.strategies.execution.PovSchedule;
import io.qtrade.strategies.execution.TwapSchedule;
import io.qtrade.strategies.pairs.EngleGrangerTest;
import io.qtrade.strategies.pairs.KalmanPairsTrader;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the execution algorithms and the pairs trader cost per market event in a full backtest, against the same
 * backtest with a strategy that does nothing ({@code noop}, the baseline). One operation = one event of a
 * {@value #EVENTS}-event two-instrument synthetic L2 market (AAA at 100, BBB at 50, 10 lots per order unit, fair
 * values correlated 0.8 with {@code meanReversion(1.0)}, seed 7, about 80 minutes of market time), held in memory:
 * <ul>
 *   <li>{@code twap}: {@code ExecutionAlgo} on a 60-slice TWAP buying 20,000 AAA over the first hour: evaluates on
 *       every AAA book update and print, re-pegs its resting child when the bid moves, catches up by IOC;</li>
 *   <li>{@code pov}: a 10% POV over the same hour, children of 10 to 100 lots;</li>
 *   <li>{@code pairs}: {@code KalmanPairsTrader} AAA against BBB, one sample a second, Engle-Granger gate on 600
 *       samples re-tested every 60.</li>
 * </ul>
 * Constant 50 µs order latency, {@code ProbabilisticQueue(PowerProbability(2))}. With {@code -prof gc},
 * {@code gc.alloc.rate.norm} is bytes per event, the run's set-up and its result rows included.
 *
 * <pre>{@code
 * java -jar qtrade-bench/target/benchmarks.jar 'ExecutionPairsBenchmark' -f 1 -wi 3 -i 5 -w 1 -r 1 -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ExecutionPairsBenchmark {

    /** Events per invocation. */
    public static final int EVENTS = 1_000_000;

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    private static final Instrument BBB = Instrument.spot("BBB", "SYN", 0.01, 1);
    private static final long SECOND = 1_000_000_000L;
    private static final long START = SyntheticMarket.DEFAULT_START_NANOS + 60 * SECOND;
    private static final long END = START + 3600 * SECOND;

    private EventBatch events;

    @Setup
    public void generate() {
        SyntheticMarket market = SyntheticMarket.builder().instrument(AAA, 100.00).instrument(BBB, 50.00)
                .orderSizeLots(10).snapshot(true).meanReversion(1.0).correlation(0.8).events(EVENTS).seed(7)
                .build();
        events = new EventBatch(EVENTS + 100_000);
        EventBatch chunk = new EventBatch(4096);
        while (market.readBatch(chunk)) {
            events.addRange(chunk, 0, chunk.size());
        }
    }

    private double run(Strategy strategy) {
        Backtest.Builder b = Backtest.builder().source(new InMemoryEventSource(List.of(AAA, BBB), events))
                .strategy("s", strategy).markIntervalNanos(60 * SECOND);
        for (Instrument i : List.of(AAA, BBB)) {
            b.exchange(ExchangeSettings.builder(i).latency(new ConstantLatency(50_000, 50_000))
                    .queue(new ProbabilisticQueue(new PowerProbability(2))).fees(new BpsFees(-0.5, 2.0)).build());
        }
        return b.build().run().portfolio("s").netPnl();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double noop() {
        return run(new Strategy() { });
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double twap() {
        ParentOrder parent = ParentOrder.unlimited(AAA, Side.BUY, 20_000, START, END);
        return run(ExecutionAlgo.builder(TwapSchedule.of(parent, 60)).build());
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double pov() {
        ParentOrder parent = ParentOrder.unlimited(AAA, Side.BUY, 1_000_000, START, END);
        return run(ExecutionAlgo.builder(PovSchedule.of(parent, 0.10)).minChildQty(10).maxChildQty(100).build());
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double pairs() {
        return run(KalmanPairsTrader.builder(AAA, BBB).kalman(1e-9, 0.01).legNotional(10_000)
                .cointegrationGate(new EngleGrangerTest(0.05), 600, 60).build());
    }
}
