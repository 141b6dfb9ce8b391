package io.qtrade.features.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Kalman hedge ratio against the shared numpy reference ({@code kalman_synthetic_filtered.csv}: every step's beta,
 * alpha, prior yhat, innovation e and variance Q on {@code eg_synthetic_pair.csv}, delta 1e-4, Ve 1e-3,
 * theta_0 = 0, P_0 = 0, R = P + Vw at every step) to relative 1e-9 at every one of the 500 steps, plus the first
 * step by hand.
 */
class KalmanHedgeRatioTest {

    private static double[][] csv(String name) throws IOException {
        try (InputStream in = KalmanHedgeRatioTest.class.getResourceAsStream("/refcases/" + name)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            int cols = lines[0].split(",").length;
            double[][] out = new double[cols][lines.length - 1];
            for (int r = 1; r < lines.length; r++) {
                String[] f = lines[r].split(",");
                for (int c = 0; c < cols; c++) {
                    out[c][r - 1] = Double.parseDouble(f[c]);
                }
            }
            return out;
        }
    }

    private static void rel(double actual, double expected, double tol, String what) {
        assertThat(Math.abs(actual - expected)).as("%s: %s vs %s", what, actual, expected)
                .isLessThanOrEqualTo(tol * Math.max(Math.abs(expected), 1e-300));
    }

    @Test
    void everyStepEqualsTheNumpyReference() throws IOException {
        double[][] pair = csv("eg_synthetic_pair.csv");
        double[][] ref = csv("kalman_synthetic_filtered.csv"); // beta, alpha, yhat_prior, e_innov, Q_innov_var
        KalmanHedgeRatio kf = new KalmanHedgeRatio(1e-4, 1e-3);
        HedgeRatioEstimate h = new HedgeRatioEstimate();
        for (int t = 0; t < pair[0].length; t++) {
            kf.estimate(pair[1][t], pair[0][t], h);
            rel(h.beta(), ref[0][t], 1e-9, "beta t=" + t);
            rel(h.alpha(), ref[1][t], 1e-9, "alpha t=" + t);
            if (t > 0) {
                rel(h.predictedY(), ref[2][t], 1e-9, "yhat t=" + t);
            } else {
                assertThat(h.predictedY()).isEqualTo(0.0);
            }
            rel(h.innovation(), ref[3][t], 1e-9, "e t=" + t);
            rel(h.innovationVariance(), ref[4][t], 1e-9, "Q t=" + t);
        }
        assertThat(kf.steps()).isEqualTo(500);
    }

    @Test
    void firstStepByHand() {
        // R_1 = Vw = d/(1-d) I; Q = (x^2 + 1) d/(1-d) + Ve; K = d/(1-d) [x, 1]/Q; beta_1 = K0 y, alpha_1 = K1 y.
        double d = 1e-4;
        double ve = 1e-3;
        double x = 50.0;
        double y = 85.0;
        double w = d / (1 - d);
        double q = (x * x + 1) * w + ve;
        HedgeRatioEstimate h = new HedgeRatioEstimate();
        new KalmanHedgeRatio(d, ve).estimate(y, x, h);
        assertThat(h.innovationVariance()).isCloseTo(q, offset(1e-15));
        assertThat(h.beta()).isCloseTo(w * x / q * y, offset(1e-13));
        assertThat(h.alpha()).isCloseTo(w / q * y, offset(1e-15));
    }

    @Test
    void batchArraysAndTableEqualTheStream() throws IOException {
        double[][] pair = csv("eg_synthetic_pair.csv");
        int n = pair[0].length;
        double[] b = new double[n];
        double[] a = new double[n];
        double[] e = new double[n];
        double[] q = new double[n];
        KalmanHedgeRatio kf = new KalmanHedgeRatio();
        kf.estimate(pair[1], pair[0], b, a, e, q);
        Table t = kf.estimate(DoubleColumn.create("y", pair[1]), DoubleColumn.create("x", pair[0]));
        KalmanHedgeRatio stream = new KalmanHedgeRatio();
        HedgeRatioEstimate h = new HedgeRatioEstimate();
        for (int i = 0; i < n; i++) {
            stream.estimate(pair[1][i], pair[0][i], h);
            assertThat(b[i]).isEqualTo(h.beta());
            assertThat(q[i]).isEqualTo(h.innovationVariance());
            assertThat(t.doubleColumn("beta").getDouble(i)).isEqualTo(h.beta());
            assertThat(t.doubleColumn("e").getDouble(i)).isEqualTo(h.innovation());
        }
    }

    @Test
    void refusesBadParametersAndPrices() {
        assertThatThrownBy(() -> new KalmanHedgeRatio(1.0, 1e-3)).hasMessageContaining("delta 1.0");
        assertThatThrownBy(() -> new KalmanHedgeRatio(1e-4, 0.0)).hasMessageContaining("observationVariance 0.0");
        assertThatThrownBy(() -> new KalmanHedgeRatio().estimate(1.0, Double.NaN, new HedgeRatioEstimate()))
                .hasMessageContaining("step 0");
    }

    @Test
    @SuppressWarnings("deprecation")
    void deprecatedRegressorFirstFormsEqualTheDependentFirstOnes() {
        double[][] pair = {{10.0, 10.5, 10.2, 11.0, 10.8}, {25.0, 26.1, 25.4, 27.2, 26.5}};   // x, y
        KalmanHedgeRatio a = new KalmanHedgeRatio();
        KalmanHedgeRatio b = new KalmanHedgeRatio();
        HedgeRatioEstimate ha = new HedgeRatioEstimate();
        HedgeRatioEstimate hb = new HedgeRatioEstimate();
        for (int t = 0; t < 5; t++) {
            a.update(pair[0][t], pair[1][t], ha);
            b.estimate(pair[1][t], pair[0][t], hb);
            assertThat(ha.beta()).isEqualTo(hb.beta());
            assertThat(ha.innovation()).isEqualTo(hb.innovation());
        }
        double[] b1 = new double[5], a1 = new double[5], e1 = new double[5], q1 = new double[5];
        double[] b2 = new double[5], a2 = new double[5], e2 = new double[5], q2 = new double[5];
        a.filter(pair[0], pair[1], b1, a1, e1, q1);
        b.estimate(pair[1], pair[0], b2, a2, e2, q2);
        assertThat(b1).containsExactly(b2);
        assertThat(e1).containsExactly(e2);
    }
}
