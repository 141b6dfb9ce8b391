package io.qtrade.features.cointegration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Johansen's urca options: restricted constant and trend, seasonal dummies, exogenous columns, spec, urca's
 * eigenvector normalisation and the two critical-value tables, on the project's synthetic quarterly system
 * ({@code johansen_synthetic_quarterly.csv}, made by {@code src/test/python/make_synthetic_quarterly.py}). References:
 * urca 1.3-3 {@code ca.jo} for every ecdet, spec, lag count and seasonal setting, the restricted trend included
 * ({@code johansen_urca_expected.json}, {@code src/test/r/urca_expected.R}); urca 1.3-3 {@code cajorls} betas
 * ({@code vecm_urca_crosscheck.json}, whose rank-1 beta is urca's normalised first eigenvector {@code V[, 1]});
 * statsmodels 0.13.5 {@code select_coint_rank} ({@code vecm_expected.json}).
 */
class JohansenOptionsTest {

    private static final String FILE = "johansen_synthetic_quarterly.csv";
    private static final double[][] Y = {
            RefJson.csvColumn(FILE, "LRM"), RefJson.csvColumn(FILE, "LRY"),
            RefJson.csvColumn(FILE, "IBO"), RefJson.csvColumn(FILE, "IDE")};

    @Test
    void everyEcdetSpecLagAndSeasonEqualsUrcaCaJo() {
        // urca 1.3-3 ca.jo (johansen_urca_expected.json): ecdet none/const/trend x spec longrun/transitory x K 2, 3 x
        // no seasons / 4 seasonal dummies, type trace and eigen. Eigenvalues and both statistics relative 1e-8 (a
        // closed-form eigenproblem; the tolerance is 1e-6; the restricted term's zero eigenvalue, 1e-12 to
        // 1e-15 in both, absolutely to 1e-10); Osterwald-Lenum critical values exact; the
        // normalised eigenvectors V and loadings W relative 1e-6 in every column whose eigenvalue is not 0 (with a
        // restricted term the last eigenvalue is 0 up to rounding and its vector is arbitrary).
        Map<String, Object> cases = RefJson.obj(RefJson.resource("johansen_urca_expected.json"), "cases");
        int checked = 0;
        for (Map.Entry<String, Object> entry : cases.entrySet()) {
            Map<String, Object> c = RefJson.obj(entry.getValue());
            String ecdet = (String) c.get("ecdet");
            JohansenDeterministic d = ecdet.equals("none") ? JohansenDeterministic.CONSTANT
                    : ecdet.equals("const") ? JohansenDeterministic.RESTRICTED_CONSTANT
                    : JohansenDeterministic.CONSTANT_RESTRICTED_TREND;
            JohansenSpec spec = c.get("spec").equals("longrun") ? JohansenSpec.LONGRUN : JohansenSpec.TRANSITORY;
            Johansen.Builder b = Johansen.builder().deterministic(d).lagDifferences((int) RefJson.num(c.get("K")) - 1)
                    .spec(spec).criticalValues(JohansenTable.OSTERWALD_LENUM);
            int seasons = (int) RefJson.num(c.get("season"));
            if (seasons > 0) {
                b.seasons(seasons);
            }
            JohansenResult r = b.build().test(Y);
            String w = entry.getKey();
            double[] lambda = RefJson.doubles(c.get("lambda"));
            assertThat(r.eigenvalues()).as(w).hasSize(lambda.length);
            for (int i = 0; i < lambda.length; i++) {
                assertThat(r.eigenvalues()[i]).as(w + " lambda " + i)
                        .isCloseTo(lambda[i], offset(1e-8 * Math.abs(lambda[i]) + 1e-10));
            }
            Close.rel(r.traceStatistics(), RefJson.doubles(c.get("trace")), 1e-8, w + " trace");
            Close.rel(r.maxEigenStatistics(), RefJson.doubles(c.get("max_eig")), 1e-8, w + " max eig");
            List<Object> cvt = RefJson.list(c.get("trace_cval_10_5_1"));
            List<Object> cvm = RefJson.list(c.get("max_eig_cval_10_5_1"));
            int rank = 4;
            for (int i = 0; i < 4; i++) {
                assertThat(r.traceCriticalValues()[i]).as(w + " cvt " + i).containsExactly(RefJson.doubles(cvt.get(i)));
                assertThat(r.maxEigenCriticalValues()[i]).as(w + " cvm " + i)
                        .containsExactly(RefJson.doubles(cvm.get(i)));
                if (rank == 4 && RefJson.doubles(c.get("trace"))[i] < RefJson.doubles(cvt.get(i))[1]) {
                    rank = i;
                }
            }
            assertThat(r.rankByTrace(JohansenResult.LEVEL_95)).as(w + " rank").isEqualTo(rank);
            List<Object> v = RefJson.list(c.get("V"));
            List<Object> wl = RefJson.list(c.get("W"));
            for (int j = 0; j < lambda.length; j++) {
                if (lambda[j] < 1e-8) {
                    continue;
                }
                double vScale = 0.0;
                double wScale = 0.0;
                for (int i = 0; i < v.size(); i++) {
                    vScale = Math.max(vScale, Math.abs(RefJson.doubles(v.get(i))[j]));
                }
                for (int i = 0; i < 4; i++) {
                    wScale = Math.max(wScale, Math.abs(RefJson.doubles(wl.get(i))[j]));
                }
                // relative to the column's largest entry: an entry of 1e-5 next to 1 carries the column's rounding
                for (int i = 0; i < v.size(); i++) {
                    assertThat(r.eigenvectorsNormalised()[i][j]).as(w + " V[" + i + "][" + j + "]")
                            .isCloseTo(RefJson.doubles(v.get(i))[j], offset(1e-6 * vScale));
                }
                for (int i = 0; i < 4; i++) {
                    assertThat(r.loadings()[i][j]).as(w + " W[" + i + "][" + j + "]")
                            .isCloseTo(RefJson.doubles(wl.get(i))[j], offset(1e-6 * wScale));
                }
            }
            checked++;
        }
        assertThat(checked).isEqualTo(24);
    }

    @Test
    void normalisedFirstEigenvectorEqualsUrcaForEveryEcdetAndBothSpecs() {
        Map<String, Object> cases = RefJson.obj(RefJson.resource("vecm_urca_crosscheck.json"), "cases");
        int checked = 0;
        for (Map.Entry<String, Object> entry : cases.entrySet()) {
            Map<String, Object> c = RefJson.obj(entry.getValue());
            if ((int) RefJson.num(c.get("r")) != 1) {
                continue;
            }
            String ecdet = (String) c.get("ecdet");
            JohansenDeterministic d = ecdet.equals("none") ? JohansenDeterministic.CONSTANT
                    : ecdet.equals("const") ? JohansenDeterministic.RESTRICTED_CONSTANT
                    : JohansenDeterministic.CONSTANT_RESTRICTED_TREND;
            List<Object> beta = RefJson.list(c.get("beta"));
            for (JohansenSpec spec : JohansenSpec.values()) {
                JohansenResult r = Johansen.builder().deterministic(d).lagDifferences((int) RefJson.num(c.get("K")) - 1)
                        .spec(spec).criticalValues(JohansenTable.OSTERWALD_LENUM).build().test(Y);
                for (int i = 0; i < beta.size(); i++) {
                    Close.rel(r.eigenvectorsNormalised()[i][0], RefJson.doubles(beta.get(i))[0], 1e-6,
                            entry.getKey() + " " + spec + " V[" + i + "]");
                }
                // urca's W[, 1] is cajorls' alpha for rank 1 (V' S_KK V is diagonal)
                List<Object> alpha = RefJson.list(c.get("alpha"));
                for (int i = 0; i < 4; i++) {
                    Close.rel(r.loadings()[i][0], RefJson.doubles(alpha.get(i))[0], 1e-6,
                            entry.getKey() + " " + spec + " W[" + i + "]");
                }
                // PI = W V' over all p relations, an identity of the decomposition, not a reference value (1e-5: with
                // a restricted term the last eigenvalue is 0 up to rounding and its vector, scaled to a first entry of
                // 1, is determined only to about 1e-8 of its size; on this data that leaves up to 3e-6 in PI)
                int p = r.eigenvalues().length;
                for (int i = 0; i < 4; i++) {
                    for (int a = 0; a < p; a++) {
                        double wv = 0.0;
                        for (int j = 0; j < p; j++) {
                            wv += r.loadings()[i][j] * r.eigenvectorsNormalised()[a][j];
                        }
                        assertThat(r.pi()[i][a]).isCloseTo(wv, offset(1e-5 * Math.max(1.0, Math.abs(wv))));
                    }
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(12);
    }

    @Test
    void selectCointRankEqualsStatsmodels() {
        Map<String, Object> res = RefJson.obj(RefJson.resource("vecm_expected.json"), "cases",
                "synthetic_select_coint_rank", "results");
        for (Map.Entry<String, Object> entry : res.entrySet()) {
            String[] parts = entry.getKey().split(",");
            int detOrder = Integer.parseInt(parts[0].substring(parts[0].indexOf('=') + 1));
            int k = Integer.parseInt(parts[1].substring(parts[1].indexOf('=') + 1));
            Map<String, Object> c = RefJson.obj(entry.getValue());
            JohansenResult r = Johansen.builder().deterministic(JohansenDeterministic.ofDetOrder(detOrder))
                    .lagDifferences(k).criticalValues(JohansenTable.MACKINNON_HAUG_MICHELIS).build().test(Y);
            assertThat(r.rankByTrace(JohansenResult.LEVEL_95)).as(entry.getKey())
                    .isEqualTo((int) RefJson.num(c.get("rank")));
            double[] stats = RefJson.doubles(c.get("test_stats"));
            double[] crit = RefJson.doubles(c.get("crit_vals"));
            for (int i = 0; i < stats.length; i++) {
                Close.rel(r.traceStatistics()[i], stats[i], 1e-8, entry.getKey() + " trace " + i);
                assertThat(r.traceCriticalValues()[i][JohansenResult.LEVEL_95]).isEqualTo(crit[i]);
            }
        }
    }

    @Test
    void exogenousColumnsEqualToTheSeasonalDummiesGiveTheSameTest() {
        int n = Y[0].length;
        double[][] dummies = new double[3][n];
        for (int s = 0; s < 3; s++) {
            for (int t = 0; t < n; t++) {
                dummies[s][t] = (Math.floorMod(t - s, 4) == 0 ? 1.0 : 0.0) - 0.25;
            }
        }
        for (JohansenDeterministic d : new JohansenDeterministic[] {JohansenDeterministic.CONSTANT,
                JohansenDeterministic.RESTRICTED_CONSTANT, JohansenDeterministic.CONSTANT_RESTRICTED_TREND}) {
            JohansenResult a = Johansen.builder().deterministic(d).seasons(4).build().test(Y);
            JohansenResult b = Johansen.builder().deterministic(d).exogenous(dummies).build().test(Y);
            Close.rel(b.traceStatistics(), a.traceStatistics(), 1e-10, d + " trace");
            Close.rel(b.eigenvectorsNormalised()[2], a.eigenvectorsNormalised()[2], 1e-9, d + " V row 2");
        }
    }

    @Test
    void seasonalDummiesFollowTheFirstSeason() {
        // With first_season 1, dummy j marks rows t = j - 1 (mod 4); dummy 0 marks season 3 = -(D0 + D1 + D2) in
        // centred form. So coefficients c (first season 1) map to (c1 - c0, c2 - c0, -c0) with first season 0.
        VecmFit f0 = Vecm.builder().deterministic(JohansenDeterministic.RESTRICTED_CONSTANT).rank(1).seasons(4, 0)
                .build().fit(Y);
        VecmFit f1 = Vecm.builder().deterministic(JohansenDeterministic.RESTRICTED_CONSTANT).rank(1).seasons(4, 1)
                .build().fit(Y);
        Close.rel(f1.logLikelihood(), f0.logLikelihood(), 1e-12, "llf");
        for (int i = 0; i < 4; i++) {
            double[] c = f1.deterministicCoefficients()[i];
            double[] expected = {c[1] - c[0], c[2] - c[0], -c[0]};
            double[] actual = f0.deterministicCoefficients()[i];
            for (int j = 0; j < 3; j++) {
                assertThat(actual[j]).as("eq " + i + " dummy " + j).isCloseTo(expected[j], offset(1e-10));
            }
        }
    }

    @Test
    void generalPathEqualsTheWindowedFastPath() {
        // The VECM always takes the explicit-column path; the test with CONSTANT and no extras takes the fast one.
        // (k = 0 is left out: there statsmodels' coint_johansen, and so the fast path, pairs dY_t with Y_t.)
        for (int k = 1; k <= 3; k++) {
            JohansenResult fast = Johansen.builder().deterministic(JohansenDeterministic.CONSTANT).lagDifferences(k)
                    .build().test(Y);
            VecmFit general = Vecm.builder().deterministic(JohansenDeterministic.CONSTANT).lagDifferences(k).rank(1)
                    .build().fit(Y);
            Close.rel(general.eigenvalues(), fast.eigenvalues(), 1e-10, "k=" + k);
        }
    }

    @Test
    void tablesWithoutTheCaseAreRefused() {
        assertThatThrownBy(() -> Johansen.builder().deterministic(JohansenDeterministic.RESTRICTED_CONSTANT)
                .criticalValues(JohansenTable.MACKINNON_HAUG_MICHELIS).build())
                .hasMessageContaining("MACKINNON_HAUG_MICHELIS has no table for RESTRICTED_CONSTANT");
        assertThatThrownBy(() -> Johansen.builder().deterministic(JohansenDeterministic.NONE)
                .criticalValues(JohansenTable.OSTERWALD_LENUM).build())
                .hasMessageContaining("OSTERWALD_LENUM has no table for NONE");
        assertThatThrownBy(() -> Johansen.builder().exogenous(new double[10]).build().test(Y))
                .hasMessageContaining("exogenous[0] has 10 values");
    }
}
