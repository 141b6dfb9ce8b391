package io.qtrade.features.hawkes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Bivariate (buy/sell) Hawkes with a 2x2 excitation and a 2x2 decay matrix. No second implementation exists here,
 * so: the O(n) likelihood against the O(n^2) direct sum (1e-10 relative); the analytic gradient against central
 * differences of the likelihood (1e-6 relative); parameters of a long seeded simulation recovered within 3 standard
 * errors (a statistical check: each such interval misses about 0.3% of the time, the seed is fixed); the real
 * Bitstamp trades split by tick sign fitted to an interior maximum.
 */
class BivariateHawkesTest {

    private static final HawkesParameters TRUE = new HawkesParameters(new double[] {0.4, 0.3},
            new double[][] {{0.3, 0.2}, {0.1, 0.4}}, new double[][] {{2.0, 1.0}, {3.0, 1.5}});

    @Test
    void recursionEqualsTheDirectDoubleSum() {
        double[][] sim = ExponentialHawkes.simulate(TRUE, 600.0, 7L);
        double fast = ExponentialHawkes.logLikelihood(sim, 600.0, TRUE);
        double direct = ExponentialHawkes.logLikelihoodDirect(sim, 600.0, TRUE);
        assertThat(Math.abs(fast - direct)).isLessThanOrEqualTo(1e-10 * Math.abs(direct));
        HawkesParameters other = new HawkesParameters(new double[] {0.5, 0.2},
                new double[][] {{0.1, 0.5}, {0.3, 0.2}}, new double[][] {{0.7, 4.0}, {1.1, 9.0}});
        assertThat(Math.abs(ExponentialHawkes.logLikelihood(sim, 600.0, other)
                - ExponentialHawkes.logLikelihoodDirect(sim, 600.0, other))).isLessThan(1e-9);
    }

    @Test
    void gradientEqualsCentralDifferences() {
        double[][] sim = ExponentialHawkes.simulate(TRUE, 600.0, 8L);
        double[] v = TRUE.toVector();
        double[] g = ExponentialHawkes.gradient(sim, 600.0, TRUE);
        for (int j = 0; j < v.length; j++) {
            double h = 1e-5 * v[j];
            double[] vp = v.clone();
            double[] vm = v.clone();
            vp[j] += h;
            vm[j] -= h;
            double fd = (ExponentialHawkes.logLikelihood(sim, 600.0, HawkesParameters.fromVector(vp, 2))
                    - ExponentialHawkes.logLikelihood(sim, 600.0, HawkesParameters.fromVector(vm, 2))) / (2 * h);
            assertThat(g[j]).as("component " + j).isCloseTo(fd, within(1e-6 * Math.max(1.0, Math.abs(fd))));
        }
    }

    @Test
    void longSimulationRecoversEveryParameterWithinThreeStandardErrors() {
        double[][] sim = ExponentialHawkes.simulate(TRUE, 10_000.0, 11L);
        HawkesFit fit = ExponentialHawkes.fit(sim, 10_000.0);
        HawkesParameters p = fit.params();
        for (int m = 0; m < 2; m++) {
            assertThat(Math.abs(p.mu(m) - TRUE.mu(m))).as("mu " + m).isLessThan(3 * fit.muStandardError(m));
            for (int n = 0; n < 2; n++) {
                assertThat(Math.abs(p.alpha(m, n) - TRUE.alpha(m, n))).as("alpha " + m + n)
                        .isLessThan(3 * fit.alphaStandardError(m, n));
                assertThat(Math.abs(p.beta(m, n) - TRUE.beta(m, n))).as("beta " + m + n)
                        .isLessThan(3 * fit.betaStandardError(m, n));
            }
            assertThat(fit.goodnessOfFit(m).pValue()).isGreaterThan(0.001);
        }
        // spectral radius of [[0.3, 0.2], [0.1, 0.4]] is 0.5
        assertThat(TRUE.branchingRatio()).isCloseTo(0.5, within(1e-12));
        assertThat(fit.branchingRatio()).isCloseTo(0.5, within(0.05));
    }

    @Test
    void streamingIntensityEqualsTheBatchPathInTwoDimensions() {
        double[][] sim = ExponentialHawkes.simulate(TRUE, 200.0, 9L);
        double[] eval = {3.0, 50.0, 120.5, 199.0};
        double[][] batch = ExponentialHawkes.intensity(sim, TRUE, eval);
        HawkesIntensity live = new HawkesIntensity(TRUE);
        int i0 = 0;
        int i1 = 0;
        for (int j = 0; j < eval.length; j++) {
            while (true) {
                double a = i0 < sim[0].length ? sim[0][i0] : Double.POSITIVE_INFINITY;
                double b = i1 < sim[1].length ? sim[1][i1] : Double.POSITIVE_INFINITY;
                if (Math.min(a, b) >= eval[j]) {
                    break;
                }
                if (a <= b) {
                    live.onEvent(0, a);
                    i0++;
                } else {
                    live.onEvent(1, b);
                    i1++;
                }
            }
            for (int m = 0; m < 2; m++) {
                assertThat(live.intensity(m, eval[j])).isCloseTo(batch[m][j], within(1e-12));
            }
        }
    }

    @Test
    void bitstampBuysAndSellsByTickSign() {
        double[][] bs = HawkesData.bitstampBuySell(5_000);
        double horizon = Math.max(bs[0][bs[0].length - 1], bs[1][bs[1].length - 1]) + 1.0;
        HawkesFit fit = ExponentialHawkes.fit(bs, horizon);
        double[] g = ExponentialHawkes.gradient(bs, horizon, fit.params());
        double[] v = fit.params().toVector();
        double worst = 0.0;
        for (int j = 0; j < v.length; j++) {
            worst = Math.max(worst, Math.abs(g[j] * v[j]));
        }
        assertThat(fit.atBound()).isFalse();
        assertThat(worst).isLessThan(1e-4 * Math.abs(fit.logLikelihood()));
        assertThat(fit.branchingRatio()).isBetween(0.05, 0.999);
    }
}
