package io.qtrade.store.synthetic;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EarliestFirstQueue;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A seedable synthetic L2 market: the zero-intelligence limit order book of Cont, Stoikov and Talreja [1], one
 * book per instrument, published as {@code DEPTH_UPDATE} and {@code TRADE} events. It is the SDK's default demo
 * data and the benchmarks' scalable input.
 *
 * <h2>The model [1, section 2]</h2>
 * Prices live on the instrument's tick grid. The state is the queue size {@code Q(p)}, in units of one order, at
 * every price {@code p}. With {@code a} the best ask and {@code b} the best bid, independent Poisson flows act:
 * <pre>{@code
 * limit buy  at a - i      rate lambda(i) = k / i^alpha        i = 1..levels   Q(a - i) += 1
 * limit sell at b + i      rate lambda(i)                      i = 1..levels   Q(b + i) += 1
 * market buy               rate mu                                             Q(a) -= 1
 * market sell              rate mu                                             Q(b) -= 1
 * cancel of a bid at a - i rate theta(i) * Q(a - i)            i >= 1          Q(a - i) -= 1
 * cancel of an ask at b + i rate theta(i) * Q(b + i)           i >= 1          Q(b + i) -= 1
 * }</pre>
 * Distances are counted from the <em>opposite</em> best quote, as in [1], so a limit order with
 * {@code i < spread} improves its side's quote. The power law {@code lambda(i) = k / i^alpha} is the fit of [1,
 * section 3] to Tokyo Stock Exchange data, {@code k ~ 1.92}, {@code alpha ~ 0.52}, which are the defaults, as is
 * their market order rate {@code mu ~ 0.94} ({@link #DEFAULT_MARKET_RATE}). The
 * default cancel rate {@link #DEFAULT_CANCEL_RATE} is one round value for every distance; pass per-distance
 * estimates with {@link Builder#cancelRates(double...)} ({@code theta(i)} for {@code i} beyond the list repeats its
 * last value). Orders left more than {@code levels} ticks from the opposite quote stay and are cancelled at
 * {@code theta(levels)}.
 *
 * <h2>Simulation</h2>
 * Exact, by Gillespie's method (competing exponentials): in state {@code x} with total rate
 * <pre>{@code
 * R(x) = 2 * sum_{i=1..levels} lambda(i) + 2 mu + thetaMax * (bid units + ask units)
 * }</pre>
 * the waiting time is {@code Exp(R(x))} and the transition is picked with probability {@code rate / R(x)}. The
 * cancelled unit is drawn uniformly over the side's resting units and kept with probability
 * {@code theta(i) / thetaMax} (thinning; with a constant {@code theta}, always), which is exact for
 * distance-dependent rates. Model time maps to venue time as
 * {@code exchTs = startNanos + floor(t * timeScaleNanos)}; the default one model unit = one second follows the
 * per-second rates of [1].
 *
 * <h2>Boundary rule (the empty side)</h2>
 * [1] work on a finite price grid and take both quotes as always defined; a simulation needs an explicit rule for a
 * side that runs empty. Here, the moment a market order or a cancel empties a side, that side is refilled at once, in
 * the same transition and with the same timestamps, with the default profile {@code max(1, round(lambda(i) /
 * theta(i)))} units at distance {@code i = 1..levels} from the opposite quote: the stationary mean of a queue far from
 * the touch (a birth-death queue with births {@code lambda(i)} and deaths {@code theta(i) Q}). The initial book is the
 * same profile around the initial mid (spread one tick when the mid is a half tick, else two ticks). Prices are not
 * floored at zero: start more than {@code 8 * levels} ticks above it (checked) and well clear of it for long runs.
 * Orders more than about {@code 3 * levels} ticks behind the touch are dropped when the book's internal window
 * re-centres; the drop is published as depth updates of quantity 0.
 *
 * <h2>Events</h2>
 * Each state change publishes the new absolute quantity of the level it changed ({@code DEPTH_UPDATE}, 0 removes
 * the level). A market order publishes, for each level it takes from, a {@code TRADE} (aggressor side, level price,
 * quantity) followed by that level's {@code DEPTH_UPDATE}; with {@link Builder#marketOrderSize(int)} above 1 it walks
 * the book (what is left when a side runs dry is dropped, then the side is refilled). One unit is
 * {@link Builder#orderSizeLots(int)} lots of the instrument. With {@link Builder#snapshot(boolean)} each instrument
 * starts with {@code SNAPSHOT_BEGIN}, the initial levels and {@code SNAPSHOT_END} at {@code exchTs = startNanos}.
 * The stream ends with the transition during which the row count reaches {@link Builder#events(long)} (snapshots
 * included): it never stops inside a transition, so a book rebuilt from the stream always equals the generator's,
 * and it overshoots the requested count by less than one transition's rows: usually 0 to 2 rows, at most
 * {@code 2 * marketOrderSize + 9 * levels} (a side refilled), or the initial snapshots when fewer rows than they hold
 * were asked for.
 *
 * <h2>Time stamps and the feed</h2>
 * All timestamps are epoch nanoseconds, UTC. Every event of one transition shares its {@code exchTs} and
 * {@code localTs}, with
 * <pre>{@code
 * localTs = max(previous localTs of the instrument, exchTs + feedLatencyNanos + U{0..feedJitterNanos})
 * }</pre>
 * (a FIFO feed: both timestamps are non-decreasing per instrument and {@code localTs - exchTs >= feedLatencyNanos}).
 * Instruments each run their own book and clock; the stream interleaves them by {@code exchTs}, ties going to the
 * lower instrument index.
 *
 * <h2>SDK extension: correlated fair values</h2>
 * Not in [1]. So that pairs strategies have something to trade, each instrument may follow a latent fair value
 * {@code F_i}, in ticks, a Brownian motion with volatility {@code sigma} ticks per square root of a model time
 * unit, correlated across instruments ({@code corr(dF_i, dF_j) = rho_ij}, from one pairwise {@code rho} through a
 * common factor or from a full matrix through its Cholesky factor). Market orders keep their total rate
 * {@code 2 mu} but their direction leans toward the fair value:
 * <pre>{@code
 * P(market order is a buy) = 1 / (1 + exp(-kappa * (F_i - mid_i)))      mid_i in ticks
 * }</pre>
 * so the mid mean-reverts to {@code F_i} and mid-price returns inherit the fair values' correlation. With
 * {@code kappa = 0} (the default) the model is exactly [1].
 *
 * <h2>SDK extension: a market a market maker can lose money in</h2>
 * Not in [1]; each is off by default, so a configuration without them gives the same events as before they existed.
 * <ul>
 *   <li><b>Informed order flow</b>: the fair-value tilt above. With {@code kappa > 0} and {@code sigma > 0} a market
 *       order is more likely on the side the fair value has moved to, so a resting quote is filled more often just
 *       before the mid moves through it: adverse selection (Glosten and Milgrom 1985), the cost a market maker's
 *       spread must cover. The larger {@code kappa * sigma}, the more informative the flow.</li>
 *   <li><b>Intraday activity</b> ({@link Builder#intradayActivity(double...)}): a time change by an intraday
 *       profile over the UTC day (see {@code IntradayClock}): event rates, and the variance of price changes per
 *       wall second, follow the profile, so volatility changes through the day; zero entries close the market.</li>
 *   <li><b>Jumps</b> ({@link Builder#jumps(double, double)}): compound Poisson jumps of the fair value, Laplace
 *       sizes (the jump part of Kou 2002), independent per instrument; the informed flow then runs the mid through
 *       the book to the new level, sweeping the quotes on its way.</li>
 * </ul>
 * Glosten, L., Milgrom, P. (1985), "Bid, ask and transaction prices in a specialist market with heterogeneously
 * informed traders", Journal of Financial Economics 14, 71-100. Kou, S. G. (2002), "A Jump-Diffusion Model for
 * Option Pricing", Management Science 48(8), 1086-1101.
 *
 * <h2>Determinism and cost</h2>
 * A seed fixes every draw: each instrument has its own {@link SplittableRandom} streams split from the seed (book,
 * feed jitter) and the fair values one more, and all mathematics goes through {@link StrictMath}, so the same
 * configuration and seed give bit-identical events on every JVM. {@link #readBatch} fills the caller's batch lazily
 * (memory does not grow with {@link Builder#events(long)}) and allocates nothing per event after warm-up. Not
 * thread-safe.
 *
 * <p>[1] R. Cont, S. Stoikov, R. Talreja (2010), "A Stochastic Model for Order Book Dynamics", Operations
 * Research 58(3):549-563.
 */
public final class SyntheticMarket implements EventSource {

    /** Events produced when {@link Builder#events(long)} is not called. */
    public static final long DEFAULT_EVENTS = 1_000_000L;
    /** Seed when {@link Builder#seed(long)} is not called. */
    public static final long DEFAULT_SEED = 42L;
    /** Start of the simulated session: 2024-01-02T00:00:00Z in epoch nanoseconds. */
    public static final long DEFAULT_START_NANOS = TimeUnit.SECONDS.toNanos(1_704_153_600L);
    /** Constant feed latency, {@code localTs - exchTs}, in nanoseconds: 200 microseconds. */
    public static final long DEFAULT_FEED_LATENCY_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    /** Upper bound of the uniform feed jitter, nanoseconds; 0 (none) by default. */
    public static final long DEFAULT_FEED_JITTER_NANOS = 0L;
    /** Limit orders arrive at distance 1..levels ticks from the opposite quote. */
    public static final int DEFAULT_LEVELS = 50;
    /** CST's power-law scale {@code k} of the limit order rate, orders per model time unit. */
    public static final double DEFAULT_LIMIT_RATE_K = 1.92;
    /** CST's power-law exponent {@code alpha} of the limit order rate. */
    public static final double DEFAULT_LIMIT_RATE_ALPHA = 0.52;
    /** Market orders per side per model time unit, {@code mu}. */
    public static final double DEFAULT_MARKET_RATE = 0.94;
    /** Cancel rate per resting unit per model time unit, {@code theta}, at every distance. */
    public static final double DEFAULT_CANCEL_RATE = 0.5;
    /** Nanoseconds per model time unit: one second. */
    public static final long DEFAULT_TIME_SCALE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Lots per order unit. */
    public static final int DEFAULT_ORDER_SIZE_LOTS = 1;
    /** Units per market order: one, as in CST. */
    public static final int DEFAULT_MARKET_ORDER_SIZE = 1;
    /** Tilt {@code kappa} of market orders toward the fair value, per tick of mispricing; 0 is pure CST. */
    public static final double DEFAULT_MEAN_REVERSION = 0.0;
    /** Fair-value volatility {@code sigma}, ticks per square root of a model time unit. */
    public static final double DEFAULT_FAIR_VALUE_VOLATILITY_TICKS = 1.0;
    /** Pairwise correlation of the fair values. */
    public static final double DEFAULT_CORRELATION = 0.0;
    /** Fair-value jumps per model time unit per instrument: 0, none. */
    public static final double DEFAULT_JUMP_RATE = 0.0;
    /** Initial mid, in ticks, of an instrument given without one: 10,000 ticks (100.00 at a 0.01 tick). */
    public static final long DEFAULT_INITIAL_MID_TICKS = 10_000L;

    static final int MAX_LEVELS = 10_000;
    static final long MAX_FEED_DELAY_NANOS = TimeUnit.DAYS.toNanos(1);
    static final double MAX_ALPHA = 10.0;

    /**
     * Every parameter of a generator, as built; {@code toString()} lists them all.
     *
     * @param instruments              the instruments, by event index
     * @param initialMids              initial mid price of each instrument, same order
     * @param events                   rows to produce, snapshots included
     * @param seed                     seed of every random draw
     * @param startNanos               model time 0, epoch nanoseconds
     * @param feedLatencyNanos         constant part of {@code localTs - exchTs}
     * @param feedJitterNanos          upper bound of the uniform extra feed delay
     * @param levels                   limit orders arrive 1..levels ticks from the opposite quote
     * @param limitRateK               {@code k} of {@code lambda(i) = k / i^alpha}, per model time unit
     * @param limitRateAlpha           {@code alpha} of the same
     * @param marketRate               {@code mu}, market orders per side per model time unit
     * @param cancelRates              {@code theta(1), theta(2), ...} per resting unit per model time unit; the
     *                                 last value holds for larger distances
     * @param timeScaleNanos           nanoseconds per model time unit
     * @param orderSizeLots            lots per order unit
     * @param marketOrderSize          units per market order
     * @param meanReversion            {@code kappa}, per tick of mispricing
     * @param fairValueVolatilityTicks {@code sigma}, ticks per square root of a model time unit
     * @param correlation              pairwise fair-value correlation (ignored when a matrix is given)
     * @param correlationMatrix        full fair-value correlation matrix, or empty for the pairwise form
     * @param snapshot                 whether each instrument starts with a snapshot
     * @param intradayActivity         activity of the equal buckets of the UTC day, normalised to a mean of 1;
     *                                 empty for a constant activity
     * @param jumpRate                 fair-value jumps per model time unit per instrument, 0 for none
     * @param jumpMeanAbsTicks         mean absolute jump size, ticks (Laplace sizes)
     */
    public record Config(List<Instrument> instruments, List<Double> initialMids, long events, long seed,
                         long startNanos, long feedLatencyNanos, long feedJitterNanos, int levels,
                         double limitRateK, double limitRateAlpha, double marketRate, List<Double> cancelRates,
                         long timeScaleNanos, int orderSizeLots, int marketOrderSize, double meanReversion,
                         double fairValueVolatilityTicks, double correlation, List<List<Double>> correlationMatrix,
                         boolean snapshot, List<Double> intradayActivity, double jumpRate,
                         double jumpMeanAbsTicks) {

        public Config {
            instruments = List.copyOf(instruments);
            initialMids = List.copyOf(initialMids);
            cancelRates = List.copyOf(cancelRates);
            intradayActivity = List.copyOf(intradayActivity);
            List<List<Double>> rows = new ArrayList<>();
            for (List<Double> row : correlationMatrix) {
                rows.add(List.copyOf(row));
            }
            correlationMatrix = Collections.unmodifiableList(rows);
        }
    }

    private final Config config;
    private final SyntheticBook[] books;
    private final PendingEvents pending;
    /** Instrument indices keyed by (next exchTs, index). */
    private final EarliestFirstQueue nextBook;
    private boolean snapshotStaged;
    private long produced;

    private SyntheticMarket(Config config, double[][] choleskyLower) {
        this.config = config;
        int n = config.instruments().size();
        SplittableRandom root = new SplittableRandom(config.seed());
        double[] initialTicks = new double[n];
        for (int i = 0; i < n; i++) {
            Instrument instrument = config.instruments().get(i);
            initialTicks[i] = instrument.toTicks(2.0 * config.initialMids().get(i)) * 0.5;
        }
        SplittableRandom fairRandom = root.split();
        FairValues fairValues = choleskyLower == null
                ? FairValues.commonFactor(config.correlation(), config.fairValueVolatilityTicks(), initialTicks,
                        fairRandom)
                : FairValues.cholesky(choleskyLower, config.fairValueVolatilityTicks(), initialTicks, fairRandom);
        IntradayClock clock = new IntradayClock(config.startNanos(), config.timeScaleNanos(),
                config.intradayActivity());
        this.books = new SyntheticBook[n];
        for (int i = 0; i < n; i++) {
            SplittableRandom bookRandom = root.split();
            SplittableRandom latencyRandom = root.split();
            books[i] = new SyntheticBook(i, config.instruments().get(i), config.initialMids().get(i), config,
                    fairValues, clock, bookRandom, latencyRandom);
        }
        if (config.jumpRate() > 0) {
            // Split after every other stream, so that the draws without jumps stay as they were.
            fairValues.withJumps(config.jumpRate(), config.jumpMeanAbsTicks(), root.split());
        }
        this.pending = new PendingEvents(n * (2 * config.levels() + 2) + 16 * config.levels()
                + 2 * config.marketOrderSize());
        this.nextBook = new EarliestFirstQueue(n);
        for (int i = 0; i < n; i++) {
            nextBook.add(i, books[i].nextExchTs());
        }
        this.snapshotStaged = !config.snapshot();
    }

    /** A builder with every parameter at its default; at least one instrument must be added. */
    public static Builder builder() {
        return new Builder();
    }

    /** The parameters this generator was built with. */
    public Config config() {
        return config;
    }

    @Override
    public List<Instrument> instruments() {
        return config.instruments();
    }

    /** Rows produced so far. */
    public long eventsProduced() {
        return produced;
    }

    @Override
    public boolean readBatch(EventBatch into) {
        into.clear();
        long total = config.events();
        while (!into.isFull()) {
            if (pending.isDrained()) {
                if (produced >= total) {
                    break; // only ever between two transitions
                }
                pending.clear();
                produceNext();
            }
            produced += pending.drainInto(into, Long.MAX_VALUE);
        }
        return !into.isEmpty();
    }

    /** Stages the snapshots, or the next transition (in exchTs order) that publishes something. */
    private void produceNext() {
        if (!snapshotStaged) {
            snapshotStaged = true;
            for (SyntheticBook book : books) {
                book.stageSnapshot(pending);
            }
            return;
        }
        while (pending.size() == 0) {
            int i = nextBook.peekId();
            books[i].step(pending);
            nextBook.updateHeadTime(books[i].nextExchTs());
        }
    }

    // Package-private views for tests.

    SyntheticBook book(int instrument) {
        return books[instrument];
    }

    @Override
    public String toString() {
        return "SyntheticMarket[produced=" + produced + ", " + config + "]";
    }

    /**
     * Collects and checks the parameters of a {@link SyntheticMarket}. Every setter refuses a bad value at once with
     * a message naming the parameter, the value and the allowed range; {@link #build()} checks what depends on
     * several parameters.
     */
    public static final class Builder {

        private final List<Instrument> instruments = new ArrayList<>();
        private final List<Double> initialMids = new ArrayList<>();
        private long events = DEFAULT_EVENTS;
        private long seed = DEFAULT_SEED;
        private long startNanos = DEFAULT_START_NANOS;
        private long feedLatencyNanos = DEFAULT_FEED_LATENCY_NANOS;
        private long feedJitterNanos = DEFAULT_FEED_JITTER_NANOS;
        private int levels = DEFAULT_LEVELS;
        private double limitRateK = DEFAULT_LIMIT_RATE_K;
        private double limitRateAlpha = DEFAULT_LIMIT_RATE_ALPHA;
        private double marketRate = DEFAULT_MARKET_RATE;
        private List<Double> cancelRates = List.of(DEFAULT_CANCEL_RATE);
        private long timeScaleNanos = DEFAULT_TIME_SCALE_NANOS;
        private int orderSizeLots = DEFAULT_ORDER_SIZE_LOTS;
        private int marketOrderSize = DEFAULT_MARKET_ORDER_SIZE;
        private double meanReversion = DEFAULT_MEAN_REVERSION;
        private double fairValueVolatilityTicks = DEFAULT_FAIR_VALUE_VOLATILITY_TICKS;
        private double correlation = DEFAULT_CORRELATION;
        private double[][] correlationMatrix;
        private boolean snapshot = true;
        private List<Double> intradayActivity = List.of();
        private double jumpRate = DEFAULT_JUMP_RATE;
        private double jumpMeanAbsTicks = 0.0;

        private Builder() {
        }

        /**
         * Replaces the instrument list; each starts at a mid of {@link #DEFAULT_INITIAL_MID_TICKS} ticks.
         */
        public Builder instruments(List<Instrument> list) {
            Objects.requireNonNull(list, "instruments");
            if (list.isEmpty()) {
                throw new IllegalArgumentException("instruments must not be empty (allowed: 1 or more instruments)");
            }
            instruments.clear();
            initialMids.clear();
            for (int i = 0; i < list.size(); i++) {
                Instrument instrument = Objects.requireNonNull(list.get(i), "instruments[" + i + "]");
                instrument(instrument, instrument.toPrice(DEFAULT_INITIAL_MID_TICKS));
            }
            return this;
        }

        /** Adds an instrument whose book starts around {@code initialMid} (a price, finite and positive). */
        public Builder instrument(Instrument instrument, double initialMid) {
            Objects.requireNonNull(instrument, "instrument");
            if (!(initialMid > 0) || !Double.isFinite(initialMid)) {
                throw new IllegalArgumentException("initialMid of " + instrument.id() + " is " + initialMid
                        + " (allowed: finite and > 0)");
            }
            if (instruments.contains(instrument)) {
                throw new IllegalArgumentException("instrument " + instrument.id()
                        + " was added twice (allowed: each instrument once)");
            }
            instruments.add(instrument);
            initialMids.add(initialMid);
            return this;
        }

        /**
         * Rows to produce at least, snapshots included: 1 or more ({@link Long#MAX_VALUE} for an endless stream). The
         * stream ends with the transition that reaches this count, never inside one.
         */
        public Builder events(long total) {
            if (total < 1) {
                throw new IllegalArgumentException("events is " + total + " (allowed: >= 1)");
            }
            this.events = total;
            return this;
        }

        /** Seed of every random draw; any value. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Venue time of model time 0, epoch nanoseconds UTC, >= 0. */
        public Builder startNanos(long startNanos) {
            if (startNanos < 0) {
                throw new IllegalArgumentException("startNanos is " + startNanos + " (allowed: >= 0 epoch nanos)");
            }
            this.startNanos = startNanos;
            return this;
        }

        /** Constant feed latency in nanoseconds, in [0, one day]. */
        public Builder feedLatencyNanos(long nanos) {
            this.feedLatencyNanos = requireDelay("feedLatencyNanos", nanos);
            return this;
        }

        /** Upper bound of the uniform feed jitter in nanoseconds, in [0, one day]; 0 for none. */
        public Builder feedJitterNanos(long nanos) {
            this.feedJitterNanos = requireDelay("feedJitterNanos", nanos);
            return this;
        }

        /** Limit orders arrive 1..levels ticks from the opposite quote; levels in [1, 10000]. */
        public Builder levels(int levels) {
            if (levels < 1 || levels > MAX_LEVELS) {
                throw new IllegalArgumentException("levels is " + levels + " (allowed: 1.." + MAX_LEVELS + " ticks)");
            }
            this.levels = levels;
            return this;
        }

        /**
         * Limit order rate {@code lambda(i) = k / i^alpha} per model time unit.
         *
         * @param k     scale, finite and > 0
         * @param alpha exponent, in [0, 10]
         */
        public Builder limitRate(double k, double alpha) {
            if (!(k > 0) || !Double.isFinite(k)) {
                throw new IllegalArgumentException("limitRate k is " + k
                        + " (allowed: finite and > 0 orders per model time unit)");
            }
            if (!(alpha >= 0 && alpha <= MAX_ALPHA)) {
                throw new IllegalArgumentException("limitRate alpha is " + alpha + " (allowed: 0.." + MAX_ALPHA + ")");
            }
            this.limitRateK = k;
            this.limitRateAlpha = alpha;
            return this;
        }

        /** Market order rate {@code mu} per side per model time unit, finite and >= 0. */
        public Builder marketRate(double mu) {
            if (!(mu >= 0) || !Double.isFinite(mu)) {
                throw new IllegalArgumentException("marketRate mu is " + mu
                        + " (allowed: finite and >= 0 orders per model time unit)");
            }
            this.marketRate = mu;
            return this;
        }

        /** One cancel rate {@code theta} per resting unit per model time unit at every distance, finite and > 0. */
        public Builder cancelRate(double theta) {
            return cancelRates(theta);
        }

        /**
         * Cancel rates {@code theta(1), theta(2), ...} by distance from the opposite quote, each finite and > 0; the
         * last value holds for larger distances. At most {@code levels} values.
         */
        public Builder cancelRates(double... thetaByDistance) {
            Objects.requireNonNull(thetaByDistance, "cancelRates");
            if (thetaByDistance.length == 0) {
                throw new IllegalArgumentException("cancelRates is empty (allowed: 1 or more rates)");
            }
            List<Double> list = new ArrayList<>(thetaByDistance.length);
            for (int i = 0; i < thetaByDistance.length; i++) {
                double theta = thetaByDistance[i];
                if (!(theta > 0) || !Double.isFinite(theta)) {
                    throw new IllegalArgumentException("cancelRate theta(" + (i + 1) + ") is " + theta
                            + " (allowed: finite and > 0 per resting unit per model time unit)");
                }
                list.add(theta);
            }
            this.cancelRates = list;
            return this;
        }

        /** Nanoseconds per model time unit, in [1, one day]. */
        public Builder timeScaleNanos(long nanos) {
            if (nanos < 1 || nanos > MAX_FEED_DELAY_NANOS) {
                throw new IllegalArgumentException("timeScaleNanos is " + nanos + " (allowed: 1.."
                        + MAX_FEED_DELAY_NANOS + " ns per model time unit)");
            }
            this.timeScaleNanos = nanos;
            return this;
        }

        /** Lots per order unit, in [1, 1000000]. */
        public Builder orderSizeLots(int lots) {
            if (lots < 1 || lots > 1_000_000) {
                throw new IllegalArgumentException("orderSizeLots is " + lots + " (allowed: 1..1000000 lots)");
            }
            this.orderSizeLots = lots;
            return this;
        }

        /** Units taken by one market order, in [1, 1000000]; above 1 a market order may walk the book. */
        public Builder marketOrderSize(int units) {
            if (units < 1 || units > 1_000_000) {
                throw new IllegalArgumentException("marketOrderSize is " + units + " (allowed: 1..1000000 units)");
            }
            this.marketOrderSize = units;
            return this;
        }

        /** Tilt {@code kappa} of market orders toward the fair value, per tick of mispricing, in [0, 100]. */
        public Builder meanReversion(double kappa) {
            if (!(kappa >= 0 && kappa <= 100)) {
                throw new IllegalArgumentException("meanReversion kappa is " + kappa
                        + " (allowed: 0..100 per tick of mispricing)");
            }
            this.meanReversion = kappa;
            return this;
        }

        /** Fair-value volatility {@code sigma}, ticks per square root of a model time unit, finite and >= 0. */
        public Builder fairValueVolatility(double sigmaTicks) {
            if (!(sigmaTicks >= 0) || !Double.isFinite(sigmaTicks)) {
                throw new IllegalArgumentException("fairValueVolatility sigma is " + sigmaTicks
                        + " (allowed: finite and >= 0 ticks per sqrt(model time unit))");
            }
            this.fairValueVolatilityTicks = sigmaTicks;
            return this;
        }

        /** One correlation {@code rho} in [0, 1] between every pair of fair values (a common factor). */
        public Builder correlation(double rho) {
            if (!(rho >= 0 && rho <= 1)) {
                throw new IllegalArgumentException("correlation rho is " + rho
                        + " (allowed: 0..1; use correlationMatrix for negative correlations)");
            }
            this.correlation = rho;
            this.correlationMatrix = null;
            return this;
        }

        /**
         * The full correlation matrix of the fair values: square, symmetric, unit diagonal, entries in [-1, 1],
         * positive semi-definite; one row per instrument (checked against the instruments in {@link #build()}).
         */
        public Builder correlationMatrix(double[][] matrix) {
            Objects.requireNonNull(matrix, "correlationMatrix");
            int n = matrix.length;
            if (n == 0) {
                throw new IllegalArgumentException("correlationMatrix is empty (allowed: one row per instrument)");
            }
            double[][] copy = new double[n][];
            for (int i = 0; i < n; i++) {
                Objects.requireNonNull(matrix[i], "correlationMatrix row " + i);
                if (matrix[i].length != n) {
                    throw new IllegalArgumentException("correlationMatrix row " + i + " has " + matrix[i].length
                            + " entries (allowed: " + n + ", a square matrix)");
                }
                copy[i] = matrix[i].clone();
            }
            for (int i = 0; i < n; i++) {
                if (copy[i][i] != 1.0) {
                    throw new IllegalArgumentException("correlationMatrix[" + i + "][" + i + "] is " + copy[i][i]
                            + " (allowed: 1, a correlation matrix has a unit diagonal)");
                }
                for (int j = 0; j < n; j++) {
                    double c = copy[i][j];
                    if (!(c >= -1 && c <= 1)) {
                        throw new IllegalArgumentException("correlationMatrix[" + i + "][" + j + "] is " + c
                                + " (allowed: -1..1)");
                    }
                    if (c != copy[j][i]) {
                        throw new IllegalArgumentException("correlationMatrix[" + i + "][" + j + "] is " + c
                                + " but [" + j + "][" + i + "] is " + copy[j][i] + " (allowed: a symmetric matrix)");
                    }
                }
            }
            FairValues.choleskyLower(copy);
            this.correlationMatrix = copy;
            return this;
        }

        /** Whether each instrument starts with a snapshot of its initial book (default {@code true}). */
        public Builder snapshot(boolean snapshot) {
            this.snapshot = snapshot;
            return this;
        }

        /**
         * An intraday activity profile: the UTC day cut into {@code activity.length} equal buckets (24 values: one
         * an hour), bucket {@code k} running {@code activity[k] / mean(activity)} times as fast as the average, in
         * events per second and in price variance per second. Entries finite and >= 0 (0: the market is closed in
         * that bucket), at least one > 0, at most 1,440 (one a minute). No call, or an empty array: constant
         * activity.
         */
        public Builder intradayActivity(double... activity) {
            Objects.requireNonNull(activity, "intradayActivity");
            if (activity.length > 1_440) {
                throw new IllegalArgumentException("intradayActivity has " + activity.length
                        + " buckets (allowed: 0..1440, one a minute at most)");
            }
            List<Double> list = new ArrayList<>(activity.length);
            double sum = 0;
            for (int k = 0; k < activity.length; k++) {
                double m = activity[k];
                if (!(m >= 0) || !Double.isFinite(m)) {
                    throw new IllegalArgumentException("intradayActivity[" + k + "] is " + m
                            + " (allowed: finite and >= 0, relative activity of that part of the day)");
                }
                sum += m;
                list.add(m);
            }
            if (activity.length > 0 && sum == 0) {
                throw new IllegalArgumentException("intradayActivity is all zero (allowed: at least one bucket > 0)");
            }
            this.intradayActivity = list;
            return this;
        }

        /**
         * Compound Poisson jumps of each instrument's fair value (needs {@link #meanReversion(double)} > 0 to move
         * prices): {@code rate} jumps per model time unit per instrument (0 for none), Laplace sizes of mean absolute
         * value {@code meanAbsTicks} ticks.
         */
        public Builder jumps(double rate, double meanAbsTicks) {
            if (!(rate >= 0) || !Double.isFinite(rate)) {
                throw new IllegalArgumentException("jumps rate is " + rate
                        + " (allowed: finite and >= 0 jumps per model time unit)");
            }
            if (rate > 0 && (!(meanAbsTicks > 0) || !Double.isFinite(meanAbsTicks))) {
                throw new IllegalArgumentException("jumps meanAbsTicks is " + meanAbsTicks
                        + " (allowed: finite and > 0 ticks when the rate is > 0)");
            }
            this.jumpRate = rate;
            this.jumpMeanAbsTicks = rate > 0 ? meanAbsTicks : 0.0;
            return this;
        }

        /**
         * Checks the parameters that depend on each other and builds the generator.
         *
         * @throws IllegalStateException naming the parameters in conflict or missing
         */
        public SyntheticMarket build() {
            if (instruments.isEmpty()) {
                throw new IllegalStateException("no instruments: call instrument(Instrument, initialMid) or "
                        + "instruments(List) at least once (allowed: 1 or more instruments)");
            }
            if (cancelRates.size() > levels) {
                throw new IllegalStateException("cancelRates has " + cancelRates.size() + " values but levels is "
                        + levels + " (allowed: at most levels values)");
            }
            int n = instruments.size();
            if (correlationMatrix != null && correlationMatrix.length != n) {
                throw new IllegalStateException("correlationMatrix is " + correlationMatrix.length + "x"
                        + correlationMatrix.length + " but there are " + n + " instruments (allowed: " + n + "x" + n
                        + ")");
            }
            boolean correlated = correlationMatrix != null || correlation != 0.0;
            if (correlated && meanReversion == 0.0) {
                throw new IllegalStateException("correlation is set but meanReversion kappa is 0, so the fair values "
                        + "would not move any price (allowed: meanReversion > 0 with a correlation)");
            }
            if (jumpRate > 0 && meanReversion == 0.0) {
                throw new IllegalStateException("jumps are set but meanReversion kappa is 0, so the fair values "
                        + "would not move any price (allowed: meanReversion > 0 with jumps)");
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < n; i++) {
                Instrument instrument = instruments.get(i);
                long midTicks = instrument.toTicks(initialMids.get(i));
                if (midTicks <= 8L * levels) {
                    throw new IllegalStateException("initialMid of " + instrument.id() + " is " + initialMids.get(i)
                            + ", " + midTicks + " ticks of " + instrument.tickSize()
                            + " (allowed: more than 8 * levels = " + 8L * levels
                            + " ticks, so that the initial book window has only positive prices)");
                }
                if (!ids.add(instrument.id())) {
                    throw new IllegalStateException("instrument id " + instrument.id()
                            + " appears twice (allowed: distinct symbol@venue)");
                }
            }
            List<List<Double>> matrix = new ArrayList<>();
            if (correlationMatrix != null) {
                for (double[] row : correlationMatrix) {
                    List<Double> list = new ArrayList<>(row.length);
                    for (double c : row) {
                        list.add(c);
                    }
                    matrix.add(list);
                }
            }
            Config config = new Config(instruments, initialMids, events, seed, startNanos, feedLatencyNanos,
                    feedJitterNanos, levels, limitRateK, limitRateAlpha, marketRate, cancelRates, timeScaleNanos,
                    orderSizeLots, marketOrderSize, meanReversion, fairValueVolatilityTicks, correlation, matrix,
                    snapshot, intradayActivity, jumpRate, jumpMeanAbsTicks);
            double[][] lower = correlationMatrix == null ? null : FairValues.choleskyLower(correlationMatrix);
            return new SyntheticMarket(config, lower);
        }

        private static long requireDelay(String name, long nanos) {
            if (nanos < 0 || nanos > MAX_FEED_DELAY_NANOS) {
                throw new IllegalArgumentException(name + " is " + nanos + " (allowed: 0.." + MAX_FEED_DELAY_NANOS
                        + " ns, one day)");
            }
            return nanos;
        }
    }
}
