package io.qtrade.features.hawkes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Univariate Hawkes against the reference case {@code hawkes_expected.json} (numpy 1.24.2 / scipy 1.10.1, formulas in
 * the file; 6,256 simulated events on [0, 5000], true mu 0.5, alpha 0.6, beta 2). The numbers below are copied from
 * that file. Tolerances: log-likelihoods 1e-9 relative (deterministic sums); the gradient 1e-8 relative; the MLE 1e-6
 * relative (the reference gradient at its optimum is 4e-8, so both optima agree to about 1e-8); standard errors 1e-4
 * relative (both are central differences of the analytic gradient with step 1e-5 |theta|, at optima 1e-8 apart);
 * KS statistic 1e-6; KS p-value 1e-3 absolute (commons-math's Pelz-Good series against scipy's Simard-L'Ecuyer).
 */
class ExponentialHawkesTest {

    private static final double[] T = HawkesData.simulatedEvents();
    private static final double HORIZON = 5000.0;

    private static void rel(double actual, double expected, double tol, String what) {
        assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs " + expected)
                .isLessThanOrEqualTo(tol * Math.abs(expected));
    }

    @Test
    void logLikelihoodAtFixedParametersEqualsTheReference() {
        assertThat(T).hasSize(6256);
        double[][] sets = {{0.5, 0.6, 2.0, -3240.190791448921}, {0.4, 0.5, 1.5, -3376.550634137846},
                {0.7, 0.3, 3.0, -3532.3951201431264}};
        for (double[] s : sets) {
            HawkesParameters p = HawkesParameters.univariate(s[0], s[1], s[2]);
            rel(ExponentialHawkes.logLikelihood(T, HORIZON, p), s[3], 1e-9, "LL " + p);
        }
    }

    @Test
    void recursionEqualsTheDirectDoubleSum() {
        HawkesParameters p = HawkesParameters.univariate(0.4, 0.5, 1.5);
        double fast = ExponentialHawkes.logLikelihood(T, HORIZON, p);
        double direct = ExponentialHawkes.logLikelihoodDirect(new double[][] {T}, HORIZON, p);
        assertThat(Math.abs(fast - direct)).isLessThanOrEqualTo(1e-10 * Math.abs(direct));
    }

    @Test
    void recursionEqualsTheDirectSumWithTiedTimes() {
        // Bitstamp stamps trades to the second: 2,000 trades share far fewer seconds. Ties do not excite each other.
        double[] t = HawkesData.bitstampSeconds(2000);
        double horizon = t[t.length - 1] + 1.0;
        HawkesParameters p = HawkesParameters.univariate(0.05, 0.4, 0.2);
        double fast = ExponentialHawkes.logLikelihood(t, horizon, p);
        double direct = ExponentialHawkes.logLikelihoodDirect(new double[][] {t}, horizon, p);
        assertThat(Math.abs(fast - direct)).isLessThanOrEqualTo(1e-10 * Math.abs(direct));
    }

    @Test
    void analyticGradientEqualsTheReference() {
        double[] g = ExponentialHawkes.gradient(new double[][] {T}, HORIZON, HawkesParameters.univariate(0.4, 0.5, 1.5));
        rel(g[0], 1010.7089807748262, 1e-8, "dLL/dmu");
        rel(g[1], 1448.365392989942, 1e-8, "dLL/dalpha");
        rel(g[2], 109.60617520220691, 1e-8, "dLL/dbeta");
    }

    @Test
    void maximumLikelihoodEqualsTheReference() {
        HawkesFit fit = ExponentialHawkes.fit(T, HORIZON);
        HawkesParameters p = fit.params();
        rel(p.mu(0), 0.5021065254500525, 1e-6, "mu");
        rel(p.alpha(0, 0), 0.598764763944093, 1e-6, "alpha");
        rel(p.beta(0, 0), 1.9428215603658612, 1e-6, "beta");
        rel(fit.logLikelihood(), -3239.8258153210845, 1e-9, "LL");
        rel(fit.muStandardError(0), 0.015827829524289783, 1e-4, "se mu");
        rel(fit.alphaStandardError(0, 0), 0.013844050696220458, 1e-4, "se alpha");
        rel(fit.betaStandardError(0, 0), 0.08024017716165786, 1e-4, "se beta");
        rel(fit.branchingRatio(), 0.598764763944093, 1e-6, "branching ratio");
        rel(p.stationaryRates()[0], 1.2514018718438038, 1e-6, "stationary rate");
        assertThat(fit.atBound()).isFalse();
        HawkesGoodnessOfFit ks = fit.goodnessOfFit(0);
        assertThat(ks.increments()).isEqualTo(6255);
        assertThat(ks.statistic()).isCloseTo(0.00751792046317621, within(1e-6));
        assertThat(ks.pValue()).isCloseTo(0.8686587127187461, within(1e-3));
        assertThat(ks.meanIncrement()).isCloseTo(1.000011535036923, within(1e-6));
    }

    @Test
    void intensityPathStreamingAndBatchAgree() {
        HawkesParameters p = HawkesParameters.univariate(0.5, 0.6, 2.0);
        double[] eval = {0.0, 0.5, 1.0, 2.5, 10.0, 100.0, 4999.0};
        double[] batch = ExponentialHawkes.intensity(new double[][] {T}, p, eval)[0];
        HawkesIntensity live = new HawkesIntensity(p);
        int next = 0;
        for (int j = 0; j < eval.length; j++) {
            while (next < T.length && T[next] < eval[j]) {
                live.onEvent(T[next++]);
            }
            assertThat(live.intensity(eval[j])).as("t=" + eval[j]).isCloseTo(batch[j], within(1e-12 * batch[j]));
        }
        // at an event time the left limit excludes the event, the streaming value after it includes it
        double[] left = ExponentialHawkes.intensity(new double[][] {T}, p, new double[] {T[10]})[0];
        HawkesIntensity h = new HawkesIntensity(p);
        for (int i = 0; i <= 10; i++) {
            h.onEvent(T[i]);
        }
        assertThat(h.intensity(T[10]) - left[0]).isCloseTo(0.6 * 2.0, within(1e-12));
    }

    @Test
    void expectedEventsStartsAtTheIntensityAndTendsToTheStationaryRate() {
        HawkesParameters p = HawkesParameters.univariate(0.5, 0.6, 2.0);
        HawkesIntensity h = new HawkesIntensity(p);
        h.onEvent(1.0);
        h.onEvent(1.2);
        double lam = h.intensity(1.5);
        assertThat(h.expectedEvents(1.5, 1e-7) / 1e-7).isCloseTo(lam, within(1e-5));
        assertThat(h.expectedEvents(1.5, 1e6) / 1e6).isCloseTo(0.5 / 0.4, within(1e-5));
        assertThatThrownBy(() -> h.onEvent(1.0)).hasMessageContaining("before the last event time");
    }

    @Test
    void simulatedProcessRecoversItsParametersWithinTheirStandardErrors() {
        HawkesParameters truth = HawkesParameters.univariate(0.8, 0.5, 3.0);
        double[][] sim = ExponentialHawkes.simulate(truth, 8000.0, 42L);
        double[][] again = ExponentialHawkes.simulate(truth, 8000.0, 42L);
        assertThat(sim[0]).containsExactly(again[0]);
        // expected count mu T / (1 - alpha) = 12,800; Poisson-cluster sd about sqrt(T mu)/(1-alpha)^1.5 ~ 226
        assertThat(sim[0].length).isBetween(12_800 - 5 * 226, 12_800 + 5 * 226);
        HawkesFit fit = ExponentialHawkes.fit(sim[0], 8000.0);
        assertThat(Math.abs(fit.params().mu(0) - 0.8)).isLessThan(3 * fit.muStandardError(0));
        assertThat(Math.abs(fit.params().alpha(0, 0) - 0.5)).isLessThan(3 * fit.alphaStandardError(0, 0));
        assertThat(Math.abs(fit.params().beta(0, 0) - 3.0)).isLessThan(3 * fit.betaStandardError(0, 0));
        assertThat(fit.goodnessOfFit(0).pValue()).isGreaterThan(0.001);
    }

    @Test
    void realBitstampTradeTimesFit() {
        // First 20,000 trades of 2013-11-25.. (seconds; ties share a second). The fit is an interior maximum with a
        // zero gradient, excites (branching ratio between 0 and 1) and has a compensator mean close to 1.
        double[] t = HawkesData.bitstampSeconds(20_000);
        double horizon = t[t.length - 1] + 1.0;
        HawkesFit fit = ExponentialHawkes.fit(t, horizon);
        double[] g = ExponentialHawkes.gradient(new double[][] {t}, horizon, fit.params());
        HawkesParameters p = fit.params();
        assertThat(Math.abs(g[0] * p.mu(0)) + Math.abs(g[1] * p.alpha(0, 0)) + Math.abs(g[2] * p.beta(0, 0)))
                .isLessThan(1e-4 * Math.abs(fit.logLikelihood()));
        assertThat(fit.branchingRatio()).isBetween(0.05, 0.999);
        assertThat(fit.atBound()).isFalse();
        assertThat(fit.goodnessOfFit(0).meanIncrement()).isCloseTo(1.0, within(0.02));
        // better than the Poisson process with the same mean rate
        double poisson = t.length * Math.log(t.length / horizon) - t.length;
        assertThat(fit.logLikelihood()).isGreaterThan(poisson);
    }
}
