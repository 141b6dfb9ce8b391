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
        TapRing ring = new TapRing(4, TapRing.TRADE_LONGS);
        for (int i = 0; i < 6; i++) {
            ring.offerTrade(0, 0, i % 2, i, 1, i);
        }
        assertThat(ring.dropped()).isEqualTo(2);
        List<Double> got = new ArrayList<>();
        assertThat(ring.drain(e -> got.add(e.price()), 100)).isEqualTo(4);
        assertThat(got).containsExactly(0.0, 1.0, 2.0, 3.0);
        // Room again after draining.
        assertThat(ring.offerTrade(0, 0, 0, 9, 1, 9)).isTrue();
        ring.drain(x -> got.add(x.price()), 100);
        assertThat(got).endsWith(9.0);
        assertThat(ring.published()).isEqualTo(5);
        assertThatThrownBy(() -> new TapRing(6)).hasMessage(
                "tap ring: capacity must be a power of two >= 2, was 6");
        io.qtrade.core.order.Fill fill = new io.qtrade.core.order.Fill(1, AAA, Side.BUY, 100, 1, 0,
                io.qtrade.core.order.Liquidity.TAKER, 1, 1);
        assertThatThrownBy(() -> ring.offerFill(0, 0, fill, false, 1, 100, 0, 0, 0, 0)).hasMessage(
                "tap ring: slots of 4 longs cannot hold a FILL");
    }

    @Test
    void eachKindComesBackFieldForFieldFromItsPackedSlot() {
        Instrument bbb = Instrument.spot("BBB", "SYN", 0.01, 1);
        List<Instrument> instruments = List.of(AAA, bbb);
        TapRing ring = new TapRing(8);
        io.qtrade.core.order.ExecutionReport rejected = new io.qtrade.core.order.ExecutionReport(42, bbb,
                io.qtrade.core.order.OrderStatus.REJECTED, 0, 0, Double.NaN, 0, "max_position: 5 > 4", 1_000, 1_050);
        io.qtrade.core.order.ExecutionReport partial = new io.qtrade.core.order.ExecutionReport(43, AAA,
                io.qtrade.core.order.OrderStatus.PARTIALLY_FILLED, 0.4, 0.6, 100.02, 0.4, io.qtrade.core.order.ExecutionReport.NO_REASON, 2_000,
                2_050);
        io.qtrade.core.order.Fill fill = new io.qtrade.core.order.Fill(43, AAA, Side.SELL, 100.02, 0.4, -0.0008,
                io.qtrade.core.order.Liquidity.MAKER, 2_000, 2_050);
        ring.offerOrderUpdate(3, 1, rejected, true, 1, 99.5, 5, io.qtrade.core.order.OrderType.LIMIT.ordinal(),
                io.qtrade.core.order.TimeInForce.IOC.ordinal());
        ring.offerOrderUpdate(65_535, 0, partial, false, -1, Double.NaN, Double.NaN, -1, -1);
        ring.offerFill(2, 0, fill, false, -0.4, 100.02, 1.5, 0.25, 9_999.5, 123_456_789L);
        ring.offerTrade(1, 1, 0, 101.25, 3, 5_000);
        ring.offerStopped(7, 6_000, 987_654_321L);
        List<String> got = new ArrayList<>();
        ring.drain(e -> {
            switch (e.kind()) {
                case ORDER_UPDATE -> got.add(e.strategy() + " " + e.report(instruments) + " " + e.external() + " "
                        + e.side() + " " + e.price() + " " + e.qty() + " " + e.orderType() + " " + e.timeInForce()
                        + " " + e.publishedNanos());
                case FILL -> got.add(e.strategy() + " " + e.fill(instruments) + " " + e.external() + " "
                        + e.positionQty() + " " + e.avgEntryPrice() + " " + e.realizedPnl() + " " + e.fees() + " "
                        + e.cash() + " " + e.publishedNanos());
                case TRADE -> got.add(e.strategy() + " trade " + e.instrument() + " " + e.side() + " " + e.price()
                        + " " + e.qty() + " " + e.localTs());
                case STOPPED -> got.add(e.strategy() + " stopped " + e.instrument() + " " + e.localTs() + " "
                        + e.publishedNanos());
            }
        }, 100);
        assertThat(got).containsExactly(
                "3 " + rejected + " true 1 99.5 5.0 0 1 0",
                "65535 " + partial + " false -1 NaN NaN -1 -1 0",
                "2 " + fill + " false -0.4 100.02 1.5 0.25 9999.5 123456789",
                "1 trade 1 0 101.25 3.0 5000",
                "7 stopped -1 6000 987654321");
        // The rejection's reason does not stick to its slot: the next order update written there has none.
        for (int i = 0; i < 3; i++) {
            ring.offerTrade(0, 0, 0, 1, 1, i);
        }
        ring.offerOrderUpdate(0, 0, partial, false, 0, 1, 1, 0, 0);   // slot 0 again (8 slots, the 9th event)
        List<String> reasons = new ArrayList<>();
        ring.drain(e -> reasons.add(e.kind() + " " + e.reason()), 100);
        assertThat(reasons).containsExactly("TRADE null", "TRADE null", "TRADE null", "ORDER_UPDATE ");
        assertThat(ring.dropped()).isZero();
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

    /**
     * The derivative callbacks reach the wrapped strategy: the mark/index rows ({@code onDerivativeData}), a
     * liquidation of a perpetual (isolated 10x long of 10 at 100.01, mark 90: margin balance 100.01 - 100.1 < 0) and the
     * delivery of a dated future at its expiry (1 ms).
     */
    @Test
    void aWrappedStrategyHearsOfDerivativeRowsLiquidationsAndDeliveries() {
        long expiry = 1_000_000;
        Instrument future = Instrument.spot("FUT", "SYN", 0.01, 1)
                .withContract(io.qtrade.core.ContractSpec.linearFuture("USD", expiry));
        Instrument perp = Instrument.spot("PERP", "SYN", 0.01, 1)
                .withContract(io.qtrade.core.ContractSpec.linearPerpetual("USD", java.time.Duration.ofHours(8)));
        EventBatch tape = new EventBatch(32);
        for (int i = 0; i < 2; i++) {
            tape.addDepth(i, 1_000, 1_000, Side.BUY, 99.99, 100);
            tape.addDepth(i, 1_000, 1_000, Side.SELL, 100.01, 100);
            tape.add(i, 1_000, 1_000, io.qtrade.core.market.EventKind.MARK_PRICE, (byte) 0, 100.0, 0,
                    EventBatch.NO_ORDER_ID);
        }
        tape.add(0, 500_000, 500_000, io.qtrade.core.market.EventKind.INDEX_PRICE, (byte) 0, 101.0, 0,
                EventBatch.NO_ORDER_ID);
        tape.add(1, 600_000, 600_000, io.qtrade.core.market.EventKind.MARK_PRICE, (byte) 0, 90.0, 0,
                EventBatch.NO_ORDER_ID);
        tape.addDepth(0, 2_000_000, 2_000_000, Side.BUY, 99.98, 1);
        List<String> heard = new ArrayList<>();
        Strategy longBoth = new Strategy() {
            io.qtrade.core.strategy.StrategyContext ctx;

            @Override
            public void onStart(io.qtrade.core.strategy.StrategyContext context) {
                ctx = context;
                ctx.scheduleAt(2_000);
            }

            @Override
            public void onTimer(long timerId, long nowNanos) {
                ctx.submitMarket(0, Side.BUY, 1);
                ctx.submitMarket(1, Side.BUY, 10);
            }

            @Override
            public void onDerivativeData(int instrument, io.qtrade.core.market.MarketEvent event) {
                heard.add("row " + instrument + " " + event.kind());
            }

            @Override
            public void onLiquidation(io.qtrade.core.margin.Liquidation liquidation) {
                heard.add("liquidation " + liquidation.instrument().symbol() + " " + liquidation.qty());
            }

            @Override
            public void onDelivery(io.qtrade.core.margin.Delivery delivery) {
                heard.add("delivery " + delivery.instrument().symbol() + " " + delivery.qty() + " @"
                        + delivery.deliveryPrice());
            }
        };
        EngineTap tap = EngineTap.builder(List.of(future, perp)).build();
        io.qtrade.core.margin.LeverageBrackets flat = io.qtrade.core.margin.LeverageBrackets.flat(0.004, 125);
        Backtest.builder().source(new InMemoryEventSource(List.of(future, perp), tape))
                .exchange(ExchangeSettings.builder(future).latency(new ConstantLatency(100, 100))
                        .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(0, 0)).build())
                .exchange(ExchangeSettings.builder(perp).latency(new ConstantLatency(100, 100))
                        .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(0, 0)).build())
                .margin(new io.qtrade.backtest.margin.MarginSettings(future,
                        io.qtrade.core.margin.MarginMode.ISOLATED, 10, flat))
                .margin(new io.qtrade.backtest.margin.MarginSettings(perp,
                        io.qtrade.core.margin.MarginMode.ISOLATED, 10, flat))
                .strategy("s", tap.wrap("s", longBoth)).initialCash(10_000).build().run();
        assertThat(heard).containsExactly("row 0 MARK_PRICE", "row 1 MARK_PRICE", "row 0 INDEX_PRICE",
                "liquidation PERP 10.0", "row 1 MARK_PRICE", "delivery FUT 1.0 @101.0");
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
