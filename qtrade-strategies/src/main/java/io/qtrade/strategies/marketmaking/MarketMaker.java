package io.qtrade.strategies.marketmaking;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.MarketEvent;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.OrderView;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.portfolio.Position;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.features.flow.OrderFlowImbalance;
import io.qtrade.features.volatility.EwmaVolatility;

import java.util.Arrays;
import java.util.Objects;

/**
 * A market maker quoting one instrument with a {@link QuoteModel} ({@link AvellanedaStoikov} or
 * {@link GueantLehalleFernandezTapia}) and the controls every desk has. Built with {@link #builder()}; runs unchanged
 * in a backtest, paper trading or live.
 *
 * <h2>Inputs, on a grid of sim time</h2>
 * A repeating timer every {@code sampleIntervalNanos} (default 1 s) samples the mid {@code s_j} of the strategy's book
 * and updates:
 * <ul>
 *   <li>sigma: an {@link EwmaVolatility} of the mid changes {@code s_j - s_{j-1}} (price units), so
 *   {@code sigma = sqrt(ewmaVariance / sampleIntervalSeconds)} in price units per sqrt(second); quoting waits for
 *   {@code volatilityWarmUpReturns} returns. Or a given constant sigma.</li>
 *   <li>{@code A}, {@code k}: a {@link TradeIntensityEstimator} fed every trade's distance from the mid sampled at
 *   the start of its interval (in its aggressor's direction; a trade without a known aggressor at {@code |p - s|}),
 *   refitted at each sample; quoting waits for its first successful fit. Or given constants.</li>
 *   <li>OFI skew (optional): the order flow imbalance of Cont, Kukanov and Stoikov (2014)
 *   ({@link OrderFlowImbalance}) summed over the last interval, {@code OFI_j}, normalised by its exponentially
 *   weighted root mean square: {@code z_j = OFI_j / sqrt(m_j)}, {@code m_j = 0.9 m_{j-1} + 0.1 OFI_j^2} (seeded
 *   with {@code OFI_0^2}); {@code z_j = 0} for a window whose OFI is undefined (a side was empty in it) or when
 *   {@code m_j = 0}.</li>
 * </ul>
 *
 * <h2>Quotes, on every book update, own fill and sample</h2>
 * <pre>{@code
 * q        = position / orderQty                                   inventory in orders
 * tau      = horizon.tauSeconds(now)                               (FiniteHorizon: T - t; RollingHorizon: constant)
 * shift    = ofiSkewTicks * tickSize * z                           positive skew follows the flow
 * bidTicks = min( floor((s + shift - bidDepth(q, sigma, tau, k, A)) / tickSize),  bestAskTicks - 1 )
 * askTicks = max( ceil ((s + shift + askDepth(q, sigma, tau, k, A)) / tickSize),  bestBidTicks + 1 )
 * }</pre>
 * so quotes are on the tick grid, rounded away from the mid, and never at or through the opposite touch; orders are
 * post-only limit orders of {@code orderQty}. A side is not quoted when the model returns {@link QuoteModel#NO_QUOTE},
 * when its price would be {@code <= 0}, or when a fill could take the position past {@code maxInventory}: a new buy
 * is sent only if {@code position + leaves of every live buy order + orderQty <= maxInventory} (live orders include
 * those with a cancel in flight, which can still fill), and symmetrically for sells, so {@code |position|} never
 * exceeds {@code maxInventory}. A resting quote is kept while its price is within {@code minRequoteTicks - 1} ticks of
 * the new target (cancel traffic control); otherwise it is cancelled and replaced.
 *
 * <h2>Pause</h2>
 * No quote, and resting quotes cancelled, while the book is crossed or locked, a side is empty, the book has had no
 * update for more than {@code staleAfterNanos} (checked on every sample too), the horizon is over, or sigma, {@code k}
 * or {@code A} are not known yet (checked in that order). {@link #pausedEvaluations()} counts those evaluations,
 * {@link #pausedOnBook()}, {@link #pausedOnStaleBook()}, {@link #pausedOnHorizon()} and {@link #pausedOnWarmUp()} by
 * reason.
 *
 * <p>Per event: a few comparisons, two model evaluations ({@code log}, {@code sqrt}, {@code pow}) and a scan of the
 * strategy's few live orders; no allocation (the engine's order objects aside). Not thread-safe: one instance per
 * strategy slot.
 */
