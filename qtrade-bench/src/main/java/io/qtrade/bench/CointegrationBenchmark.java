package io.qtrade.bench;

import io.qtrade.features.cointegration.AdfResult;
import io.qtrade.features.cointegration.AdfRegression;
import io.qtrade.features.cointegration.AugmentedDickeyFuller;
import io.qtrade.features.cointegration.Johansen;
import io.qtrade.features.cointegration.JohansenResult;
import io.qtrade.features.cointegration.LagSelection;
import io.qtrade.features.filter.HedgeRatioEstimate;
import io.qtrade.features.filter.KalmanHedgeRatio;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Batch cointegration tests on 100,000 rows and the streaming Kalman hedge ratio, each beside a plain baseline
 * measured in the same run:
 * <ul>
 *   <li>{@code adfAic}: ADF with a constant, AIC search over lags 0..67 on a 100,000-row random walk (one
 *   cross-product matrix, one Cholesky for every lag, one refit). Baseline {@code baselineAdfOneQrFitAtLag67}: a
 *   single commons-math QR fit of the lag-67 regression, one of the 68 fits statsmodels' {@code adfuller} runs.</li>
 *   <li>{@code johansen}: Johansen, 3 series x 100,000 rows, det_order 0, one lagged difference. Baseline
 *   {@code baselineJohansenResidualsByQr}: only the six auxiliary regressions (dY and Y_{t-1} on the lagged
 *   differences and a constant) by commons-math QR, the step statsmodels does with {@code pinv}.</li>
 *   <li>{@code kalmanStep}: one {@link KalmanHedgeRatio#update} (one operation = one observation) against
 *   {@code baselineSumProduct}, a multiply-add over the same arrays.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CointegrationBenchmark {

    static final int ROWS = 100_000;
    static final int MAX_LAG = 67;

    private final double[] walk = new double[ROWS];
    private final double[][] three = new double[3][ROWS];
    private final AugmentedDickeyFuller adf = AugmentedDickeyFuller.builder().regression(AdfRegression.CONSTANT)
            .lagSelection(LagSelection.AIC).maxLag(MAX_LAG).build();
    private final Johansen johansen = new Johansen(0, 1);
    private final KalmanHedgeRatio kalman = new KalmanHedgeRatio();
    private final HedgeRatioEstimate estimate = new HedgeRatioEstimate();
    private double[][] lag67Design;
    private double[] lag67Y;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(20261125);
        double level = 100.0;
        for (int t = 0; t < ROWS; t++) {
            level += rnd.nextDouble() - 0.5;
            walk[t] = level;
        }
        // Two random walks and a series cointegrated with their sum.
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
        int nobs = ROWS - 1 - MAX_LAG;
        lag67Design = new double[nobs][MAX_LAG + 1];
        lag67Y = new double[nobs];
        for (int r = 0; r < nobs; r++) {
            int t = r + MAX_LAG;
            lag67Y[r] = walk[t + 1] - walk[t];
            lag67Design[r][0] = walk[t];
            for (int j = 1; j <= MAX_LAG; j++) {
                lag67Design[r][j] = walk[t + 1 - j] - walk[t - j];
            }
        }
    }

    @Benchmark
    public AdfResult adfAic() {
        return adf.test(walk);
    }

    @Benchmark
    public double[] baselineAdfOneQrFitAtLag67() {
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(lag67Y, lag67Design);
        return ols.estimateRegressionParameters();
    }

    @Benchmark
    public JohansenResult johansen() {
        return johansen.test(three);
    }

    @Benchmark
    public double baselineJohansenResidualsByQr() {
        int n = ROWS;
        int rows = n - 2;
        double[][] z = new double[rows][3];
        for (int r = 0; r < rows; r++) {
            int t = r + 2;
            for (int j = 0; j < 3; j++) {
                z[r][j] = three[j][t - 1] - three[j][t - 2];
            }
        }
        double check = 0.0;
        double[] y = new double[rows];
        for (int target = 0; target < 6; target++) {
            int j = target % 3;
            for (int r = 0; r < rows; r++) {
                int t = r + 2;
                y[r] = target < 3 ? three[j][t] - three[j][t - 1] : three[j][t - 1];
            }
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(y, z);
            check += ols.estimateResiduals()[0];
        }
        return check;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(ROWS)
    public double kalmanStep() {
        kalman.reset();
        for (int t = 0; t < ROWS; t++) {
            kalman.update(three[0][t], three[2][t], estimate);
        }
        return estimate.beta();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(ROWS)
    public double baselineSumProduct() {
        double s = 0.0;
        for (int t = 0; t < ROWS; t++) {
            s += three[0][t] * three[2][t];
        }
        return s;
    }
}
