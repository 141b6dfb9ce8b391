package io.qtrade.backtest.queue.study;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.exchange.ExecutionSink;
import io.qtrade.backtest.exchange.SimulatedExchange;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.L3ArrivalQueue;
import io.qtrade.backtest.queue.LogProbability;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.backtest.queue.QueueModel;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.OrderType;
import io.qtrade.core.order.TimeInForce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The accuracy of L2 queue models measured on market-by-order data.
 *
 * <p><b>Placements.</b> After every {@code placementEveryMessages}-th message (when both sides have a best price and
 * the horizon ends within the data) a virtual buy of {@code orderQty} joins the back of the best bid and a virtual
 * sell the back of the best ask: {@code qtyAhead} = the level's visible quantity. Each is followed for
 * {@code horizonNanos} (messages with time {@code <= placed + horizon}); each is alone in the market (one virtual order
 * never affects another).
 *
 * <p><b>Truth: exact FIFO from the L3 messages.</b> The orders ahead are those resting at the level when the virtual
 * order joined (added at or before its message, or already in the book when the data starts):
 * <pre>{@code
 * cancel / delete of q of an order ahead:               ahead -= q          (one behind: nothing)
 * execution of q of an order ahead:                     ahead -= q
 * execution of q of an order behind it at its price:    the aggressor reached it first: fills min(leaves, q)
 * execution of q at a price worse than the order's:     the market traded through it: fills min(leaves, q)
 * an opposite order of q added at or through its price: it would have executed against it: fills min(leaves, q)
 * hidden executions: no change (they are not in the visible queue)
 * }</pre>
 * <p><b>Models: the L2 view only.</b> The same placements go, one strategy each, to a {@link SimulatedExchange} with
 * the model under test, fed an L2 feed made from the same data: a depth update of each message's level with its
 * visible quantity after the message (where the L2 view shows it) and a trade print for every execution (hidden ones
 * too, unless {@code includeHiddenPrints(false)}: an L2 trade feed carries them). So the models are scored with every
 * rule of the backtest exchange (lots, prints through the price, the market reaching the order).
 *
 * <p>A model {@linkplain QueueModel#drivenByL3Messages() driven by L3 messages} ({@link L3ArrivalQueue}) gets each
 * message's own L3 row (add, cancel, execution with its id) before the depth updates: it follows the same rules as
 * the truth, so its row checks the exchange against the truth.
 *
 * <p><b>Scores</b> per model: {@link ModelAccuracy}. Where it stops being realistic: the virtual orders have no
 * impact (an execution that filled one still reaches the orders behind it in the data), and the truth assumes
 * price-time priority of the displayed orders, as NASDAQ's book (LOBSTER's source) has.
 */
public final class QueueStudy {

    /**
     * The default models: risk-averse, power n = 1, 2, 3, log (fed the L2 view), and {@link L3ArrivalQueue} (fed the
     * L2 view and the L3 messages: a check of the exchange against the truth, which it should match).
     */
    public static Map<String, QueueModel> defaultModels() {
        Map<String, QueueModel> m = new LinkedHashMap<>();
        m.put("RiskAverse", RiskAverseQueue.INSTANCE);
        m.put("Power(1)", new ProbabilisticQueue(new PowerProbability(1)));
        m.put("Power(2)", new ProbabilisticQueue(new PowerProbability(2)));
        m.put("Power(3)", new ProbabilisticQueue(new PowerProbability(3)));
        m.put("Log", new ProbabilisticQueue(LogProbability.INSTANCE));
        m.put("L3Arrival", L3ArrivalQueue.INSTANCE);
        return m;
    }

    private final int placementEveryMessages;
    private final double orderQty;
    private final long horizonNanos;
    private final boolean includeHiddenPrints;
    private final Map<String, QueueModel> models;
    private final List<String> order;

    /** The L2 feed and, per row, the message it comes from (-1 for the initial levels). */
    record Feed(EventBatch batch, int[] message) {
    }

    private QueueStudy(Builder b) {
        this.placementEveryMessages = b.placementEveryMessages;
        this.orderQty = b.orderQty;
        this.horizonNanos = b.horizonNanos;
        this.includeHiddenPrints = b.includeHiddenPrints;
        this.models = Map.copyOf(b.models);
        this.order = List.copyOf(b.models.keySet());
    }

