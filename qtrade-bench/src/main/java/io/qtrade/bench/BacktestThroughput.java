package io.qtrade.bench;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.OrderHistory;
import io.qtrade.backtest.StrategyBooks;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.latency.LatencyModel;
import io.qtrade.backtest.latency.LognormalLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.OrderView;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.portfolio.Position;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.strategies.marketmaking.AvellanedaStoikov;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end backtest throughput on one core: events per second and bytes allocated per event for
 * <ol>
 *   <li>{@code replay}: the baseline, the same events streamed in batches through one {@link OrderBook} (what any
 *       replay costs at least);</li>
 *   <li>{@code noop}: a backtest whose strategy does nothing (two books per event: venue and local, queue model,
 *       latency, callbacks);</li>
 *   <li>{@code mm}: a market maker that re-evaluates its quotes on every book update and replaces any quote whose
 *       price differs from the touch (cancel + new order through the latency model), every order and fill kept
 *       for the result tables ({@code OrderHistory.ALL});</li>
 *   <li>{@code mm-open}: the same market maker under {@code OrderHistory.OPEN_ONLY} (finished orders recycled,
 *       totals only): the same orders, fills and PnL, without the per-order records;</li>
 *   <li>{@code as} (only when named): the strategies module's {@code MarketMaker} with the Avellaneda-Stoikov model
 *       (gamma 0.3, EWMA volatility, trade-intensity fit, OFI skew: {@code MarketMakingBenchmark}'s);</li>
 *   <li>{@code noop-sep}, {@code mm-sep}, {@code as-sep} (only when named): the same runs with the strategies' book
 *       kept as a second book fed every row ({@code StrategyBooks.SEPARATE}, the engine's path before the shared
 *       delayed view), to compare both in one JVM.</li>
 * </ol>
 * over {@code events} (default 10 million) Cont–Stoikov–Talreja L2 events generated once in memory and streamed to
 * each run through 4096-row batches, with feed latency from the events, order latency constant (or lognormal with
 * {@code lognormal} as the third argument) and {@code ProbabilisticQueue(PowerProbability(2))}. Allocation is the
 * thread's {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes} over the run, divided by the events. Each
 * line gives the rate in wall time and in the thread's CPU time ({@code getCurrentThreadCpuTime}): on a shared machine
 * the second is what the run cost, the first also how long it waited for a core.
 *
 * <pre>{@code
 * java -cp qtrade-bench/target/benchmarks.jar io.qtrade.bench.BacktestThroughput [events] [rounds] [constant|lognormal] [replay,noop,mm,mm-open,as]
 * }</pre>
 */
public final class BacktestThroughput {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);

    private BacktestThroughput() {
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean lognormal = args.length > 2 && args[2].equals("lognormal");
        String[] modes = args.length > 3 ? args[3].split(",") : new String[] {"replay", "noop", "mm", "mm-open"};
        long t0 = System.nanoTime();
        EventBatch all = generate(events);
        System.out.printf(Locale.ROOT, "generated %,d events in %.1f s; order latency %s%n", all.size(),
                (System.nanoTime() - t0) / 1e9, lognormal ? "lognormal" : "constant");
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (int round = 1; round <= rounds; round++) {
            for (String mode : modes) {
                long allocated = threads.getThreadAllocatedBytes(tid);
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                String extra = run(mode, all, lognormal);
                long nanos = System.nanoTime() - start;
                long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
                long bytes = threads.getThreadAllocatedBytes(tid) - allocated;
                System.out.printf(Locale.ROOT, "round %d %-6s %,6.2f M events/s  %,6.2f M events/cpu-s  %,8.2f B/event  %s%n",
                        round, mode, all.size() * 1e3 / nanos, all.size() * 1e3 / cpuNanos, (double) bytes / all.size(),
                        extra);
            }
        }
    }

    /** {@code events} synthetic L2 events of one instrument (seed 7), in one in-memory batch. */
    static EventBatch generate(long events) {
        SyntheticMarket market = SyntheticMarket.builder().instrument(AAA, 100.00).events(events).seed(7).build();
        EventBatch all = new EventBatch((int) events + 100_000);
        EventBatch chunk = new EventBatch(4096);
        while (market.readBatch(chunk)) {
            for (int r = 0; r < chunk.size(); r++) {
                all.addFrom(chunk, r, 0);
            }
        }
        return all;
    }

    private static String run(String mode, EventBatch all, boolean lognormal) {
        if (mode.equals("replay")) {
            return "mid " + replay(all);
        }
        BacktestResult result = backtest(mode, all, lognormal);
        long orders = result.orderCount();
        return String.format(Locale.ROOT, "orders %,d (%.2f per 1000 events) fills %,d netPnl %.2f", orders,
                orders * 1e3 / all.size(), result.fillCount(), result.portfolio(mode).netPnl());
    }

    /** The baseline: streams the events in 4096-row batches through one book; returns the final mid. */
    static double replay(EventBatch all) {
        InMemoryEventSource source = new InMemoryEventSource(List.of(AAA), all);
        OrderBook book = new OrderBook(AAA);
        EventBatch batch = new EventBatch(4096);
        EventCursor cursor = new EventCursor();
        while (source.readBatch(batch)) {
            cursor.reset(batch);
            while (cursor.next()) {
                book.apply(cursor);
            }
        }
        return book.mid();
    }

    /** A backtest of {@code mode} ({@code noop} or {@code mm}) over the events. */
    static BacktestResult backtest(String mode, EventBatch all, boolean lognormal) {
        InMemoryEventSource source = new InMemoryEventSource(List.of(AAA), all);
        LatencyModel latency = lognormal ? new LognormalLatency(50_000, 50_000, 0.5, 1)
                : new ConstantLatency(50_000, 50_000);
        // "-sep": the same run with the strategies' book kept as a second book fed every row (the engine's old path).
        boolean separate = mode.endsWith("-sep");
        String base = separate ? mode.substring(0, mode.length() - 4) : mode;
        Strategy strategy = switch (base) {
            case "noop" -> new Strategy() { };
            case "as" -> MarketMakingBenchmark.maker(new AvellanedaStoikov(0.3));
            default -> new Requoter();
        };
        OrderHistory history = base.equals("mm-open") ? OrderHistory.OPEN_ONLY : OrderHistory.ALL;
        return Backtest.builder().source(source)
                .exchange(ExchangeSettings.builder(AAA).latency(latency)
                        .queue(new ProbabilisticQueue(new PowerProbability(2))).fees(new BpsFees(-0.2, 2.0)).build())
                .strategy(mode, strategy).markIntervalNanos(60_000_000_000L).orderHistory(history)
                .strategyBooks(separate ? StrategyBooks.SEPARATE : StrategyBooks.SHARED_WITH_VENUE).build().run();
    }

    /**
     * Joins the touch on both sides with 1 lot, re-evaluated on every book update; at most 5 lots either way. The
     * decision depends only on the best bid and ask, the position and the two orders' states, so when none of them
     * changed since the last evaluation its answer ("keep both quotes") still holds and the callback returns at once:
     * the same orders as evaluating in full, fewer instructions. It holds order ids, never views, so it runs
     * unchanged under {@link OrderHistory#OPEN_ONLY}, where a finished order's view is reused.
     */
    static final class Requoter implements Strategy {
        /** {@link #state} of no order, and of an order that has finished (any terminal status). */
        private static final int NONE = -1;
        private static final int FINISHED = -2;

        private StrategyContext ctx;
        private Position position;
        private final long[] open = new long[8];
        private int openCount;
        private long bid;
        private long ask;
        private long lastBidTicks = Long.MIN_VALUE;
        private long lastAskTicks = Long.MIN_VALUE;
        private double lastPosition = Double.NaN;
        private int lastBidState = NONE;
        private int lastAskState = NONE;

        @Override
        public void onStart(StrategyContext context) {
            this.ctx = context;
        }

        @Override
        public void onBook(int instrument, OrderBookView book) {
            if (book.isEmpty(Side.BUY) || book.isEmpty(Side.SELL)) {
                return;
            }
            if (position == null) {
                position = ctx.position(instrument); // the same object for the whole run
            }
            openCount = ctx.openOrders(instrument, open);
            double qty = position.qty();
            long bidTicks = book.bestBidTicks();
            long askTicks = book.bestAskTicks();
            if (bidTicks == lastBidTicks && askTicks == lastAskTicks && qty == lastPosition
                    && state(bid) == lastBidState && state(ask) == lastAskState) {
                return;
            }
            lastBidTicks = bidTicks;
            lastAskTicks = askTicks;
            lastPosition = qty;
            bid = quote(instrument, bid, Side.BUY, book.bestBid(), qty < 5);
            ask = quote(instrument, ask, Side.SELL, book.bestAsk(), qty > -5);
            openCount = ctx.openOrders(instrument, open);
            lastBidState = state(bid);
            lastAskState = state(ask);
        }

        /** The order's status ordinal while it is open, {@link #FINISHED} once it is not, {@link #NONE} for id 0. */
        private int state(long id) {
            if (id == 0) {
                return NONE;
            }
            for (int k = 0; k < openCount; k++) {
                if (open[k] == id) {
                    return ctx.order(id).status().ordinal();
                }
            }
            return FINISHED;
        }

        private long quote(int instrument, long id, Side side, double price, boolean wanted) {
            int state = state(id);
            if (state >= 0) {
                OrderView o = ctx.order(id);
                if (o.status() == OrderStatus.PENDING_CANCEL) {
                    return id;
                }
                if (wanted && o.price() == price) {
                    return id;
                }
                ctx.cancel(id);
            }
            return wanted ? ctx.submitLimit(instrument, side, price, 1, TimeInForce.GTC) : 0;
        }
    }
}
