package io.qtrade.backtest;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.market.MergedEventSource;
import io.qtrade.core.market.TimeKey;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.risk.RiskGate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A backtest: event sources, strategies, one venue setting per instrument, an optional risk gate, a time window and
 * a seed, run once with {@link #run()}.
 *
 * <pre>{@code
 * BacktestResult result = Backtest.builder()
 *         .source(market)                                      // one source, or several (merged by exchTs)
 *         .exchange(ExchangeSettings.builder(aaa)
 *                 .latency(new ConstantLatency(50_000, 50_000))
 *                 .queue(new ProbabilisticQueue(new PowerProbability(2)))
 *                 .fees(new BpsFees(-0.5, 2.0))
 *                 .build())
 *         .strategy("mm", new MyMarketMaker())
 *         .initialCash(1_000_000)
 *         .build()
 *         .run();
 * }</pre>
 *
 * <h2>Two timelines</h2>
 * Each event is applied to its instrument's venue book at its {@code exchTs} and to the strategies' book at its
 * {@code localTs} (feed latency is their difference, taken from the data). An order sent at local time {@code t}
 * reaches the venue at {@code t + entryLatency} and every venue response reaches the strategy
 * {@code responseLatency} after the venue acted. Requests and responses of one strategy on one instrument travel in
 * order, as over one session: a message never overtakes an earlier one on the same channel (its arrival is
 * {@code max(sent + latency, previous arrival)}). So orders are in flight while the market moves, and a cancel can
 * lose the race against a fill.
 *
 * <h2>Quotes</h2>
 * The {@code BBO} rows of one quote (a bid row then an ask row with equal {@code exchTs} and {@code localTs}, the last
 * flagged {@code EventFlags.END_OF_MESSAGE}, as every importer writes them) are applied to the strategies' book
 * together, and {@code onBook} is called once, after the last: after a {@code BBO} row not flagged
 * {@code END_OF_MESSAGE}, the next rows of the instrument that are {@code BBO} rows with the same timestamps join it,
 * up to the flagged one (unflagged sources: joined by equal timestamps). No strategy ever sees a new bid with the old
 * ask.
 *
 * <h2>Order of simultaneous actions</h2>
 * At equal times: venue market event, request reaching the venue, response reaching the strategy, market event
 * reaching the strategy, timer, equity mark. Within each kind, the stream order (events) or the send order
 * (messages, by a sequence number), and strategies in the order they were added. No hash-order iteration anywhere:
 * the same inputs and seed give bit-identical results, and an instrument or strategy added to a run changes nothing
 * for the others (order ids are per strategy, latency draws depend only on the order and the seed).
 *
 * <h2>Risk</h2>
 * Every new order passes {@link Builder#riskGate}'s {@code check} when the strategy sends it; a rejection comes back
 * at once as a REJECTED update and never reaches the venue. The engine calls the gate's hooks (order accepted and
 * done, fills, equity marks, and, only if the gate {@code needsMarketData()}, every market event; a wake-up at the
 * gate's {@code wakeAtNanos()}) and carries out its {@link io.qtrade.risk.RiskActions} at its current time: cancel
 * every open order (kill switch), or cancel one strategy's orders and flatten its positions with market orders that
 * skip the check (stop-loss).
 *
 * <h2>Paper trading</h2>
 * With a {@link Builder#pacer(WallClockPacer)} the same engine runs on the wall clock over a live source: market
 * events are processed as they arrive, and every order message, timer, equity mark and risk wake-up waits for its
 * wall-clock time (see {@link WallClockPacer}); the run starts at the pacer's now and ends when the source is
 * closed (or at {@link Builder#endNanos}).
 *
 * <h2>Time window</h2>
 * Events before {@link Builder#startNanos} (by {@code localTs}) build the books without strategy callbacks. The run
 * stops after {@link Builder#endNanos}; without an end it stops when the stream is exhausted and no order message is
 * in flight (pending timers are then dropped).
 */
public final class Backtest {

    /** Default equity sampling interval: one second. */
    public static final long DEFAULT_MARK_INTERVAL_NANOS = 1_000_000_000L;
    /** Default rows per event batch read from the source. */
    public static final int DEFAULT_BATCH_CAPACITY = 4096;
    /** No time limit. */
    public static final long NO_START = Long.MIN_VALUE;
    /** No time limit. */
    public static final long NO_END = Long.MAX_VALUE;

    final EventSource source;
    final List<Instrument> instruments;
    final ExchangeSettings[] settings;
    final List<String> strategyIds;
    final List<Strategy> strategies;
    final RiskGate riskGate;
    final long startNanos;
    final long endNanos;
    final long seed;
    final double initialCash;
    final long markIntervalNanos;
    final long decisionLatencyNanos;
    final boolean measureCallbackTime;
    final int batchCapacity;
    final OrderHistory orderHistory;
    final StrategyBooks strategyBooks;
    /** Null for a backtest (simulated clock); the wall-clock pacer of a paper-trading run. */
    final WallClockPacer pacer;
    /** Derivatives held on margin, and the liquidation clearance fee rate. */
    final List<io.qtrade.backtest.margin.MarginSettings> margin;
    final double clearanceFeeRate;
    /** Spot margin: hourly borrow rates and the asset each shortable spot instrument borrows; null rates for none. */
    final io.qtrade.core.margin.BorrowRates borrowRates;
    final java.util.Map<Instrument, String> borrowedAssets;
    private boolean ran;

    private Backtest(Builder b, EventSource source, ExchangeSettings[] settings) {
        this.source = source;
        this.instruments = List.copyOf(source.instruments());
        this.settings = settings;
        this.strategyIds = List.copyOf(b.strategyIds);
        this.strategies = List.copyOf(b.strategies);
        this.riskGate = b.riskGate;
        this.startNanos = b.startNanos;
        this.endNanos = b.endNanos;
        this.seed = b.seed;
        this.initialCash = b.initialCash;
        this.markIntervalNanos = b.markIntervalNanos;
        this.decisionLatencyNanos = b.decisionLatencyNanos;
        this.margin = List.copyOf(b.margin);
        this.clearanceFeeRate = b.clearanceFeeRate;
        this.borrowRates = b.borrowRates;
        this.borrowedAssets = java.util.Map.copyOf(b.borrowedAssets);
        this.measureCallbackTime = b.measureCallbackTime;
        this.batchCapacity = b.batchCapacity;
        this.orderHistory = b.orderHistory;
        this.strategyBooks = b.strategyBooks;
        this.pacer = b.pacer;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The instruments, by index (the order of the sources' instrument lists). */
    public List<Instrument> instruments() {
        return instruments;
    }

    /** The exchange settings (latency, queue and fee models) of each instrument, by instrument index. */
    public List<ExchangeSettings> exchangeSettings() {
        return List.of(settings);
    }

    /** The seed of the run's random draws (latency models that take none use their own). */
    public long seed() {
        return seed;
    }

    /** Each strategy's initial cash, quote currency. */
    public double initialCash() {
        return initialCash;
    }

    /** Interval of the equity marks, nanoseconds. */
    public long markIntervalNanos() {
        return markIntervalNanos;
    }

    /** The strategy ids, in the order they were added. */
    public List<String> strategyIds() {
        return strategyIds;
    }

    /**
     * Runs the backtest to the end and returns its result. A backtest runs once (its sources are consumed).
     *
     * @throws IllegalStateException if it already ran
     */
    public BacktestResult run() {
        if (ran) {
            throw new IllegalStateException("a backtest runs once: its event sources have been consumed; build a new one");
        }
        ran = true;
        return new Engine(this).run();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Backtest[instruments=").append(instruments.size());
        for (ExchangeSettings e : settings) {
            s.append(", ").append(e);
        }
        return s.append(", strategies=").append(strategyIds).append(", riskGate=").append(riskGate)
                .append(", startNanos=").append(startNanos).append(", endNanos=").append(endNanos)
                .append(", seed=").append(seed).append(", initialCash=").append(initialCash)
                .append(", markIntervalNanos=").append(markIntervalNanos)
                .append(", orderHistory=").append(orderHistory)
                .append(", pacer=").append(pacer == null ? "none (simulated clock)" : pacer)
                .append(", decisionLatencyNanos=").append(decisionLatencyNanos)
                .append(", measureCallbackTime=").append(measureCallbackTime).append("]").toString();
    }

    /** Collects a backtest's settings; {@link #build()} checks them together and names every problem. */
    public static final class Builder {
        private final List<EventSource> sources = new ArrayList<>();
        private final List<ExchangeSettings> exchanges = new ArrayList<>();
        private final List<String> strategyIds = new ArrayList<>();
        private final List<Strategy> strategies = new ArrayList<>();
        private RiskGate riskGate = RiskGate.NONE;
        private long startNanos = NO_START;
        private long endNanos = NO_END;
        private long seed;
        private double initialCash;
        private long markIntervalNanos = DEFAULT_MARK_INTERVAL_NANOS;
        private long decisionLatencyNanos;
        private boolean measureCallbackTime;
        private int batchCapacity = DEFAULT_BATCH_CAPACITY;
        private OrderHistory orderHistory = OrderHistory.ALL;
        private StrategyBooks strategyBooks = StrategyBooks.SHARED_WITH_VENUE;
        private WallClockPacer pacer;
        private final List<io.qtrade.backtest.margin.MarginSettings> margin = new ArrayList<>();
        private double clearanceFeeRate = io.qtrade.core.margin.MarginAccount.DEFAULT_CLEARANCE_FEE_RATE;
        private io.qtrade.core.margin.BorrowRates borrowRates;
        private final java.util.Map<Instrument, String> borrowedAssets = new java.util.LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds an event source, time-ordered by {@code exchTs}. Several sources are merged by {@code exchTs} (a
         * {@link MergedEventSource}, stable: ties in the order the sources were added); the instruments are their
         * lists concatenated.
         */
        public Builder source(EventSource source) {
            sources.add(Objects.requireNonNull(source, "backtest: source must not be null"));
            return this;
        }

        /** The venue settings of one instrument; every instrument of the sources needs exactly one. */
        public Builder exchange(ExchangeSettings settings) {
            exchanges.add(Objects.requireNonNull(settings, "backtest: exchange settings must not be null"));
            return this;
        }

        /** Adds a strategy under a unique id; its order ids and results are reported under it. */
        public Builder strategy(String id, Strategy strategy) {
            strategyIds.add(Objects.requireNonNull(id, "backtest: strategy id must not be null"));
            strategies.add(Objects.requireNonNull(strategy, () -> "backtest: strategy '" + id + "' must not be null"));
            return this;
        }

        /**
         * The pre-trade gate every new order passes, with its hooks and actions (see "Risk" above); a gate holds state
         * (open orders, a kill switch), so give each run its own. {@link RiskGate#NONE} unless set.
         */
        public Builder riskGate(RiskGate gate) {
            this.riskGate = Objects.requireNonNull(gate, "backtest: riskGate must not be null, use RiskGate.NONE");
            return this;
        }

        /** Strategies start seeing events at this local time, epoch nanoseconds; earlier events only build books. */
        public Builder startNanos(long startNanos) {
            this.startNanos = startNanos;
            return this;
        }

        /** The run stops after this time, epoch nanoseconds. */
        public Builder endNanos(long endNanos) {
            this.endNanos = endNanos;
            return this;
        }

        /** The run's seed, folded into every draw of a random latency model. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Holds a perpetual or future on margin (mode, leverage, brackets): every strategy's fills in it go to a
         * {@link io.qtrade.core.margin.MarginAccount} of its settlement asset (starting with {@link #initialCash}),
         * which settles funding on the {@code FUNDING_RATE} rows at the {@code MARK_PRICE} rows' mark, rejects
         * orders beyond the available margin, liquidates (the strategy's open orders cancelled first) and delivers a
         * dated future at its expiry (see {@link io.qtrade.backtest.margin.MarginLedger}).
         * The funding paid goes into the strategy's portfolio ({@code Portfolio.applyFunding}) and the results'
         * funding column and table; deliveries into the {@code deliveries} table.
         */
        public Builder margin(io.qtrade.backtest.margin.MarginSettings settings) {
            margin.add(Objects.requireNonNull(settings, "backtest: margin settings must not be null"));
            return this;
        }

        /**
         * Spot margin: a short position in the spot instrument {@code instrument} borrows {@code borrowedAsset} and
         * pays hourly interest at {@code rates} ({@link io.qtrade.core.margin.SpotBorrow}), charged at the equity
         * marks (so keep {@link #markIntervalNanos} at most an hour) as a cash flow out of the portfolio
         * ({@code Portfolio.otherCash}).
         */
        public Builder spotBorrow(Instrument instrument, String borrowedAsset, io.qtrade.core.margin.BorrowRates rates) {
            if (this.borrowRates != null && this.borrowRates != rates) {
                throw new IllegalArgumentException("backtest: one BorrowRates for every spot borrow, got a second for "
                        + instrument.id());
            }
            this.borrowRates = Objects.requireNonNull(rates, "backtest: borrow rates must not be null");
            borrowedAssets.put(Objects.requireNonNull(instrument, "instrument"),
                    Objects.requireNonNull(borrowedAsset, "borrowedAsset"));
            return this;
        }

        /** The liquidation clearance fee rate of the margin accounts ({@code MarginAccount}'s default unless set). */
        public Builder clearanceFeeRate(double rate) {
            this.clearanceFeeRate = rate;
            return this;
        }

        /** Starting cash of each strategy, quote currency (finite); 0 unless set. */
        public Builder initialCash(double initialCash) {
            this.initialCash = initialCash;
            return this;
        }

        /** How often positions are marked to the strategies' mid and an equity row recorded; 0 for fills only. */
        public Builder markIntervalNanos(long markIntervalNanos) {
            this.markIntervalNanos = markIntervalNanos;
            return this;
        }

        /**
         * A fixed time each strategy callback takes: orders sent from a callback leave {@code decisionLatencyNanos}
         * after the event that triggered it, so a slow strategy is seen to be slow. 0 unless set.
         */
        public Builder decisionLatencyNanos(long decisionLatencyNanos) {
            this.decisionLatencyNanos = decisionLatencyNanos;
            return this;
        }

        /**
         * Measures each callback's wall time and delays the orders it sends by the time elapsed when each was sent
         * (on top of {@link #decisionLatencyNanos}). Realistic for the strategy's own code, but no longer
         * bit-for-bit reproducible: the wall clock differs between runs.
         */
        public Builder measureCallbackTime(boolean measure) {
            this.measureCallbackTime = measure;
            return this;
        }

        /**
         * How much of the order flow the result keeps: {@link OrderHistory#ALL} (default: every order and fill as a
         * row) or {@link OrderHistory#OPEN_ONLY} (bounded memory, no per-order allocation; totals and equity only).
         */
        public Builder orderHistory(OrderHistory history) {
            this.orderHistory = Objects.requireNonNull(history, "orderHistory must not be null");
            return this;
        }

        /**
         * How the strategies' book of an L2 instrument is kept; {@link StrategyBooks#SHARED_WITH_VENUE} unless set. Both
         * give the same results to the bit; {@link StrategyBooks#SEPARATE} is the slower path, to compare against.
         */
        public Builder strategyBooks(StrategyBooks books) {
            this.strategyBooks = Objects.requireNonNull(books, "strategyBooks must not be null");
            return this;
        }

        /** Rows per batch read from the sources; {@link #DEFAULT_BATCH_CAPACITY} unless set. */
        public Builder batchCapacity(int rows) {
            this.batchCapacity = rows;
            return this;
        }

        /**
         * Runs on the wall clock (paper trading): the engine waits for {@code pacer}'s clock before each order
         * message, timer, mark and risk wake-up, and reads the (live) source only when the pacer says events are
         * ready; see {@link WallClockPacer}. Without a pacer the run is a backtest on the simulated clock.
         */
        public Builder pacer(WallClockPacer pacer) {
            this.pacer = Objects.requireNonNull(pacer, "backtest: pacer must not be null");
            return this;
        }

        /**
         * The backtest.
         *
         * @throws IllegalArgumentException naming every missing or conflicting setting
         */
        public Backtest build() {
            List<String> problems = new ArrayList<>();
            if (sources.isEmpty()) {
                problems.add("no event source (add one with source(...))");
            }
            if (strategies.isEmpty()) {
                problems.add("no strategy (add one with strategy(id, strategy))");
            }
            Set<String> ids = new HashSet<>();
            for (String id : strategyIds) {
                if (id.isBlank()) {
                    problems.add("a strategy id is blank");
                } else if (!ids.add(id)) {
                    problems.add("strategy id '" + id + "' is used twice");
                }
            }
            if (!Double.isFinite(initialCash)) {
                problems.add("initialCash must be finite, was " + initialCash);
            }
            if (markIntervalNanos < 0) {
                problems.add("markIntervalNanos must be >= 0, was " + markIntervalNanos);
            }
            if (decisionLatencyNanos < 0) {
                problems.add("decisionLatencyNanos must be >= 0, was " + decisionLatencyNanos);
            }
            if (batchCapacity < 1) {
                problems.add("batchCapacity must be >= 1, was " + batchCapacity);
            }
            if (startNanos != NO_START && endNanos != NO_END && endNanos < startNanos) {
                problems.add("endNanos " + endNanos + " is before startNanos " + startNanos);
            }
            EventSource source = sources.size() == 1 ? sources.get(0)
                    : sources.isEmpty() ? null : new MergedEventSource(TimeKey.EXCH, sources, batchCapacity);
            ExchangeSettings[] byInstrument = null;
            if (source != null) {
                List<Instrument> instruments = source.instruments();
                byInstrument = new ExchangeSettings[instruments.size()];
                for (ExchangeSettings e : exchanges) {
                    int i = instruments.indexOf(e.instrument());
                    if (i < 0) {
                        problems.add("exchange settings for " + e.instrument().id()
                                + ", which no source has (instruments " + ids(instruments) + ")");
                    } else if (byInstrument[i] != null) {
                        problems.add("two exchange settings for " + e.instrument().id());
                    } else {
                        byInstrument[i] = e;
                    }
                }
                for (int i = 0; i < instruments.size(); i++) {
                    if (instruments.indexOf(instruments.get(i)) != i) {
                        problems.add("instrument " + instruments.get(i).id() + " appears in two sources");
                    } else if (byInstrument[i] == null) {
                        problems.add("no exchange settings for " + instruments.get(i).id()
                                + " (add ExchangeSettings.builder(instrument)...build())");
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("backtest: " + String.join("; ", problems));
            }
            return new Backtest(this, source, byInstrument);
        }

        private static List<String> ids(List<Instrument> instruments) {
            List<String> out = new ArrayList<>();
            for (Instrument i : instruments) {
                out.add(i.id());
            }
            return out;
        }
    }
}