public final class MarketMaker implements Strategy {

    /** Sampling grid of the mid, OFI and intensity, by default: one second. */
    public static final long DEFAULT_SAMPLE_INTERVAL_NANOS = 1_000_000_000L;
    /** Default minimum price move of a quote, in ticks, before it is replaced. */
    public static final long DEFAULT_MIN_REQUOTE_TICKS = 1;
    /** Default age of the last book update after which the book is stale: 5 s. */
    public static final long DEFAULT_STALE_AFTER_NANOS = 5_000_000_000L;
    /** Default number of mid returns before the EWMA sigma is used. */
    public static final int DEFAULT_VOLATILITY_WARM_UP_RETURNS = 30;
    /** Default horizon: rolling, 60 s left at all times. */
    public static final Horizon DEFAULT_HORIZON = new RollingHorizon(60.0);
    /** Decay of the mean square of OFI that normalises the skew. */
    public static final double OFI_NORMALISATION_LAMBDA = 0.9;

    private static final double GRID_EPSILON = 1e-9;

    private final int instrument;
    private final QuoteModel model;
    private final Horizon horizon;
    private final double orderQty;
    private final double maxInventory;
    private final long minRequoteTicks;
    private final long staleAfterNanos;
    private final long sampleIntervalNanos;
    private final EwmaVolatility volatility;
    private final int volatilityWarmUpReturns;
    private final TradeIntensityEstimator intensity;
    private final double ofiSkewTicks;
    private final OrderFlowImbalance ofi;

    private StrategyContext ctx;
    private Instrument inst;
    private double tickSize;
    private Position position;
    private long timerId;
    private double sigma;
    private double k;
    private double a;
    private double lastSampleMid = Double.NaN;
    private double referenceMid = Double.NaN;
    private double ofiMeanSquare = Double.NaN;
    private double ofiZ;
    private OrderView bidQuote;
    private OrderView askQuote;
    private long bidQuoteTicks;
    private long askQuoteTicks;
    /** The model's depths for the inputs of the last evaluation (recomputed only when an input changed). */
    private double lastQ = Double.NaN;
    private double lastSigma = Double.NaN;
    private double lastTau = Double.NaN;
    private double lastK = Double.NaN;
    private double lastA = Double.NaN;
    private double bidDepth = Double.NaN;
    private double askDepth = Double.NaN;
    private OrderView[] buys = new OrderView[8];
    private int buyCount;
    private OrderView[] sells = new OrderView[8];
    private int sellCount;
    private long ordersSent;
    private long cancelsSent;
    private long evaluations;
    private long pausedBook;
    private long pausedStale;
    private long pausedHorizon;
    private long pausedWarmUp;
    private long samples;

    private MarketMaker(Builder b) {
        this.instrument = b.instrument;
        this.model = b.model;
        this.horizon = b.horizon;
        this.orderQty = b.orderQty;
        this.maxInventory = b.maxInventory;
        this.minRequoteTicks = b.minRequoteTicks;
        this.staleAfterNanos = b.staleAfterNanos;
        this.sampleIntervalNanos = b.sampleIntervalNanos;
        this.volatility = b.volatility;
        this.volatilityWarmUpReturns = b.volatilityWarmUpReturns;
        this.intensity = b.intensity;
        this.ofiSkewTicks = b.ofiSkewTicks;
        this.ofi = b.ofiSkewTicks != 0 ? new OrderFlowImbalance() : null;
        this.sigma = b.sigma;
        this.k = b.k;
        this.a = b.a;
    }

