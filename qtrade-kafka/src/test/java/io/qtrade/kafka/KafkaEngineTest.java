package io.qtrade.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.WallClockPacer;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.connectors.live.LiveEventListener;
import io.qtrade.connectors.live.LiveEventSource;
import io.qtrade.connectors.paper.PaperTrading;
import io.qtrade.connectors.recorder.TickRecorder;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.core.time.Clock;
import io.qtrade.core.time.SystemClock;
import io.qtrade.store.TickQuery;
import io.qtrade.store.TickStore;
import io.qtrade.store.synthetic.SyntheticMarket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka source where the issue puts it besides a plain backtest: the engine on the wall-clock pacer, paper
 * trading and the recorder. One tape (a synthetic market of two instruments, 20,000 trades and depth updates; the
 * rows of one transition share their timestamps, so a trade and its depth updates tie across two topics) is
 * published once; each consumer reads it with its own {@link KafkaEventSource}.
 *
 * <p>The paced runs read the tape from Kafka into their live queues first; then their clock (the wall clock shifted
 * by a constant) is set so that the tape's first event is due {@link #LEAD_NANOS} later, and the tape spans
 * {@link #SPAN_NANOS}. So the engine waits on the wall clock for every strategy-side event, timer and order message,
 * and no event reaches the queue after the clock passed its time (a live feed's late event is processed late, so a
 * comparison with a backtest needs them queued in time; reading them first makes that hold on a loaded machine).
 * Both paced runs go on at the same time, started in {@link #publishReadAndStartPacedRuns}.
 */
class KafkaEngineTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SIM", 0.01, 1);
    private static final Instrument BBB = Instrument.spot("BBB", "SIM", 0.05, 1);
    private static final List<Instrument> INSTRUMENTS = List.of(AAA, BBB);
    private static final long MS = 1_000_000L;
    private static final int EVENTS = 20_000;
    private static final long LEAD_NANOS = 300 * MS;
    private static final long SPAN_NANOS = 1_000 * MS;
    private static final long TIMER_NANOS = 50 * MS;
    private static final SystemClock WALL = new SystemClock();
    /** Tape time - wall time, fixed once the tape is published (before the paced runs start). */
    private static volatile long shift;
    /**
     * The wall clock shifted onto the tape's times: one clock for the live sources, the pacers and the strategies
     * (it runs at the wall clock's rate; each SystemClock anchors itself, so all read this one).
     */
    private static final Clock CLOCK = () -> WALL.nowNanos() + shift;

    private static KafkaBroker broker;
    private static EventBatch tape;
    private static List<String> topics;
    private static long startNanos;
    private static long closeNanos;
    private static CompletableFuture<Paced> pacedRun;
    private static CompletableFuture<Paced> paperRun;
    /** Own threads: the common pool has one worker on 2 cores and would run the feeds and runs one after another. */
    private static final java.util.concurrent.ExecutorService THREADS = java.util.concurrent.Executors
            .newCachedThreadPool(r -> {
                Thread t = new Thread(r, "kafka-engine-test");
                t.setDaemon(true);
                return t;
            });

    /** A paced run's result, its strategy, and the rows its feed read from Kafka. */
    private record Paced(BacktestResult result, Quoter strategy, long rows) {
    }

    @BeforeAll
    static void publishReadAndStartPacedRuns() throws Exception {
        broker = SharedBroker.get();
        tape = tape(SyntheticMarket.DEFAULT_START_NANOS);
        // Timers every 50 ms from here: the first after the last exchTs is 35 ms after it.
        startNanos = tape.exchTs(0) - 65 * MS;
        closeNanos = tape.exchTs(tape.size() - 1);
        topics = publish(tape, "engine");
        // Phase 1: both feeds read the tape from Kafka into their live queues (two consumers at once).
        LiveEventSource live = LiveEventSource.builder(INSTRUMENTS).clock(CLOCK).build();
        Quoter pacedQuoter = new Quoter(TIMER_NANOS);
        Backtest paced = Backtest.builder().source(live).pacer(pacer(live)).exchange(venue(AAA))
                .exchange(venue(BBB)).strategy("quoter", pacedQuoter).startNanos(startNanos).seed(3).build();
        Quoter paperQuoter = new Quoter(0);
        PaperTrading paper = PaperTrading.builder(INSTRUMENTS).exchange(venue(AAA)).exchange(venue(BBB))
                .strategy("quoter", paperQuoter).clock(CLOCK).seed(3).build();
        // The replay ends: the paced backtest's feed closes once read. Paper trading's stays open until stop().
        CompletableFuture<Long> pacedFeed = CompletableFuture.supplyAsync(() -> pump(live, live::close), THREADS);
        CompletableFuture<Long> paperFeed = CompletableFuture.supplyAsync(() -> pump(paper.listener(), () -> {
        }), THREADS);
        long pacedRows = pacedFeed.get(60, TimeUnit.SECONDS);
        long paperRows = paperFeed.get(60, TimeUnit.SECONDS);
        // Phase 2: the clock is set so that the tape's first event is due LEAD_NANOS from now; both run.
        shift = tape.exchTs(0) - LEAD_NANOS - WALL.nowNanos();
        pacedRun = CompletableFuture.supplyAsync(() -> new Paced(paced.run(), pacedQuoter, pacedRows), THREADS);
        paper.start();
        paperRun = CompletableFuture.supplyAsync(() -> {
            try {
                // A live feed ends when the clock has passed the tape's last event.
                TimeUnit.NANOSECONDS.sleep(Math.max(0, closeNanos - CLOCK.nowNanos()));
                return new Paced(paper.stop(), paperQuoter, paperRows);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, THREADS);
    }

    /**
     * {@link SyntheticMarket} rows (default profile, snapshots, seed 7) with their times mapped linearly onto
     * {@code [base, base + SPAN_NANOS]} (order, ties and {@code exchTs <= localTs} are kept).
     */
    static EventBatch tape(long base) {
        SyntheticMarket market = SyntheticMarket.builder().instrument(AAA, 100.00).instrument(BBB, 50.00)
                .events(EVENTS).seed(7).build();
        EventBatch all = new EventBatch(EVENTS + 2_000);
        EventBatch chunk = new EventBatch(1024);
        while (market.readBatch(chunk)) {
            all.addRange(chunk, 0, chunk.size());
        }
        long first = all.exchTs(0);
        long last = first;
        for (int r = 0; r < all.size(); r++) {
            last = Math.max(last, all.localTs(r));
        }
        double scale = (double) SPAN_NANOS / (last - first);
        EventBatch out = new EventBatch(all.size());
        for (int r = 0; r < all.size(); r++) {
            out.add(all.instrument(r), base + (long) ((all.exchTs(r) - first) * scale),
                    base + (long) ((all.localTs(r) - first) * scale), all.kind(r), all.sideCode(r), all.price(r),
                    all.qty(r), all.orderId(r), all.flags(r));
        }
        return out;
    }

    /** Creates a topic (2 partitions) per kind the tape holds and publishes it; returns the topic names. */
    static List<String> publish(EventBatch events, String prefix) throws Exception {
        KafkaTopics names = new KafkaTopics(prefix);
        Set<String> created = new LinkedHashSet<>();
        for (int r = 0; r < events.size(); r++) {
            created.add(names.topic("SIM", events.kind(r)));
        }
        broker.createTopics(2, created.toArray(String[]::new));
        try (KafkaEventSink sink = new KafkaEventSink(
                KafkaSinkConfig.defaults(broker.bootstrapServers()).withTopics(names), INSTRUMENTS)) {
            sink.publish(events);
            sink.flush();
        }
        return List.copyOf(created);
    }

    static KafkaEventSource replay() {
        return new KafkaEventSource(KafkaSourceConfig.replay(broker.bootstrapServers(), topics), INSTRUMENTS);
    }

    /**
     * Reads the whole tape from Kafka into {@code listener} (a live queue: the same call a market-data client makes,
     * or the recorder), then runs {@code close}; returns the rows read.
     */
    static long pump(LiveEventListener listener, Runnable close) {
        EventBatch batch = new EventBatch(4096);
        long rows = 0;
        try (KafkaEventSource source = replay()) {
            while (source.readBatch(batch)) {
                listener.onEvents(batch);
                rows += batch.size();
            }
        } finally {
            close.run();
        }
        return rows;
    }

    private static ExchangeSettings venue(Instrument instrument) {
        return ExchangeSettings.builder(instrument).latency(new ConstantLatency(2 * MS, 2 * MS))
                .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(-0.5, 2.0)).build();
    }

    /** The live queue as the engine's wall-clock pacer, as paper trading makes it. */
    static WallClockPacer pacer(LiveEventSource live) {
        return new WallClockPacer() {
            @Override
            public long nowNanos() {
                return CLOCK.nowNanos();
            }

            @Override
            public boolean eventsReady() {
                return live.eventsReady();
            }

            @Override
            public void awaitEvents(long deadlineNanos) {
                live.awaitEvents(deadlineNanos);
            }
        };
    }

    /** The same tape from memory, a backtest on the simulated clock. */
    static BacktestResult inMemory(Quoter quoter, long start) {
        Backtest.Builder b = Backtest.builder().source(new InMemoryEventSource(INSTRUMENTS, tape))
                .exchange(venue(AAA)).exchange(venue(BBB)).strategy("quoter", quoter).seed(3);
        if (start != Backtest.NO_START) {
            b.startNanos(start);
        }
        return b.build().run();
    }

    private static void assertFedInTime(Paced run) {
        assertThat(run.rows()).as("rows read from Kafka").isEqualTo(tape.size());
        // Paced: no strategy callback ran before its time on the wall clock.
        assertThat(run.strategy().minWallLeadNanos).as("wall clock - engine clock at each callback")
                .isGreaterThanOrEqualTo(0);
        assertThat(run.strategy().callbacks).isGreaterThan(1_000);
    }

    @Test
    void theEngineOnTheWallClockPacerFedFromKafkaMatchesTheSameEventsFromMemory() {
        Paced paced = pacedRun.orTimeout(60, TimeUnit.SECONDS).join();
        Quoter reference = new Quoter(TIMER_NANOS);
        BacktestResult expected = inMemory(reference, startNanos);
        assertFedInTime(paced);
        BacktestResult got = paced.result();
        assertThat(expected.fillRecords()).hasSizeGreaterThan(20);
        assertThat(got.events()).isEqualTo(tape.size());
        assertThat(got.fillRecords()).isEqualTo(expected.fillRecords());
        assertThat(got.orders().printAll()).isEqualTo(expected.orders().printAll());
        assertThat(got.equity().printAll()).isEqualTo(expected.equity().printAll());
        assertThat(got.totals().printAll()).isEqualTo(expected.totals().printAll());
        assertThat(paced.strategy().timers).isEqualTo(reference.timers).isGreaterThan(15);
    }

    @Test
    void paperTradingFedFromKafkaMakesTheOrdersAndFillsOfTheSameEventsFromMemory() {
        Paced paper = paperRun.orTimeout(60, TimeUnit.SECONDS).join();
        assertFedInTime(paper);
        BacktestResult got = paper.result();
        // Paper trading starts at its own wall-clock start, so its equity marks fall elsewhere; without timers the
        // order flow depends only on the events, and must be the same.
        BacktestResult expected = inMemory(new Quoter(0), Backtest.NO_START);
        assertThat(expected.fillRecords()).hasSizeGreaterThan(20);
        assertThat(got.events()).isEqualTo(tape.size());
        assertThat(got.fillRecords()).isEqualTo(expected.fillRecords());
        assertThat(got.orders().printAll()).isEqualTo(expected.orders().printAll());
        assertThat(Double.doubleToLongBits(got.portfolio("quoter").netPnl()))
                .isEqualTo(Double.doubleToLongBits(expected.portfolio("quoter").netPnl()));
    }

    @Test
    void theRecorderWritesWhatKafkaHoldsRowForRow(@TempDir Path root) {
        TickStore store = TickStore.at(root);
        // Parts of 5,000 rows: several flushes, each sorting its rows by exchTs (stable).
        TickRecorder recorder = TickRecorder.builder(store, INSTRUMENTS).maxRowsPerPart(5_000).build();
        assertThat(pump(recorder, recorder::close)).isEqualTo(tape.size());
        assertThat(recorder.rowsFlushed()).isEqualTo(tape.size());
        assertThat(recorder.lateRows()).isZero();
        assertThat(recorder.droppedRows()).isZero();
        assertThat(rows(store.read(TickQuery.all()))).isEqualTo(rows(new InMemoryEventSource(INSTRUMENTS, tape)));
    }

    /**
     * The tape holds what the equal-time rule is for: rows of one instrument, of different kinds (so in different
     * topics), with the same exchTs, a TRADE published before a DEPTH_UPDATE (the topic order the source reads).
     */
    @Test
    void theTapeHasOneInstrumentsTradeAndDepthRowsAtTheSameTime() {
        long ties = 0;
        for (int r = 1; r < tape.size(); r++) {
            if (tape.exchTs(r) == tape.exchTs(r - 1) && tape.instrument(r) == tape.instrument(r - 1)
                    && tape.kind(r - 1) == EventKind.TRADE && tape.kind(r) == EventKind.DEPTH_UPDATE) {
                ties++;
            }
        }
        assertThat(ties).isGreaterThan(100);
    }

    /** Every row of {@code source} (closed afterwards), one list per instrument of {@link #INSTRUMENTS}, as text. */
    static List<List<String>> rows(EventSource source) {
        List<List<String>> out = new ArrayList<>();
        INSTRUMENTS.forEach(i -> out.add(new ArrayList<>()));
        List<Instrument> in = source.instruments();
        EventBatch batch = new EventBatch(4096);
        try (source) {
            while (source.readBatch(batch)) {
                for (int r = 0; r < batch.size(); r++) {
                    out.get(INSTRUMENTS.indexOf(in.get(batch.instrument(r)))).add(batch.exchTs(r) + " "
                            + batch.localTs(r) + " " + batch.kind(r) + " " + batch.sideCode(r) + " " + batch.price(r)
                            + " " + batch.qty(r) + " " + batch.orderId(r) + " " + batch.flags(r));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /**
     * Joins the touch with one lot on the side that flattens its position, one order per instrument at a time;
     * with a timer, cancels the working orders every {@code timerNanos} (so timers and cancels happen on the wall
     * clock in a paced run). Records the smallest {@code wall clock - engine clock} over its callbacks until 100 ms
     * before the tape's last row.
     */
    static final class Quoter implements Strategy {
        private final long timerNanos;
        private final long[] working = new long[2];
        private StrategyContext ctx;
        volatile long minWallLeadNanos = Long.MAX_VALUE;
        volatile long callbacks;
        volatile long timers;

        Quoter(long timerNanos) {
            this.timerNanos = timerNanos;
        }

        private void lead() {
            // Until 100 ms (two timer periods) before the last row: once the engine has taken the last row of a
            // closed feed it settles what is left without waiting, as a backtest's end does.
            if (ctx.nowNanos() < closeNanos - 100 * MS) {
                minWallLeadNanos = Math.min(minWallLeadNanos, CLOCK.nowNanos() - ctx.nowNanos());
                callbacks++;
            }
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            if (timerNanos > 0) {
                ctx.scheduleEvery(timerNanos);
            }
        }

        @Override
        public void onBook(int instrument, OrderBookView book) {
            lead();
            if (book.isEmpty(Side.BUY) || book.isEmpty(Side.SELL)) {
                return;
            }
            long id = working[instrument];
            if (id != 0 && !ctx.order(id).status().isTerminal()) {
                return;
            }
            Instrument ins = ctx.instruments().get(instrument);
            boolean buy = ctx.position(instrument).qty() <= 0;
            working[instrument] = ctx.submitLimit(instrument, buy ? Side.BUY : Side.SELL,
                    ins.toPrice(buy ? book.bestBidTicks() : book.bestAskTicks()), 1, TimeInForce.GTC);
        }

        @Override
        public void onTimer(long timerId, long nowNanos) {
            lead();
            timers++;
            for (long id : working) {
                if (id != 0 && !ctx.order(id).status().isTerminal()) {
                    ctx.cancel(id);
                }
            }
        }
    }
}
