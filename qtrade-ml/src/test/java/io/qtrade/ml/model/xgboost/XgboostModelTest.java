package io.qtrade.ml.model.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.qtrade.ml.RefCases;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * XGBoost JSON and UBJ models against xgboost 1.7.4's own predictions (refcases xgboost_expected.json): probabilities
 * and margins to 1e-6 (xgboost accumulates in float32).
 */
class XgboostModelTest {

    @ParameterizedTest
    @CsvSource({"json", "ubj"})
    void probabilitiesAndMarginsEqualXgboost(String format) {
        String name = "xgb_synthetic_ibm_1999_2000_t20_d3";
        byte[] bytes = RefCases.bytes(name + "." + format);
        XgboostModel model = format.equals("json") ? XgboostModel.fromJson(bytes, name) : XgboostModel.fromUbj(bytes, name);
        assertThat(model.trees()).isEqualTo(20);
        assertThat(model.inputSize()).isEqualTo(6);
        assertThat(model.objective()).isEqualTo(XgboostObjective.LOGISTIC);
        assertThat(model.featureNames()).containsExactly("lag1", "lag2", "lag3", "lag4", "lag5", "vol20");

        JsonNode c = RefCases.json("xgboost_expected.json").get("cases").get(name);
        double[] proba = RefCases.doubles(c.get("proba"));
        double[] margin = RefCases.doubles(c.get("margin"));
        RefCases.Csv in = RefCases.csv(name + "_inputs.csv");
        String[] cols = {"lag1", "lag2", "lag3", "lag4", "lag5", "vol20"};
        double[][] x = new double[proba.length][6];
        for (int j = 0; j < 6; j++) {
            double[] col = in.doubles(cols[j]);
            for (int i = 0; i < proba.length; i++) {
                x[i][j] = col[i];
            }
        }
        for (int i = 0; i < proba.length; i++) {
            assertThat(model.predict(x[i])).as("row %d", i).isCloseTo(proba[i], within(1e-6));
            assertThat(model.margin(x[i])).as("row %d", i).isCloseTo(margin[i], within(1e-6));
        }
    }

    @Test
    void missingValuesFollowDefaultLeftAndRegressionIsIdentity() {
        // one stump: x0 < 0.5 -> left leaf -1, else right leaf +2; default_left = false; base_score 0.25
        String json = "{\"learner\":{\"objective\":{\"name\":\"reg:squarederror\"},"
                + "\"learner_model_param\":{\"base_score\":\"2.5E-1\",\"num_class\":\"0\",\"num_feature\":\"1\"},"
                + "\"gradient_booster\":{\"name\":\"gbtree\",\"model\":{\"tree_info\":[0],\"trees\":[{"
                + "\"left_children\":[1,-1,-1],\"right_children\":[2,-1,-1],\"split_indices\":[0,0,0],"
                + "\"split_conditions\":[0.5,-1.0,2.0],\"default_left\":[0,0,0],\"split_type\":[0,0,0]}]}}}}";
        XgboostModel m = XgboostModel.fromJson(json.getBytes(StandardCharsets.UTF_8), "stump");
        assertThat(m.predict(new double[] {0.4})).isCloseTo(0.25 - 1.0, within(1e-7));
        assertThat(m.predict(new double[] {0.5})).isCloseTo(0.25 + 2.0, within(1e-7));   // not < 0.5: right
        assertThat(m.predict(new double[] {Double.NaN})).isCloseTo(2.25, within(1e-7));  // default right
    }

    @Test
    void refusesCategoricalSplitsWithTheNode() {
        String json = "{\"learner\":{\"objective\":{\"name\":\"binary:logistic\"},"
                + "\"learner_model_param\":{\"base_score\":\"5E-1\",\"num_class\":\"0\",\"num_feature\":\"1\"},"
                + "\"gradient_booster\":{\"name\":\"gbtree\",\"model\":{\"tree_info\":[0],\"trees\":[{"
                + "\"left_children\":[1,-1,-1],\"right_children\":[2,-1,-1],\"split_indices\":[0,0,0],"
                + "\"split_conditions\":[0.5,-1.0,2.0],\"default_left\":[0,0,0],\"split_type\":[1,0,0]}]}}}}";
        assertThatThrownBy(() -> XgboostModel.fromJson(json.getBytes(StandardCharsets.UTF_8), "cat.json"))
                .hasMessageContaining("cat.json tree 0 node 0: categorical splits are not supported");
    }
}