    /** A builder; {@link Builder#model}, {@link Builder#orderQty} and {@link Builder#maxInventory} are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void onStart(StrategyContext context) {
        this.ctx = context;
        if (instrument >= context.instruments().size()) {
            throw new IllegalArgumentException("MarketMaker instrument index " + instrument + " but the strategy sees "
                    + context.instruments().size() + " instruments " + context.instruments());
        }
        this.inst = context.instruments().get(instrument);
        if (!inst.isOnLotGrid(orderQty)) {
            throw new IllegalArgumentException("MarketMaker orderQty " + orderQty + " is not a whole number of lots of "
                    + inst.id() + " (lot size " + inst.lotSize() + ")");
        }
        this.tickSize = inst.tickSize();
        this.position = context.position(instrument);
        this.timerId = context.scheduleEvery(sampleIntervalNanos);
    }

    @Override
    public void onBook(int i, OrderBookView book) {
        if (i != instrument) {
            return;
        }
        if (ofi != null) {
            ofi.update(book);
        }
        evaluate(book, ctx.nowNanos());
    }

    @Override
    public void onTrade(int i, MarketEvent trade) {
        if (i != instrument || intensity == null || referenceMid != referenceMid) {
            return;
        }
        double price = trade.price();
        byte side = trade.sideCode();
        double distance = side == Side.BUY.code() ? price - referenceMid
                : side == Side.SELL.code() ? referenceMid - price
                : Math.abs(price - referenceMid);
        intensity.onTrade(ctx.nowNanos(), distance);
    }

    /** A fill changed the inventory: the quotes are re-evaluated at once (the filled side has none). */
    @Override
    public void onFill(Fill fill) {
        if (fill.instrument().equals(inst)) {
            evaluate(ctx.book(instrument), ctx.nowNanos());
        }
    }

    @Override
    public void onTimer(long id, long nowNanos) {
        if (id != timerId) {
            return;
        }
        samples++;
        OrderBookView book = ctx.book(instrument);
        boolean twoSided = !book.isEmpty(Side.BUY) && !book.isEmpty(Side.SELL) && !book.isCrossed();
        double mid = twoSided ? book.mid() : Double.NaN;
        if (volatility != null) {
            if (mid == mid && lastSampleMid == lastSampleMid) {
                volatility.update(mid - lastSampleMid);
                if (volatility.count() >= volatilityWarmUpReturns) {
                    sigma = Math.sqrt(volatility.variance() / (sampleIntervalNanos * 1e-9));
                }
            }
            lastSampleMid = mid;
        }
        if (intensity != null) {
            intensity.advanceTo(nowNanos);
            if (intensity.fit()) {
                k = intensity.k();
                a = intensity.a();
            }
            referenceMid = mid;
        }
        if (ofi != null) {
            double o = ofi.closeWindow();
            if (o == o) {
                ofiMeanSquare = ofiMeanSquare == ofiMeanSquare
                        ? OFI_NORMALISATION_LAMBDA * ofiMeanSquare + (1 - OFI_NORMALISATION_LAMBDA) * o * o : o * o;
                ofiZ = ofiMeanSquare > 0 ? o / Math.sqrt(ofiMeanSquare) : 0.0;
            } else {
                ofiZ = 0.0;
            }
        }
        evaluate(book, nowNanos);
    }

    private void evaluate(OrderBookView book, long now) {
        evaluations++;
        pruneFinished();
        long bestBidTicks = book.bestBidTicks();
        long bestAskTicks = book.bestAskTicks();
        if (book.isEmpty(Side.BUY) || book.isEmpty(Side.SELL) || bestBidTicks >= bestAskTicks) {
            pausedBook++;
            pause();
            return;
        }
        if (now - book.lastLocalTs() > staleAfterNanos) {
            pausedStale++;
            pause();
            return;
        }
        if (horizon.isOver(now)) {
            pausedHorizon++;
            pause();
            return;
        }
        if (sigma != sigma || k != k || a != a) {
            pausedWarmUp++;
            pause();
            return;
        }
        double qty = position.qty();
        double q = qty / orderQty;
        double tau = horizon.tauSeconds(now);
        double s = book.mid() + ofiSkewTicks * tickSize * ofiZ;
        if (q != lastQ || sigma != lastSigma || tau != lastTau || k != lastK || a != lastA) {
            // The model is a pure function: its depths change only with its inputs, which move at fills and samples
            // (and with tau on a finite horizon), not with every book update.
            bidDepth = model.bidDepth(q, sigma, tau, k, a);
            askDepth = model.askDepth(q, sigma, tau, k, a);
            lastQ = q;
            lastSigma = sigma;
            lastTau = tau;
            lastK = k;
            lastA = a;
        }
        long bidTicks = Long.MIN_VALUE;
        if (bidDepth == bidDepth) {
            bidTicks = Math.min((long) Math.floor((s - bidDepth) / tickSize + GRID_EPSILON), bestAskTicks - 1);
        }
        long askTicks = Long.MIN_VALUE;
        if (askDepth == askDepth) {
            askTicks = Math.max((long) Math.ceil((s + askDepth) / tickSize - GRID_EPSILON), bestBidTicks + 1);
        }
        bidQuote = quoteSide(Side.BUY, bidQuote, bidQuoteTicks, bidTicks, qty + leaves(buys, buyCount));
        askQuote = quoteSide(Side.SELL, askQuote, askQuoteTicks, askTicks, -qty + leaves(sells, sellCount));
    }

