package io.qtrade.features.cointegration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;

/**
 * Rolling z-score against pandas 1.5.3 rolling mean/std (window 20, ddof 1 and 0) on the Engle-Granger spread
 * ({@code meanrev_pca_expected.json}); relative 1e-9 (pandas' own rolling sums differ from a two-pass sum by
 * ~1e-12 here), a hand-computed window, and a property against a two-pass recomputation of every window.
 */
class RollingZScoreTest {

    @Test
    void equalsPandasRollingForBothDdof() {
        double[] x = RefJson.csvColumn("eg_synthetic_pair.csv", "x");
        double[] y = RefJson.csvColumn("eg_synthetic_pair.csv", "y");
        double[] spread = EngleGranger.builder().build().test(y, x).spread();
        Map<String, Object> values = RefJson.obj(RefJson.resource("meanrev_pca_expected.json"), "rolling_zscore",
                "values");
        for (int ddof = 0; ddof <= 1; ddof++) {
            List<Object> expected = RefJson.list(values.get("ddof" + ddof));
            double[] z = new double[spread.length];
            new RollingZScore(20, ddof).apply(spread, z);
            for (int t = 0; t < z.length; t++) {
                if (expected.get(t) == null) {
                    assertThat(z[t]).as("t=%d", t).isNaN();
                } else {
                    Close.rel(z[t], RefJson.num(expected.get(t)), 1e-9, "ddof " + ddof + " t=" + t);
                }
            }
        }
    }

    @Test
    void handComputedWindowOfThree() {
        // window 3, ddof 1 over 1, 2, 6: mean 3, deviations -2, -1, 3, SS 14, sd sqrt(7), z = 3/sqrt(7).
        // then 2, 6, 7: mean 5, deviations -3, 1, 2, SS 14, z = 2/sqrt(7).
        RollingZScore z = new RollingZScore(3, 1);
        assertThat(z.update(1)).isNaN();
        assertThat(z.update(2)).isNaN();
        assertThat(z.update(6)).isCloseTo(3 / Math.sqrt(7), offset(1e-15));
        assertThat(z.update(7)).isCloseTo(2 / Math.sqrt(7), offset(1e-15));
        assertThat(z.mean()).isCloseTo(5.0, offset(1e-15));
    }

    @Property(tries = 200)
    void streamingEqualsTwoPassOverEveryWindow(@ForAll @Size(min = 2, max = 300) List<@DoubleRange(min = -1e6,
            max = 1e6) Double> values, @ForAll @IntRange(min = 2, max = 40) int window,
                                              @ForAll @IntRange(min = 0, max = 1) int ddof) {
        RollingZScore z = new RollingZScore(window, ddof);
        for (int t = 0; t < values.size(); t++) {
            double got = z.update(values.get(t));
            if (t + 1 < window) {
                assertThat(got).isNaN();
                continue;
            }
            double sum = 0.0;
            double maxAbs = 0.0;
            for (int i = t - window + 1; i <= t; i++) {
                sum += values.get(i);
                maxAbs = Math.max(maxAbs, Math.abs(values.get(i)));
            }
            double mean = sum / window;
            double ss = 0.0;
            for (int i = t - window + 1; i <= t; i++) {
                ss += (values.get(i) - mean) * (values.get(i) - mean);
            }
            double sd = Math.sqrt(ss / (window - ddof));
            if (sd <= 1e-9 * maxAbs) {
                continue; // a (nearly) constant window: 0/0, no stable reference
            }
            double expected = (values.get(t) - mean) / sd;
            // The running sums carry rounding of up to two windows back (the last recompute): the error of z is
            // about eps * (max |s| over 2 windows / sd)^2.
            double maxHist = maxAbs;
            for (int i = Math.max(0, t - 2 * window + 1); i <= t; i++) {
                maxHist = Math.max(maxHist, Math.abs(values.get(i)));
            }
            double tol = (1e-12 + 1e-14 * (maxHist / sd) * (maxHist / sd)) * Math.max(1.0, Math.abs(expected));
            assertThat(got).isCloseTo(expected, offset(tol));
        }
    }

    @Test
    void tablesawColumnEqualsTheArrayForm() {
        double[] s = RefJson.csvColumn("adf_ar1_phi05.csv", "x");
        double[] z = new double[s.length];
        new RollingZScore(10, 1).apply(s, z);
        DoubleColumn c = new RollingZScore(10, 1).apply(DoubleColumn.create("s", s));
        assertThat(c.name()).isEqualTo("s_z10");
        for (int t = 9; t < s.length; t++) {
            assertThat(c.getDouble(t)).isEqualTo(z[t]);
        }
    }

    @Test
    void refusesBadParameters() {
        assertThatThrownBy(() -> new RollingZScore(1, 1)).hasMessageContaining("window 1");
        assertThatThrownBy(() -> new RollingZScore(5, 2)).hasMessageContaining("ddof 2");
    }
}
