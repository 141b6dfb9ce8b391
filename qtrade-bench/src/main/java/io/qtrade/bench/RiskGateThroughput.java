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
import io.qtrade.risk.PreTradeRiskGate;
import io.qtrade.risk.RiskGate;
import io.qtrade.risk.breakers.DailyLossLimit;
import io.qtrade.risk.breakers.MaxDrawdownBreaker;
import io.qtrade.risk.killswitch.HeartbeatMonitor;
import io.qtrade.risk.killswitch.KillSwitch;
import io.qtrade.risk.limits.MaxOpenOrders;
import io.qtrade.risk.limits.MaxOrderNotional;
import io.qtrade.risk.limits.MaxOrderQty;
import io.qtrade.risk.limits.MaxPosition;
import io.qtrade.risk.limits.OrderRateLimit;
import io.qtrade.risk.limits.PriceBand;
import io.qtrade.risk.stops.StopLoss;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * What a full pre-trade gate costs the backtest loop: {@code BacktestThroughput}'s requoting market maker ({@code mm},
 * about 18 orders per 1000 events) run with {@link RiskGate#NONE} and with a gate of every check that keeps state
 * (kill switch, heartbeat, order size and notional, price band, position, rate, open orders, daily loss, drawdown,
 * position stop: market data hooks on every event, order hooks on every order), alternated round by round over the
 * same in-memory events. The limits are set so that nothing trips: both runs send the same orders.
 *
 * <pre>{@code
 * java -Xms2g -Xmx2g -cp qtrade-bench/target/benchmarks.jar io.qtrade.bench.RiskGateThroughput [events] [rounds]
 * }</pre>
 */
public final class RiskGateThroughput {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);

    private RiskGateThroughput() {
    }

    /** Runs the rounds; arguments: events (default 2,000,000), rounds (default 3). */
    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 2_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        EventBatch all = BacktestThroughput.generate(events);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (int round = 1; round <= rounds; round++) {
            for (String mode : new String[] {"none", "gate"}) {
                RiskGate gate = mode.equals("none") ? RiskGate.NONE : fullGate();
                long allocated = threads.getThreadAllocatedBytes(tid);
                long start = System.nanoTime();
                BacktestResult r = run(all, gate);
                long nanos = System.nanoTime() - start;
                long bytes = threads.getThreadAllocatedBytes(tid) - allocated;
                System.out.printf(Locale.ROOT, "round %d %-4s %,6.2f M events/s  %,8.2f B/event  orders %,d fills %,d"
                                + " netPnl %.2f%n", round, mode, all.size() * 1e3 / nanos, (double) bytes / all.size(),
                        r.orderRecords().size(), r.fillRecords().size(), r.portfolio("mm").netPnl());
            }
        }
    }

    /** Every stateful check, with limits the market maker (1 lot, at most 5 either way) never reaches. */
    static RiskGate fullGate() {
        KillSwitch killSwitch = new KillSwitch();
        return PreTradeRiskGate.builder()
                .check(killSwitch)
                .check(new HeartbeatMonitor(killSwitch, 3_600_000_000_000L))
                .check(new MaxOrderQty(10))
                .check(new MaxOrderNotional(10_000))
                .check(new PriceBand(500))
                .check(new MaxPosition(1_000))
                .check(new OrderRateLimit(1_000_000, 1e9))
                .check(new MaxOpenOrders(1_000))
                .check(new DailyLossLimit(killSwitch, 1e9))
                .check(MaxDrawdownBreaker.ofAmount(killSwitch, 1e9))
                .check(StopLoss.perPosition(1e9))
                .build();
    }

    static BacktestResult run(EventBatch all, RiskGate gate) {
        return Backtest.builder().source(new InMemoryEventSource(List.of(AAA), all))
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(50_000, 50_000))
                        .queue(new ProbabilisticQueue(new PowerProbability(2))).fees(new BpsFees(-0.2, 2.0)).build())
                .strategy("mm", new BacktestThroughput.Requoter()).riskGate(gate)
                .markIntervalNanos(60_000_000_000L).build().run();
    }
}
