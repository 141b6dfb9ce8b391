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
import io.qtrade.core.market.EventSource;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.features.volatility.EwmaVolatility;
import io.qtrade.store.ReadAheadSource;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickQuery;
import io.qtrade.store.TickStore;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.strategies.marketmaking.AvellanedaStoikov;
import io.qtrade.strategies.marketmaking.MarketMaker;
import io.qtrade.strategies.marketmaking.TradeIntensityEstimator;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A backtest read from the tick store against the same backtest over the same events in memory, in one run (issue
 * 22): {@code events} synthetic L2 events of one instrument (seed 7) written to a Parquet store, then per round and
 * per strategy ({@code noop}: a strategy that does nothing; {@code as}: the Avellaneda-Stoikov
 * {@link MarketMaker} of qtrade-strategies) three runs:
 * <ol>
 *   <li>{@code memory}: the events decoded once beforehand, streamed from an {@link InMemoryEventSource};</li>
 *   <li>{@code store}: {@link TickStore#read}, reading and decoding on the backtest's thread;</li>
 *   <li>{@code pipelined}: the same read through a {@link ReadAheadSource} (reading and decoding on a second
 *       thread).</li>
 * </ol>
 * Wall-clock events per second and its ratio to {@code memory} of the same round (the goal's measure: on two free
 * cores the reading thread runs beside the backtest); the backtest thread's own CPU time per event and its ratio to
 * {@code memory} (what the pipeline leaves on the backtest's thread, whatever the machine's load); the CPU time of
 * every other thread of the process over the run (the reading thread's decoding, the collector, the JIT); the load
 * average; and the bytes the backtest's thread allocated per event. Results (orders, fills, net PnL) are printed so that a run shows the three paths agree.
 *
 * <pre>{@code
 * java -cp qtrade-bench/target/benchmarks.jar io.qtrade.bench.StoreBacktestThroughput [events] [rounds] [noop,as]
 * }</pre>
 */
public final class StoreBacktestThroughput {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);

    private StoreBacktestThroughput() {
    }

    public static void main(String[] args) throws IOException {
        long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String[] strategies = args.length > 2 ? args[2].split(",") : new String[]{"noop", "as"};
        Path root = Files.createTempDirectory("qtrade-store-backtest");
        try {
            long t0 = System.nanoTime();
            TickStore store = TickStore.at(root);
            store.write(SyntheticMarket.builder().instrument(AAA, 100.00).events(events).seed(7).build(),
                    TickFormat.PARQUET);
            TickQuery query = TickQuery.symbols(AAA.symbol());
            EventBatch all = load(store, query, events);
            System.out.printf(Locale.ROOT, "wrote and loaded %,d events in %.1f s; %d cores; load average %.2f%n",
                    all.size(), (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long tid = Thread.currentThread().getId();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            for (int round = 1; round <= rounds; round++) {
                for (String strategy : strategies) {
                    double memoryRate = 0;
                    double memoryCpuRate = 0;
                    for (String path : new String[]{"memory", "store", "pipelined"}) {
                        long allocated = threads.getThreadAllocatedBytes(tid);
                        long cpuStart = threads.getCurrentThreadCpuTime();
                        long processCpuStart = os.getProcessCpuTime();
                        long start = System.nanoTime();
                        BacktestResult r;
                        try (EventSource source = switch (path) {
                            case "memory" -> new InMemoryEventSource(List.of(AAA), all);
                            case "store" -> store.read(query);
                            default -> new ReadAheadSource(store.read(query));
                        }) {
                            r = backtest(source, strategy.equals("noop") ? new Strategy() { } : maker());
                        }
                        long nanos = System.nanoTime() - start;
                        long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
                        long otherCpuNanos = os.getProcessCpuTime() - processCpuStart - cpuNanos;
                        long bytes = threads.getThreadAllocatedBytes(tid) - allocated;
                        double rate = r.events() * 1e3 / nanos;
                        double cpuRate = r.events() * 1e3 / cpuNanos;
                        if (path.equals("memory")) {
                            memoryRate = rate;
                            memoryCpuRate = cpuRate;
                        }
                        System.out.printf(Locale.ROOT,
                                "round %d %-4s %-9s %,7.2f M events/s  ratio %.3f  %,7.2f M events/cpu-s  cpu ratio"
                                        + " %.3f  other threads %,6.3f cpu-s  load %.2f  %,7.2f B/event  orders %,d"
                                        + " fills %,d netPnl %.6f%n", round, strategy, path, rate, rate / memoryRate,
                                cpuRate, cpuRate / memoryCpuRate, otherCpuNanos / 1e9, os.getSystemLoadAverage(),
                                (double) bytes / r.events(), r.orderCount(), r.fillCount(),
                                r.portfolio("s").netPnl());
                    }
                }
            }
        } finally {
            StoreDecodeBenchmark.delete(root);
        }
    }

    /** Every event of the query in one in-memory batch. */
    static EventBatch load(TickStore store, TickQuery query, long events) {
        EventBatch all = new EventBatch((int) events + 1);
        EventBatch chunk = new EventBatch(4096);
        try (EventSource s = store.read(query)) {
            while (s.readBatch(chunk)) {
                all.addRange(chunk, 0, chunk.size());
            }
        }
        return all;
    }

    /** The Avellaneda-Stoikov maker as {@code MarketMakingBenchmark} configures it. */
    static MarketMaker maker() {
        return MarketMaker.builder()
                .model(new AvellanedaStoikov(0.3))
                .orderQty(1)
                .maxInventory(20)
                .volatility(new EwmaVolatility(0.97))
                .intensity(new TradeIntensityEstimator(AAA.tickSize(), 10, 600, 10))
                .ofiSkewTicks(0.5)
                .build();
    }

    static BacktestResult backtest(EventSource source, Strategy strategy) {
        return Backtest.builder().source(source)
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(50_000, 50_000))
                        .queue(new ProbabilisticQueue(new PowerProbability(2))).fees(new BpsFees(-0.2, 2.0)).build())
                .strategy("s", strategy).markIntervalNanos(60_000_000_000L).build().run();
    }
}
