package io.qtrade.strategies.pairs;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.features.filter.HedgeRatioEstimate;
import io.qtrade.features.filter.KalmanHedgeRatio;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Kalman-filter pairs trading of {@code y} against {@code x}: a {@link Strategy}, so the same object runs in a
 * backtest, in paper trading and live.
 *
 * <p>Every {@code sampleIntervalNanos} (a repeating timer on the engine's clock) it reads both mids. The first
 * {@code W = warmUpSamples} samples fit the prior {@code (beta_0, alpha_0)} by OLS of y on x with a constant
 * (commons-math {@code SimpleRegression}); then each sample is one step of the features module's
 * {@link KalmanHedgeRatio} started from that prior with {@code P_0 = 0}:
 * <pre>{@code
 * Kalman step (Chan 2013):  e_t = y_t - (beta_{t-1} x_t + alpha_{t-1}),  Q_t = F_t R_t F_t' + Ve
 * z_t = e_t / sqrt(Q_t)
 * target = PairSignal(entry, exit, stop).update(z_t);  flat while the gate is closed
 * on a new target s in {-1, 0, +1}:   q_y = floor_lot(N / y_t),  q_x = floor_lot(HedgeSizing(q_y, beta_t))
 *                                     y leg -> s q_y,   x leg -> -s sign(beta_t) q_x
 * }</pre>
 * The prior enters exactly: the filter is linear in y, so filtering {@code y_t - beta_0 x_t - alpha_0} from a zero
 * prior gives the deviations {@code theta_t - theta_0} and the same {@code e_t, Q_t} as a filter started at
 * {@code theta_0}. (Chan's zero prior is poor for prices far from 1: with {@code P_0 = 0} a small {@code delta} keeps
 * beta near 0 for thousands of steps, a large one lets beta absorb the spread.) With {@code W < 3} the prior is 0.
 * Short the spread ({@code s = -1}) when {@code z > entry}: y is rich against {@code beta x + alpha}. Leg sizes are
 * fixed at entry (no re-hedging while a position is held). Each leg is driven towards its target by IOC limit orders
 * priced {@code crossTicks} beyond the opposite touch (marketable; what the book cannot fill is retried at the next
 * sample), one live order per leg. With a {@link RollingCointegrationGate} every sample also feeds the gate, and a
 * gate that closes flattens the position (the signal is forced flat).
 *
 * <p>References: Kalman (1960); Chan, E.P. (2013), "Algorithmic Trading", Wiley, ch. 3 (the Kalman pairs rule on
 * {@code e / sqrt(Q)}); Engle and Granger (1987) and Johansen (1991) for the gate. The sampling and decision path
 * allocates nothing (the cointegration re-test allocates every {@code retestEvery} samples; the engine allocates per
 * order). Not thread-safe.
 */
public final class KalmanPairsTrader implements Strategy {

    /** Default sampling interval: one second. */
    public static final long DEFAULT_SAMPLE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Default entry threshold on z. */
    public static final double DEFAULT_ENTRY_Z = 2.0;
    /** Default exit threshold on z. */
    public static final double DEFAULT_EXIT_Z = 0.5;
    /** Default stop threshold on z. */
    public static final double DEFAULT_STOP_Z = 4.0;
    /** Default samples before the signal is used (the filter starts from a zero prior). */
    public static final int DEFAULT_WARM_UP_SAMPLES = 100;
    /** Default ticks beyond the opposite touch at which leg orders are priced. */
    public static final int DEFAULT_CROSS_TICKS = 1;

    private static final long NO_ORDER = Long.MIN_VALUE;
    private static final int MIN_PRIOR_SAMPLES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(KalmanPairsTrader.class);

    private final Instrument y;
    private final Instrument x;
    private final long sampleIntervalNanos;
    private final KalmanHedgeRatio kalman;
    private final PairSignal signal;
    private final int warmUpSamples;
    private final HedgeSizing sizing;
    private final double legNotional;
    private final int crossTicks;
    private final RollingCointegrationGate gate;
    private final HedgeRatioEstimate estimate = new HedgeRatioEstimate();
    private final SimpleRegression warmUpFit = new SimpleRegression(true);
    private double priorBeta;
    private double priorAlpha;

    private StrategyContext context;
    private int yIndex;
    private int xIndex;
    private long timerId;
    private int position = PairSignal.FLAT;
    private double targetY;
    private double targetX;
    private long orderY = NO_ORDER;
    private long orderX = NO_ORDER;

    private long samples;
    private long skippedSamples;
    private long gateFlattens;
    private long ordersSent;
    private double lastBeta = Double.NaN;
    private double minBeta = Double.NaN;
    private double maxBeta = Double.NaN;
    private double sumBeta;
    private long betaCount;
    private double lastZ = Double.NaN;

    private KalmanPairsTrader(Builder b) {
        this.y = b.y;
        this.x = b.x;
        this.sampleIntervalNanos = b.sampleIntervalNanos;
        this.kalman = new KalmanHedgeRatio(b.delta, b.observationVariance);
        this.signal = new PairSignal(b.entryZ, b.exitZ, b.stopZ);
        this.warmUpSamples = b.warmUpSamples;
        this.sizing = b.sizing;
        this.legNotional = b.legNotional;
        this.crossTicks = b.crossTicks;
        this.gate = b.gateTest == null ? null
                : new RollingCointegrationGate(b.gateTest, b.gateWindow, b.gateRetestEvery);
    }

    /** A builder for trading {@code y} against {@code x} (the hedge leg). */
    public static Builder builder(Instrument y, Instrument x) {
        return new Builder(y, x);
    }

    @Override
    public void onStart(StrategyContext ctx) {
        this.context = ctx;
        this.yIndex = ctx.instrumentIndex(y);
        this.xIndex = ctx.instrumentIndex(x);
        this.timerId = ctx.scheduleEvery(sampleIntervalNanos);
    }

    @Override
    public void onTimer(long id, long nowNanos) {
        if (id == timerId) {
            sample();
        }
    }

    @Override
    public void onOrderUpdate(ExecutionReport report) {
        if (report.status().isTerminal()) {
            if (report.orderId() == orderY) {
                orderY = NO_ORDER;
            } else if (report.orderId() == orderX) {
                orderX = NO_ORDER;
            }
        }
    }

    private void sample() {
        OrderBookView bookY = context.book(yIndex);
        OrderBookView bookX = context.book(xIndex);
        double py = bookY.mid();
        double px = bookX.mid();
        if (Double.isNaN(py) || Double.isNaN(px)) {
            skippedSamples++;
            return;
        }
        samples++;
        boolean gateOpen = gate == null || gate.add(py, px);
        int target;
        double beta;
        if (samples <= warmUpSamples) {
            warmUpFit.addData(px, py);
            if (samples == warmUpSamples && warmUpSamples >= MIN_PRIOR_SAMPLES) {
                setPrior();
            }
            target = PairSignal.FLAT;
            beta = Double.NaN;
        } else {
            kalman.update(px, py - priorBeta * px - priorAlpha, estimate);
            beta = priorBeta + estimate.beta();
            double z = estimate.innovation() / Math.sqrt(estimate.innovationVariance());
            lastBeta = beta;
            lastZ = z;
            recordBeta(beta);
            if (!gateOpen) {
                if (signal.position() != PairSignal.FLAT) {
                    gateFlattens++;
                }
                signal.forceFlat();
                target = PairSignal.FLAT;
            } else {
                target = signal.update(lastZ);
            }
        }
        if (target != position) {
            position = target;
            if (target == PairSignal.FLAT) {
                targetY = 0;
                targetX = 0;
            } else {
                double qy = y.roundDownToLot(legNotional / py);
                double qx = x.roundDownToLot(sizing.qtyX(qy, qy * py, px, beta));
                targetY = target * qy;
                targetX = -target * Math.signum(beta) * qx;
            }
        }
        orderY = rebalance(yIndex, y, bookY, targetY, orderY);
        orderX = rebalance(xIndex, x, bookX, targetX, orderX);
    }

    private void setPrior() {
        double slope = warmUpFit.getSlope();
        double intercept = warmUpFit.getIntercept();
        if (Double.isFinite(slope) && Double.isFinite(intercept)) {
            priorBeta = slope;
            priorAlpha = intercept;
        } else {
            LOG.warn("pairs {}/{}: x did not move during the {} warm-up samples, so no OLS prior; the Kalman filter"
                    + " starts from beta = alpha = 0", y.id(), x.id(), warmUpSamples);
        }
    }

    private void recordBeta(double beta) {
        if (betaCount == 0 || beta < minBeta) {
            minBeta = beta;
        }
        if (betaCount == 0 || beta > maxBeta) {
            maxBeta = beta;
        }
        sumBeta += beta;
        betaCount++;
    }

    /** Sends an IOC towards the leg's target unless an order of the leg is live; returns the leg's live order. */
    private long rebalance(int index, Instrument instrument, OrderBookView book, double target, long live) {
        if (live != NO_ORDER) {
            return live;   // cleared by onOrderUpdate once the order is terminal
        }
        double diff = target - context.position(index).qty();
        double qty = instrument.roundDownToLot(Math.abs(diff));
        if (qty < instrument.lotSize() / 2) {
            return NO_ORDER;
        }
        Side side = diff > 0 ? Side.BUY : Side.SELL;
        long touch = side == Side.BUY ? book.bestAskTicks() : book.bestBidTicks();
        if (touch == (side == Side.BUY ? OrderBook.NO_ASK : OrderBook.NO_BID)) {
            return NO_ORDER;
        }
        long priceTicks = touch + side.sign() * (long) crossTicks;
        ordersSent++;
        return context.submitLimit(index, side, instrument.toPrice(priceTicks), qty, TimeInForce.IOC);
    }

    /** The counters and the hedge-ratio summary so far. */
    public PairsTraderStats stats() {
        double mean = betaCount > 0 ? sumBeta / betaCount : Double.NaN;
        return new PairsTraderStats(samples, skippedSamples, signal.entries(), signal.exits(), signal.stops(),
                gate == null ? 0 : gate.tests(), gate == null ? 0 : gate.acceptedTests(), gateFlattens, ordersSent,
                lastBeta, minBeta, maxBeta, mean, lastZ);
    }

    /** The prior hedge ratio fitted on the warm-up samples (0 before the warm-up ends or without one). */
    public double priorBeta() {
        return priorBeta;
    }

    /** The prior intercept fitted on the warm-up samples. */
    public double priorAlpha() {
        return priorAlpha;
    }

    /** The signal's current position: {@link PairSignal#LONG_SPREAD}, {@link PairSignal#FLAT} or short. */
    public int position() {
        return position;
    }

    @Override
    public String toString() {
        return "KalmanPairsTrader[y=" + y.id() + ", x=" + x.id() + ", sampleIntervalNanos=" + sampleIntervalNanos
                + ", " + kalman + ", " + signal.getClass().getSimpleName() + "(entryZ=" + signal.entryZ()
                + ", exitZ=" + signal.exitZ() + ", stopZ=" + signal.stopZ() + "), warmUpSamples=" + warmUpSamples
                + ", sizing=" + sizing + ", legNotional=" + legNotional + ", crossTicks=" + crossTicks
                + ", gate=" + (gate == null ? "none" : gate.toString()) + "]";
    }

    /** Options of a {@link KalmanPairsTrader}; {@link #build()} checks them together. */
    public static final class Builder {
        private final Instrument y;
        private final Instrument x;
        private long sampleIntervalNanos = DEFAULT_SAMPLE_INTERVAL_NANOS;
        private double delta = KalmanHedgeRatio.DEFAULT_DELTA;
        private double observationVariance = KalmanHedgeRatio.DEFAULT_OBSERVATION_VARIANCE;
        private double entryZ = DEFAULT_ENTRY_Z;
        private double exitZ = DEFAULT_EXIT_Z;
        private double stopZ = DEFAULT_STOP_Z;
        private int warmUpSamples = DEFAULT_WARM_UP_SAMPLES;
        private HedgeSizing sizing = HedgeSizing.BETA_NEUTRAL;
        private double legNotional = Double.NaN;
        private int crossTicks = DEFAULT_CROSS_TICKS;
        private CointegrationTest gateTest;
        private int gateWindow;
        private int gateRetestEvery;

        private Builder(Instrument y, Instrument x) {
            this.y = Objects.requireNonNull(y, "pairs trader: y must not be null");
            this.x = Objects.requireNonNull(x, "pairs trader: x must not be null");
        }

        /** Sampling interval of the mids, nanoseconds, positive; one second unless set. */
        public Builder sampleIntervalNanos(long nanos) {
            this.sampleIntervalNanos = nanos;
            return this;
        }

        /**
         * The Kalman filter's state-noise ratio {@code delta} and observation variance {@code Ve} (squared price
         * units of y); Chan's 1e-4 and 1e-3 unless set. {@code Ve} should be near the spread's variance, so that
         * {@code z} is on a unit scale.
         */
        public Builder kalman(double delta, double observationVariance) {
            this.delta = delta;
            this.observationVariance = observationVariance;
            return this;
        }

        /** Entry, exit and stop thresholds on z (see {@link PairSignal}); 2, 0.5 and 4 unless set. */
        public Builder thresholds(double entryZ, double exitZ, double stopZ) {
            this.entryZ = entryZ;
            this.exitZ = exitZ;
            this.stopZ = stopZ;
            return this;
        }

        /**
         * Samples that fit the filter's prior by OLS before any trading, {@code >= 0} (below 3: zero prior, trading
         * from the first sample); 100 unless set.
         */
        public Builder warmUpSamples(int samples) {
            this.warmUpSamples = samples;
            return this;
        }

        /** How the legs are sized; {@link HedgeSizing#BETA_NEUTRAL} unless set. */
        public Builder sizing(HedgeSizing sizing) {
            this.sizing = sizing;
            return this;
        }

        /** Notional of the y leg at entry, quote currency, positive (required). */
        public Builder legNotional(double notional) {
            this.legNotional = notional;
            return this;
        }

        /** Ticks beyond the opposite touch at which leg orders are priced, {@code >= 0}; 1 unless set. */
        public Builder crossTicks(int ticks) {
            this.crossTicks = ticks;
            return this;
        }

        /**
         * Trades only while {@code test} accepts cointegration on the latest {@code window} samples, re-tested every
         * {@code retestEvery} samples (see {@link RollingCointegrationGate}). No gate unless set.
         */
        public Builder cointegrationGate(CointegrationTest test, int window, int retestEvery) {
            this.gateTest = Objects.requireNonNull(test, "pairs trader: gate test must not be null");
            this.gateWindow = window;
            this.gateRetestEvery = retestEvery;
            return this;
        }

        /**
         * The trader.
         *
         * @throws IllegalArgumentException naming every invalid option
         */
        public KalmanPairsTrader build() {
            StringBuilder problems = new StringBuilder();
            if (y.equals(x)) {
                problems.append("; y and x are the same instrument ").append(y.id());
            }
            if (sampleIntervalNanos <= 0) {
                problems.append("; sampleIntervalNanos must be > 0, was ").append(sampleIntervalNanos);
            }
            if (!(delta > 0 && delta < 1)) {
                problems.append("; kalman delta must be in (0, 1), was ").append(delta);
            }
            if (!(observationVariance > 0) || Double.isInfinite(observationVariance)) {
                problems.append("; kalman observationVariance must be finite and > 0, was ")
                        .append(observationVariance);
            }
            if (!(exitZ >= 0 && exitZ < entryZ && entryZ < stopZ) || Double.isInfinite(entryZ)) {
                problems.append("; thresholds must satisfy 0 <= exitZ < entryZ < stopZ, were entryZ=").append(entryZ)
                        .append(", exitZ=").append(exitZ).append(", stopZ=").append(stopZ);
            }
            if (warmUpSamples < 0) {
                problems.append("; warmUpSamples must be >= 0, was ").append(warmUpSamples);
            }
            if (sizing == null) {
                problems.append("; sizing must not be null");
            }
            if (!(legNotional > 0) || Double.isInfinite(legNotional)) {
                problems.append("; legNotional must be finite and > 0 (required), was ").append(legNotional);
            }
            if (crossTicks < 0) {
                problems.append("; crossTicks must be >= 0, was ").append(crossTicks);
            }
            if (gateTest != null && gateWindow < 20) {
                problems.append("; gate window must be >= 20 samples, was ").append(gateWindow);
            }
            if (gateTest != null && gateRetestEvery < 1) {
                problems.append("; gate retestEvery must be >= 1, was ").append(gateRetestEvery);
            }
            if (problems.length() > 0) {
                throw new IllegalArgumentException("pairs trader " + y.id() + "/" + x.id() + ": "
                        + problems.substring(2));
            }
            return new KalmanPairsTrader(this);
        }
    }
}
