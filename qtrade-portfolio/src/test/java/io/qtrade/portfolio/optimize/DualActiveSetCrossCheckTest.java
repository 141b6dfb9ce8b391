package io.qtrade.portfolio.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.qtrade.portfolio.RefCases;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast path (Goldfarb-Idnani, {@link DualActiveSetQp}) against the slow reference (ojAlgo's convex solver plus the
 * KKT polish) on 60 seeded random problems: random positive definite covariances (5-25 assets), random bounds, group
 * bounds, leverage caps, turnover limits and cost penalties, for minimum variance, maximum Sharpe and target return.
 * Weights agree to 1e-7 (both are direct methods; the polish takes both to the same active set).
 */
class DualActiveSetCrossCheckTest {

    @Test
    void fastPathAgreesWithOjAlgoOnRandomProblems() {
        SplittableRandom rnd = new SplittableRandom(20261206L);
        int compared = 0;
        for (int trial = 0; trial < 60; trial++) {
            int n = 5 + rnd.nextInt(21);
            double[][] f = new double[n + 3][n];
            for (double[] row : f) {
                for (int i = 0; i < n; i++) {
                    row[i] = rnd.nextGaussian();
                }
            }
            double[][] cov = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0.0;
                    for (double[] row : f) {
                        s += row[i] * row[j];
                    }
                    cov[i][j] = s * 1e-4 / f.length + (i == j ? 1e-5 : 0.0);
                }
            }
            double[] mu = new double[n];
            for (int i = 0; i < n; i++) {
                mu[i] = 0.0005 + 0.0005 * rnd.nextGaussian();
            }
            mu[0] = Math.abs(mu[0]) + 0.001;
            boolean longShort = rnd.nextBoolean();
            PortfolioConstraints.Builder b = PortfolioConstraints.builder(n);
            double hi = Math.max(2.0 / n, 0.05 + rnd.nextDouble() * 0.4);
            b.bounds(longShort ? -hi : 0.0, hi);
            if (longShort) {
                b.grossLeverage(1.0 + rnd.nextDouble());
            }
            if (rnd.nextBoolean()) {
                b.group("g", new int[] {0, 1, 2}, 0.0, Math.max(0.1, 3 * hi * rnd.nextDouble()));
            }
            if (rnd.nextBoolean()) {
                double[] w0 = new double[n];
                java.util.Arrays.fill(w0, 1.0 / n);
                b.currentWeights(w0);
                if (rnd.nextBoolean()) {
                    b.turnoverLimit(0.2 + rnd.nextDouble());
                } else {
                    b.transactionCost(rnd.nextDouble() * 1e-4);
                }
            }
            PortfolioConstraints c = b.build();
            MeanVarianceOptimizer opt = MeanVarianceOptimizer.of(cov, mu, 0.0, c);
            OptimalPortfolio fast;
            try {
                fast = opt.minimumVariance();
            } catch (InfeasiblePortfolioException e) {
                continue;
            }
            QpModel slow = new QpModel(c, false);
            double scale = n / trace(cov);
            slow.addCovariance(cov, 2.0 * scale);
            slow.addCosts(c, scale);
            double[] x = slow.solveWithOjAlgo("cross-check");
            assertThat(RefCases.maxAbsError(fast.weights(), java.util.Arrays.copyOf(x, n))).as("trial %d", trial)
                    .isLessThan(1e-7);
            compared++;
        }
        assertThat(compared).isGreaterThan(40);
    }

    private static double trace(double[][] cov) {
        double t = 0.0;
        for (int i = 0; i < cov.length; i++) {
            t += cov[i][i];
        }
        return t;
    }
}
