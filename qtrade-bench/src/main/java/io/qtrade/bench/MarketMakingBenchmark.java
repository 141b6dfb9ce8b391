package io.qtrade.bench;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.features.volatility.EwmaVolatility;
import io.qtrade.strategies.marketmaking.AvellanedaStoikov;
import io.qtrade.strategies.marketmaking.GueantLehalleFernandezTapia;
import io.qtrade.strategies.marketmaking.MarketMaker;
import io.qtrade.strategies.marketmaking.QuoteModel;
import io.qtrade.strategies.marketmaking.TradeIntensityEstimator;
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
 * The market makers of {@code io.qtrade.strategies.marketmaking} in the backtester, one operation = one market event
 * over {@value #EVENTS} synthetic L2 events (seed 7) per invocation: {@code noop} (the baseline: the same backtest with
 * a strategy that does nothing), {@code touchRequoter} (the bench's simple touch-joining maker, for reference),
 * {@code avellanedaStoikov} (gamma 0.3) and {@code glft} (gamma 10, Q = 5), both with
 * EWMA sigma, the online intensity fit and OFI skew, constant 50 µs latency, {@code ProbabilisticQueue(PowerProbability
 * (2))}. And the quote models alone, one operation = one bid and ask depth, against a linear skew as the baseline.
 *
 * <pre>{@code
 * java -jar qtrade-bench/target/benchmarks.jar 'MarketMakingBenchmark' -f 1 -wi 3 -i 5 -w 1 -r 1 -prof gc
 * java -Xms2g -Xmx2g -cp qtrade-bench/target/benchmarks.jar io.qtrade.bench.MarketMakingBenchmark 8
 * }</pre>
 * The {@code main} runs the four backtests interleaved, round after round in one JVM, and prints each round's
 * events/s and its ratio to that round's no-op run: on a shared machine whose load changes by the minute, ratios
 * within a round are the comparable figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MarketMakingBenchmark {

    /** Events per backtest invocation. */
    public static final int EVENTS = 1_000_000;
    /** Inventories per model invocation. */
    public static final int QUOTES = 1024;

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);

    private EventBatch events;
    private final double[] inventories = new double[QUOTES];
    private final AvellanedaStoikov as = new AvellanedaStoikov(0.3);
    private final GueantLehalleFernandezTapia glft = new GueantLehalleFernandezTapia(10, 5);

    /**
     * Interleaved rounds of {@code noop}, {@code touchRequoter}, {@code avellanedaStoikov} and {@code glft}; the
     * optional argument is the number of rounds (default 8).
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        MarketMakingBenchmark b = new MarketMakingBenchmark();
        b.generate();
        String[] names = {"noop", "touchRequoter", "avellanedaStoikov", "glft"};
        for (int round = 1; round <= rounds; round++) {
            double[] rate = new double[names.length];
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (int i = 0; i < names.length; i++) {
                Strategy strategy = switch (i) {
                    case 0 -> new Strategy() { };
                    case 1 -> new BacktestThroughput.Requoter();
                    case 2 -> maker(new AvellanedaStoikov(0.3));
                    default -> maker(new GueantLehalleFernandezTapia(10, 5));
                };
                long t0 = System.nanoTime();
                BacktestResult result = b.backtest(strategy);
                rate[i] = EVENTS / ((System.nanoTime() - t0) * 1e-9);
                line.append(String.format(java.util.Locale.ROOT, "  %s %.2f M/s (%.2f, %.1f orders/1000 events)",
                        names[i], rate[i] / 1e6, rate[i] / rate[0], result.orderRecords().size() * 1e3 / EVENTS));
            }
            System.out.println(line);
        }
    }

    @Setup
    public void generate() {
        events = BacktestThroughput.generate(EVENTS);
        for (int i = 0; i < QUOTES; i++) {
            inventories[i] = (i % 9) - 4;
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double noop() {
        return backtest(new Strategy() { }).portfolio("s").netPnl();
    }

    /** Reference: the bench's touch-joining {@code BacktestThroughput.Requoter} on the same events. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double touchRequoter() {
        return backtest(new BacktestThroughput.Requoter()).portfolio("s").netPnl();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double avellanedaStoikov() {
        return backtest(maker(new AvellanedaStoikov(0.3))).portfolio("s").netPnl();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double glft() {
        return backtest(maker(new GueantLehalleFernandezTapia(10, 5))).portfolio("s").netPnl();
    }

    /** Baseline of the model benchmarks: a linear skew {@code c + q * d} per side. */
    @Benchmark
    @OperationsPerInvocation(QUOTES)
    public double linearSkewBaseline() {
        double sum = 0;
        for (double q : inventories) {
            sum += 0.0129 + q * 0.006 + 0.0129 - q * 0.006 * 1.0001;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(QUOTES)
    public double avellanedaStoikovDepths() {
        double sum = 0;
        for (double q : inventories) {
            sum += as.bidDepth(q, 0.0079, 60, 163, 0.87) + as.askDepth(q, 0.0079, 60, 163, 0.87);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(QUOTES)
    public double glftDepths() {
        double sum = 0;
        for (double q : inventories) {
            sum += glft.bidDepth(q, 0.0079, 0, 163, 0.87) + glft.askDepth(q, 0.0079, 0, 163, 0.87);
        }
        return sum;
    }

    static MarketMaker maker(QuoteModel model) {
        return MarketMaker.builder()
                .model(model)
                .orderQty(1)
                .maxInventory(20)
                .volatility(new EwmaVolatility(0.97))
                .intensity(new TradeIntensityEstimator(AAA.tickSize(), 10, 600, 10))
                .ofiSkewTicks(0.5)
                .build();
    }

    private BacktestResult backtest(Strategy strategy) {
        return Backtest.builder()
                .source(new InMemoryEventSource(List.of(AAA), events))
                .exchange(ExchangeSettings.builder(AAA)
                        .latency(new ConstantLatency(50_000, 50_000))
                        .queue(new ProbabilisticQueue(new PowerProbability(2)))
                        .fees(new BpsFees(-0.2, 2.0))
                        .build())
                .strategy("s", strategy)
                .markIntervalNanos(60_000_000_000L)
                .build()
                .run();
    }
}