    /** A builder with the defaults: every 10th message, 100 units, 10 s, hidden prints in, {@link #defaultModels()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Runs the study on a tape. */
    public QueueStudyResult run(L3Tape tape) {
        Objects.requireNonNull(tape, "queue study: tape");
        List<Placement> plan = plan(tape);
        List<Placement> truth = truth(tape, plan);
        Feed feed = null;
        Feed withL3 = null;
        Map<String, List<Placement>> outcomes = new LinkedHashMap<>();
        List<ModelAccuracy> accuracies = new ArrayList<>();
        for (String name : order) {
            QueueModel model = models.get(name);
            if (model.drivenByL3Messages()) {
                withL3 = withL3 != null ? withL3 : feed(tape, true);
            } else {
                feed = feed != null ? feed : feed(tape, false);
            }
            List<Placement> out = replay(tape, plan, model.drivenByL3Messages() ? withL3 : feed, model);
            outcomes.put(name, out);
            accuracies.add(score(name, truth, out));
        }
        return new QueueStudyResult(tape.instrument(), horizonNanos, orderQty, truth, outcomes, accuracies);
    }

    private List<Placement> plan(L3Tape t) {
        List<Placement> out = new ArrayList<>();
        int n = t.size();
        if (n == 0) {
            return out;
        }
        long last = t.tsNanos[n - 1];
        for (int k = 0; k < n; k += placementEveryMessages) {
            if (t.bestBidTicks(k) == OrderBook.NO_BID || t.bestAskTicks(k) == OrderBook.NO_ASK
                    || t.tsNanos[k] + horizonNanos > last) {
                continue;
            }
            out.add(new Placement(out.size(), k, t.tsNanos[k], Side.BUY, t.bestBidTicks(k), orderQty,
                    t.bestBidQty(k), 0, Placement.NOT_FILLED));
            out.add(new Placement(out.size(), k, t.tsNanos[k], Side.SELL, t.bestAskTicks(k), orderQty,
                    t.bestAskQty(k), 0, Placement.NOT_FILLED));
        }
        return out;
    }

