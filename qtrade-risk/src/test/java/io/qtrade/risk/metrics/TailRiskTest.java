package io.qtrade.risk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * VaR and ES of the AAPL 2013 daily returns. Historical: every numpy 1.24.2 quantile method and both ES rules from
 * {@code refcases/performance_metrics_expected.json}, relative 1e-9. Gaussian and Cornish-Fisher: no value in the
 * reference file, so scipy 1.10.1 evaluated the formulas of the Javadoc on the same returns (the python lines are
 * in the comments), relative 1e-9, plus the reductions that pin the formulas independently of that evaluation.
 */
class TailRiskTest {

    private static final double REL = 1e-9;
    private static final double[] R = RefCase.returns();

    private static void assertRel(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * REL));
    }

    private static String numpyName(QuantileMethod m) {
        return "-quantile_" + m.name().toLowerCase(java.util.Locale.ROOT);
    }

    @ParameterizedTest
    @EnumSource(QuantileMethod.class)
    void historicalVar95MatchesNumpyQuantile(QuantileMethod m) {
        HistoricalVar v = new HistoricalVar(0.95, m, HistoricalVar.TailRule.AT_OR_BELOW_QUANTILE);
        assertRel(v.valueAtRisk(R), RefCase.expected(numpyName(m), "VaR_95"));
    }

    @ParameterizedTest
    @EnumSource(QuantileMethod.class)
    void historicalVar99MatchesNumpyQuantile(QuantileMethod m) {
        HistoricalVar v = new HistoricalVar(0.99, m, HistoricalVar.TailRule.AT_OR_BELOW_QUANTILE);
        assertRel(v.valueAtRisk(R), RefCase.expected(numpyName(m), "VaR_99"));
    }

    @Test
    void expectedShortfallBothRulesMatchNumpy() {
        for (String level : new String[] {"95", "99"}) {
            double a = Integer.parseInt(level) / 100.0;
            assertRel(new HistoricalVar(a).expectedShortfall(R),
                    RefCase.expected("-mean(r[r <= quantile_linear])", "ES_" + level));
            assertRel(new HistoricalVar(a, QuantileMethod.LINEAR, HistoricalVar.TailRule.K_SMALLEST)
                    .expectedShortfall(R), RefCase.expected("-mean(k smallest), k=ceil(n*(1-a))", "ES_" + level));
        }
    }

    @Test
    void kSmallestUsesTheIntendedCountWhenNTimesTailIsWhole() {
        // n = 100, a = 0.95: 100 * (1 - 0.95) = 5.000000000000004 in doubles; the tail is the 5 smallest,
        // -0.005..-0.001, mean -0.003 (the 6 smallest would give -0.0025).
        double[] ascending = new double[100];
        for (int i = 0; i < 100; i++) {
            ascending[i] = (i + 1) / 1000.0 - 0.006;
        }
        assertThat(new HistoricalVar(0.95, QuantileMethod.LINEAR, HistoricalVar.TailRule.K_SMALLEST)
                .expectedShortfall(ascending)).isCloseTo(0.003, within(1e-15));
    }

    @Test
    void gaussianVarAndEsMatchTheClosedFormForBothDdof() {
        // python: mu = r.mean(); z = norm.ppf(1 - a); s = r.std(ddof)
        //         VaR = -(mu + s * z); ES = -mu + s * norm.pdf(z) / (1 - a)
        assertRel(new GaussianVar(0.95, 1).valueAtRisk(R), 0.02921436849517566);
        assertRel(new GaussianVar(0.95, 1).expectedShortfall(R), 0.036699127332426355);
        assertRel(new GaussianVar(0.95, 0).valueAtRisk(R), 0.029155618935624076);
        assertRel(new GaussianVar(0.95, 0).expectedShortfall(R), 0.03662545301458017);
        assertRel(new GaussianVar(0.99, 1).valueAtRisk(R), 0.041421399776984794);
        assertRel(new GaussianVar(0.99, 1).expectedShortfall(R), 0.0474912266425293);
    }

    @Test
    void cornishFisherVarAndEsMatchTheModifiedFormulas() {
        // python (S = -1.24828, K = 8.78250, population moments): the h, VaR and E of the Javadoc.
        assertRel(new CornishFisherVar(0.95).valueAtRisk(R), 0.031807185403542625);
        assertRel(new CornishFisherVar(0.95).expectedShortfall(R), 0.07578251969669264);
        assertRel(new CornishFisherVar(0.99).valueAtRisk(R), 0.0839684528490179);
        // At 99 % the expansion's tail mean (0.00333) falls below the VaR: the operational ES is the VaR.
        assertRel(new CornishFisherVar(0.99).expectedShortfall(R), 0.0839684528490179);
    }

    @Test
    void cornishFisherReducesToGaussianWithPopulationSigmaWhenSkewAndExcessKurtosisAreZero() {
        // {0, 0, 0, 0, +c, -c}: mean 0, skewness 0 by symmetry; m2 = 2c^2/6, m4 = 2c^4/6, so m4 / m2^2 = 6/2 = 3 and
        // the excess kurtosis is 0. The Cornish-Fisher h is then z and E = phi(z) / (1 - a): the Gaussian forms.
        double[] r = {0, 0, 0, 0, 0.01, -0.01};
        for (double a : new double[] {0.9, 0.95, 0.99}) {
            assertThat(new CornishFisherVar(a).valueAtRisk(r))
                    .isCloseTo(new GaussianVar(a, 0).valueAtRisk(r), within(1e-15));
            assertThat(new CornishFisherVar(a).expectedShortfall(r))
                    .isCloseTo(new GaussianVar(a, 0).expectedShortfall(r), within(1e-15));
        }
    }

    @Test
    void toStringListsParameters() {
        assertThat(new HistoricalVar(0.99).toString())
                .isEqualTo("HistoricalVar[confidence=0.99, quantileMethod=LINEAR, tailRule=AT_OR_BELOW_QUANTILE]");
        assertThat(new GaussianVar(0.95, 1).toString()).isEqualTo("GaussianVar[confidence=0.95, ddof=1]");
        assertThat(new CornishFisherVar(0.95).toString()).isEqualTo("CornishFisherVar[confidence=0.95]");
    }
}
