package io.qtrade.bench;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.OrderHistory;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.core.time.Timestamps;
import io.qtrade.research.sweep.DecodeStats;
import io.qtrade.research.sweep.ParameterGrid;
import io.qtrade.research.sweep.ParameterSet;
import io.qtrade.research.sweep.Partitions;
import io.qtrade.research.sweep.Sweep;
import io.qtrade.research.sweep.SweepResult;
import io.qtrade.research.sweep.SweepRun;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickStore;
import io.qtrade.store.synthetic.SyntheticMarket;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A sweep that reads each day per backtest (today's path: the factory opens the tick store in every run) against the
 * same sweep decoding each day once ({@code Sweep.Builder.decodeOnce}): {@code sets} parameter sets ({@link Quoter}
 * offset 0..3 x max position 2 and 6: 8) on {@code days} days of {@code events} synthetic L2 events each (seeds
 * 1000 + day), read from a Parquet tick store written once, on {@code threads} threads. Rounds alternate the two
 * (which goes first alternates too); each prints backtests per minute, the ratio decode-once / per-run of the round,
 * the process's CPU seconds per sweep, and checks that both tables are equal.
 *
 * <pre>{@code
 * java -Xms2g -Xmx2g -cp qtrade-bench/target/benchmarks.jar io.qtrade.bench.SweepDecodeOnce [days=4] [events=400000] [threads=2] [rounds=5] [dir]
 * }</pre>
 */
public final class SweepDecodeOnce {

    static final Instrument AAA = Instrument.spot("AAA", "SIM", 0.01, 1);
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 2);

    private SweepDecodeOnce() {
    }

    public static void main(String[] args) throws IOException {
        int days = 4;
        long events = 400_000;
        int threads = 2;
        int rounds = 5;
        Path dir = null;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "days" -> days = Integer.parseInt(kv[1]);
                case "events" -> events = Long.parseLong(kv[1].replace("_", ""));
                case "threads" -> threads = Integer.parseInt(kv[1]);
                case "rounds" -> rounds = Integer.parseInt(kv[1]);
                default -> dir = Path.of(a);
            }
        }
        if (dir == null) {
            dir = Files.createTempDirectory("qtrade-sweep-bench");
        }
        String root = dir.toString();
        if (!Files.exists(dir.resolve("venue=SIM"))) {
            for (int d = 0; d < days; d++) {
                SyntheticMarket market = SyntheticMarket.builder().instrument(AAA, 100.0).events(events)
                        .seed(1_000 + d).startNanos(Timestamps.startOfDay(FIRST_DAY.plusDays(d))).build();
                TickStore.at(dir).write(market, TickFormat.PARQUET);
            }
        }
        var partitions = Partitions.inStore(TickStore.at(dir), "SIM", List.of("AAA"), null, null);
        ParameterGrid grid = ParameterGrid.builder().values("offset", 0, 1, 2, 3).values("max", 2, 6).build();
        System.out.printf(Locale.ROOT, "%d sets x %d days of %,d events, %d threads, store %s%n",
                grid.cartesian().size(), partitions.size(), events, threads, root);
        double[] ratios = new double[rounds];
        for (int round = 1; round <= rounds; round++) {
            double perRun = 0;
            double once = 0;
            String perRunTable = null;
            String onceTable = null;
            for (int k = 0; k < 2; k++) {
                boolean decodeOnce = (k == 0) == (round % 2 == 0);
                Sweep.Builder b = Sweep.builder().grid(grid).partitions(partitions).threads(threads)
                        .samplePeriodNanos(1_000_000_000L);
                if (decodeOnce) {
                    b.decodeOnce(part -> TickStore.at(Path.of(root)).read(part.query()),
                            (p, part, source) -> backtest(source, p));
                } else {
                    b.factory((p, part) -> backtest(TickStore.at(Path.of(root)).read(part.query()), p));
                }
                long cpu0 = processCpuNanos();
                SweepRun run = b.build().start();
                SweepResult r = run.await();
                double cpu = (processCpuNanos() - cpu0) / 1e9;
                if (!r.failures().isEmpty()) {
                    throw new IllegalStateException("failed runs: " + r.failures());
                }
                DecodeStats stats = run.decodeStats();
                System.out.printf(Locale.ROOT, "round %d %-11s %8.1f backtests/min  %6.2f s wall  %6.2f cpu-s"
                                + "  shared %d re-read %d peak %.1f MB%n", round,
                        decodeOnce ? "decode-once" : "per-run", r.backtestsPerMinute(), r.wallNanos() / 1e9, cpu,
                        stats.partitionsShared(), stats.partitionsReRead(), stats.peakBytesHeld() / 1e6);
                if (decodeOnce) {
                    once = r.backtestsPerMinute();
                    onceTable = r.table().printAll();
                } else {
                    perRun = r.backtestsPerMinute();
                    perRunTable = r.table().printAll();
                }
            }
            ratios[round - 1] = once / perRun;
            System.out.printf(Locale.ROOT, "round %d decode-once / per-run %.2f, tables %s%n", round,
                    ratios[round - 1], onceTable.equals(perRunTable) ? "equal" : "DIFFERENT");
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "median ratio %.2f over %d rounds%n", sorted[sorted.length / 2], rounds);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static Backtest backtest(EventSource source, ParameterSet p) {
        return Backtest.builder().source(source)
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(50_000, 50_000))
                        .queue(new ProbabilisticQueue(new PowerProbability(2))).fees(new BpsFees(-0.2, 2.0)).build())
                .strategy("mm", new Quoter(p.getInt("offset"), p.get("max")))
                .markIntervalNanos(1_000_000_000L).orderHistory(OrderHistory.OPEN_ONLY).build();
    }

    /**
     * Quotes {@code offsetTicks} behind the touch on both sides, 1 lot, requotes when the touch moves, stops the side
     * that would take the position beyond {@code maxPosition} (the research module's test quoter, which the earlier
     * sweep measurements used).
     */
    static final class Quoter implements Strategy {
        private final int offsetTicks;
        private final double maxPosition;
        private final long[] open = new long[16];
        private StrategyContext ctx;
        private long bid;
        private long ask;
        private double bidPrice = Double.NaN;
        private double askPrice = Double.NaN;

        Quoter(int offsetTicks, double maxPosition) {
            this.offsetTicks = offsetTicks;
            this.maxPosition = maxPosition;
        }

        @Override
        public void onStart(StrategyContext context) {
            this.ctx = context;
        }

        @Override
        public void onBook(int instrument, OrderBookView book) {
            if (book.isEmpty(Side.BUY) || book.isEmpty(Side.SELL)) {
                return;
            }
            int n = ctx.openOrders(instrument, open);
            double tick = ctx.instruments().get(instrument).tickSize();
            double position = ctx.position(instrument).qty();
            double wantBid = book.bestBid() - offsetTicks * tick;
            double wantAsk = book.bestAsk() + offsetTicks * tick;
            bid = requote(instrument, n, bid, bidPrice, wantBid, Side.BUY, position < maxPosition);
            bidPrice = bid == 0 ? Double.NaN : wantBid;
            ask = requote(instrument, n, ask, askPrice, wantAsk, Side.SELL, position > -maxPosition);
            askPrice = ask == 0 ? Double.NaN : wantAsk;
        }

        private long requote(int instrument, int n, long id, double price, double want, Side side, boolean allowed) {
            boolean isOpen = false;
            for (int k = 0; k < n; k++) {
                isOpen |= open[k] == id;
            }
            if (isOpen) {
                if (allowed && Math.abs(price - want) < 1e-9) {
                    return id;
                }
                ctx.cancel(id);
            }
            return allowed ? ctx.submitLimit(instrument, side, want, 1, TimeInForce.GTC) : 0;
        }
    }
}