    /**
     * Keeps, replaces or withdraws the quote of one side.
     *
     * @param currentTicks  the price of {@code current} in ticks (when {@code current} is not null)
     * @param targetTicks   the target price in ticks, {@code Long.MIN_VALUE} when the model does not quote the side
     * @param worstExposure the position in the side's direction if every live order of the side filled
     */
    private OrderView quoteSide(Side side, OrderView current, long currentTicks, long targetTicks,
                                double worstExposure) {
        boolean modelQuotes = targetTicks != Long.MIN_VALUE && targetTicks > 0;
        if (current != null && current.status() != OrderStatus.PENDING_CANCEL) {
            if (modelQuotes && Math.abs(currentTicks - targetTicks) < minRequoteTicks
                    && worstExposure <= maxInventory + GRID_EPSILON * orderQty) {
                return current;
            }
            cancel(current);
        }
        if (!modelQuotes || worstExposure + orderQty > maxInventory + GRID_EPSILON * orderQty) {
            return null;
        }
        long id = ctx.submitLimit(instrument, side, inst.toPrice(targetTicks), orderQty, TimeInForce.POST_ONLY);
        ordersSent++;
        OrderView order = ctx.order(id);
        if (side == Side.BUY) {
            bidQuoteTicks = targetTicks;
            if (buyCount == buys.length) {
                buys = Arrays.copyOf(buys, buyCount * 2);
            }
            buys[buyCount++] = order;
        } else {
            askQuoteTicks = targetTicks;
            if (sellCount == sells.length) {
                sells = Arrays.copyOf(sells, sellCount * 2);
            }
            sells[sellCount++] = order;
        }
        return order;
    }

    private void pause() {
        bidQuote = withdraw(bidQuote);
        askQuote = withdraw(askQuote);
    }

    private OrderView withdraw(OrderView quote) {
        if (quote != null && quote.status() != OrderStatus.PENDING_CANCEL) {
            cancel(quote);
        }
        return null;
    }

    private void cancel(OrderView order) {
        if (order.status().isLive() && ctx.cancel(order.orderId())) {
            cancelsSent++;
        }
    }

