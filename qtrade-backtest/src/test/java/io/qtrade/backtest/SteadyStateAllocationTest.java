package io.qtrade.backtest;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.strategy.Strategy;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static io.qtrade.backtest.Scenarios.AAA;
import static org.assertj.core.api.Assertions.assertThat;

class SteadyStateAllocationTest {

    private static long run(EventBatch events) {
        return Backtest.builder().source(new InMemoryEventSource(List.of(AAA), events))
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(1_000, 1_000))
                        .queue(new ProbabilisticQueue(new PowerProbability(2))).build())
                .strategy("noop", new Strategy() { }).markIntervalNanos(0).build().run().events();
    }

    @Test
    void theEventPathAllocatesLessThanOneBytePerEvent() {
        EventBatch all = RandomTape.generate(AAA, 0, 99, 600_000, 20_000);
        EventBatch half = new EventBatch(all.size() / 2);
        for (int r = 0; r < all.size() / 2; r++) {
            half.addFrom(all, r, 0);
        }
        run(all);
        run(half);
        long shortRun = allocated(half);
        long longRun = allocated(all);
        // The difference between a run over all the events and one over half of them is what the extra events cost;
        // per-run allocations (books, batches, result tables) cancel out.
        double perEvent = (double) (longRun - shortRun) / (all.size() - half.size());
        assertThat(perEvent).isLessThan(1.0);
    }

    private static BacktestResult quote(EventBatch events) {
        return Backtest.builder().source(new InMemoryEventSource(List.of(AAA), events))
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(1_000, 1_000))
                        .queue(new ProbabilisticQueue(new PowerProbability(2))).build())
                .strategy("mm", new QuotingStrategy(0, 1, 5, 0)).markIntervalNanos(0).build().run();
    }

    @Test
    void anOrderAllocatesOnlyItsOwnObjects() {
        EventBatch all = RandomTape.generate(AAA, 0, 99, 600_000, 20_000);
        EventBatch half = new EventBatch(all.size() / 2);
        for (int r = 0; r < all.size() / 2; r++) {
            half.addFrom(all, r, 0);
        }
        quote(all);
        quote(half);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long t0 = threads.getThreadAllocatedBytes(tid);
        BacktestResult shortRun = quote(half);
        long t1 = threads.getThreadAllocatedBytes(tid);
        BacktestResult longRun = quote(all);
        long t2 = threads.getThreadAllocatedBytes(tid);
        long extraOrders = longRun.orderRecords().size() - shortRun.orderRecords().size();
        long extraFills = longRun.fillRecords().size() - shortRun.fillRecords().size();
        assertThat(extraOrders).isGreaterThan(1_000);
        assertThat(extraFills).isGreaterThan(100);
        // What the extra orders cost, per order, fills included (this tape: 64,485 extra orders, 18,715 extra fills
        // over 300,000 extra events) under OrderHistory.ALL, which keeps every order for the result. An order needs
        // its Order and OrderRecord and a slot in the record lists (its OrderRequest is built only if asked for); a
        // fill its Fill and FillRecord: about 230 B per order here from the allocation samples. Measured
        // 345 B per order on 2026-11-25 (JDK 17, compressed oops); the rest is the growth of the record lists and
        // the result's copies. Nothing else grows with the orders: no message strings (634 B per order before they
        // were built only on failure), no execution report for a strategy that does not read
        // reports, no object per in-flight message.
        double perOrder = (double) ((t2 - t1) - (t1 - t0)) / extraOrders;
        assertThat(perOrder).isBetween(150.0, 450.0);
    }

    private static long allocated(EventBatch events) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        run(events);
        return threads.getThreadAllocatedBytes(tid) - before;
    }
}
