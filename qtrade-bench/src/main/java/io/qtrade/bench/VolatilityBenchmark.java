package io.qtrade.bench;

import io.qtrade.features.volatility.EwmaVolatility;
import io.qtrade.features.volatility.Garch11;
import io.qtrade.features.volatility.Garch11Fit;
import io.qtrade.features.volatility.Garch11Parameters;
import io.qtrade.features.volatility.RealizedVarianceOnGrid;
import io.qtrade.features.volatility.SubsampledRealizedVarianceOnGrid;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Volatility features. Per tick: the streaming 5-minute previous-tick RV ({@link RealizedVarianceOnGrid#onTick})
 * against the floor of reading each tick's time and price; per return: the EWMA update. Per fit: a
 * GARCH(1,1) maximum likelihood fit on 2000 simulated returns against one likelihood evaluation.
 *
 * <p>The tick stream: 2^20 ticks, gaps uniform in [0, 100] microseconds (an L2 feed's pace: about 52 seconds of
 * market time per pass, so a 5-minute grid point is passed about every sixth pass), a log-price random walk.
 * Nanoseconds per operation, average time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VolatilityBenchmark {

    static final int TICKS = 1 << 20;

    /** Grid spacing of the streaming RV: 5 minutes (the usual choice) or 1 second (a grid point every 20k ticks). */
    @Param({"300000", "1000"})
    long gridMillis;

    private long[] ts;
    private double[] px;
    private double[] returns;
    private double[] garchReturns;
    private long passOffsetNanos;
    private final double[] sessionSink = new double[1];
    private RealizedVarianceOnGrid rv;
    private SubsampledRealizedVarianceOnGrid subsampled;
    private EwmaVolatility ewma;
    private Garch11 garch;
    private Garch11Parameters garchTruth;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        ts = new long[TICKS];
        px = new double[TICKS];
        returns = new double[TICKS];
        long t = 1_700_000_000_000_000_000L;
        double logP = Math.log(30_000);
        for (int i = 0; i < TICKS; i++) {
            t += random.nextLong(100_001);
            double r = 1e-5 * (random.nextDouble() - 0.5);
            logP += r;
            ts[i] = t;
            px[i] = Math.exp(logP);
            returns[i] = r;
        }
        rv = RealizedVarianceOnGrid.utcDays(gridMillis * 1_000_000L, (s, e, v, bv, n, ticks) -> sessionSink[0] += v);
        subsampled = new SubsampledRealizedVarianceOnGrid(gridMillis * 1_000_000L, 5, 86_400_000_000_000L, 0L,
                (s, e, v, ticks) -> sessionSink[0] += v);
        ewma = new EwmaVolatility(EwmaVolatility.RISKMETRICS_DAILY_LAMBDA);
        garchTruth = Garch11Parameters.normal(0.0, 0.02, 0.08, 0.9);
        garchReturns = new double[2000];
        double h = garchTruth.unconditionalVariance();
        for (int i = 0; i < garchReturns.length; i++) {
            double z = random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5; // variance 1/4
            double e = Math.sqrt(h) * 2.0 * z;
            garchReturns[i] = e;
            h = garchTruth.omega() + garchTruth.alpha() * e * e + garchTruth.beta() * h;
        }
        garch = Garch11.builder().build();
    }

    /** Streaming grid RV over UTC days, fed every tick; the stream moves on in time each pass. */
    @Benchmark
    @OperationsPerInvocation(TICKS)
    public double realizedVarianceOnGridPerTick() {
        long shift = passOffsetNanos;
        RealizedVarianceOnGrid r = rv;
        for (int i = 0; i < TICKS; i++) {
            r.onTick(ts[i] + shift, px[i]);
        }
        passOffsetNanos = shift + (ts[TICKS - 1] - ts[0]) + 1;
        return r.currentRealizedVariance();
    }

    /** Streaming subsampled RV with 5 shifted grids, fed every tick. */
    @Benchmark
    @OperationsPerInvocation(TICKS)
    public long subsampledRealizedVarianceOnGridPerTick() {
        long shift = passOffsetNanos;
        SubsampledRealizedVarianceOnGrid r = subsampled;
        for (int i = 0; i < TICKS; i++) {
            r.onTick(ts[i] + shift, px[i]);
        }
        passOffsetNanos = shift + (ts[TICKS - 1] - ts[0]) + 1;
        return r.currentSessionStartNanos();
    }

    /**
     * Floor: read each tick's time and price and fold them into a running value (one dependent add per tick, which
     * the JIT cannot drop, unlike plain stores of the last tick).
     */
    @Benchmark
    @OperationsPerInvocation(TICKS)
    public double baselineReadEveryTick() {
        long shift = passOffsetNanos;
        double acc = 0.0;
        long last = 0;
        for (int i = 0; i < TICKS; i++) {
            last = ts[i] + shift;
            acc += px[i];
        }
        passOffsetNanos = shift + (ts[TICKS - 1] - ts[0]) + 1;
        return acc + last;
    }

    /** EWMA variance update per return. */
    @Benchmark
    @OperationsPerInvocation(TICKS)
    public double ewmaPerReturn() {
        EwmaVolatility e = ewma;
        for (int i = 0; i < TICKS; i++) {
            e.update(returns[i]);
        }
        return e.variance();
    }

    /** A GARCH(1,1) maximum likelihood fit (normal errors, n = 2000), including the Hessian. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Garch11Fit garch11Fit() {
        return garch.fit(garchReturns);
    }

    /** One GARCH(1,1) log-likelihood evaluation on the same 2000 returns: the unit the fit is made of. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double garch11LogLikelihood() {
        return garch.logLikelihood(garchReturns, garchTruth);
    }
}
