package io.qtrade.ml.model.xgboost;

import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains an XGBoost model from Java with xgboost4j (the native XGBoost library its jar ships) and returns it as an
 * {@link XgboostModel} read from the booster's own JSON ({@code Booster.toByteArray("json")}), so a model trained
 * here predicts through the same allocation-free Java evaluator as one trained in Python. {@link #trainJson} gives
 * the JSON to save. Features are passed to XGBoost as float32, as XGBoost stores them; NaN is missing.
 */
public final class XgboostTrainer {
    private XgboostTrainer() {
    }

    /**
     * @param rows    training rows, each of the same length; not modified
     * @param labels  one label per row (0/1 for binary objectives)
     * @param weights one sample weight per row (e.g. uniqueness weights), or null for 1
     * @param config  the settings
     */
    public static XgboostModel train(double[][] rows, double[] labels, double[] weights, XgboostTraining config) {
        return XgboostModel.fromJson(trainJson(rows, labels, weights, config), "xgboost4j-trained model");
    }

    /** As {@link #train}, returning the model in XGBoost's JSON format (UTF-8 bytes). */
    public static byte[] trainJson(double[][] rows, double[] labels, double[] weights, XgboostTraining config) {
        int n = rows.length;
        if (n == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        if (labels.length != n || (weights != null && weights.length != n)) {
            throw new IllegalArgumentException(n + " rows but " + labels.length + " labels"
                    + (weights == null ? "" : " and " + weights.length + " weights"));
        }
        int p = rows[0].length;
        float[] flat = new float[n * p];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != p) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " features, row 0 has "
                        + p);
            }
            for (int j = 0; j < p; j++) {
                flat[i * p + j] = (float) rows[i][j];
            }
            y[i] = (float) labels[i];
        }
        DMatrix data = null;
        Booster booster = null;
        try {
            data = new DMatrix(flat, n, p, Float.NaN);
            data.setLabel(y);
            if (weights != null) {
                float[] w = new float[n];
                for (int i = 0; i < n; i++) {
                    w[i] = (float) weights[i];
                }
                data.setWeight(w);
            }
            Map<String, Object> params = new HashMap<>();
            params.put("objective", config.objective());
            params.put("max_depth", config.maxDepth());
            params.put("eta", config.eta());
            params.put("lambda", config.lambda());
            params.put("min_child_weight", config.minChildWeight());
            params.put("subsample", config.subsample());
            params.put("base_score", config.baseScore());
            params.put("tree_method", config.treeMethod());
            params.put("seed", config.seed());
            params.put("nthread", 1);
            params.put("verbosity", 0);
            booster = XGBoost.train(data, params, config.rounds(), new HashMap<>(), null, null);
            return booster.toByteArray("json");
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost4j training failed (" + config + "): " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (data != null) {
                data.dispose();
            }
        }
    }
}
