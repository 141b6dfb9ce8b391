package io.qtrade.bench;

import io.qtrade.features.cointegration.Johansen;
import io.qtrade.features.cointegration.JohansenDeterministic;
import io.qtrade.features.cointegration.JohansenResult;
import io.qtrade.features.cointegration.Vecm;
import io.qtrade.features.cointegration.VecmFit;
import io.qtrade.features.hawkes.ExponentialHawkes;
import io.qtrade.features.hawkes.HawkesFit;
import io.qtrade.features.hawkes.HawkesParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Fit times of the issue-24 econometrics on large inputs, to compare with statsmodels timed on the same machine
 * ({@code qtrade-features/src/test/resources/refcases/scripts/time_econometrics_statsmodels.py}):
 * <ul>
 *   <li>{@code johansenRestrictedConstant}, {@code johansenRestrictedTrend}: Johansen, 3 x 100,000 rows, one lagged
 *   difference, urca's ecdet "const" and "trend" (explicit-column path). Baseline {@code johansenStatsmodelsCase}:
 *   the windowed fast path with an unrestricted constant (det_order 0) on the same data.</li>
 *   <li>{@code vecmRestrictedConstant}: the rank-1 VECM with its standard errors (statsmodels
 *   {@code VECM(deterministic="ci").fit()}).</li>
 *   <li>{@code hawkesFit100k}: univariate Hawkes MLE with standard errors and the KS test on 100,000 simulated
 *   events (mu 0.5, alpha 0.6, beta 2, T 80,000, seed 24). Single shot: one fit is one operation.</li>
 * </ul>
 * Data: the same construction as {@link CointegrationBenchmark} (two random walks and a series cointegrated with
 * their sum, seed 20261125).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EconometricsBenchmark {

    static final int ROWS = 100_000;

    private final double[][] three = new double[3][ROWS];
    private final Johansen restrictedConstant = Johansen.builder()
            .deterministic(JohansenDeterministic.RESTRICTED_CONSTANT).lagDifferences(1).build();
    private final Johansen restrictedTrend = Johansen.builder()
            .deterministic(JohansenDeterministic.CONSTANT_RESTRICTED_TREND).lagDifferences(1).build();
    private final Johansen unrestricted = Johansen.builder().deterministic(JohansenDeterministic.CONSTANT)
            .lagDifferences(1).build();
    private final Vecm vecm = Vecm.builder().deterministic(JohansenDeterministic.RESTRICTED_CONSTANT).lagDifferences(1)
            .rank(1).build();
    private double[] events;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(20261125);
        for (int t = 0; t < ROWS; t++) {
            rnd.nextDouble(); // keep the CointegrationBenchmark stream: its random walk comes first
        }
        double a = 0.0;
        double b = 0.0;
        double u = 0.0;
        for (int t = 0; t < ROWS; t++) {
            a += rnd.nextDouble() - 0.5;
            b += rnd.nextDouble() - 0.5;
            u = 0.5 * u + rnd.nextDouble() - 0.5;
            three[0][t] = a;
            three[1][t] = b;
            three[2][t] = a + b + u;
        }
        events = ExponentialHawkes.simulate(HawkesParameters.univariate(0.5, 0.6, 2.0), 80_000.0, 24L)[0];
    }

    @Benchmark
    public JohansenResult johansenRestrictedConstant() {
        return restrictedConstant.test(three);
    }

    @Benchmark
    public JohansenResult johansenRestrictedTrend() {
        return restrictedTrend.test(three);
    }

    @Benchmark
    public JohansenResult johansenStatsmodelsCase() {
        return unrestricted.test(three);
    }

    @Benchmark
    public VecmFit vecmRestrictedConstant() {
        return vecm.fit(three);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public HawkesFit hawkesFit100k() {
        return ExponentialHawkes.fit(events, 80_000.0);
    }

    /** Number of simulated events (for the report). */
    public int eventCount() {
        return events.length;
    }
}
