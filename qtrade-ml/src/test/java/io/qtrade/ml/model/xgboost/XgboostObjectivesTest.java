package io.qtrade.ml.model.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Java evaluator against XGBoost's own native prediction (xgboost4j 2.1.4) for other model shapes: regression
 * (with XGBoost 2's estimated base_score), Poisson, multi-class softmax, the dart booster, deeper trees, and missing
 * values (NaN in 10% of the cells), from both JSON and UBJ. Tolerance 1e-5 relative: both sum float32 leaves.
 */
class XgboostObjectivesTest {

    @ParameterizedTest
    @CsvSource({
        "reg:squarederror, gbtree, 30, 4, 0",
        "count:poisson, gbtree, 20, 3, 0",
        "multi:softprob, gbtree, 15, 3, 3",
        "binary:logistic, dart, 25, 3, 0",
        "binary:logitraw, gbtree, 40, 8, 0"})
    void javaEvaluatorEqualsNativePrediction(String objective, String booster, int rounds, int depth, int classes)
            throws Exception {
        SplittableRandom rnd = new SplittableRandom(objective.hashCode());
        int n = 600;
        int p = 5;
        float[] x = new float[n * p];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i * p + j] = rnd.nextDouble() < 0.1 ? Float.NaN : (float) rnd.nextGaussian();
            }
            double a = Float.isNaN(x[i * p]) ? 0 : x[i * p];
            double b = Float.isNaN(x[i * p + 1]) ? 0 : x[i * p + 1];
            double z = a + 0.5 * b + 0.3 * rnd.nextGaussian();
            y[i] = switch (objective) {
                case "reg:squarederror" -> (float) (3 + z);
                case "count:poisson" -> (float) Math.floor(Math.exp(0.5 * z) * 2);
                case "multi:softprob" -> z < -0.5 ? 0 : z < 0.5 ? 1 : 2;
                default -> z > 0 ? 1 : 0;
            };
        }
        DMatrix data = new DMatrix(x, n, p, Float.NaN);
        data.setLabel(y);
        Map<String, Object> params = new HashMap<>();
        params.put("objective", objective);
        params.put("booster", booster);
        params.put("max_depth", depth);
        params.put("eta", 0.3);
        params.put("nthread", 1);
        params.put("seed", 5);
        params.put("verbosity", 0);
        if (classes > 0) {
            params.put("num_class", classes);
        }
        if (booster.equals("dart")) {
            params.put("rate_drop", 0.2);
            params.put("one_drop", 1);
        }
        Booster model = XGBoost.train(data, params, rounds, new HashMap<>(), null, null);
        float[][] expected = model.predict(data);
        XgboostModel fromJson = XgboostModel.fromJson(model.toByteArray("json"), objective + " json");
        XgboostModel fromUbj = XgboostModel.fromUbj(model.toByteArray("ubj"), objective + " ubj");
        int groups = Math.max(1, classes);
        assertThat(fromJson.outputGroups()).isEqualTo(groups);
        double[] row = new double[p];
        double[] out = new double[groups];
        for (XgboostModel m : new XgboostModel[] {fromJson, fromUbj}) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    row[j] = x[i * p + j];
                }
                m.predict(row, out);
                for (int g = 0; g < groups; g++) {
                    double e = expected[i][g];
                    assertThat(out[g]).as("%s row %d output %d", m, i, g)
                            .isCloseTo(e, within(1e-5 * Math.max(1, Math.abs(e))));
                }
            }
        }
        model.dispose();
        data.dispose();
    }
}
