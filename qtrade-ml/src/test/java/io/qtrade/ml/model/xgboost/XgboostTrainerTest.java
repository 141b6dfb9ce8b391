package io.qtrade.ml.model.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.qtrade.ml.RefCases;
import org.junit.jupiter.api.Test;

/**
 * Training from Java with xgboost4j: the reference case's settings (binary:logistic, exact, depth 3, eta 0.3, 20
 * rounds, base_score 0.5) on its 350 training rows give the probabilities xgboost 1.7.4 gave in Python
 * (refcases xgboost_expected.json) to 1e-6.
 */
class XgboostTrainerTest {
    private static final String[] COLUMNS = {"lag1", "lag2", "lag3", "lag4", "lag5", "vol20"};

    @Test
    void trainingFromJavaReproducesThePythonModel() {
        RefCases.Csv csv = RefCases.csv("logreg_synthetic_ibm_1999_2000_features.csv");
        double[][] all = rows(csv);
        double[] y = csv.doubles("y");
        int train = 350; // floor(0.7 * 501 feature rows), as in xgboost_expected.json
        double[][] x = java.util.Arrays.copyOf(all, train);
        double[] labels = java.util.Arrays.copyOf(y, train);
        XgboostTraining config = XgboostTraining.binaryLogistic(20, 3, 0.3).withSeed(20240601);
        XgboostModel model = XgboostTrainer.train(x, labels, null, config);
        assertThat(model.trees()).isEqualTo(20);

        JsonNode c = RefCases.json("xgboost_expected.json").get("cases").get("xgb_synthetic_ibm_1999_2000_t20_d3");
        double[] proba = RefCases.doubles(c.get("proba"));
        for (int i = 0; i < proba.length; i++) {
            assertThat(model.predict(all[train + i])).as("test row %d", i).isCloseTo(proba[i], within(1e-6));
        }
    }

    static double[][] rows(RefCases.Csv csv) {
        double[][] cols = new double[COLUMNS.length][];
        for (int j = 0; j < COLUMNS.length; j++) {
            cols[j] = csv.doubles(COLUMNS[j]);
        }
        double[][] rows = new double[cols[0].length][COLUMNS.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < COLUMNS.length; j++) {
                rows[i][j] = cols[j][i];
            }
        }
        return rows;
    }
}
