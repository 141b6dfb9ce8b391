package io.qtrade.features.cointegration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Johansen's urca options: restricted constant and trend, seasonal dummies, exogenous columns, spec, urca's
 * eigenvector normalisation and the two critical-value tables. References: Johansen and Juselius (1990) published
 * statistics (4 significant digits, via the refcases README); urca 1.3-3 {@code cajorls} betas
 * ({@code vecm_urca_crosscheck.json}, whose rank-1 beta is urca's normalised first eigenvector {@code V[, 1]});
 * statsmodels 0.13.5 {@code select_coint_rank} ({@code vecm_expected.json}).
 */
class JohansenOptionsTest {

    private static final String FILE = "vecm_denmark.csv";
    private static final double[][] Y = {
            RefJson.csvColumn(FILE, "LRM"), RefJson.csvColumn(FILE, "LRY"),
            RefJson.csvColumn(FILE, "IBO"), RefJson.csvColumn(FILE, "IDE")};

    @Test
    void johansenJuselius1990DanishCaseWithRestrictedConstantAndSeasons() {
        // ecdet = "const", K = 2, spec = "longrun", season = 4: published lambda, trace and lambda-max (rounded).
        JohansenResult r = Johansen.builder().deterministic(JohansenDeterministic.RESTRICTED_CONSTANT)
                .lagDifferences(1).spec(JohansenSpec.LONGRUN).seasons(4).build().test(Y);
        double[] lambda = {0.4332, 0.1776, 0.1128, 0.0434};
        double[] trace = {49.14, 19.06, 8.69, 2.35};
        double[] maxEig = {30.09, 10.36, 6.34, 2.35};
        for (int i = 0; i < 4; i++) {
            assertThat(r.eigenvalues()[i]).as("lambda " + i).isCloseTo(lambda[i], offset(0.00005 + 1e-12));
            assertThat(r.traceStatistics()[i]).as("trace " + i).isCloseTo(trace[i], offset(0.005 + 1e-12));
            assertThat(r.maxEigenStatistics()[i]).as("lmax " + i).isCloseTo(maxEig[i], offset(0.005 + 1e-12));
        }
        assertThat(r.eigenvalues()).hasSize(5);
        assertThat(Math.abs(r.eigenvalues()[4])).isLessThan(1e-12);
        // Osterwald-Lenum, urca cv.const: r = 0 is n - r = 4 trends; r = 3 one trend.
        assertThat(r.table()).isEqualTo(JohansenTable.OSTERWALD_LENUM);
        assertThat(r.traceCriticalValues()[0]).containsExactly(49.65, 53.12, 60.16);
        assertThat(r.traceCriticalValues()[3]).containsExactly(7.52, 9.24, 12.97);
        assertThat(r.maxEigenCriticalValues()[0]).containsExactly(25.56, 28.14, 33.24);
        assertThat(r.rankByTrace(JohansenResult.LEVEL_95)).isZero();
        // J&J's normalised vector: (1, -1.03, 5.21, -4.22, -6.06)
        double[] v = {1.0, -1.03, 5.21, -4.22, -6.06};
        for (int i = 0; i < 5; i++) {
            assertThat(r.eigenvectorsNormalised()[i][0]).isCloseTo(v[i], offset(0.005));
        }
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
                // PI = W V' over all p relations (1e-6: with a restricted term the last eigenvalue is 0 up to rounding
                // and its vector is determined only to about 1e-8)
                int p = r.eigenvalues().length;
                for (int i = 0; i < 4; i++) {
                    for (int a = 0; a < p; a++) {
                        double wv = 0.0;
                        for (int j = 0; j < p; j++) {
                            wv += r.loadings()[i][j] * r.eigenvectorsNormalised()[a][j];
                        }
                        assertThat(r.pi()[i][a]).isCloseTo(wv, offset(1e-6 * Math.max(1.0, Math.abs(wv))));
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
                "denmark_select_coint_rank", "results");
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
