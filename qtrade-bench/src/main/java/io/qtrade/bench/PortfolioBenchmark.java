package io.qtrade.bench;

import io.qtrade.portfolio.covariance.SampleCovariance;
import io.qtrade.portfolio.hrp.HierarchicalRiskParity;
import io.qtrade.portfolio.optimize.MeanVarianceOptimizer;
import io.qtrade.portfolio.optimize.PortfolioConstraints;
import io.qtrade.portfolio.returns.HistoricalMean;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Portfolio construction solve times (SampleTime: JMH reports the median as p0.50), each beside a plain baseline in the
 * same run:
 * <ul>
 *   <li>{@code gmvBounded}: global minimum variance, long-only, every weight in [0, 5/N] (binding for many assets),
 *   ojAlgo's active-set QP plus the KKT polish.</li>
 *   <li>{@code maxSharpeBounded}: maximum Sharpe with the same bounds (the homogeneous QP, one more variable).</li>
 *   <li>{@code hrp}: Hierarchical Risk Parity, single linkage (correlation, O(N^3) naive linkage, bisection).</li>
 *   <li>{@code baselineClosedFormGmv}: the unconstrained GMV {@code Sigma^-1 1 / 1'Sigma^-1 1} by one Cholesky solve
 *   (EJML), what an optimiser costs without constraints.</li>
 * </ul>
 * Inputs: the sample covariance of {@code 3N} simulated daily returns from a 3-factor model (seed 20261206) and their
 * means.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PortfolioBenchmark {

    @Param({"100", "500"})
    int assets;

    private double[][] cov;
    private MeanVarianceOptimizer bounded;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(20261206L);
        int t = 3 * assets;
        double[][] beta = new double[assets][3];
        for (double[] b : beta) {
            for (int f = 0; f < 3; f++) {
                b[f] = rnd.nextDouble(0.2, 1.2);
            }
        }
        double[][] r = new double[t][assets];
        for (int k = 0; k < t; k++) {
            double[] f = {gauss(rnd) * 0.01, gauss(rnd) * 0.005, gauss(rnd) * 0.004};
            for (int i = 0; i < assets; i++) {
                r[k][i] = 0.0004 + beta[i][0] * f[0] + beta[i][1] * f[1] + beta[i][2] * f[2] + gauss(rnd) * 0.015;
            }
        }
        cov = SampleCovariance.INSTANCE.estimate(r);
        double[] mu = HistoricalMean.INSTANCE.estimate(r);
        bounded = MeanVarianceOptimizer.of(cov, mu, 0.0,
                PortfolioConstraints.builder(assets).bounds(0.0, 5.0 / assets).build());
    }

    private static double gauss(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2.0 * Math.log(1.0 - u)) * Math.cos(2.0 * Math.PI * v);
    }

    @Benchmark
    public double[] gmvBounded() {
        return bounded.minimumVariance().weights();
    }

    @Benchmark
    public double[] maxSharpeBounded() {
        return bounded.maximumSharpe().weights();
    }

    @Benchmark
    public double[] hrp() {
        return HierarchicalRiskParity.SINGLE.allocate(cov).weights();
    }

    @Benchmark
    public double[] baselineClosedFormGmv() {
        int n = cov.length;
        DMatrixRMaj a = new DMatrixRMaj(cov);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        if (!chol.setA(a)) {
            throw new IllegalStateException("covariance not positive definite");
        }
        DMatrixRMaj ones = new DMatrixRMaj(n, 1);
        ones.fill(1.0);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        chol.solve(ones, x);
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s += x.get(i);
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = x.get(i) / s;
        }
        return w;
    }
}
