package io.qtrade.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.qtrade.ml.RefCases;
import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Metrics against scikit-learn 1.2.1 and scipy 1.10.1 (refcases logistic_regression_expected.json, metrics_test and
 * the IC fields), from the case's own test probabilities; 1e-12 (same formulas, rounding only).
 */
class MetricsTest {

    @ParameterizedTest
    @CsvSource({"synthetic_ibm_1999_2000_C1", "synthetic_ibm_1999_2000_C0.01"})
    void metricsEqualScikitLearn(String caseName) {
        JsonNode c = RefCases.json("logistic_regression_expected.json").get("cases").get(caseName);
        RefCases.Csv csv = RefCases.csv("logreg_synthetic_ibm_1999_2000_features.csv");
        int train = c.get("n_train").asInt();
        int[] yAll = csv.ints("y");
        int[] y = Arrays.copyOfRange(yAll, train, yAll.length);
        double[] next = Arrays.copyOfRange(csv.doubles("next_log_return"), train, yAll.length);
        for (String variant : new String[] {"exact", "sklearn_lbfgs"}) {
            JsonNode src = variant.equals("exact") ? c : c.get("sklearn_lbfgs");
            double[] p = RefCases.doubles(src.get("proba_test"));
            JsonNode m = src.get("metrics_test");
            ClassificationMetrics got = ClassificationMetrics.of(y, p);
            assertThat(got.n()).isEqualTo(m.get("n").asInt());
            assertThat(got.positives()).isEqualTo(m.get("n_positive").asInt());
            assertThat(got.accuracy()).isCloseTo(m.get("accuracy").asDouble(), within(1e-12));
            assertThat(got.precision()).isCloseTo(m.get("precision").asDouble(), within(1e-12));
            assertThat(got.recall()).isCloseTo(m.get("recall").asDouble(), within(1e-12));
            assertThat(got.f1()).isCloseTo(m.get("f1").asDouble(), within(1e-12));
            assertThat(got.rocAuc()).isCloseTo(m.get("roc_auc").asDouble(), within(1e-12));
            assertThat(got.logLoss()).isCloseTo(m.get("log_loss").asDouble(), within(1e-12));
            assertThat(got.brier()).isCloseTo(m.get("brier").asDouble(), within(1e-12));
        }
        double[] p = RefCases.doubles(c.get("proba_test"));
        InformationCoefficient ic = InformationCoefficient.of(p, next);
        assertThat(ic.spearman()).isCloseTo(c.get("ic_test_spearman_proba_vs_next_log_return").asDouble(),
                within(1e-12));
        assertThat(ic.spearmanPValue()).isCloseTo(c.get("ic_test_spearman_pvalue").asDouble(), within(1e-10));
        assertThat(ic.pearson()).isCloseTo(c.get("ic_test_pearson_proba_vs_next_log_return").asDouble(),
                within(1e-12));
    }

    @Test
    void binomialTestAgainstACoinAndAucWithTies() {
        // 82 of 146 correct (a hand-built case): P(X >= 82), X ~ Bin(146, 0.5)
        int[] y = new int[146];
        double[] p = new double[146];
        for (int i = 0; i < 146; i++) {
            y[i] = i % 2;
            p[i] = i < 82 ? y[i] : 1 - y[i];     // first 82 right, rest wrong (p exactly 0 or 1)
        }
        ClassificationMetrics m = ClassificationMetrics.of(y, p);
        assertThat(m.accuracy()).isCloseTo(82.0 / 146, within(1e-15));
        double greater = 1 - new BinomialDistribution(null, 146, 0.5).cumulativeProbability(81);
        assertThat(m.binomialPValueGreater()).isCloseTo(greater, within(1e-15));
        assertThat(m.binomialPValueTwoSided()).isCloseTo(2 * greater, within(1e-15));   // symmetric at 0.5
        // log loss of hard 0/1 probabilities, clipped to [1e-15, 1-1e-15] as sklearn: of the 64 wrong rows, 32 have
        // y = 1, p = 0 (cost -ln 1e-15) and 32 have y = 0, p = 1 (cost -ln(1 - (1 - 1e-15)) in double arithmetic)
        double expected = (32 * -Math.log(1e-15) + 32 * -Math.log(1 - (1 - 1e-15))) / 146;
        assertThat(m.logLoss()).isCloseTo(expected, within(1e-12));
        // AUC with ties: scores {0.5, 0.5} for a positive and a negative -> 0.5
        assertThat(ClassificationMetrics.rocAuc(new int[] {1, 0}, new double[] {0.5, 0.5})).isEqualTo(0.5);
        assertThat(ClassificationMetrics.rocAuc(new int[] {1, 0, 1}, new double[] {0.9, 0.2, 0.2}))
                .isCloseTo(0.75, within(1e-15));
    }
}
