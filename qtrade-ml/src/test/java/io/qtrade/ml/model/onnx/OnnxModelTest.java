package io.qtrade.ml.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.qtrade.ml.RefCases;
import org.junit.jupiter.api.Test;

/**
 * The LSTM fixture (refcases onnx_lstm_in5_h8_seq20: torch 1.13 export, opset 13) through ONNX Runtime: the 20
 * outputs equal torch's float32 outputs to 1e-6.
 */
class OnnxModelTest {
    private static final String NAME = "onnx_lstm_in5_h8_seq20";
    private static final OnnxSignature LSTM = OnnxSignature.batched("input", new long[] {20, 5}, "output",
            new long[] {1});

    @Test
    void lstmOutputsEqualTorch() {
        JsonNode c = RefCases.json("onnx_models_expected.json").get("cases").get(NAME);
        JsonNode expected = c.get("outputs_torch_float32");
        double[][] rows = sequences(expected.size(), 20, 5);
        try (OnnxModel model = OnnxModel.load(RefCases.bytes(NAME + ".onnx"), NAME, LSTM)) {
            assertThat(model.inputSize()).isEqualTo(100);
            assertThat(model.outputSize()).isEqualTo(1);
            for (int b = 0; b < rows.length; b++) {
                assertThat(model.predict(rows[b])).as("sequence %d", b)
                        .isCloseTo(expected.get(b).get(0).asDouble(), within(1e-6));
            }
            // the same row again after others: no state carried between calls
            assertThat(model.predict(rows[0])).isCloseTo(expected.get(0).get(0).asDouble(), within(1e-6));
        }
    }

    @Test
    void wrongNamesAndShapesAreRefusedAtLoadWithTheReason() {
        byte[] bytes = RefCases.bytes(NAME + ".onnx");
        assertThatThrownBy(() -> OnnxModel.load(bytes, "lstm.onnx",
                OnnxSignature.batched("features", new long[] {20, 5}, "output", new long[] {1})))
                .hasMessageContaining("lstm.onnx: the model has no input named 'features'; its inputs are [input");
        assertThatThrownBy(() -> OnnxModel.load(bytes, "lstm.onnx",
                OnnxSignature.batched("input", new long[] {30, 5}, "output", new long[] {1})))
                .hasMessageContaining("input 'input' axis 1 has length 20, expected 30");
        assertThatThrownBy(() -> OnnxModel.load(bytes, "lstm.onnx",
                OnnxSignature.batched("input", new long[] {100}, "output", new long[] {1})))
                .hasMessageContaining("has rank 3");
        assertThatThrownBy(() -> OnnxModel.load(bytes, "lstm.onnx",
                OnnxSignature.batched("input", new long[] {20, 5}, "score", new long[] {1})))
                .hasMessageContaining("no output named 'score'");
        try (OnnxModel model = OnnxModel.load(bytes, "lstm.onnx", LSTM)) {
            assertThatThrownBy(() -> model.predict(new double[99]))
                    .hasMessageContaining("expects 100 input values");
        }
    }

    /** Reads the inputs CSV (rows seq, t, x0..x4) into one flattened [t][feature] row per sequence. */
    static double[][] sequences(int batch, int seqLen, int features) {
        RefCases.Csv csv = RefCases.csv(NAME + "_inputs.csv");
        int[] seq = csv.ints("seq");
        int[] t = csv.ints("t");
        double[][] cols = new double[features][];
        for (int f = 0; f < features; f++) {
            cols[f] = csv.doubles("x" + f);
        }
        double[][] rows = new double[batch][seqLen * features];
        for (int r = 0; r < seq.length; r++) {
            for (int f = 0; f < features; f++) {
                rows[seq[r]][t[r] * features + f] = cols[f][r];
            }
        }
        return rows;
    }
}
