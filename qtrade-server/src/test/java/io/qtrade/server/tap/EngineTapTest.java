package io.qtrade.server.tap;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.OrderHistory;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.store.synthetic.SyntheticMarket;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine side of the server: the ring keeps order and counts what it drops, the snapshots are consistent under a
 * concurrent reader, and a wrapped strategy adds no allocation per event on the engine thread (the thread's
 * allocated bytes over a whole backtest, with and without the tap, with a reader draining and asking for snapshots
 * all the time).
 */
class EngineTapTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);

    @Test
    void theRingDeliversInOrderAndCountsWhatAFullRingDrops() {
        TapRing ring = new TapRing(4);
        for (int i = 0; i < 6; i++) {
            TapEvent e = ring.claim();
            if (e != null) {
                e.kind(TapEvent.Kind.TRADE);
                e.price = i;
                ring.publish();
            }
        }
        assertThat(ring.dropped()).isEqualTo(2);
        List<Double> got = new ArrayList<>();
        assertThat(ring.drain(e -> got.add(e.price()), 100)).isEqualTo(4);
        assertThat(got).containsExactly(0.0, 1.0, 2.0, 3.0);
        // Room again after draining.
        TapEvent e = ring.claim();
        e.price = 9;
        ring.publish();
        ring.drain(x -> got.add(x.price()), 100);
        assertThat(got).endsWith(9.0);
        assertThat(ring.published()).isEqualTo(5);
        assertThatThrownBy(() -> new TapRing(6)).hasMessage(
                "tap ring: capacity must be a power of two >= 2, was 6");
    }

    private static EventBatch events(int n) {
        SyntheticMarket market = SyntheticMarket.builder().instrument(AAA, 100.00).events(n).seed(3).build();
        EventBatch all = new EventBatch(n + 10_000);
        EventBatch chunk = new EventBatch(4096);
        while (market.readBatch(chunk)) {
            for (int r = 0; r < chunk.size(); r++) {
                all.addFrom(chunk, r, 0);
            }
        }
        return all;
    }

    private static BacktestResult run(EventBatch all, Strategy strategy) {
        return Backtest.builder().source(new InMemoryEventSource(List.of(AAA), all))
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(50_000, 50_000))
                        .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(-0.2, 2.0)).build())
                .strategy("mm", strategy).markIntervalNanos(60_000_000_000L).orderHistory(OrderHistory.OPEN_ONLY)
                .build().run();
    }

    @Test
    void aWrappedStrategyAllocatesNothingPerEventOnTheEngineThread() throws Exception {
        EventBatch all = events(300_000);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long plainBytes = 0;
        long tappedBytes = 0;
        BacktestResult plain = null;
        BacktestResult tapped = null;
        for (int round = 0; round < 3; round++) {   // round 0 warms up
            long before = threads.getThreadAllocatedBytes(tid);
            plain = run(all, new Joiner());
            long mid = threads.getThreadAllocatedBytes(tid);
            EngineTap tap = EngineTap.builder(List.of(AAA)).commandIntervalNanos(0).build();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong drained = new AtomicLong();
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    drained.addAndGet(tap.accountRing().drain(e -> { }, 1024));
                    drained.addAndGet(tap.fillRing().drain(e -> { }, 1024));
                    drained.addAndGet(tap.marketRing().drain(e -> { }, 1024));
                    tap.requestSnapshots();
                    tap.book(0).read(10);
                    Thread.onSpinWait();
                }
            });
            reader.start();
            long start = threads.getThreadAllocatedBytes(tid);
            tapped = run(all, tap.wrap("mm", new Joiner()));
            long end = threads.getThreadAllocatedBytes(tid);
            stop.set(true);
            reader.join();
            if (round > 0) {
                plainBytes += mid - before;
                tappedBytes += end - start;
            }
            assertThat(drained.get()).isPositive();
        }
        // Same run: the tap changes nothing the engine does.
        assertThat(tapped.fillCount()).isEqualTo(plain.fillCount()).isPositive();
        assertThat(tapped.orderCount()).isEqualTo(plain.orderCount());
        assertThat(tapped.portfolio("mm").netPnl()).isEqualTo(plain.portfolio("mm").netPnl());
        // Allocation per event with the tap, less without it: below 0.5 B/event (the snapshots' copies and the
        // command queue's polls allocate nothing; what is left is measurement noise of the JIT and the result).
        double perEvent = (tappedBytes - plainBytes) / 2.0 / all.size();
        System.out.printf("engine-thread allocation, tap minus plain: %.3f B/event (plain %.2f B/event)%n", perEvent,
                plainBytes / 2.0 / all.size());
        assertThat(perEvent).isLessThan(0.5);
    }

    @Test
    void aBookSnapshotIsNeverTornUnderAConcurrentReader() throws Exception {
        EngineTap tap = EngineTap.builder(List.of(AAA)).depth(5).build();
        BookSnapshot snap = tap.book(0);
        io.qtrade.core.book.OrderBook book = new io.qtrade.core.book.OrderBook(AAA);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong reads = new AtomicLong();
        List<String> torn = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                BookSnapshot.Levels l = snap.read(5);
                reads.incrementAndGet();
                // The writer keeps every level of one copy at the same quantity k and the best bid at 100 + k/100.
                if (l.bidQtys().length > 0) {
                    double k = l.bidQtys()[0];
                    for (double q : l.bidQtys()) {
                        if (q != k) {
                            torn.add("bid qtys " + java.util.Arrays.toString(l.bidQtys()));
                        }
                    }
                    for (double q : l.askQtys()) {
                        if (q != k) {
                            torn.add("ask qtys " + java.util.Arrays.toString(l.askQtys()));
                        }
                    }
                }
            }
        });
        reader.start();
        for (int k = 1; k <= 20_000; k++) {
            for (int lvl = 0; lvl < 5; lvl++) {
                book.update(Side.BUY, 9_900 - lvl, k);
                book.update(Side.SELL, 10_100 + lvl, k);
            }
            snap.copy(book, k);
        }
        stop.set(true);
        reader.join();
        assertThat(reads.get()).isPositive();
        assertThat(torn).isEmpty();
        assertThat(snap.read(5).bidQtys()).containsOnly(20_000.0);
    }
}
