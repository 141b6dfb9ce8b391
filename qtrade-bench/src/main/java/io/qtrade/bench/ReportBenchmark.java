package io.qtrade.bench;

import io.qtrade.backtest.execution.MarketTape;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.risk.metrics.Conventions;
import io.qtrade.risk.metrics.PerformanceMetrics;
import io.qtrade.risk.metrics.PerformanceSummary;
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

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * What the report's analysis costs after a backtest. {@code marketTape}: replaying a synthetic two-instrument L2
 * market into a {@link MarketTape} (the execution-quality benchmark), events per second, against
 * {@code baselineBookReplay}: the same events through one {@link OrderBook} per instrument and nothing recorded.
 * {@code performanceSummary}: every metric of {@link PerformanceMetrics#ofReturns} on 100,000 returns, returns per
 * second, against {@code baselineSortCopy}: sorting a copy of them (what the historical VaR cannot avoid).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReportBenchmark {

    static final int EVENTS = 1 << 19;
    static final int RETURNS = 100_000;

    private InMemoryEventSource source;
    private List<Instrument> instruments;
    private double[] returns;
    private final EventBatch batch = new EventBatch(4096);
    private final EventCursor cursor = new EventCursor();

    @Setup
    public void setUp() {
        Instrument aaa = Instrument.spot("AAA", "SYN", 0.01, 1);
        Instrument bbb = Instrument.spot("BBB", "SYN", 0.01, 1);
        SyntheticMarket market = SyntheticMarket.builder().instrument(aaa, 100.00).instrument(bbb, 50.00)
                .events(EVENTS).seed(7).build();
        EventBatch all = new EventBatch(EVENTS + 16);
        EventBatch chunk = new EventBatch(4096);
        while (market.readBatch(chunk)) {
            all.addRange(chunk, 0, chunk.size());
        }
        instruments = market.instruments();
        source = new InMemoryEventSource(instruments, all);
        SplittableRandom r = new SplittableRandom(11);
        returns = new double[RETURNS];
        for (int i = 0; i < RETURNS; i++) {
            returns[i] = 0.0002 + 0.01 * (r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double baselineBookReplay() {
        source.rewind();
        OrderBook[] books = {new OrderBook(instruments.get(0)), new OrderBook(instruments.get(1))};
        double sum = 0.0;
        while (source.readBatch(batch)) {
            cursor.reset(batch);
            while (cursor.next()) {
                if (cursor.kind() != EventKind.TRADE) {
                    OrderBook b = books[cursor.instrument()];
                    b.apply(cursor);
                    sum += b.mid();
                }
            }
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public MarketTape marketTape() {
        source.rewind();
        return MarketTape.of(source);
    }

    @Benchmark
    @OperationsPerInvocation(RETURNS)
    public double[] baselineSortCopy() {
        double[] s = returns.clone();
        Arrays.sort(s);
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(RETURNS)
    public PerformanceSummary performanceSummary() {
        return PerformanceMetrics.ofReturns(returns, Conventions.DAILY);
    }
}
