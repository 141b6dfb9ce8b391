package io.qtrade.ml.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.qtrade.ml.RefCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The GRU, MLP and tree-ensemble fixtures made by src/test/python/make_onnx_fixtures.py (torch 1.13, onnx 1.12,
 * scikit-learn 1.2.1): ONNX Runtime's outputs equal the exporting framework's to 1e-6.
 */
class OnnxFixturesTest {

    @ParameterizedTest
    @CsvSource({"onnx_gru_in4_h6_seq15, 15, 4", "onnx_mlp_in6, 0, 6", "onnx_forest_in5_t25_d4, 0, 5"})
    void outputsEqualTheExportingFramework(String name, int seqLen, int features) {
        JsonNode c = RefCases.json("/fixtures/onnx_fixtures_expected.json").get("cases").get(name);
        JsonNode expected = c.get("outputs");
        RefCases.Csv csv = RefCases.csv("/fixtures/" + name + "_inputs.csv");
        int width = seqLen == 0 ? features : seqLen * features;
        double[][] rows = new double[expected.size()][width];
        double[][] cols = new double[features][];
        for (int f = 0; f < features; f++) {
            cols[f] = csv.doubles("x" + f);
        }
        int[] seq = seqLen == 0 ? csv.ints("row") : csv.ints("seq");
        int[] t = seqLen == 0 ? new int[seq.length] : csv.ints("t");
        for (int r = 0; r < seq.length; r++) {
            for (int f = 0; f < features; f++) {
                rows[seq[r]][t[r] * features + f] = cols[f][r];
            }
        }
        OnnxSignature signature = seqLen == 0
                ? OnnxSignature.batched("input", new long[] {features}, "output", new long[] {1})
                : OnnxSignature.batched("input", new long[] {seqLen, features}, "output", new long[] {1});
        try (OnnxModel model = OnnxModel.load(RefCases.bytes("/fixtures/" + name + ".onnx"), name, signature)) {
            for (int b = 0; b < rows.length; b++) {
                assertThat(model.predict(rows[b])).as("%s row %d", name, b)
                        .isCloseTo(expected.get(b).get(0).asDouble(), within(1e-6));
            }
        }
    }
}
