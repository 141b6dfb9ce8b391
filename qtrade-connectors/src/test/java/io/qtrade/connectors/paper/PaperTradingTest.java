package io.qtrade.connectors.paper;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.OrderRecord;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.FeeModel;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.connectors.binance.live.BinanceMarketDataClient;
import io.qtrade.connectors.live.LiveEventSource;
import io.qtrade.connectors.live.LiveFeedOverflowException;
import io.qtrade.connectors.live.ReconnectPolicy;
import io.qtrade.connectors.replay.LoopbackVenue;
import io.qtrade.connectors.replay.ReplayFrame;
import io.qtrade.connectors.replay.SyntheticBinanceStream;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.core.time.Clock;
import io.qtrade.risk.killswitch.Engagement;
import io.qtrade.risk.killswitch.EngagementCause;
import io.qtrade.risk.killswitch.KillSwitch;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Paper trading = the backtest engine on the wall clock over a live source. Against a loopback Binance venue that
 * drops the connection mid-stream and skips a diff: the client reconnects and resyncs, the kill switch cancels every
 * resting order on the disconnect and rejects new ones until reset. Without any feed: timers and simulated
 * latencies fire on the wall clock. No sleep decides an outcome: every wait is a latch with a generous timeout.
 */
class PaperTradingTest {

