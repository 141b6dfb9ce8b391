package io.qtrade.backtest;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.FeeModel;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine paced by a {@link WallClockPacer} whose clock moves only when the engine waits (a manual wall clock):
 * timers and simulated latencies fire at their clock time although no market event arrives, nothing runs before its
 * time, and the run ends when the live source closes.
 */
class WallClockPacingTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);

    /** A live source on the manual clock: each batch becomes readable at its release time; closed at closeAt. */
    private static final class ManualLive implements EventSource, WallClockPacer {
        final long[] releaseAt;
        final EventBatch[] batches;
        final long closeAt;
        long clock;
        int next;
        final List<Long> deadlines = new ArrayList<>();

        ManualLive(long[] releaseAt, EventBatch[] batches, long closeAt) {
            this.releaseAt = releaseAt;
            this.batches = batches;
            this.closeAt = closeAt;
        }

        @Override
        public List<Instrument> instruments() {
            return List.of(AAA);
        }

        @Override
        public boolean readBatch(EventBatch into) {
            into.clear();
            if (next < batches.length && releaseAt[next] <= clock) {
                into.addRange(batches[next], 0, batches[next].size());
                next++;
                return true;
            }
            if (next == batches.length && clock >= closeAt) {
                return false;
            }
            throw new AssertionError("readBatch at " + clock + " would block: the engine must ask eventsReady first");
        }

        @Override
        public long nowNanos() {
            return clock;
        }

        @Override
        public boolean eventsReady() {
            return next < batches.length ? releaseAt[next] <= clock : clock >= closeAt;
        }

        @Override
        public void awaitEvents(long deadlineNanos) {
            deadlines.add(deadlineNanos);
            long arrival = next < batches.length ? releaseAt[next] : closeAt;
            clock = Math.max(clock, Math.min(deadlineNanos, arrival));
        }
    }

    /** Quotes once on the first book, sets a timer 5,000 ns after start; records the wall clock at each callback. */
    private static final class Recorder implements Strategy {
        final ManualLive wall;
        StrategyContext ctx;
        final List<String> calls = new ArrayList<>();
        boolean quoted;

        Recorder(ManualLive wall) {
            this.wall = wall;
        }

        private void check(String what) {
            // The engine never runs an action before the wall clock reaches its time.
            assertThat(wall.nowNanos()).as(what).isGreaterThanOrEqualTo(ctx.nowNanos());
            calls.add(what + "@" + ctx.nowNanos() + "/wall " + wall.nowNanos());
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            ctx.scheduleAt(ctx.nowNanos() + 5_000);
        }

        @Override
        public void onBook(int instrument, OrderBookView book) {
            if (!quoted && !book.isEmpty(Side.BUY)) {
                quoted = true;
                check("book");
                ctx.submitLimit(0, Side.BUY, 99.00, 1, TimeInForce.GTC);
            }
        }

        @Override
        public void onOrderUpdate(ExecutionReport report) {
            check("order " + report.status());
        }

        @Override
        public void onTimer(long timerId, long nowNanos) {
            check("timer");
        }
    }

    @Test
    void timersAndOrderLatenciesFireAtTheirWallClockTimeWhileTheFeedIsSilent() {
        EventBatch book = new EventBatch(4);
        book.addDepth(0, 900, 1_000, Side.BUY, 100.00, 5);
        book.addDepth(0, 900, 1_000, Side.SELL, 100.02, 5);
        ManualLive live = new ManualLive(new long[] {1_000}, new EventBatch[] {book}, 20_000);
        Recorder strategy = new Recorder(live);
        BacktestResult result = Backtest.builder()
                .source(live)
                .pacer(live)
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(300, 200))
                        .queue(RiskAverseQueue.INSTANCE).fees(FeeModel.NONE).build())
                .strategy("probe", strategy)
                .markIntervalNanos(0)
                .build()
                .run();

        // Start at the pacer's now (0). The book arrives at 1,000; the order sent then reaches the venue at
        // 1,000 + 300 = 1,300 and its ack the strategy at 1,300 + 200 = 1,500; the timer is due at 0 + 5,000.
        assertThat(strategy.calls).containsExactly(
                "book@1000/wall 1000", "order NEW@1500/wall 1500", "timer@5000/wall 5000");
        // The engine waited for the timer (5,000), a wait the book's arrival at 1,000 cut short; then for the order's
        // arrival at the venue, its ack, the timer again, and, with nothing scheduled, for the next event (none: the
        // source closes at 20,000 and the run ends).
        assertThat(live.deadlines).containsExactly(5_000L, 1_300L, 1_500L, 5_000L, Long.MAX_VALUE);
        assertThat(result.events()).isEqualTo(2);
        assertThat(result.portfolio("probe").position(AAA).qty()).isZero();
        assertThat(result.orderRecords()).singleElement()
                .satisfies(r -> assertThat(r.order().status()).isEqualTo(OrderStatus.NEW));
    }

    @Test
    void aPacedRunStopsAtEndNanosEvenWithoutEvents() {
        ManualLive live = new ManualLive(new long[0], new EventBatch[0], Long.MAX_VALUE);
        Recorder strategy = new Recorder(live);
        BacktestResult result = Backtest.builder()
                .source(live)
                .pacer(live)
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(300, 200))
                        .queue(RiskAverseQueue.INSTANCE).fees(FeeModel.NONE).build())
                .strategy("probe", strategy)
                .markIntervalNanos(0)
                .endNanos(8_000)
                .build()
                .run();
        // The timer at 5,000 fires on the clock; then the engine waits until just after the end (8,001) and stops.
        assertThat(strategy.calls).containsExactly("timer@5000/wall 5000");
        assertThat(live.deadlines).containsExactly(5_000L, 8_001L);
        assertThat(result.events()).isZero();
    }
}
