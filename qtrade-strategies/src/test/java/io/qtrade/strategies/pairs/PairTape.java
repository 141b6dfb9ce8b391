package io.qtrade.strategies.pairs;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded two-instrument tapes for the pairs tests: one quote level a side (1000 lots, one tick wide) around a given
 * mid path, updated once a second, {@code localTs = exchTs + 100 us}.
 * <pre>{@code
 * cointegrated:  x_t = x_{t-1} + sx N(0,1),  s_t = phi s_{t-1} + ss N(0,1),  y_t = a + b x_t + s_t
 * independent:   x_t and y_t two independent random walks with the same step sizes as the cointegrated pair's legs
 * }</pre>
 */
final class PairTape {

    static final Instrument Y = Instrument.spot("YLEG", "SYN", 0.01, 1);
    static final Instrument X = Instrument.spot("XLEG", "SYN", 0.01, 1);
    static final long T0 = 1_704_153_600_000_000_000L;
    static final long SEC = 1_000_000_000L;
    static final long FEED_LATENCY = 100_000L;
    static final double A = 10.0;
    static final double B = 1.5;
    static final double X0 = 100.0;
    static final double SIGMA_X = 0.05;
    static final double PHI = 0.9;
    static final double SPREAD_SD = 0.30;

    private PairTape() {
    }

    static InMemoryEventSource cointegrated(long seed, int steps) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[steps];
        double[] y = new double[steps];
        double sigmaS = SPREAD_SD * Math.sqrt(1 - PHI * PHI);
        double xt = X0;
        double st = 0;
        for (int t = 0; t < steps; t++) {
            xt += SIGMA_X * gauss(r);
            st = PHI * st + sigmaS * gauss(r);
            x[t] = xt;
            y[t] = A + B * xt + st;
        }
        return tape(y, x);
    }

    static InMemoryEventSource independent(long seed, int steps) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[steps];
        double[] y = new double[steps];
        double xt = X0;
        double yt = A + B * X0;
        for (int t = 0; t < steps; t++) {
            xt += SIGMA_X * gauss(r);
            yt += B * SIGMA_X * gauss(r);
            x[t] = xt;
            y[t] = yt;
        }
        return tape(y, x);
    }

    static InMemoryEventSource tape(double[] y, double[] x) {
        EventBatch batch = new EventBatch(8 * y.length + 8);
        long[] bid = {Long.MIN_VALUE, Long.MIN_VALUE};
        for (int t = 0; t < y.length; t++) {
            long exch = T0 + t * SEC;
            quote(batch, 0, Y, y[t], exch, bid);
            quote(batch, 1, X, x[t], exch, bid);
        }
        return new InMemoryEventSource(List.of(Y, X), batch);
    }

    /** Moves instrument i's one-level quote to bid floor(mid), ask bid + 1 tick: old levels out first, no cross. */
    private static void quote(EventBatch batch, int i, Instrument inst, double mid, long exch, long[] bid) {
        long b = (long) Math.floor(mid / inst.tickSize());
        if (b == bid[i]) {
            return;
        }
        long local = exch + FEED_LATENCY;
        if (bid[i] != Long.MIN_VALUE) {
            batch.addDepth(i, exch, local, Side.BUY, inst.toPrice(bid[i]), 0);
            batch.addDepth(i, exch, local, Side.SELL, inst.toPrice(bid[i] + 1), 0);
        }
        batch.addDepth(i, exch, local, Side.BUY, inst.toPrice(b), 1000);
        batch.addDepth(i, exch, local, Side.SELL, inst.toPrice(b + 1), 1000);
        bid[i] = b;
    }

    private static double gauss(SplittableRandom r) {
        // Box-Muller from two uniforms in (0, 1]
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
