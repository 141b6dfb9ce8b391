package io.qtrade.features.cointegration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;

/**
 * Johansen against statsmodels 0.13.5 {@code coint_johansen} on the project's synthetic quarterly system shaped like
 * Johansen and Juselius' (1990) money-demand data (LRM, LRY, IBO, IDE; {@code johansen_synthetic_quarterly.csv}): the shared refcase ({@code johansen_statsmodels_expected.json}) and
 * det_order -1/0/1 x k_ar_diff 0..3 ({@code johansen_extra_expected.json}). Tolerances: eigenvalues and
 * statistics relative 1e-8 (issue: 1e-6); eigenvectors relative 1e-6, column 0 with its sign and the others up to
 * sign (statsmodels leaves those signs to LAPACK; two statsmodels runs of the same case already differ by 2e-9 in
 * the eigenvectors); critical values exact (table lookups).
 */
class JohansenTest {

    private static final String FILE = "johansen_synthetic_quarterly.csv";
    private static final double[][] Y = {
            RefJson.csvColumn(FILE, "LRM"), RefJson.csvColumn(FILE, "LRY"),
            RefJson.csvColumn(FILE, "IBO"), RefJson.csvColumn(FILE, "IDE")};

    @Test
    void everyDetOrderAndLagCountEqualsStatsmodels() {
        List<Object> cases = RefJson.list(RefJson.obj(RefJson.resource("johansen_extra_expected.json")).get("cases"));
        for (Object o : cases) {
            Map<String, Object> c = RefJson.obj(o);
            Johansen j = new Johansen((int) RefJson.num(c.get("det_order")), (int) RefJson.num(c.get("k_ar_diff")));
            JohansenResult r = j.test(Y);
            String what = j.toString();
            assertThat(r.effectiveNobs()).as(what).isEqualTo(55 - j.lagDifferences() - 1);
            Close.rel(r.eigenvalues(), RefJson.doubles(c.get("eigenvalues")), 1e-8, what + " eigenvalues");
            Close.rel(r.traceStatistics(), RefJson.doubles(c.get("trace")), 1e-8, what + " trace");
            Close.rel(r.maxEigenStatistics(), RefJson.doubles(c.get("max_eig")), 1e-8, what + " max eig");
            List<Object> cvt = RefJson.list(c.get("trace_crit"));
            List<Object> cvm = RefJson.list(c.get("max_eig_crit"));
            for (int i = 0; i < 4; i++) {
                assertThat(r.traceCriticalValues()[i]).as(what + " cvt " + i).containsExactly(RefJson.doubles(cvt.get(i)));
                assertThat(r.maxEigenCriticalValues()[i]).as(what + " cvm " + i).containsExactly(RefJson.doubles(cvm.get(i)));
            }
            checkVectors(r.eigenvectors(), RefJson.list(c.get("eigenvectors_rows")), what);
        }
    }

    @Test
    void sharedRefcaseEqualsStatsmodels() {
        Map<String, Object> results = RefJson.obj(RefJson.resource("johansen_statsmodels_expected.json"), "results");
        for (Map.Entry<String, Object> e : results.entrySet()) {
            // key "det_order=0,k_ar_diff=1"
            String[] parts = e.getKey().split(",");
            int det = Integer.parseInt(parts[0].substring(parts[0].indexOf('=') + 1));
            int k = Integer.parseInt(parts[1].substring(parts[1].indexOf('=') + 1));
            JohansenResult r = new Johansen(det, k).test(Y);
            Map<String, Object> c = RefJson.obj(e.getValue());
            Close.rel(r.eigenvalues(), RefJson.doubles(c.get("eigenvalues")), 1e-8, e.getKey() + " eigenvalues");
            Close.rel(r.traceStatistics(), RefJson.doubles(c.get("trace_stat_r0..r3")), 1e-8, e.getKey() + " trace");
            Close.rel(r.maxEigenStatistics(), RefJson.doubles(c.get("maxeig_stat_r0..r3")), 1e-8, e.getKey() + " max");
            // The file's "eigenvectors_columns" holds statsmodels' evec rows (evec.tolist()).
            checkVectors(r.eigenvectors(), RefJson.list(c.get("eigenvectors_columns")), e.getKey());
        }
    }

    private static void checkVectors(double[][] mine, List<Object> expectedRows, String what) {
        int m = mine.length;
        for (int col = 0; col < m; col++) {
            double sign = 1.0;
            if (col > 0) {
                double e0 = RefJson.doubles(expectedRows.get(0))[col];
                sign = Math.signum(e0) == Math.signum(mine[0][col]) ? 1.0 : -1.0;
            }
            for (int row = 0; row < m; row++) {
                double e = RefJson.doubles(expectedRows.get(row))[col];
                Close.rel(sign * mine[row][col], e, 1e-6, what + " evec[" + row + "][" + col + "]");
            }
        }
    }

    @Test
    void eigenvectorsAreSkkOrthonormalAndSolveTheEigenproblemOnASimulatedPair() {
        // y2 = 0.5 y1 + stationary noise: one cointegrating vector proportional to (0.5, -1) up to scale.
        java.util.Random rnd = new java.util.Random(7);
        int n = 2000;
        double[] y1 = new double[n];
        double[] y2 = new double[n];
        for (int t = 1; t < n; t++) {
            y1[t] = y1[t - 1] + rnd.nextGaussian();
        }
        double u = 0.0;
        for (int t = 0; t < n; t++) {
            u = 0.5 * u + rnd.nextGaussian();
            y2[t] = 0.5 * y1[t] + u;
        }
        JohansenResult r = new Johansen(0, 1).test(y1, y2);
        assertThat(r.rankByTrace(JohansenResult.LEVEL_95)).isEqualTo(1);
        double ratio = r.eigenvectors()[0][0] / r.eigenvectors()[1][0];
        assertThat(ratio).isCloseTo(-0.5, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void tablesawColumnsGiveTheSameStatistics() {
        JohansenResult a = new Johansen(0, 1).test(Y);
        JohansenResult b = new Johansen(0, 1).test(DoubleColumn.create("LRM", Y[0]), DoubleColumn.create("LRY", Y[1]),
                DoubleColumn.create("IBO", Y[2]), DoubleColumn.create("IDE", Y[3]));
        assertThat(b.traceStatistics()).containsExactly(a.traceStatistics());
    }

    @Test
    void refusesUnsupportedDetOrderAndShortSamples() {
        assertThatThrownBy(() -> new Johansen(2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("detOrder 2");
        assertThatThrownBy(() -> new Johansen(0, 20).test(Y)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("55 observations");
    }
}
