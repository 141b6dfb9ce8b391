package io.qtrade.portfolio.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.qtrade.portfolio.RefCases;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast path (Goldfarb-Idnani, {@link DualActiveSetQp}) against the slow reference (ojAlgo's convex solver plus the
 * KKT polish) on 40 seeded random problems: random positive definite covariances (5-25 assets), random bounds, group
 * bounds, leverage caps, turnover limits and cost penalties, for minimum variance and (without costs) maximum Sharpe.
 * Minimum-variance weights agree to 1e-7 (both are direct methods; the polish takes both to the same active set);
 * max-Sharpe weights to 1e-6, the fast path feasible to 1e-12 and its Sharpe ratio at least that of any feasible
 * ojAlgo point (1e-9 relative).
 */
class DualActiveSetCrossCheckTest {

    @Test
    void fastPathAgreesWithOjAlgoOnRandomProblems() {
        SplittableRandom rnd = new SplittableRandom(20261206L);
        int compared = 0;
        int sharpeCompared = 0;
        for (int trial = 0; trial < 40; trial++) {
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
            // Maximum Sharpe: the homogeneous problem, k eliminated on the fast path, kept as a variable in ojAlgo's.
            if (!c.hasCosts()) {
                OptimalPortfolio ms;
                try {
                    ms = opt.maximumSharpe();
                } catch (InfeasiblePortfolioException e) {
                    continue;
                }
                QpModel h = new QpModel(c, true);
                h.addCovariance(cov, 2.0 * scale);
                double maxEx = 0.0;
                for (double m : mu) {
                    maxEx = Math.max(maxEx, Math.abs(m));
                }
                h.addAtLeast(mu, maxEx, true, c, "excess");
                double[] y = h.solveWithOjAlgo("cross-check sharpe");
                double k = y[n];
                double[] w = new double[n];
                for (int i = 0; i < n; i++) {
                    w[i] = y[i] / k;
                }
                // ojAlgo's homogeneous solution is polished only when its KKT system is regular, and may then violate
                // a constraint by ~1e-8 (and so reach a slightly higher Sharpe ratio): the weights agree to 1e-6, the
                // fast path is feasible to 1e-12, and its Sharpe ratio is not below that of a feasible ojAlgo point.
                assertThat(RefCases.maxAbsError(ms.weights(), w)).as("max Sharpe trial %d", trial).isLessThan(1e-6);
                assertThat(violation(c, ms.weights())).as("max Sharpe trial %d", trial).isLessThan(1e-12);
                if (violation(c, w) < 1e-12) {
                    assertThat(ms.sharpeRatio()).as("max Sharpe trial %d", trial)
                            .isGreaterThanOrEqualTo(opt.stats(w).sharpeRatio() * (1.0 - 1e-9));
                }
                sharpeCompared++;
            }
        }
        assertThat(compared).isGreaterThan(25);
        assertThat(sharpeCompared).isGreaterThan(10);
    }

    private static double violation(PortfolioConstraints c, double[] w) {
        double v = 0.0;
        double sum = 0.0;
        double gross = 0.0;
        for (int i = 0; i < w.length; i++) {
            v = Math.max(v, Math.max(c.lower(i) - w[i], w[i] - c.upper(i)));
            sum += w[i];
            gross += Math.abs(w[i]);
        }
        v = Math.max(v, Math.abs(sum - 1.0));
        v = Math.max(v, gross - c.grossLeverage());
        if (c.turnoverLimit() != Double.POSITIVE_INFINITY) {
            v = Math.max(v, c.turnover(w) - c.turnoverLimit());
        }
        for (GroupBound g : c.groups()) {
            double s = 0.0;
            for (int m : g.members()) {
                s += w[m];
            }
            v = Math.max(v, Math.max(g.min() - s, s - g.max()));
        }
        return v;
    }

    private static double trace(double[][] cov) {
        double t = 0.0;
        for (int i = 0; i < cov.length; i++) {
            t += cov[i][i];
        }
        return t;
    }
}
