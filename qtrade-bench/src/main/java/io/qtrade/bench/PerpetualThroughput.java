package io.qtrade.bench;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.margin.MarginSettings;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.core.ContractSpec;
import io.qtrade.core.Instrument;
import io.qtrade.core.margin.LeverageBrackets;
import io.qtrade.core.margin.MarginMode;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.strategy.Strategy;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The tick engine with a perpetual on margin against spot, in the same run: the same generated L2 market (the
 * {@link BacktestThroughput} tape) as a spot instrument, and as a linear perpetual held on cross margin with a
 * {@code MARK_PRICE} row after every {@code markEvery}-th event (default 50: Binance's mark-price stream is 1 s or 3 s,
 * its depth stream 100 ms plus trades) and a {@code FUNDING_RATE} row per funding interval (the tape's span / 24, so 24
 * settlements). Modes {@code noop} (a strategy that does nothing) and {@code mm} ({@link BacktestThroughput}'s
 * requoting market maker: margin checks on every order, funding on its inventory), spot and perp one after the other,
 * the order swapped every round.
 * Throughput is the spot tape's events per second (the perp run reads the same market plus its derivative rows), so
 * {@code perp / spot} is the slowdown the perpetual accounting costs; it is given per wall-clock second and per second
 * of the thread's CPU time (less disturbed by other processes on a shared machine).
 *
 * <pre>{@code
 * java -cp qtrade-bench/target/benchmarks.jar io.qtrade.bench.PerpetualThroughput [events] [rounds] [markEvery]
 * }</pre>
 */
public final class PerpetualThroughput {

    private static final Instrument SPOT = Instrument.spot("AAA", "SYN", 0.01, 1);
    private static final Instrument PERP = SPOT.withContract(
            ContractSpec.linearPerpetual("USD", Duration.ofHours(8)));

    private PerpetualThroughput() {
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 2_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int markEvery = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        EventBatch spot = BacktestThroughput.generate(events);
        EventBatch perp = withDerivativeRows(spot, markEvery);
        System.out.printf(Locale.ROOT, "%,d market events; the perpetual's tape adds %,d mark and funding rows%n",
                spot.size(), perp.size() - spot.size());
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (int round = 1; round <= rounds; round++) {
            for (String mode : new String[] {"noop", "mm"}) {
                double[] rate = new double[2];
                double[] cpuRate = new double[2];
                for (int j = 0; j < 2; j++) {
                    int k = round % 2 == 0 ? j : 1 - j; // spot first in even rounds, perp first in odd ones
                    boolean isPerp = k == 1;
                    long allocated = threads.getThreadAllocatedBytes(tid);
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    BacktestResult r = run(mode, isPerp ? perp : spot, isPerp);
                    long nanos = System.nanoTime() - start;
                    long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
                    cpuRate[k] = spot.size() * 1e3 / cpuNanos;
                    long bytes = threads.getThreadAllocatedBytes(tid) - allocated;
                    rate[k] = spot.size() * 1e3 / nanos;
                    System.out.printf(Locale.ROOT, "round %d %-4s %-4s %6.2f M events/s (wall) %6.2f M events/cpu-s"
                                    + " %8.2f B/event  fills %,d  funding settlements %d  netPnl %.2f%n", round, mode,
                            isPerp ? "perp" : "spot", rate[k], cpuRate[k], (double) bytes / spot.size(),
                            r.fillCount(), r.fundingRecords().size(), r.portfolio(mode).netPnl());
                }
                System.out.printf(Locale.ROOT, "round %d %-4s perp / spot = %.3f (wall), %.3f (thread CPU time)%n",
                        round, mode, rate[1] / rate[0], cpuRate[1] / cpuRate[0]);
            }
        }
    }

    /** {@code spot} with a mark row after every {@code markEvery}-th row and 24 funding announcements over its span. */
    static EventBatch withDerivativeRows(EventBatch spot, int markEvery) {
        long first = spot.exchTs(0);
        long span = Math.max(1, spot.exchTs(spot.size() - 1) - first);
        long interval = Math.max(1, span / 24);
        EventBatch out = new EventBatch(spot.size() + spot.size() / markEvery + 64);
        double last = 100.0;
        long announced = Long.MIN_VALUE;
        for (int r = 0; r < spot.size(); r++) {
            out.addFrom(spot, r, 0);
            long ts = spot.exchTs(r);
            if (spot.kind(r) == EventKind.TRADE) {
                last = spot.price(r);
            }
            if (r % markEvery == markEvery - 1) {
                out.add(0, ts, spot.localTs(r), EventKind.MARK_PRICE, (byte) 0, last, 0, EventBatch.NO_ORDER_ID);
            }
            long next = first + ((ts - first) / interval + 1) * interval;
            if (next != announced) {
                announced = next;
                out.add(0, ts, spot.localTs(r), EventKind.FUNDING_RATE, (byte) 0, 0.0001, 0, next);
            }
        }
        return out;
    }

    static BacktestResult run(String mode, EventBatch tape, boolean perp) {
        Instrument inst = perp ? PERP : SPOT;
        Strategy strategy = mode.equals("noop") ? new Strategy() { } : new BacktestThroughput.Requoter();
        Backtest.Builder b = Backtest.builder().source(new InMemoryEventSource(List.of(inst), tape))
                .exchange(ExchangeSettings.builder(inst).latency(new ConstantLatency(50_000, 50_000))
                        .queue(new ProbabilisticQueue(new PowerProbability(2))).fees(new BpsFees(-0.2, 2.0)).build())
                .strategy(mode, strategy).initialCash(1_000_000).markIntervalNanos(60_000_000_000L);
        if (perp) {
            b.margin(new MarginSettings(PERP, MarginMode.CROSS, 10, LeverageBrackets.flat(0.004, 125)));
        }
        return b.build().run();
    }
}
