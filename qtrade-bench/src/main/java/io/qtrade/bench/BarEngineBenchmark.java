package io.qtrade.bench;

import io.qtrade.bars.BarBacktest;
import io.qtrade.bars.BarContext;
import io.qtrade.bars.cost.BpsCommission;
import io.qtrade.bars.order.Rebalance;
import io.qtrade.bars.synthetic.SyntheticEquityMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarSlice;
import io.qtrade.core.bar.BarSource;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
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
 * The bar engine on 500 symbols x 20 years of daily bars ({@value #BARS} bar events per invocation), one operation =
 * one bar: {@code drain} (the baseline: the source read through batches, no engine), {@code noop} (the engine with a
 * strategy that does nothing) and {@code monthlyRebalance} (equal weights of all 500 symbols, rebalanced at the first
 * bar of each month at the next open, 1 bp commission). Heap bounded: the source replays one generated year
 * (500 x 252 bars, about 10 MB) twenty times with shifted times, so the fork runs in {@code -Xmx256m}; nothing loads
 * the 20 years.
 *
 * <pre>{@code
 * java -jar qtrade-bench/target/benchmarks.jar 'BarEngineBenchmark' -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BarEngineBenchmark {

    static final int SYMBOLS = 500;
    static final int DAYS_PER_YEAR = 252;
    static final int YEARS = 20;
    /** Bar events per invocation. */
    public static final int BARS = SYMBOLS * DAYS_PER_YEAR * YEARS;

    private BarBatch year;
    private List<Instrument> instruments;

    @Setup
    public void generate() {
        SyntheticEquityMarket m = new SyntheticEquityMarket(SyntheticEquityMarket.Settings.DEFAULTS
                .withSymbols(SYMBOLS).withDays(DAYS_PER_YEAR).withSeed(1).withoutListingChanges());
        instruments = m.instruments();
        year = new BarBatch(SYMBOLS * DAYS_PER_YEAR);
        BarBatch b = new BarBatch(4096);
        while (m.readBatch(b)) {
            year.addRange(b, 0, b.size());
        }
    }

    /** Replays {@code year} {@code years} times, each copy 364 days later (a whole number of weeks). */
    static final class RepeatingSource implements BarSource {
        private static final long SHIFT = 364L * 86_400_000_000_000L;
        private final BarBatch year;
        private final List<Instrument> instruments;
        private final int years;
        private int copy;
        private int next;

        RepeatingSource(BarBatch year, List<Instrument> instruments, int years) {
            this.year = year;
            this.instruments = instruments;
            this.years = years;
        }

        @Override
        public List<Instrument> instruments() {
            return instruments;
        }

        @Override
        public boolean readBatch(BarBatch into) {
            into.clear();
            while (!into.isFull() && copy < years) {
                int rows = Math.min(into.capacity() - into.size(), year.size() - next);
                int at = into.size();
                into.addRange(year, next, rows);
                if (copy > 0) {
                    into.shiftTimes(at, rows, copy * SHIFT);
                }
                next += rows;
                if (next == year.size()) {
                    next = 0;
                    copy++;
                }
            }
            return !into.isEmpty();
        }
    }

    /** Does nothing. */
    static final class Noop implements Strategy {
    }

    /** Equal weights of every symbol with a bar, at the first bar of each month (30-day buckets), next open. */
    static final class MonthlyEqualWeight implements Strategy {
        private BarContext context;
        private double[] weights;
        private long month = -1;

        @Override
        public void onStart(StrategyContext c) {
            context = BarContext.of(c);
            weights = new double[context.instruments().size()];
        }

        @Override
        public void onBars(BarSlice bars) {
            long m = bars.endTs() / (30 * 86_400_000_000_000L);
            if (m == month) {
                return;
            }
            month = m;
            java.util.Arrays.fill(weights, 0.0);
            for (int k = 0; k < bars.size(); k++) {
                weights[bars.instrument(k)] = 0.95 / bars.size();
            }
            context.rebalanceToWeights(weights, Rebalance.NEXT_OPEN);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public long drain() {
        RepeatingSource s = new RepeatingSource(year, instruments, YEARS);
        BarBatch b = new BarBatch(4096);
        long sum = 0;
        while (s.readBatch(b)) {
            sum += b.size() + b.endTs(b.size() - 1);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double noop() {
        return BarBacktest.builder().source(new RepeatingSource(year, instruments, YEARS)).strategy("noop", new Noop())
                .build().run().portfolio("noop").equity();
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double monthlyRebalance() {
        return BarBacktest.builder().source(new RepeatingSource(year, instruments, YEARS))
                .strategy("monthly", new MonthlyEqualWeight()).commission(BpsCommission.of(1))
                .build().run().portfolio("monthly").equity();
    }
}
