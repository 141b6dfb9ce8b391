package io.qtrade.bench;

import io.qtrade.ml.model.onnx.OnnxModel;
import io.qtrade.ml.model.onnx.OnnxSignature;
import io.qtrade.ml.model.xgboost.XgboostModel;
import io.qtrade.ml.model.xgboost.XgboostTrainer;
import io.qtrade.ml.model.xgboost.XgboostTraining;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/** The models the ML benchmarks call: the refcases LSTM (ONNX) and a 100-tree XGBoost trained here. */
final class MlModels {
    static final String LSTM_RESOURCE = "onnx_lstm_in5_h8_seq20.onnx";
    static final int XGB_FEATURES = 6;

    private MlModels() {
    }

    /** The LSTM of refcases onnx_lstm_in5_h8_seq20 (5 features x 20 steps -> 1), copied into this jar. */
    static OnnxModel lstm() {
        try (InputStream in = MlModels.class.getResourceAsStream(LSTM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + LSTM_RESOURCE + " missing");
            }
            return OnnxModel.load(in.readAllBytes(), LSTM_RESOURCE,
                    OnnxSignature.batched("input", new long[] {20, 5}, "output", new long[] {1}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A binary:logistic XGBoost of 100 trees, depth 6, trained with xgboost4j on 5,000 seeded rows of 6 features
     * ({@code y = 1} when {@code x0 + 0.5 x1 x2 + noise > 0}), evaluated by the Java reader.
     */
    static XgboostModel xgboost100() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 5_000;
        double[][] x = new double[n][XGB_FEATURES];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < XGB_FEATURES; j++) {
                x[i][j] = rnd.nextGaussian();
            }
            y[i] = x[i][0] + 0.5 * x[i][1] * x[i][2] + 0.5 * rnd.nextGaussian() > 0 ? 1 : 0;
        }
        XgboostTraining config = new XgboostTraining("binary:logistic", 100, 6, 0.1, 1, 1, 1, 0.5, "exact", 3);
        return XgboostTrainer.train(x, y, null, config);
    }

    /** A seeded input row of {@code n} values. */
    static double[] row(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = rnd.nextGaussian();
        }
        return r;
    }
}
