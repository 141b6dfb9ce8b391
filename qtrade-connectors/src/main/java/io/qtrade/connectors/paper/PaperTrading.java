package io.qtrade.connectors.paper;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.OrderHistory;
import io.qtrade.backtest.WallClockPacer;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.margin.MarginSettings;
import io.qtrade.core.margin.BorrowRates;
import io.qtrade.connectors.live.LiveEventListener;
import io.qtrade.connectors.live.LiveEventSource;
import io.qtrade.core.Instrument;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.time.Clock;
import io.qtrade.core.time.SystemClock;
import io.qtrade.risk.RiskGate;
import io.qtrade.risk.killswitch.EngagementCause;
import io.qtrade.risk.killswitch.KillSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Paper trading: the backtest {@code Engine} with the simulated exchange (latency, queue and fee models of the
 * {@link ExchangeSettings}), driven by live market data on the wall clock, until {@link #stop()}. The strategies are
 * the same objects a backtest runs.
 *
 * <pre>{@code
 * KillSwitch killSwitch = new KillSwitch();
 * PaperTrading paper = PaperTrading.builder(List.of(btc))
 *         .exchange(ExchangeSettings.builder(btc).latency(new ConstantLatency(2_000_000, 2_000_000))
 *                 .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(1.0, 1.0)).build())
 *         .strategy("mm", new SimpleMarketMaker(0, 0.001, 0.01, 1))
 *         .killSwitchOnDisconnect(killSwitch)            // also the risk gate, unless riskGate(...) is set
 *         .build();
 * BinanceMarketDataClient md = BinanceMarketDataClient.builder(BinanceMarket.SPOT, List.of(btc), paper.listener())
 *         .clock(paper.clock()).build().start();
 * paper.start();                                         // the engine's own thread
 * ...
 * BacktestResult result = paper.stop();                  // orders in flight settled, onStop, the same tables
 * }</pre>
 *
 * <h2>Time</h2>
 * Events reach the strategies at {@code localTs}, the wall-clock time the client received them, and the simulated
 * venue at {@code exchTs} (the venue's, or the receive time: {@link Builder#exchangeTime}). An order sent at wall
 * time {@code t} reaches the simulated venue at {@code t + entryLatency} and its answers come back
 * {@code responseLatency} later, each when the wall clock gets there, as do timers, equity marks and risk wake-ups:
 * the engine waits on its {@link WallClockPacer} (the live source) for the earlier of the next event and the next
 * scheduled action. What differs from a backtest is only what cannot be known live: an event that arrives while the
 * engine waits is processed then, so the simulated venue may see an order before an event with an earlier
 * {@code exchTs} that was still on its way (feed latency); and the run is not reproducible.
 *
 * <h2>Perpetuals, futures and spot margin</h2>
 * {@link Builder#margin}, {@link Builder#clearanceFeeRate} and {@link Builder#spotBorrow} are the backtest's own
 * settings, handed to the same engine: funding is settled by the same {@code MarginLedger} from the live mark-price
 * stream's rows ({@code MARK_PRICE}, {@code INDEX_PRICE}, {@code FUNDING_RATE}: subscribe the client's
 * {@code markPrice} updates), on the position held at the funding time, at the latest mark at or before it, when the
 * first mark row after it arrives (or a fill at or after it, or the stop); liquidations and deliveries likewise; spot
 * borrow interest is charged at the equity marks on the wall clock. The result has the same {@code funding},
 * {@code liquidations} and {@code deliveries} tables.
 *
 * <h2>Disconnects</h2>
 * A client's lost connection ({@link LiveEventListener#onDisconnect}) reaches the engine's thread through the source
 * and engages the {@link Builder#killSwitchOnDisconnect kill switch} with {@link EngagementCause#DISCONNECT}: the
 * engine cancels every open order ({@code RiskActions.cancelAllOrders}; the cancels travel with the entry latency)
 * and the switch rejects every new order until {@link KillSwitch#reset}. The client reconnects and resyncs its book
 * by itself.
 *
 * <h2>Threads</h2>
 * {@link #run()} runs the engine on the caller's thread, {@link #start()} on a new one ({@code qtrade-paper}); the
 * strategies' callbacks all run there. {@link #stop()} may be called from any thread.
 */
public final class PaperTrading {

    private static final Logger LOG = LoggerFactory.getLogger(PaperTrading.class);

    private final List<Instrument> instruments;
    private final LiveEventSource source;
    private final Backtest backtest;
    private final KillSwitch killSwitch;
    private final Clock clock;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile BacktestResult result;
    private volatile Throwable failure;
    private volatile boolean started;

    private PaperTrading(Builder b, RiskGate gate) {
        this.instruments = b.instruments;
        this.clock = b.clock != null ? b.clock : new SystemClock();
        this.killSwitch = b.killSwitch;
        KillSwitch ks = b.killSwitch;
        this.source = LiveEventSource.builder(instruments)
                .clock(clock)
                .exchangeTime(b.exchangeTime)
                .overflow(b.overflow)
                .queueBatches(b.queueBatches)
                .batchRows(b.batchRows)
                .onDisconnect((reason, nanos) -> {
                    if (ks == null) {
                        LOG.warn("paper trading: feed disconnected ({}); no kill switch configured", reason);
                    } else {
                        ks.engage(EngagementCause.DISCONNECT, "feed disconnected: " + reason, nanos);
                    }
                })
                .build();
        LiveEventSource s = source;
        Backtest.Builder bt = Backtest.builder()
                .source(source)
                .pacer(new WallClockPacer() {
                    @Override
                    public long nowNanos() {
                        return s.clock().nowNanos();
                    }

                    @Override
                    public boolean eventsReady() {
                        return s.eventsReady();
                    }

                    @Override
                    public void awaitEvents(long deadlineNanos) {
                        s.awaitEvents(deadlineNanos);
                    }

                    @Override
                    public String toString() {
                        return "wall clock of " + s;
                    }
                })
                .riskGate(gate)
                .seed(b.seed)
                .initialCash(b.initialCash)
                .markIntervalNanos(b.markIntervalNanos)
                .orderHistory(b.orderHistory);
        for (ExchangeSettings e : b.exchanges) {
            bt.exchange(e);
        }
        for (MarginSettings m : b.margin) {
            bt.margin(m);
        }
        if (!Double.isNaN(b.clearanceFeeRate)) {
            bt.clearanceFeeRate(b.clearanceFeeRate);
        }
        for (SpotBorrowSetting sb : b.spotBorrows) {
            bt.spotBorrow(sb.instrument(), sb.borrowedAsset(), sb.rates());
        }
        for (int i = 0; i < b.strategies.size(); i++) {
            bt.strategy(b.strategyIds.get(i), b.strategies.get(i));
        }
        this.backtest = bt.build();
    }

    /** A builder over the live instruments, in the clients' order (event rows carry indices into it). */
    public static Builder builder(List<Instrument> instruments) {
        return new Builder(instruments);
    }

    /** The listener to give the live market-data clients (the live source). */
    public LiveEventListener listener() {
        return source;
    }

    /** The live source, for its counters (rows, stalls, skew, disconnects). */
    public LiveEventSource source() {
        return source;
    }

    /** The wall clock of the run: give it to the clients so that their {@code localTs} is on the engine's clock. */
    public Clock clock() {
        return clock;
    }

    /** The kill switch engaged on a disconnect, or null if none was configured. */
    public KillSwitch killSwitch() {
        return killSwitch;
    }

    /**
     * Runs on the caller's thread until {@link #stop()} (from another thread) closes the feed; returns the result
     * (the same tables as a backtest's).
     *
     * @throws IllegalStateException if the run was started already
     */
    public BacktestResult run() {
        begin();
        try {
            BacktestResult r = backtest.run();
            result = r;
            return r;
        } catch (RuntimeException | Error e) {
            failure = e;
            source.close();
            throw e;
        } finally {
            finished.countDown();
        }
    }

    /**
     * Runs on a new thread ({@code qtrade-paper}); returns at once.
     *
     * @throws IllegalStateException if the run was started already
     */
    public PaperTrading start() {
        begin();
        Thread t = new Thread(() -> {
            try {
                result = backtest.run();
            } catch (RuntimeException | Error e) {
                failure = e;
                source.close();
                LOG.error("paper trading stopped by a failure: {}", e.toString());
            } finally {
                finished.countDown();
            }
        }, "qtrade-paper");
        t.setDaemon(true);
        t.start();
        return this;
    }

    private synchronized void begin() {
        if (started) {
            throw new IllegalStateException("paper trading runs once: build a new one");
        }
        started = true;
    }

    /**
     * Stops a run started with {@link #start()}: closes the feed (the rows already received are processed, the
     * orders in flight settled at their simulated times, then each strategy's {@code onStop}) and waits up to
     * {@code timeoutNanos} for the result.
     *
     * @throws TimeoutException      if the engine has not finished in time
     * @throws IllegalStateException if the run failed (the failure is the cause) or was never started
     */
    public BacktestResult stop(long timeoutNanos) throws TimeoutException, InterruptedException {
        if (!started) {
            throw new IllegalStateException("paper trading: stop() before start()");
        }
        source.close();
        if (!finished.await(timeoutNanos, TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("paper trading: the engine did not finish within " + timeoutNanos
                    + " ns of the stop");
        }
        Throwable f = failure;
        if (f != null) {
            throw new IllegalStateException("paper trading failed: " + f.getMessage(), f);
        }
        return result;
    }

    /** {@link #stop(long)} with a 30 s timeout. */
    public BacktestResult stop() throws TimeoutException, InterruptedException {
        return stop(TimeUnit.SECONDS.toNanos(30));
    }

    /** Closes the feed without waiting: a run ends as after {@link #stop()}. */
    public void close() {
        source.close();
    }

    @Override
    public String toString() {
        return "PaperTrading[" + backtest + ", source=" + source + ", killSwitch=" + killSwitch + "]";
    }

    private record SpotBorrowSetting(Instrument instrument, String borrowedAsset, BorrowRates rates) {
    }

    /** Collects a paper-trading run's settings; {@link #build()} checks them together as a backtest's are. */
    public static final class Builder {
        private final List<Instrument> instruments;
        private final List<ExchangeSettings> exchanges = new ArrayList<>();
        private final List<String> strategyIds = new ArrayList<>();
        private final List<Strategy> strategies = new ArrayList<>();
        private RiskGate riskGate;
        private KillSwitch killSwitch;
        private long seed;
        private double initialCash;
        private long markIntervalNanos = Backtest.DEFAULT_MARK_INTERVAL_NANOS;
        private OrderHistory orderHistory = OrderHistory.ALL;
        private Clock clock;
        private LiveEventSource.ExchangeTime exchangeTime = LiveEventSource.ExchangeTime.VENUE;
        private LiveEventSource.Overflow overflow = LiveEventSource.Overflow.BLOCK;
        private int queueBatches = LiveEventSource.DEFAULT_QUEUE_BATCHES;
        private int batchRows = LiveEventSource.DEFAULT_BATCH_ROWS;
        private final List<MarginSettings> margin = new ArrayList<>();
        private double clearanceFeeRate = Double.NaN;
        private final List<SpotBorrowSetting> spotBorrows = new ArrayList<>();

        private Builder(List<Instrument> instruments) {
            Objects.requireNonNull(instruments, "instruments");
            if (instruments.isEmpty()) {
                throw new IllegalArgumentException("paper trading: instruments: at least one expected");
            }
            this.instruments = List.copyOf(instruments);
        }

        /** The simulated venue of one instrument; every instrument needs exactly one. */
        public Builder exchange(ExchangeSettings settings) {
            exchanges.add(Objects.requireNonNull(settings, "paper trading: exchange settings must not be null"));
            return this;
        }

        /** Adds a strategy under a unique id. */
        public Builder strategy(String id, Strategy strategy) {
            strategyIds.add(Objects.requireNonNull(id, "paper trading: strategy id must not be null"));
            strategies.add(Objects.requireNonNull(strategy, "paper trading: strategy must not be null"));
            return this;
        }

        /**
         * The pre-trade gate; with {@link #killSwitchOnDisconnect} its kill switch must be one of the gate's checks
         * (first), so that the engine it binds to cancels the orders. Unset: the kill switch alone, or
         * {@link RiskGate#NONE}.
         */
        public Builder riskGate(RiskGate gate) {
            this.riskGate = Objects.requireNonNull(gate, "paper trading: riskGate must not be null");
            return this;
        }

        /** The kill switch a lost feed connection engages with {@link EngagementCause#DISCONNECT}. */
        public Builder killSwitchOnDisconnect(KillSwitch killSwitch) {
            this.killSwitch = Objects.requireNonNull(killSwitch, "paper trading: killSwitch must not be null");
            return this;
        }

        /** The seed of random latency models. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Starting cash of each strategy, quote currency. */
        public Builder initialCash(double initialCash) {
            this.initialCash = initialCash;
            return this;
        }

        /** Equity sampling interval on the wall clock; {@link Backtest#DEFAULT_MARK_INTERVAL_NANOS} unless set. */
        public Builder markIntervalNanos(long markIntervalNanos) {
            this.markIntervalNanos = markIntervalNanos;
            return this;
        }

        /** How much of the order flow the result keeps; {@link OrderHistory#ALL} unless set. */
        public Builder orderHistory(OrderHistory history) {
            this.orderHistory = Objects.requireNonNull(history, "paper trading: orderHistory must not be null");
            return this;
        }

        /** The wall clock (a new {@link SystemClock} unless set); the clients must stamp with {@link #clock()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "paper trading: clock must not be null");
            return this;
        }

        /** The simulated venue's time; {@link LiveEventSource.ExchangeTime#VENUE} unless set. */
        public Builder exchangeTime(LiveEventSource.ExchangeTime time) {
            this.exchangeTime = Objects.requireNonNull(time, "paper trading: exchangeTime must not be null");
            return this;
        }

        /** What a full feed queue does; {@link LiveEventSource.Overflow#BLOCK} unless set. */
        public Builder overflow(LiveEventSource.Overflow overflow) {
            this.overflow = Objects.requireNonNull(overflow, "paper trading: overflow must not be null");
            return this;
        }

        /** Feed queue size: {@code blocks} of {@code rows} rows (see {@link LiveEventSource}). */
        public Builder queue(int blocks, int rows) {
            this.queueBatches = blocks;
            this.batchRows = rows;
            return this;
        }

        /**
         * Holds a perpetual or dated future on margin, as a backtest does ({@code Backtest.Builder#margin}): the
         * engine's {@code MarginLedger} settles funding from the live {@code MARK_PRICE} and {@code FUNDING_RATE} rows
         * (Binance's {@code <symbol>@markPrice} stream), checks new orders against the available margin, liquidates
         * and delivers, with the same accounting and the same result tables.
         */
        public Builder margin(MarginSettings settings) {
            margin.add(Objects.requireNonNull(settings, "paper trading: margin settings must not be null"));
            return this;
        }

        /** The liquidation clearance fee rate ({@code Backtest.Builder#clearanceFeeRate}); its default unless set. */
        public Builder clearanceFeeRate(double rate) {
            this.clearanceFeeRate = rate;
            return this;
        }

        /**
         * Spot margin ({@code Backtest.Builder#spotBorrow}): a short spot position borrows {@code borrowedAsset} and
         * pays {@code rates}' hourly interest at each hour start it is held over, charged at the equity marks.
         */
        public Builder spotBorrow(Instrument instrument, String borrowedAsset, BorrowRates rates) {
            spotBorrows.add(new SpotBorrowSetting(Objects.requireNonNull(instrument, "instrument"),
                    Objects.requireNonNull(borrowedAsset, "borrowedAsset"), Objects.requireNonNull(rates, "rates")));
            return this;
        }

        /**
         * The run, not yet started.
         *
         * @throws IllegalArgumentException naming every missing or conflicting setting (as {@code Backtest}'s)
         */
        public PaperTrading build() {
            RiskGate gate = riskGate != null ? riskGate : killSwitch != null ? killSwitch : RiskGate.NONE;
            return new PaperTrading(this, gate);
        }
    }
}
