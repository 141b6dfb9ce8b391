package io.qtrade.research.montecarlo;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MonteCarloTest {

    private static double[] normal(int n, double mean, double sd, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller
            double u = 1 - rng.nextDouble();
            double v = rng.nextDouble();
            x[i] = mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
        return x;
    }

    @Test
    void theObservedStatisticsAreThoseOfTheSeries() {
        double[] pnl = {3, -1, -4, 2, 5};
        MonteCarloResult r = MonteCarlo.builder().values(pnl).resamples(10).seed(1).build().run();
        assertThat(r.observed(MonteCarloResult.Statistic.FINAL)).isEqualTo(5.0);
        // path 3, 2, -2, 0, 5: the deepest fall is from 3 to -2
        assertThat(r.observed(MonteCarloResult.Statistic.MAX_DRAWDOWN)).isEqualTo(5.0);
        // mean 1, sample std sqrt(((2)^2 + 2^2 + 5^2 + 1 + 4^2) / 4) = sqrt(12.5)
        assertThat(r.observed(MonteCarloResult.Statistic.SHARPE)).isCloseTo(1 / Math.sqrt(12.5), within(1e-15));
    }

    @Test
    void theIidBootstrapIntervalOfTheSumCoversTheNormalTheoryInterval() {
        // 400 PnLs ~ N(0.1, 1): the sum's standard error is sqrt(400) * 1 = 20, so its 95 % interval has
        // half-width 1.96 * 20 = 39.2 around the observed sum; the bootstrap's should agree within sampling error.
        double[] x = normal(400, 0.1, 1, 11);
        MonteCarloResult r = MonteCarlo.builder().values(x).resamples(20_000).seed(3).build().run();
        double[] ci = r.interval(MonteCarloResult.Statistic.FINAL, 0.95);
        double sum = r.observed(MonteCarloResult.Statistic.FINAL);
        assertThat((ci[1] - ci[0]) / 2).isCloseTo(39.2, within(3.0));
        assertThat(r.mean(MonteCarloResult.Statistic.FINAL)).isCloseTo(sum, within(1.0));
        assertThat(r.quantile(MonteCarloResult.Statistic.FINAL, 0.5)).isBetween(ci[0], ci[1]);
    }

    @Test
    void theSameSeedGivesTheSameDistributionsAndAnotherSeedOthers() {
        double[] x = normal(200, 0.05, 1, 5);
        MonteCarloResult a = MonteCarlo.builder().values(x).resamples(500).seed(9)
                .bootstrap(Bootstrap.STATIONARY_BLOCK, 5).build().run();
        MonteCarloResult b = MonteCarlo.builder().values(x).resamples(500).seed(9)
                .bootstrap(Bootstrap.STATIONARY_BLOCK, 5).build().run();
        MonteCarloResult c = MonteCarlo.builder().values(x).resamples(500).seed(10)
                .bootstrap(Bootstrap.STATIONARY_BLOCK, 5).build().run();
        assertThat(a.distribution(MonteCarloResult.Statistic.SHARPE))
                .isEqualTo(b.distribution(MonteCarloResult.Statistic.SHARPE))
                .isNotEqualTo(c.distribution(MonteCarloResult.Statistic.SHARPE));
        assertThat(a.summary(0.9).rowCount()).isEqualTo(3);
    }

    @Test
    void stationaryBlocksKeepTheSerialDependenceThatIidDraws() {
        // An AR(1) with phi 0.9: lag-1 autocorrelation about 0.9; blocks of mean 50 keep most of it, iid draws none.
        SplittableRandom rng = new SplittableRandom(2);
        double[] x = new double[5_000];
        for (int i = 1; i < x.length; i++) {
            x[i] = 0.9 * x[i - 1] + (rng.nextDouble() - 0.5);
        }
        double[] out = new double[x.length];
        Bootstrap.STATIONARY_BLOCK.resample(x, 50, new SplittableRandom(4), out);
        assertThat(lag1(out)).isGreaterThan(0.8);
        Bootstrap.IID.resample(x, 1, new SplittableRandom(4), out);
        assertThat(Math.abs(lag1(out))).isLessThan(0.05);
    }

    @Test
    void aStationaryResampleIsMadeOfRunsOfTheOriginalWithGeometricLengths() {
        double[] x = new double[1_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        double[] out = new double[100_000];
        Bootstrap.STATIONARY_BLOCK.resample(x, 8, new SplittableRandom(1), out);
        int breaks = 0;
        for (int t = 1; t < out.length; t++) {
            if (out[t] != (out[t - 1] + 1) % 1000) {
                breaks++;
            }
        }
        // A new block starts with probability 1/8 (a restart at the very next index is invisible: 1/1000 of them).
        assertThat(breaks / (double) (out.length - 1)).isCloseTo(0.125, within(0.005));
    }

    private static double lag1(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            den += (x[i] - mean) * (x[i] - mean);
            if (i > 0) {
                num += (x[i] - mean) * (x[i - 1] - mean);
            }
        }
        return num / den;
    }

    @Test
    void badSettingsAreNamedTogether() {
        assertThatThrownBy(() -> MonteCarlo.builder().values(new double[] {1, Double.NaN}).resamples(0)
                .bootstrap(Bootstrap.STATIONARY_BLOCK, 0.5).build())
                .hasMessage("monte carlo: values[1] = NaN, expected finite; resamples must be >= 1, was 0;"
                        + " meanBlockLength must be >= 1, was 0.5");
        assertThatThrownBy(() -> MonteCarlo.builder().values(new double[] {0.1, -1.0})
                .accumulation(MonteCarlo.Accumulation.COMPOUNDED).build())
                .hasMessage("monte carlo: values[1] = -1.0, a compounded return must be > -1");
    }
}