    /** The exact FIFO outcome of every placement. */
    private List<Placement> truth(L3Tape t, List<Placement> plan) {
        int m = plan.size();
        double[] ahead = new double[m];
        double[] filled = new double[m];
        long[] fillTs = new long[m];
        Arrays.fill(fillTs, Placement.NOT_FILLED);
        boolean[] active = new boolean[m];
        Map<Long, Integer> addedAt = new HashMap<>();
        List<Integer> live = new ArrayList<>();
        int next = 0;
        for (int k = 0; k < t.size(); k++) {
            long ts = t.tsNanos[k];
            live.removeIf(j -> {
                boolean expired = plan.get(j).placedTsNanos() + horizonNanos < ts;
                if (expired) {
                    active[j] = false;
                }
                return expired || !active[j];
            });
            L3Action a = t.action[k];
            long p = t.priceTicks[k];
            boolean isBuy = t.buy[k];
            double q = t.qty[k];
            Integer seq = addedAt.get(t.orderId[k]);
            for (int j : live) {
                Placement pl = plan.get(j);
                boolean jBuy = pl.side() == Side.BUY;
                long pj = pl.priceTicks();
                boolean fill = false;
                if (a == L3Action.ADD) {
                    fill = jBuy != isBuy && (jBuy ? p <= pj : p >= pj);
                } else if (jBuy == isBuy && (a == L3Action.CANCEL_PART || a == L3Action.DELETE
                        || a == L3Action.EXECUTE)) {
                    boolean orderAhead = seq == null || seq <= pl.messageIndex();
                    if (p == pj) {
                        if (orderAhead) {
                            ahead[j] = Math.max(0, ahead[j] - q);
                        } else {
                            fill = a == L3Action.EXECUTE;
                        }
                    } else if (a == L3Action.EXECUTE) {
                        fill = jBuy ? p < pj : p > pj;
                    }
                }
                if (fill) {
                    ahead[j] = 0;
                    double f = Math.min(pl.qty() - filled[j], q);
                    filled[j] += f;
                    if (filled[j] >= pl.qty() - 1e-9) {
                        fillTs[j] = ts;
                        active[j] = false;
                    }
                }
            }
            if (a == L3Action.ADD) {
                addedAt.put(t.orderId[k], k);
            }
            while (next < m && plan.get(next).messageIndex() == k) {
                ahead[next] = plan.get(next).qtyAhead();
                active[next] = true;
                live.add(next);
                next++;
            }
        }
        List<Placement> out = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            Placement p = plan.get(j);
            out.add(new Placement(j, p.messageIndex(), p.placedTsNanos(), p.side(), p.priceTicks(), p.qty(),
                    p.qtyAhead(), filled[j], fillTs[j]));
        }
        return out;
    }

    /**
     * The L2 view as market events: the initial levels, then per message its print (an execution) and a depth update
     * for every level whose quantity differs from the previous row's; a level missing from a row counts as emptied
     * only where the row can show it (its price within the row's levels, or the side shows fewer than the depth),
     * otherwise it merely left the view.
     */
    Feed l2Feed(L3Tape t) {
        return feed(t, false);
    }

    /** The L2 feed, with each message's own L3 row before its depth updates when {@code withL3}. */
    Feed feed(L3Tape t, boolean withL3) {
        int rows = emit(t, null, null, withL3);
        EventBatch b = new EventBatch(Math.max(1, rows));
        int[] msg = new int[rows];
        emit(t, b, msg, withL3);
        return new Feed(b, msg);
    }

    /** Writes the feed into {@code b} and {@code msg} (or only counts its rows when they are null). */
    private int emit(L3Tape t, EventBatch b, int[] msg, boolean withL3) {
        int n = t.size();
        int d = t.depth;
        long t0 = n == 0 ? 0 : t.tsNanos[0];
        // the levels the feed has stated so far, per side: what a book fed by it holds
        TreeMap<Long, Double> bids = new TreeMap<>();
        TreeMap<Long, Double> asks = new TreeMap<>();
        int r = diff(b, msg, 0, -1, t0, t, Side.BUY, t.initialBidTicks, t.initialBidQty, 0, bids);
        r = diff(b, msg, r, -1, t0, t, Side.SELL, t.initialAskTicks, t.initialAskQty, 0, asks);
        for (int k = 0; k < n; k++) {
            L3Action a = t.action[k];
            long ts = t.tsNanos[k];
            if (a == L3Action.EXECUTE || (a == L3Action.EXECUTE_HIDDEN && includeHiddenPrints)) {
                if (b != null) {
                    msg[r] = k;
                    b.addTrade(0, ts, ts, t.buy[k] ? Side.SELL : Side.BUY, t.instrument.toPrice(t.priceTicks[k]),
                            t.qty[k]);
                }
                r++;
            }
            EventKind l3 = !withL3 ? null : switch (a) {
                case ADD -> EventKind.ORDER_ADD;
                case CANCEL_PART, DELETE -> EventKind.ORDER_CANCEL;
                case EXECUTE -> EventKind.ORDER_EXECUTE;
                default -> null;
            };
            if (l3 != null) {
                if (b != null) {
                    msg[r] = k;
                    b.add(0, ts, ts, l3, t.buy[k] ? Side.BUY.code() : Side.SELL.code(),
                            t.instrument.toPrice(t.priceTicks[k]), t.qty[k], t.orderId[k]);
                }
                r++;
            }
            r = diff(b, msg, r, k, ts, t, Side.BUY, t.bidTicks, t.bidQty, k * d, bids);
            r = diff(b, msg, r, k, ts, t, Side.SELL, t.askTicks, t.askQty, k * d, asks);
        }
        return r;
    }

    /**
     * Depth updates that bring the feed's levels of one side ({@code stated}) to the row at {@code at}: every shown
     * level whose quantity differs, and a 0 for every stated level the row could show but does not.
     */
    private static int diff(EventBatch b, int[] msg, int r, int k, long ts, L3Tape t, Side side, long[] ticks,
                            double[] qty, int at, TreeMap<Long, Double> stated) {
        int d = t.depth;
        boolean buy = side == Side.BUY;
        int shown = 0;
        while (shown < d && qty[at + shown] > 0) {
            shown++;
        }
        // stated levels within the row's view and absent from it: emptied
        List<Long> gone = new ArrayList<>();
        for (Map.Entry<Long, Double> e : stated.entrySet()) {
            long p = e.getKey();
            boolean inView = shown < d || (buy ? p >= ticks[at + shown - 1] : p <= ticks[at + shown - 1]);
            if (!inView) {
                continue;
            }
            boolean present = false;
            for (int l = 0; l < shown; l++) {
                if (ticks[at + l] == p) {
                    present = true;
                    break;
                }
            }
            if (!present) {
                gone.add(p);
            }
        }
        for (long p : gone) {
            stated.remove(p);
            r = depth(b, msg, r, k, ts, t, side, p, 0);
        }
        for (int l = 0; l < shown; l++) {
            Double before = stated.get(ticks[at + l]);
            if (before == null || before != qty[at + l]) {
                stated.put(ticks[at + l], qty[at + l]);
                r = depth(b, msg, r, k, ts, t, side, ticks[at + l], qty[at + l]);
            }
        }
        return r;
    }

    private static int depth(EventBatch b, int[] msg, int r, int k, long ts, L3Tape t, Side side, long ticks,
                             double qty) {
        if (b != null) {
            msg[r] = k;
            b.addDepth(0, ts, ts, side, t.instrument.toPrice(ticks), qty);
        }
        return r + 1;
    }

    /** The placements through the simulated exchange with {@code model}, fed the L2 view. */
    private List<Placement> replay(L3Tape t, List<Placement> plan, Feed feed, QueueModel model) {
        int[] feedMessage = feed.message();
        int m = plan.size();
        double[] filled = new double[m];
        long[] fillTs = new long[m];
        Arrays.fill(fillTs, Placement.NOT_FILLED);
        ExecutionSink sink = new ExecutionSink() {
            @Override
            public void accepted(int strategy, long orderId, long exchTs, double qtyAhead, double arrivalMid) {
            }

            @Override
            public void filled(int strategy, long orderId, long exchTs, double price, double qty, double fee,
                               Liquidity liquidity) {
                filled[strategy] += qty;
                if (fillTs[strategy] == Placement.NOT_FILLED && filled[strategy] >= plan.get(strategy).qty() - 1e-9) {
                    fillTs[strategy] = exchTs;
                }
            }

            @Override
            public void ended(int strategy, long orderId, long exchTs, OrderStatus status, String reason) {
            }

            @Override
            public void cancelRejected(int strategy, long orderId, long exchTs, String reason) {
            }
        };
        SimulatedExchange venue = new SimulatedExchange(ExchangeSettings.builder(t.instrument)
                .latency(ConstantLatency.ZERO).queue(model).build(), 0, sink);
        EventCursor c = new EventCursor().reset(feed.batch());
        int row = 0;
        int rows = feed.batch().size();
        int next = 0;
        int cancelled = 0;
        long eventIndex = 0;
        for (int k = -1; k < t.size(); k++) {
            long ts = k < 0 ? (t.size() == 0 ? 0 : t.tsNanos[0]) : t.tsNanos[k];
            // orders whose horizon ended before this message: cancelled (plan is in time order)
            while (cancelled < next && plan.get(cancelled).placedTsNanos() + horizonNanos < ts) {
                venue.onCancel(cancelled, cancelled + 1L, ts);
                cancelled++;
            }
            while (row < rows && feedMessage[row] == k) {
                c.next();
                venue.onMarketEvent(c, eventIndex++);
                row++;
            }
            while (next < m && plan.get(next).messageIndex() == k) {
                Placement p = plan.get(next);
                venue.onNewOrder(next, next + 1L, p.side(), OrderType.LIMIT, TimeInForce.GTC,
                        t.instrument.toPrice(p.priceTicks()), p.qty(), ts, false);
                next++;
            }
        }
        List<Placement> out = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            Placement p = plan.get(j);
            out.add(new Placement(j, p.messageIndex(), p.placedTsNanos(), p.side(), p.priceTicks(), p.qty(),
                    p.qtyAhead(), filled[j], fillTs[j]));
        }
        return out;
    }

    static ModelAccuracy score(String name, List<Placement> truth, List<Placement> model) {
        int tp = 0;
        int fn = 0;
        int fp = 0;
        int tn = 0;
        double[] err = new double[truth.size()];
        int ne = 0;
        double bias = 0;
        double sumTrue = 0;
        double sumModel = 0;
        for (int j = 0; j < truth.size(); j++) {
            Placement a = truth.get(j);
            Placement b = model.get(j);
            if (a.filled() && b.filled()) {
                tp++;
                err[ne++] = b.fillTsNanos() - a.fillTsNanos();
            } else if (a.filled()) {
                fn++;
            } else if (b.filled()) {
                fp++;
            } else {
                tn++;
            }
            bias += b.filledQty() - a.filledQty();
            sumTrue += a.filledQty();
            sumModel += b.filledQty();
        }
        double[] e = Arrays.copyOf(err, ne);
        double[] abs = new double[ne];
        for (int i = 0; i < ne; i++) {
            abs[i] = Math.abs(e[i]);
        }
        int n = truth.size();
        return new ModelAccuracy(name, n, tp, fn, fp, tn, percentile(e, 0.5), percentile(abs, 0.9),
                n == 0 ? Double.NaN : bias / n, sumTrue > 0 ? sumModel / sumTrue - 1 : Double.NaN);
    }

    /** Linear interpolation between order statistics (numpy's default); NaN for no values. */
    static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    @Override
    public String toString() {
        return "QueueStudy[placementEveryMessages=" + placementEveryMessages + ", orderQty=" + orderQty
                + ", horizonNanos=" + horizonNanos + ", includeHiddenPrints=" + includeHiddenPrints + ", models="
                + order + "]";
    }

    /** The study's settings; {@link #build()} checks them together. */
    public static final class Builder {
        private int placementEveryMessages = 10;
        private double orderQty = 100;
        private long horizonNanos = 10_000_000_000L;
        private boolean includeHiddenPrints = true;
        private Map<String, QueueModel> models = defaultModels();

        private Builder() {
        }

        /** Place a pair of virtual orders after every n-th message ({@code >= 1}). */
        public Builder placementEveryMessages(int n) {
            this.placementEveryMessages = n;
            return this;
        }

        /** The virtual order's quantity, {@code > 0}, a whole number of the instrument's lots. */
        public Builder orderQty(double qty) {
            this.orderQty = qty;
            return this;
        }

        /** How long each virtual order is followed, nanoseconds, {@code > 0}. */
        public Builder horizonNanos(long nanos) {
            this.horizonNanos = nanos;
            return this;
        }

        /** Whether hidden executions reach the L2 models as trade prints (default true, as in an L2 trade feed). */
        public Builder includeHiddenPrints(boolean include) {
            this.includeHiddenPrints = include;
            return this;
        }

        /** The models to score, by name, in table order (L2 models: {@code requiresMarketByOrder()} false). */
        public Builder models(Map<String, QueueModel> models) {
            this.models = new LinkedHashMap<>(models);
            return this;
        }

        /**
         * The study.
         *
         * @throws IllegalArgumentException naming every invalid setting
         */
        public QueueStudy build() {
            List<String> problems = new ArrayList<>();
            if (placementEveryMessages < 1) {
                problems.add("placementEveryMessages must be >= 1, was " + placementEveryMessages);
            }
            if (!(orderQty > 0) || Double.isInfinite(orderQty)) {
                problems.add("orderQty must be finite and > 0, was " + orderQty);
            }
            if (horizonNanos <= 0) {
                problems.add("horizonNanos must be > 0, was " + horizonNanos);
            }
            if (models == null || models.isEmpty()) {
                problems.add("models must name at least one queue model");
            } else {
                models.forEach((k, v) -> {
                    if (v == null || v.requiresMarketByOrder()) {
                        problems.add("model '" + k + "' must run without a market-by-order book (an L2 model or"
                                + " L3ArrivalQueue), was " + v);
                    }
                });
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("queue study: " + String.join("; ", problems));
            }
            return new QueueStudy(this);
        }
    }
}