    private static double leaves(OrderView[] orders, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += orders[i].status().isLive() ? orders[i].qty() - orders[i].filledQty() : 0.0;
        }
        return sum;
    }

    private void pruneFinished() {
        buyCount = prune(buys, buyCount);
        sellCount = prune(sells, sellCount);
        if (bidQuote != null && bidQuote.status().isTerminal()) {
            bidQuote = null;
        }
        if (askQuote != null && askQuote.status().isTerminal()) {
            askQuote = null;
        }
    }

    private static int prune(OrderView[] orders, int count) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (orders[i].status().isLive()) {
                orders[n++] = orders[i];
            }
        }
        for (int i = n; i < count; i++) {
            orders[i] = null;
        }
        return n;
    }

    /** The sigma in use, price units per sqrt(second); NaN until known. */
    public double sigma() {
        return sigma;
    }

    /** The intensity decay {@code k} in use, per price unit; NaN until known. */
    public double k() {
        return k;
    }

    /** The intensity scale {@code A} in use, per second; NaN until known. */
    public double a() {
        return a;
    }

    /** The normalised OFI {@code z} of the last sample (0 without OFI skew). */
    public double ofiZ() {
        return ofiZ;
    }

    /** Limit orders sent. */
    public long ordersSent() {
        return ordersSent;
    }

    /** Cancels sent. */
    public long cancelsSent() {
        return cancelsSent;
    }

    /** Quote evaluations (book updates and samples of its instrument). */
    public long evaluations() {
        return evaluations;
    }

    /** Evaluations that paused quoting, for any reason: the sum of the four counters below. */
    public long pausedEvaluations() {
        return pausedBook + pausedStale + pausedHorizon + pausedWarmUp;
    }

    /** Evaluations paused because the book was crossed, locked or had an empty side. */
    public long pausedOnBook() {
        return pausedBook;
    }

    /** Evaluations paused because the book's last update was older than {@code staleAfterNanos}. */
    public long pausedOnStaleBook() {
        return pausedStale;
    }

    /** Evaluations paused because the horizon was over. */
    public long pausedOnHorizon() {
        return pausedHorizon;
    }

    /** Evaluations paused because sigma, {@code A} or {@code k} were not known yet (warm-up). */
    public long pausedOnWarmUp() {
        return pausedWarmUp;
    }

    /** Samples taken (timer firings). */
    public long samples() {
        return samples;
    }

    /** The quote model. */
    public QuoteModel model() {
        return model;
    }

    @Override
    public String toString() {
        return "MarketMaker[instrument=" + instrument + ", model=" + model + ", horizon=" + horizon + ", orderQty="
                + orderQty + ", maxInventory=" + maxInventory + ", minRequoteTicks=" + minRequoteTicks
                + ", staleAfterNanos=" + staleAfterNanos + ", sampleIntervalNanos=" + sampleIntervalNanos
                + ", volatility=" + (volatility != null ? volatility + ", volatilityWarmUpReturns="
                + volatilityWarmUpReturns : "given sigma " + sigma)
                + ", intensity=" + (intensity != null ? intensity.toString() : "given A " + a + ", k " + k)
                + ", ofiSkewTicks=" + ofiSkewTicks + "]";
    }

    /**
     * Builds a {@link MarketMaker}; every setter checks its argument and {@link #build()} names a missing or
     * conflicting setting. Sigma comes from exactly one of {@link #volatility} and {@link #sigma}; {@code A} and
     * {@code k} from exactly one of {@link #intensity(TradeIntensityEstimator)} and {@link #intensity(double, double)}.
     */
    public static final class Builder {

        private int instrument;
        private QuoteModel model;
        private Horizon horizon = DEFAULT_HORIZON;
        private double orderQty = Double.NaN;
        private double maxInventory = Double.NaN;
        private long minRequoteTicks = DEFAULT_MIN_REQUOTE_TICKS;
        private long staleAfterNanos = DEFAULT_STALE_AFTER_NANOS;
        private long sampleIntervalNanos = DEFAULT_SAMPLE_INTERVAL_NANOS;
        private EwmaVolatility volatility;
        private int volatilityWarmUpReturns = DEFAULT_VOLATILITY_WARM_UP_RETURNS;
        private double sigma = Double.NaN;
        private TradeIntensityEstimator intensity;
        private double a = Double.NaN;
        private double k = Double.NaN;
        private double ofiSkewTicks;

        private Builder() {
        }

        /** Index of the instrument to quote in the strategy's instruments; default 0. */
        public Builder instrument(int index) {
            if (index < 0) {
                throw new IllegalArgumentException("MarketMaker instrument index must be >= 0, was " + index);
            }
            this.instrument = index;
            return this;
        }

        /** The quote model (required). */
        public Builder model(QuoteModel model) {
            this.model = Objects.requireNonNull(model, "MarketMaker model");
            return this;
        }

        /** The horizon giving {@code tau}; default {@link #DEFAULT_HORIZON} (rolling, 60 s). */
        public Builder horizon(Horizon horizon) {
            this.horizon = Objects.requireNonNull(horizon, "MarketMaker horizon");
            return this;
        }

        /** Quantity of each quote, instrument units, finite and {@code > 0}, whole lots (required). */
        public Builder orderQty(double orderQty) {
            if (!(orderQty > 0) || Double.isInfinite(orderQty)) {
                throw new IllegalArgumentException("MarketMaker orderQty must be finite and > 0, was " + orderQty);
            }
            this.orderQty = orderQty;
            return this;
        }

        /** Largest |position|, instrument units, finite and {@code >= orderQty} (required). */
        public Builder maxInventory(double maxInventory) {
            if (!(maxInventory > 0) || Double.isInfinite(maxInventory)) {
                throw new IllegalArgumentException("MarketMaker maxInventory must be finite and > 0, was "
                        + maxInventory);
            }
            this.maxInventory = maxInventory;
            return this;
        }

        /** A resting quote is replaced only when its target moved at least this many ticks, {@code >= 1}. */
        public Builder minRequoteTicks(long ticks) {
            if (ticks < 1) {
                throw new IllegalArgumentException("MarketMaker minRequoteTicks must be >= 1, was " + ticks);
            }
            this.minRequoteTicks = ticks;
            return this;
        }

        /** Pause when the book had no update for more than this, nanoseconds, {@code > 0}. */
        public Builder staleAfterNanos(long nanos) {
            if (nanos <= 0) {
                throw new IllegalArgumentException("MarketMaker staleAfterNanos must be > 0, was " + nanos);
            }
            this.staleAfterNanos = nanos;
            return this;
        }

        /** The sampling grid of the mid, OFI and intensity refits, nanoseconds, {@code > 0}. */
        public Builder sampleIntervalNanos(long nanos) {
            if (nanos <= 0) {
                throw new IllegalArgumentException("MarketMaker sampleIntervalNanos must be > 0, was " + nanos);
            }
            this.sampleIntervalNanos = nanos;
            return this;
        }

        /**
         * Sigma from an EWMA of mid changes on the sampling grid (fresh instance, owned by the strategy from now on).
         */
        public Builder volatility(EwmaVolatility ewma) {
            this.volatility = Objects.requireNonNull(ewma, "MarketMaker volatility");
            return this;
        }

        /** Returns of the EWMA before its sigma is used, {@code >= 1}; default 30. */
        public Builder volatilityWarmUpReturns(int returns) {
            if (returns < 1) {
                throw new IllegalArgumentException("MarketMaker volatilityWarmUpReturns must be >= 1, was " + returns);
            }
            this.volatilityWarmUpReturns = returns;
            return this;
        }

        /** A constant sigma, price units per sqrt(second), finite and {@code >= 0}. */
        public Builder sigma(double sigmaPerSqrtSecond) {
            if (!(sigmaPerSqrtSecond >= 0) || Double.isInfinite(sigmaPerSqrtSecond)) {
                throw new IllegalArgumentException("MarketMaker sigma must be finite and >= 0, was "
                        + sigmaPerSqrtSecond);
            }
            this.sigma = sigmaPerSqrtSecond;
            return this;
        }

        /** {@code A} and {@code k} fitted online by {@code estimator} (fresh instance, owned by the strategy). */
        public Builder intensity(TradeIntensityEstimator estimator) {
            this.intensity = Objects.requireNonNull(estimator, "MarketMaker intensity estimator");
            return this;
        }

        /**
         * Given constants of {@code lambda(delta) = A exp(-k delta)}.
         *
         * @param a per second, finite and {@code > 0}
         * @param k per price unit, finite and {@code > 0}
         */
        public Builder intensity(double a, double k) {
            if (!(a > 0) || Double.isInfinite(a)) {
                throw new IllegalArgumentException("MarketMaker intensity A must be finite and > 0, was " + a);
            }
            if (!(k > 0) || Double.isInfinite(k)) {
                throw new IllegalArgumentException("MarketMaker intensity k must be finite and > 0, was " + k);
            }
            this.a = a;
            this.k = k;
            return this;
        }

        /** Reservation-price skew per unit of normalised OFI, ticks, finite (0, the default, turns it off). */
        public Builder ofiSkewTicks(double ticks) {
            if (!Double.isFinite(ticks)) {
                throw new IllegalArgumentException("MarketMaker ofiSkewTicks must be finite, was " + ticks);
            }
            this.ofiSkewTicks = ticks;
            return this;
        }

        /**
         * @throws IllegalStateException naming the missing or conflicting setting
         */
        public MarketMaker build() {
            if (model == null) {
                throw new IllegalStateException("MarketMaker: model is required (AvellanedaStoikov or"
                        + " GueantLehalleFernandezTapia)");
            }
            if (orderQty != orderQty) {
                throw new IllegalStateException("MarketMaker: orderQty is required");
            }
            if (maxInventory != maxInventory) {
                throw new IllegalStateException("MarketMaker: maxInventory is required");
            }
            if (maxInventory < orderQty) {
                throw new IllegalStateException("MarketMaker: maxInventory " + maxInventory + " is below orderQty "
                        + orderQty + ": no quote could ever be sent");
            }
            if ((volatility == null) == (sigma != sigma)) {
                throw new IllegalStateException("MarketMaker: give sigma either as volatility(EwmaVolatility) or as"
                        + " sigma(double), exactly one; " + (volatility == null ? "neither" : "both") + " given");
            }
            if ((intensity == null) == (k != k)) {
                throw new IllegalStateException("MarketMaker: give A and k either as intensity(estimator) or as"
                        + " intensity(a, k), exactly one; " + (intensity == null ? "neither" : "both") + " given");
            }
            return new MarketMaker(this);
        }
    }
}
