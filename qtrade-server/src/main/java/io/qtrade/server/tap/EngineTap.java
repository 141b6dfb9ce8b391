package io.qtrade.server.tap;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.risk.RiskGate;
import io.qtrade.risk.killswitch.KillSwitch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The read-only (plus order entry) hook between a running engine and the server: wrap each strategy with
 * {@link #wrap} before giving it to the engine (backtest, paper trading or live), and the server sees books,
 * trades, own orders, fills, portfolios and signals, and can place and cancel orders and engage the kill switch.
 *
 * <pre>{@code
 * EngineTap tap = EngineTap.builder(List.of(btc)).killSwitch(killSwitch).build();
 * PaperTrading paper = PaperTrading.builder(List.of(btc)).exchange(settings)
 *         .strategy("mm", tap.wrap("mm", new MyMaker())).killSwitchOnDisconnect(killSwitch).build();
 * }</pre>
 *
 * <h2>Threads and cost on the engine thread</h2>
 * The wrapped strategy runs on the engine's thread and adds, per callback, one volatile read (is anything asked
 * for?), and per trade, order update and fill one slot of a bounded single-producer ring ({@link TapRing}): no
 * allocation, no lock, no wait; when a ring is full the event is counted as dropped and the engine goes on. Books and
 * portfolios are copied only when the server asks for them ({@link BookSnapshot#request()}, a few hundred times a
 * second at most). Commands from the server (orders, cancels, the kill switch) wait in a queue that the engine
 * drains in its next callback (a repeating timer of {@link Builder#commandIntervalNanos} makes sure there is one when
 * the feed is silent), so an order placed through the server passes the same risk gate as the strategy's own.
 *
 * <p>Every wrapped strategy of one tap must run on one engine thread (one engine).
 */
public final class EngineTap {

    /** Default number of book levels copied per side. */
    public static final int DEFAULT_DEPTH = 10;
    /**
     * Default capacity of the ring of own order updates: 65,536 slots of 80 bytes (5 MB), so that a hub starved of CPU for a
     * second does not lose order updates from a strategy re-quoting at full replay speed. (Smaller rings stay in a
     * core's cache; at full replay speed an 8,192-slot ring did not measurably lower the engine thread's CPU per event
     * on the shared test machine, and lost order updates whenever the hub was starved: docs/benchmarks.md.)
     */
    public static final int DEFAULT_ACCOUNT_RING = 1 << 16;
    /**
     * Default capacity of the ring of own fills: 65,536 slots of 104 bytes (fills are rarer than order updates and
     * must not be lost).
     */
    public static final int DEFAULT_FILL_RING = 1 << 16;
    /** Default capacity of the ring of trade prints, slots of 32 bytes (sampled under load: a full ring drops prints). */
    public static final int DEFAULT_MARKET_RING = 1 << 13;
    /** Default interval of the engine timer that runs the server's commands when the feed is silent. */
    public static final long DEFAULT_COMMAND_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final List<Instrument> instruments;
    private final Instrument[] instrumentArray;
    private final KillSwitch killSwitch;
    private final RiskGate riskGate;
    private final long commandIntervalNanos;
    private final BookSnapshot[] books;
    private final TapRing accountRing;
    private final TapRing fillRing;
    private final TapRing marketRing;
    private final List<TappedStrategy> strategies = new ArrayList<>();
    private final List<StrategySignals> signals = new ArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> globalCommands = new ConcurrentLinkedQueue<>();
    private final AtomicLong heartbeatNanos = new AtomicLong();
    private final AtomicLong engineNowNanos = new AtomicLong();
    volatile boolean pending;
    final int[] instrumentOwner;
    private volatile Thread engineThread;

    private EngineTap(Builder b) {
        this.instruments = List.copyOf(b.instruments);
        this.instrumentArray = instruments.toArray(new Instrument[0]);
        this.killSwitch = b.killSwitch;
        this.riskGate = b.riskGate;
        this.commandIntervalNanos = b.commandIntervalNanos;
        this.books = new BookSnapshot[instruments.size()];
        for (int i = 0; i < books.length; i++) {
            books[i] = new BookSnapshot(instruments.get(i), b.depth);
        }
        this.instrumentOwner = new int[instruments.size()];
        java.util.Arrays.fill(instrumentOwner, -1);
        this.accountRing = new TapRing(b.accountRing, TapRing.ORDER_LONGS);
        this.fillRing = new TapRing(b.fillRing, TapRing.FILL_LONGS);
        this.marketRing = new TapRing(b.marketRing, TapRing.TRADE_LONGS);
    }

    /** A tap over the engine's instruments (every instrument a wrapped strategy sees must be one of them). */
    public static Builder builder(List<Instrument> instruments) {
        return new Builder(instruments);
    }

    /**
     * Wraps {@code strategy} (run under {@code strategyId}, the id given to the engine) so that the server sees it.
     * Give the returned strategy to the engine instead of the original; every callback reaches the original
     * unchanged, except the reports and fills of orders placed through the server and the tap's own timer.
     *
     * @throws IllegalArgumentException if the id is already wrapped
     */
    public synchronized Strategy wrap(String strategyId, Strategy strategy) {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(strategy, "strategy");
        for (TappedStrategy s : strategies) {
            if (s.id.equals(strategyId)) {
                throw new IllegalArgumentException("engine tap: strategy '" + strategyId + "' is wrapped already");
            }
        }
        TappedStrategy t = new TappedStrategy(this, strategies.size(), strategyId, strategy,
                new PortfolioSnapshot(instruments));
        strategies.add(t);
        signals(strategyId);
        return t;
    }

    /** The signals and parameters strategy {@code strategyId} publishes (made on first use). */
    public synchronized StrategySignals signals(String strategyId) {
        for (StrategySignals s : signals) {
            if (s.strategyId().equals(strategyId)) {
                return s;
            }
        }
        StrategySignals s = new StrategySignals(strategyId);
        signals.add(s);
        return s;
    }

    /** Every strategy's published signals. */
    public synchronized List<StrategySignals> allSignals() {
        return List.copyOf(signals);
    }

    /** The engine's instruments, as given to the builder. */
    public List<Instrument> instruments() {
        return instruments;
    }

    /** The ids of the wrapped strategies, in wrapping order (the index of {@link TapEvent#strategy()}). */
    public synchronized List<String> strategyIds() {
        List<String> ids = new ArrayList<>();
        for (TappedStrategy s : strategies) {
            ids.add(s.id);
        }
        return Collections.unmodifiableList(ids);
    }

    /** Number of wrapped strategies. */
    public synchronized int strategyCount() {
        return strategies.size();
    }

    /** Index of a strategy id, -1 when not wrapped. */
    public synchronized int strategyIndex(String strategyId) {
        for (TappedStrategy s : strategies) {
            if (s.id.equals(strategyId)) {
                return s.index;
            }
        }
        return -1;
    }

    /** Index of an instrument by its id ({@code SYMBOL@VENUE}) or symbol, -1 when unknown. */
    public int instrumentIndex(String idOrSymbol) {
        for (int i = 0; i < instruments.size(); i++) {
            Instrument in = instruments.get(i);
            if (in.id().equals(idOrSymbol) || in.symbol().equals(idOrSymbol)) {
                return i;
            }
        }
        return -1;
    }

    /** Engine thread: the tap's index of {@code instrument} (by identity first: the engine passes its own). */
    int indexOf(Instrument instrument) {
        Instrument[] all = instrumentArray;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == instrument) {
                return i;
            }
        }
        return instruments.indexOf(instrument);
    }

    /** The book snapshot of instrument {@code index}. */
    public BookSnapshot book(int index) {
        return books[index];
    }

    /** The portfolio snapshot of strategy {@code index}. */
    public synchronized PortfolioSnapshot portfolio(int index) {
        return strategies.get(index).portfolio;
    }

    /** Whether strategy {@code index} has started and not yet stopped. */
    public synchronized boolean running(int index) {
        TappedStrategy s = strategies.get(index);
        return s.started && !s.stopped;
    }

    /** The ring of own order updates and end-of-run notices (one consumer: the server). */
    public TapRing accountRing() {
        return accountRing;
    }

    /**
     * The ring of own fills (one consumer: the server), apart from the order updates so that a flood of order
     * updates (a strategy re-quoting at full speed) never crowds out a fill: the server drains it first.
     */
    public TapRing fillRing() {
        return fillRing;
    }

    /** The ring of trade prints (one consumer: the server). */
    public TapRing marketRing() {
        return marketRing;
    }

    /** The kill switch the server may engage and reset, or null. */
    public KillSwitch killSwitch() {
        return killSwitch;
    }

    /** The engine's risk gate (for reporting its limits), or null if not given. */
    public RiskGate riskGate() {
        return riskGate;
    }

    /** {@link System#nanoTime()} of the engine's last tap timer, 0 before the first. */
    public long heartbeatNanos() {
        return heartbeatNanos.getAcquire();
    }

    /** The engine's clock at its last serviced callback, epoch nanoseconds (0 before). */
    public long engineNowNanos() {
        return engineNowNanos.getAcquire();
    }

    /** Asks the engine to copy every book and portfolio at its next callback. */
    public void requestSnapshots() {
        for (BookSnapshot b : books) {
            b.request();
        }
        synchronized (this) {
            for (TappedStrategy s : strategies) {
                s.portfolio.request();
            }
        }
        pending = true;
    }

    /** Asks the engine to copy the books at its next callback. */
    public void requestBooks() {
        for (BookSnapshot b : books) {
            b.request();
        }
        pending = true;
    }

    /**
     * Submits {@code request} for strategy {@code strategyId} at the engine's next callback, through the engine's
     * risk gate; completes with the order id (a rejection by the gate arrives later as a REJECTED order update).
     */
    public CompletableFuture<Long> submit(String strategyId, OrderRequest request) {
        TappedStrategy s = strategy(strategyId);
        CompletableFuture<Long> f = new CompletableFuture<>();
        s.commands.add(() -> {
            // A caller that gave up (f completed exceptionally or cancelled) must not see its order placed later.
            if (f.isDone()) {
                return;
            }
            try {
                long id = s.submitExternal(request);
                if (!f.complete(id)) {
                    s.cancelExternal(id);
                }
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        pending = true;
        return f;
    }

    /**
     * Asks to cancel order {@code orderId} of strategy {@code strategyId} at the engine's next callback; completes
     * with {@code false} if the order was unknown or finished.
     */
    public CompletableFuture<Boolean> cancel(String strategyId, long orderId) {
        TappedStrategy s = strategy(strategyId);
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        s.commands.add(() -> {
            try {
                f.complete(s.cancelExternal(orderId));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        pending = true;
        return f;
    }

    /**
     * Runs {@code action} on the engine thread at its next callback (any strategy's); completes with its result.
     * The kill switch is engaged and reset this way, so that the engine's cancel-all happens on its own thread.
     */
    public <T> CompletableFuture<T> onEngineThread(java.util.function.Supplier<T> action) {
        CompletableFuture<T> f = new CompletableFuture<>();
        globalCommands.add(() -> {
            try {
                f.complete(action.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        pending = true;
        return f;
    }

    private synchronized TappedStrategy strategy(String strategyId) {
        for (TappedStrategy s : strategies) {
            if (s.id.equals(strategyId)) {
                return s;
            }
        }
        throw new IllegalArgumentException("engine tap: no strategy '" + strategyId + "' (strategies "
                + strategyIds() + ")");
    }

    long commandIntervalNanos() {
        return commandIntervalNanos;
    }

    void checkThread() {
        Thread t = Thread.currentThread();
        Thread e = engineThread;
        if (e == null) {
            engineThread = t;
        } else if (e != t) {
            throw new IllegalStateException("engine tap: strategies of one tap must run on one engine thread; "
                    + "'" + e.getName() + "' started first, then '" + t.getName() + "'");
        }
    }

    synchronized void started(TappedStrategy s) {
        List<Instrument> seen = s.ctx.instruments();
        s.tapIndex = new int[seen.size()];
        for (int i = 0; i < seen.size(); i++) {
            int k = instruments.indexOf(seen.get(i));
            if (k < 0) {
                throw new IllegalArgumentException("engine tap: strategy '" + s.id + "' sees " + seen.get(i).id()
                        + ", not one of the tap's instruments " + instruments);
            }
            s.tapIndex[i] = k;
            if (instrumentOwner[k] < 0) {
                instrumentOwner[k] = s.index;
            }
        }
    }

    /** Engine thread: runs what the server asked for. */
    void service(TappedStrategy s) {
        pending = false;
        long now = s.ctx.nowNanos();
        engineNowNanos.setRelease(now);
        int[] idx = s.tapIndex;
        for (int i = 0; i < idx.length; i++) {
            BookSnapshot b = books[idx[i]];
            if (b.requested()) {
                b.copy(s.ctx.book(i), now);
            }
        }
        if (s.portfolio.requested()) {
            s.portfolio.copy(s.ctx.portfolio(), s.ctx.instruments(), idx, now);
        }
        Runnable c;
        while ((c = s.commands.poll()) != null) {
            c.run();
        }
        while ((c = globalCommands.poll()) != null) {
            c.run();
        }
        // Other strategies' requests are served in their own callbacks.
        if (!globalCommands.isEmpty() || otherStrategyPending(s)) {
            pending = true;
        }
    }

    private boolean otherStrategyPending(TappedStrategy self) {
        List<TappedStrategy> list = strategies;
        for (int i = 0, n = list.size(); i < n; i++) {
            TappedStrategy o = list.get(i);
            if (o != self && !o.stopped && (!o.commands.isEmpty() || o.portfolio.requested())) {
                return true;
            }
        }
        return false;
    }

    void heartbeat() {
        heartbeatNanos.setRelease(System.nanoTime());
    }

    @Override
    public String toString() {
        return "EngineTap[instruments=" + instruments.size() + ", strategies=" + strategyIds() + ", account="
                + accountRing + ", fills=" + fillRing + ", market=" + marketRing + "]";
    }

    /** Settings of a tap; {@link #build()} checks them. */
    public static final class Builder {
        private final List<Instrument> instruments;
        private KillSwitch killSwitch;
        private RiskGate riskGate;
        private int depth = DEFAULT_DEPTH;
        private int accountRing = DEFAULT_ACCOUNT_RING;
        private int fillRing = DEFAULT_FILL_RING;
        private int marketRing = DEFAULT_MARKET_RING;
        private long commandIntervalNanos = DEFAULT_COMMAND_INTERVAL_NANOS;

        private Builder(List<Instrument> instruments) {
            Objects.requireNonNull(instruments, "instruments");
            if (instruments.isEmpty()) {
                throw new IllegalArgumentException("engine tap: instruments: at least one expected");
            }
            this.instruments = List.copyOf(instruments);
        }

        /** The kill switch of the engine's risk gate, which the server may engage and reset. */
        public Builder killSwitch(KillSwitch killSwitch) {
            this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
            return this;
        }

        /** The engine's risk gate, whose limits the server reports with their usage. */
        public Builder riskGate(RiskGate riskGate) {
            this.riskGate = Objects.requireNonNull(riskGate, "riskGate");
            return this;
        }

        /** Book levels copied per side (1..1000; default {@link #DEFAULT_DEPTH}). */
        public Builder depth(int levels) {
            if (levels < 1 || levels > 1000) {
                throw new IllegalArgumentException("engine tap: depth must be in 1..1000 levels, was " + levels);
            }
            this.depth = levels;
            return this;
        }

        /** Ring capacities (powers of two): own order updates, trade prints. */
        public Builder rings(int accountCapacity, int marketCapacity) {
            this.accountRing = accountCapacity;
            this.marketRing = marketCapacity;
            return this;
        }

        /** Capacity of the ring of own fills (a power of two; default {@link #DEFAULT_FILL_RING}). */
        public Builder fillRing(int capacity) {
            this.fillRing = capacity;
            return this;
        }

        /**
         * Interval of the engine timer that runs the server's commands, engine clock nanoseconds; 0 for no timer
         * (a backtest at full speed on the simulated clock, whose callbacks come often enough: a timer every 10 ms of
         * simulated time would add events there). With no timer, commands and snapshots wait for the next callback.
         */
        public Builder commandIntervalNanos(long nanos) {
            if (nanos < 0) {
                throw new IllegalArgumentException("engine tap: commandIntervalNanos must be >= 0, was " + nanos);
            }
            this.commandIntervalNanos = nanos;
            return this;
        }

        /** The tap. */
        public EngineTap build() {
            return new EngineTap(this);
        }
    }
}
