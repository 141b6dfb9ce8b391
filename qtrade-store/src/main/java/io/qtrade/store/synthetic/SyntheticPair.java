package io.qtrade.store.synthetic;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded two-instrument market for pairs trading (the examples' and the pairs tests' market): one quote level a side ({@link #DEPTH_LOTS} lots, one tick wide)
 * around a mid path, re-quoted once a second, {@code localTs = exchTs + 100 us}, with {@code y} the instrument at
 * index 0 and {@code x} at index 1.
 * <pre>{@code
 * cointegrated:  x_t = x_{t-1} + sigmaX N(0,1),   s_t = phi s_{t-1} + sigmaS N(0,1),   y_t = a + b x_t + s_t
 *                sigmaS = spreadSd * sqrt(1 - phi^2)  (s is a stationary AR(1), the discrete Ornstein-Uhlenbeck)
 * independent:   x_t and y_t independent random walks with steps sigmaX and b sigmaX (no cointegration)
 * }</pre>
 * Normal draws by Box-Muller from {@link SplittableRandom}, so a seed fixes the path on every JVM.
 *
 * @param y        the dependent instrument
 * @param x        the hedge instrument
 * @param a        intercept, quote currency
 * @param b        hedge ratio
 * @param x0       initial x price
 * @param sigmaX   x's step standard deviation per second, quote currency
 * @param phi      AR(1) coefficient of the spread per second, in [0, 1)
 * @param spreadSd stationary standard deviation of the spread, quote currency
 */
public record SyntheticPair(Instrument y, Instrument x, double a, double b, double x0, double sigmaX, double phi,
                            double spreadSd) {

    /** Quote size at each level, lots. */
    public static final double DEPTH_LOTS = 1000;
    /** Start of the generated session: 2024-01-02T00:00:00Z, epoch nanoseconds. */
    public static final long START_NANOS = 1_704_153_600_000_000_000L;
    /** Feed latency of every event, nanoseconds. */
    public static final long FEED_LATENCY_NANOS = 100_000L;
    private static final long SECOND = 1_000_000_000L;

    public SyntheticPair {
        if (!(phi >= 0 && phi < 1)) {
            throw new IllegalArgumentException("synthetic pair: phi " + phi + ", expected 0 <= phi < 1");
        }
        if (!(sigmaX >= 0) || !(spreadSd >= 0) || !(x0 > 0)) {
            throw new IllegalArgumentException("synthetic pair: sigmaX " + sigmaX + ", spreadSd " + spreadSd
                    + " must be >= 0 and x0 " + x0 + " > 0");
        }
    }

    /** The example's pair: YLEG = 10 + 1.5 XLEG + s, XLEG from 100 with 0.05 a second, s with phi 0.9 and sd 0.3. */
    public static SyntheticPair example() {
        return new SyntheticPair(Instrument.spot("YLEG", "SYN", 0.01, 1), Instrument.spot("XLEG", "SYN", 0.01, 1),
                10.0, 1.5, 100.0, 0.05, 0.9, 0.3);
    }

    /** The cointegrated market over {@code seconds} seconds. */
    public InMemoryEventSource cointegrated(long seed, int seconds) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] xs = new double[seconds];
        double[] ys = new double[seconds];
        double sigmaS = spreadSd * Math.sqrt(1 - phi * phi);
        double xt = x0;
        double st = 0;
        for (int t = 0; t < seconds; t++) {
            xt += sigmaX * gauss(r);
            st = phi * st + sigmaS * gauss(r);
            xs[t] = xt;
            ys[t] = a + b * xt + st;
        }
        return quotes(ys, xs);
    }

    /** Two independent random walks over {@code seconds} seconds. */
    public InMemoryEventSource independent(long seed, int seconds) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] xs = new double[seconds];
        double[] ys = new double[seconds];
        double xt = x0;
        double yt = a + b * x0;
        for (int t = 0; t < seconds; t++) {
            xt += sigmaX * gauss(r);
            yt += b * sigmaX * gauss(r);
            xs[t] = xt;
            ys[t] = yt;
        }
        return quotes(ys, xs);
    }

    /**
     * Quotes around given mid paths ({@code ys[t]}, {@code xs[t]} at second {@code t}), as the generated markets
     * are: for hand-built steps in tests.
     */
    public InMemoryEventSource quotes(double[] ys, double[] xs) {
        if (ys.length != xs.length) {
            throw new IllegalArgumentException("synthetic pair: " + ys.length + " y mids but " + xs.length + " x mids");
        }
        EventBatch batch = new EventBatch(8 * ys.length + 8);
        long[] bid = {Long.MIN_VALUE, Long.MIN_VALUE};
        for (int t = 0; t < ys.length; t++) {
            long exch = START_NANOS + t * SECOND;
            quote(batch, 0, y, ys[t], exch, bid);
            quote(batch, 1, x, xs[t], exch, bid);
        }
        return new InMemoryEventSource(List.of(y, x), batch);
    }

    /** Moves instrument i's quote to bid floor(mid), ask bid + 1 tick, old levels removed first (never crossed). */
    private static void quote(EventBatch batch, int i, Instrument inst, double mid, long exch, long[] bid) {
        long b = (long) Math.floor(mid / inst.tickSize());
        if (b == bid[i]) {
            return;
        }
        long local = exch + FEED_LATENCY_NANOS;
        if (bid[i] != Long.MIN_VALUE) {
            batch.addDepth(i, exch, local, Side.BUY, inst.toPrice(bid[i]), 0);
            batch.addDepth(i, exch, local, Side.SELL, inst.toPrice(bid[i] + 1), 0);
        }
        batch.addDepth(i, exch, local, Side.BUY, inst.toPrice(b), DEPTH_LOTS * inst.lotSize());
        batch.addDepth(i, exch, local, Side.SELL, inst.toPrice(b + 1), DEPTH_LOTS * inst.lotSize());
        bid[i] = b;
    }

    private static double gauss(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
