package io.qtrade.portfolio.covariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.qtrade.portfolio.RefCases;
import io.qtrade.portfolio.returns.HistoricalMean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Covariance estimators against {@code portfolio_covariance_expected.json} (numpy 1.24.2; sklearn 1.2.1
 * {@code LedoitWolf}) on the synthetic universe's daily returns. Tolerance: relative 1e-9 (both sides are
 * double-precision sums of the same terms; differences are summation order only), with an absolute floor of 1e-12
 * of the largest variance for entries near zero.
 */
class CovarianceEstimatorsTest {

    private static final String FILE = "portfolio_covariance_expected.json";

    static java.util.List<String> cases() {
        return RefCases.CASES;
    }

    private static double scale(double[][] cov) {
        double m = 0.0;
        for (int i = 0; i < cov.length; i++) {
            m = Math.max(m, cov[i][i]);
        }
        return 1e-3 * m;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sampleCovarianceAndMeanMatchNumpy(String name) {
        double[][] r = RefCases.returns(name);
        JsonNode e = RefCases.expected(FILE, name);
        double[][] expected = RefCases.matrix(e.get("sample_cov_ddof1"));
        double[][] got = SampleCovariance.INSTANCE.estimate(r);
        assertThat(RefCases.maxRelativeError(got, expected, scale(expected))).isLessThan(1e-9);
        assertThat(RefCases.maxRelativeError(HistoricalMean.INSTANCE.estimate(r), RefCases.vector(e.get("mean_daily")),
                1e-6)).isLessThan(1e-9);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ledoitWolfMatchesSklearn(String name) {
        double[][] r = RefCases.returns(name);
        JsonNode e = RefCases.expected(FILE, name).get("ledoit_wolf");
        LedoitWolfResult fit = LedoitWolf.INSTANCE.fit(r);
        assertThat(fit.shrinkage()).isCloseTo(e.get("shrinkage").asDouble(), offset(1e-9 * e.get("shrinkage").asDouble()));
        assertThat(fit.mu()).isCloseTo(e.get("mu_trace_over_p").asDouble(), offset(1e-9 * fit.mu()));
        double[][] expected = RefCases.matrix(e.get("covariance"));
        assertThat(RefCases.maxRelativeError(fit.covariance(), expected, scale(expected))).isLessThan(1e-9);
        assertThat(RefCases.maxRelativeError(fit.location(), RefCases.vector(e.get("location")), 1e-6))
                .isLessThan(1e-9);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ewmaMatchesRiskMetricsBothInitialisations(String name) {
        double[][] r = RefCases.returns(name);
        JsonNode e = RefCases.expected(FILE, name).get("ewma");
        double lambda = e.get("lambda").asDouble();
        int m = e.get("seed_m").asInt();
        double[][] seeded = new EwmaCovariance(lambda, m, EwmaInitialisation.SEEDED_RECURSIVE).estimate(r);
        double[][] expSeeded = RefCases.matrix(e.get("covariance_recursive_seeded"));
        assertThat(RefCases.maxRelativeError(seeded, expSeeded, scale(expSeeded))).isLessThan(1e-9);
        double[][] norm = new EwmaCovariance(lambda, m, EwmaInitialisation.NORMALISED_WEIGHTS).estimate(r);
        double[][] expNorm = RefCases.matrix(e.get("covariance_normalised_weights"));
        assertThat(RefCases.maxRelativeError(norm, expNorm, scale(expNorm))).isLessThan(1e-9);
        assertThat(EwmaCovariance.riskMetricsDaily().estimate(r)).isDeepEqualTo(seeded);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void factorModelKeepsSampleVariancesAndEqualsSampleWithAllFactors(String name) {
        double[][] r = RefCases.returns(name);
        double[][] sample = SampleCovariance.INSTANCE.estimate(r);
        int n = sample.length;
        double[][] full = new FactorModelCovariance(n).estimate(r);
        // With all N components, B F B' is the full eigen-decomposition of the sample covariance.
        assertThat(RefCases.maxRelativeError(full, sample, scale(sample))).isLessThan(1e-9);
        double[][] three = new FactorModelCovariance(3).estimate(r);
        for (int i = 0; i < n; i++) {
            assertThat(three[i][i]).isCloseTo(sample[i][i], offset(1e-12 * sample[i][i] + 1e-18));
        }
        // Off-diagonal: reconstruct by hand from the eigen-decomposition of the sample covariance (commons-math).
        var eig = new org.apache.commons.math3.linear.EigenDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(sample));
        double[] ev = eig.getRealEigenvalues();
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(ev[b], ev[a]));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double s = 0.0;
                for (int f = 0; f < 3; f++) {
                    var v = eig.getEigenvector(idx[f]);
                    s += v.getEntry(i) * ev[idx[f]] * v.getEntry(j);
                }
                assertThat(three[i][j]).isCloseTo(s, offset(1e-9 * scale(sample)));
            }
        }
    }

    @Test
    void badInputsAreNamed() {
        assertThatThrownBy(() -> SampleCovariance.INSTANCE.estimate(new double[][] {{0.1, 0.2}}))
                .hasMessageContaining("1 rows, expected at least 2");
        assertThatThrownBy(() -> LedoitWolf.INSTANCE.estimate(new double[][] {{0.1, 0.2}, {0.1, Double.NaN}}))
                .hasMessageContaining("returns[1][1] = NaN");
        assertThatThrownBy(() -> new EwmaCovariance(1.0, 20, EwmaInitialisation.SEEDED_RECURSIVE))
                .hasMessageContaining("lambda = 1.0");
        assertThatThrownBy(() -> new FactorModelCovariance(5).estimate(new double[][] {{0.1, 0.2}, {0.0, 0.1}}))
                .hasMessageContaining("factors = 5");
    }
}