    private static final Instrument BTC = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.001);
    private static final long MS = 1_000_000L;
    private static final long WAIT_SECONDS = 30;

    /**
     * Rests a bid and an ask 200 ticks from the touch on the first two-sided book; once both are cancelled, sends one
     * probe bid at a time from a 5 ms timer (the feed may be silent) and records what becomes of it.
     */
    static final class Probe implements Strategy {
        StrategyContext ctx;
        long bidId;
        long askId;
        long probeId;
        final List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
        final CountDownLatch restingAcked = new CountDownLatch(2);
        final CountDownLatch restingCancelled = new CountDownLatch(2);
        final CountDownLatch probeRejected = new CountDownLatch(1);
        final CountDownLatch probeAccepted = new CountDownLatch(1);
        volatile String rejection;

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            ctx.scheduleEvery(5 * MS);
        }

        @Override
        public void onBook(int instrument, OrderBookView book) {
            if (bidId == 0 && !book.isEmpty(Side.BUY) && !book.isEmpty(Side.SELL)) {
                bidId = ctx.submitLimit(0, Side.BUY, BTC.toPrice(book.bestBidTicks() - 200), 0.001, TimeInForce.GTC);
                askId = ctx.submitLimit(0, Side.SELL, BTC.toPrice(book.bestAskTicks() + 200), 0.001, TimeInForce.GTC);
            }
        }

        @Override
        public void onTimer(long timerId, long nowNanos) {
            if (restingCancelled.getCount() > 0 || probeAccepted.getCount() == 0) {
                return;
            }
            if (probeId == 0 || ctx.order(probeId).status().isTerminal()) {
                OrderBookView book = ctx.book(0);
                if (!book.isEmpty(Side.BUY)) {
                    probeId = ctx.submitLimit(0, Side.BUY, BTC.toPrice(book.bestBidTicks() - 200), 0.001,
                            TimeInForce.GTC);
                }
            }
        }

        @Override
        public void onOrderUpdate(ExecutionReport report) {
            reports.add(report);
            long id = report.orderId();
            if (id == bidId || id == askId) {
                if (report.status() == OrderStatus.NEW) {
                    restingAcked.countDown();
                } else if (report.status() == OrderStatus.CANCELED) {
                    restingCancelled.countDown();
                }
            } else if (id == probeId) {
                if (report.status() == OrderStatus.REJECTED) {
                    rejection = report.reason();
                    probeRejected.countDown();
                } else if (report.status() == OrderStatus.NEW) {
                    probeAccepted.countDown();
                }
            }
        }
    }

    private static ExchangeSettings venueSettings(long entryNanos, long responseNanos) {
        return ExchangeSettings.builder(BTC).latency(new ConstantLatency(entryNanos, responseNanos))
                .queue(RiskAverseQueue.INSTANCE).fees(FeeModel.NONE).build();
    }

    @Test
    void aDisconnectCancelsEveryRestingOrderAndNewOrdersAreRejectedUntilReset() throws Exception {
        SyntheticBinanceStream stream = SyntheticBinanceStream.render(SyntheticMarket.builder()
                .instrument(BTC, 100.00).events(20_000).seed(11).build(), 4_000);
        List<ReplayFrame> frames = stream.frames();
        int dropAt = 300;
        int skipAt = firstDiffAtOrAfter(frames, 150);
        KillSwitch killSwitch = new KillSwitch();
        Probe probe = new Probe();
        PaperTrading paper = PaperTrading.builder(List.of(BTC))
                .exchange(venueSettings(MS, MS))
                .strategy("probe", probe)
                .killSwitchOnDisconnect(killSwitch)
                .exchangeTime(LiveEventSource.ExchangeTime.RECEIVE)
                .build();
        try (LoopbackVenue venue = stream.startVenue(v -> v.frameIntervalNanos(MS).dropAfter(dropAt, 20).skip(skipAt)
                     // The gap at skipAt must fall after the client's snapshot however loaded the machine is.
                     .holdUntilRequest(f -> !f.isBinary() && f.text().contains("depthUpdate"), "GET", "/api/v3/depth"));
             BinanceMarketDataClient client = BinanceMarketDataClient.builder(BinanceMarket.SPOT, List.of(BTC),
                             paper.listener())
                     .streams(true, true, false, false)
                     .streamBase(venue.webSocketBase())
                     .restBase(venue.httpBase())
                     .reconnectPolicy(new ReconnectPolicy(MS, 10 * MS, 2.0, 0.0, 5, 1L))
                    // A drop the JDK client misses (no FIN seen) is found by silence, as in the client's own tests.
                    .idleTimeoutNanos(TimeUnit.SECONDS.toNanos(1))
                     .clock(paper.clock())
                     .build()) {
            paper.start();
            client.start();
            assertThat(probe.restingAcked.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("both quotes rest").isTrue();
            assertThat(probe.restingCancelled.await(WAIT_SECONDS, TimeUnit.SECONDS))
                    .as("the disconnect cancels both").isTrue();
            assertThat(probe.probeRejected.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("a new order is refused").isTrue();
            assertThat(probe.probeAccepted.getCount()).isEqualTo(1);
            killSwitch.reset(paper.clock().nowNanos());
            assertThat(probe.probeAccepted.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("accepted after reset").isTrue();
            // The skipped diff (a gap on a live connection) and the frames lost during the drop: two resyncs.
            assertThat(awaitTrue(() -> client.resyncs() >= 2)).as("resynced twice").isTrue();
            BacktestResult result = paper.stop();

            List<Engagement> engagements = killSwitch.engagements();
            assertThat(engagements).hasSize(1);
            Engagement e = engagements.get(0);
            assertThat(e.cause()).isEqualTo(EngagementCause.DISCONNECT);
            assertThat(e.detail()).startsWith("feed disconnected: ");
            assertThat(probe.rejection).startsWith("KILL_SWITCH: engaged at " + e.engagedNanos() + " by DISCONNECT");
            // Both resting orders ended CANCELED, each report at or after the engagement: the cancels were sent at the
            // engine's time then, reached the venue 1 ms later and came back 1 ms after that.
            for (long id : new long[] {probe.bidId, probe.askId}) {
                ExecutionReport cancelled = probe.reports.stream()
                        .filter(r -> r.orderId() == id && r.status() == OrderStatus.CANCELED).findFirst().orElseThrow();
                assertThat(cancelled.localTs()).isGreaterThanOrEqualTo(e.engagedNanos());
            }
            OrderRecord probeOrder = result.orderRecords().stream()
                    .filter(r -> r.order().orderId() == probe.probeId).findFirst().orElseThrow();
            assertThat(probeOrder.order().status()).isEqualTo(OrderStatus.NEW);
            assertThat(result.portfolio("probe").position(BTC).qty()).isZero();
            // The client reconnected once and resynced after the lost frames and after the skipped diff.
            assertThat(client.connection().connects()).isGreaterThanOrEqualTo(2);
            assertThat(paper.source().disconnects()).isEqualTo(1);
            assertThat(client.gaps()).isEqualTo(2);
            assertThat(paper.source().rowsDelivered()).isEqualTo(result.events());
        }
    }

    /** Polls {@code condition} every millisecond for up to {@link #WAIT_SECONDS}; a wait, never a verdict. */
    private static boolean awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    private static int firstDiffAtOrAfter(List<ReplayFrame> frames, int index) {
        for (int i = index; i < frames.size(); i++) {
            if (frames.get(i).text().contains("depthUpdate")) {
                return i;
            }
        }
        throw new AssertionError("no diff at or after frame " + index);
    }

    @Test
    void aFeedThatOutrunsTheEngineStopsTheRunLoudlyWithOverflowFail() {
        PaperTrading paper = PaperTrading.builder(List.of(BTC))
                .exchange(venueSettings(MS, MS))
                .strategy("probe", new Probe())
                .overflow(LiveEventSource.Overflow.FAIL)
                .queue(2, 1)
                .build();
        long now = paper.clock().nowNanos();
        EventBatch one = new EventBatch(1);
        one.addDepth(0, now, now, Side.BUY, 100.00, 1.0);
        paper.listener().onEvents(one);
        paper.listener().onEvents(one);
        // Two one-row blocks, both full: the third message is refused on the receive thread...
        assertThatThrownBy(() -> paper.listener().onEvents(one)).isInstanceOf(LiveFeedOverflowException.class);
        paper.start();
        // ...and the engine's next read fails the run, which stop() reports with the overflow as its cause.
        assertThatThrownBy(paper::stop)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("paper trading failed: live source: the consumer fell behind: all 2 queue "
                        + "blocks of 1 rows are full")
                .hasCauseInstanceOf(LiveFeedOverflowException.class);
    }

    /** Records the engine time and the wall clock at each callback. */
    static final class Timed implements Strategy {
        final Clock wall;
        StrategyContext ctx;
        long startNanos;
        long timerAt;
        volatile long timerFiredNanos;
        volatile long timerWallNanos;
        long sentNanos;
        volatile long ackNanos;
        volatile long ackWallNanos;
        final CountDownLatch done = new CountDownLatch(2);
        final CountDownLatch started = new CountDownLatch(1);

        Timed(Clock wall) {
            this.wall = wall;
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            startNanos = ctx.nowNanos();
            timerAt = startNanos + 50 * MS;
            ctx.scheduleAt(timerAt);
            started.countDown();
        }

        @Override
        public void onBook(int instrument, OrderBookView book) {
            if (sentNanos == 0 && !book.isEmpty(Side.BUY)) {
                sentNanos = ctx.nowNanos();
                ctx.submitLimit(0, Side.BUY, 99.00, 0.001, TimeInForce.GTC);
            }
        }

        @Override
        public void onOrderUpdate(ExecutionReport report) {
            ackNanos = report.localTs();
            ackWallNanos = wall.nowNanos();
            done.countDown();
        }

        @Override
        public void onTimer(long timerId, long nowNanos) {
            timerFiredNanos = nowNanos;
            timerWallNanos = wall.nowNanos();
            done.countDown();
        }
    }

    @Test
    void timersAndOrderLatenciesFireOnTheWallClockWhileTheFeedIsSilent() throws Exception {
        PaperTrading[] holder = new PaperTrading[1];
        Timed timed = new Timed(() -> holder[0].clock().nowNanos());
        PaperTrading paper = PaperTrading.builder(List.of(BTC))
                .exchange(venueSettings(2 * MS, 3 * MS))
                .strategy("timed", timed)
                .markIntervalNanos(0)
                .build();
        holder[0] = paper;
        paper.start();
        assertThat(timed.started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        // One message of two levels, stamped now (after the run's start); then nothing more arrives.
        long now = paper.clock().nowNanos();
        EventBatch book = new EventBatch(2);
        book.addDepth(0, now, now, Side.BUY, 100.00, 1.0);
        book.addDepth(0, now, now, Side.SELL, 100.01, 1.0);
        paper.listener().onEvents(book);
        assertThat(timed.done.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        BacktestResult result = paper.stop();

        // The timer fires at its time, when the wall clock has got there.
        assertThat(timed.timerFiredNanos).isEqualTo(timed.timerAt);
        assertThat(timed.timerWallNanos).isGreaterThanOrEqualTo(timed.timerAt);
        // The order sent at the event's localTs reaches the simulated venue 2 ms later; its ack is back 3 ms after
        // that: 5 ms on the engine clock, and not before the wall clock reached it.
        assertThat(timed.sentNanos).isEqualTo(now);
        assertThat(timed.ackNanos - timed.sentNanos).isEqualTo(5 * MS);
        assertThat(timed.ackWallNanos).isGreaterThanOrEqualTo(timed.ackNanos);
        assertThat(result.events()).isEqualTo(2);
        assertThat(result.orderRecords()).singleElement()
                .satisfies(r -> assertThat(r.order().status()).isEqualTo(OrderStatus.NEW));
    }
}
