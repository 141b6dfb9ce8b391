package io.qtrade.features.cointegration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * VECM against statsmodels 0.13.5 {@code VECM(...).fit()} ({@code vecm_expected.json}: ranks 1, 2 x k_ar_diff
 * 1, 2 x deterministic n/co/ci/lo/li/coli/colo, and the Johansen-Juselius seasonal setup) and urca 1.3-3
 * {@code cajorls} ({@code vecm_urca_crosscheck.json}) on the project's synthetic quarterly system
 * ({@code johansen_synthetic_quarterly.csv}). Tolerance: 1e-6 relative plus 1e-12
 * absolute (entries that are 0 by the normalisation, e.g. beta[1][0] = 3.5e-17 in urca, are compared absolutely).
 * The references are deterministic (a closed-form reduced-rank regression), so 1e-6 is the tolerance.
 */
class VecmTest {

    private static final String FILE = "johansen_synthetic_quarterly.csv";
    private static final double[][] Y = {
            RefJson.csvColumn(FILE, "LRM"), RefJson.csvColumn(FILE, "LRY"),
            RefJson.csvColumn(FILE, "IBO"), RefJson.csvColumn(FILE, "IDE")};

    private static JohansenDeterministic det(String sm) {
        for (JohansenDeterministic d : JohansenDeterministic.values()) {
            if (d.statsmodelsVecm().equals(sm)) {
                return d;
            }
        }
        throw new IllegalArgumentException(sm);
    }

    static void matrix(double[][] actual, Object expected, double tol, String what) {
        List<Object> rows = RefJson.list(expected);
        assertThat(actual.length).as(what + " rows").isEqualTo(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            double[] e = RefJson.doubles(rows.get(i));
            assertThat(actual[i].length).as(what + " columns").isEqualTo(e.length);
            for (int j = 0; j < e.length; j++) {
                double err = Math.abs(actual[i][j] - e[j]);
                assertThat(err <= tol * Math.abs(e[j]) + 1e-12)
                        .as("%s[%d][%d]: actual %s expected %s", what, i, j, actual[i][j], e[j]).isTrue();
            }
        }
    }

    @Test
    void everyDeterministicRankAndLagEqualsStatsmodels() {
        Map<String, Object> all = RefJson.obj(RefJson.resource("vecm_expected.json"), "cases");
        int checked = 0;
        for (Map.Entry<String, Object> entry : all.entrySet()) {
            if (!entry.getKey().startsWith("synthetic_rank")) {
                continue;
            }
            Map<String, Object> c = RefJson.obj(entry.getValue());
            Vecm.Builder b = Vecm.builder().deterministic(det((String) c.get("deterministic")))
                    .rank((int) RefJson.num(c.get("coint_rank"))).lagDifferences((int) RefJson.num(c.get("k_ar_diff")));
            int seasons = (int) RefJson.num(c.get("seasons"));
            if (seasons > 0) {
                b.seasons(seasons, 0);
            }
            VecmFit f = b.build().fit(Y);
            String w = entry.getKey();
            assertThat(f.effectiveNobs()).as(w).isEqualTo((int) RefJson.num(c.get("nobs")));
            matrix(f.alpha(), c.get("alpha"), 1e-6, w + " alpha");
            matrix(f.beta(), c.get("beta"), 1e-6, w + " beta");
            matrix(f.gamma(), c.get("gamma"), 1e-6, w + " gamma");
            matrix(f.pi(), c.get("Pi"), 1e-6, w + " Pi");
            matrix(f.residualCovariance(), c.get("sigma_u"), 1e-6, w + " sigma_u");
            matrix(f.alphaStandardErrors(), c.get("stderr_alpha"), 1e-6, w + " se alpha");
            matrix(f.betaStandardErrors(), c.get("stderr_beta"), 1e-6, w + " se beta");
            matrix(f.gammaStandardErrors(), c.get("stderr_gamma"), 1e-6, w + " se gamma");
            if (f.restrictedCoefficients().length > 0) {
                matrix(f.restrictedCoefficients(), c.get("det_coef_coint"), 1e-6, w + " det_coef_coint");
                matrix(f.restrictedStandardErrors(), c.get("stderr_det_coef_coint"), 1e-6, w + " se det_coef_coint");
                matrix(f.piDeterministic(), c.get("Pi_det"), 1e-6, w + " Pi_det");
            }
            if (f.deterministicCoefficients()[0].length > 0) {
                matrix(f.deterministicCoefficients(), c.get("det_coef"), 1e-6, w + " det_coef");
                matrix(f.deterministicStandardErrors(), c.get("stderr_det_coef"), 1e-6, w + " se det_coef");
            }
            Close.rel(f.logLikelihood(), RefJson.num(c.get("llf")), 1e-9, w + " llf");
            matrix(f.forecast(5), c.get("forecast_5"), 1e-9, w + " forecast");
            checked++;
        }
        assertThat(checked).isEqualTo(29);
    }

    @Test
    void seasonalRestrictedConstantEqualsUrcaNormalisedEigenvector() {
        // The Johansen-Juselius setup (restricted constant, K = 2, 4 centred seasonal dummies): the rank-1 beta and
        // its constant are urca's ca.jo V[, 1] (first row 1; johansen_urca_expected.json), relative 1e-6.
        List<Object> v = RefJson.list(RefJson.obj(RefJson.resource("johansen_urca_expected.json"), "cases",
                "ecdet=const,spec=transitory,K=2,season=4").get("V"));
        VecmFit f = Vecm.builder().deterministic(JohansenDeterministic.RESTRICTED_CONSTANT).rank(1)
                .lagDifferences(1).seasons(4, 0).build().fit(Y);
        for (int i = 0; i < 4; i++) {
            Close.rel(f.beta()[i][0], RefJson.doubles(v.get(i))[0], 1e-6, "beta " + i);
        }
        Close.rel(f.restrictedCoefficients()[0][0], RefJson.doubles(v.get(4))[0], 1e-6, "constant");
    }

    @Test
    void urcaCajorlsAgreesOnAlphaBetaGamma() {
        Map<String, Object> cases = RefJson.obj(RefJson.resource("vecm_urca_crosscheck.json"), "cases");
        for (Map.Entry<String, Object> entry : cases.entrySet()) {
            Map<String, Object> c = RefJson.obj(entry.getValue());
            String ecdet = (String) c.get("ecdet");
            JohansenDeterministic d = ecdet.equals("none") ? JohansenDeterministic.CONSTANT
                    : ecdet.equals("const") ? JohansenDeterministic.RESTRICTED_CONSTANT
                    : JohansenDeterministic.CONSTANT_RESTRICTED_TREND;
            int r = (int) RefJson.num(c.get("r"));
            VecmFit f = Vecm.builder().deterministic(d).rank(r).lagDifferences((int) RefJson.num(c.get("K")) - 1)
                    .build().fit(Y);
            double[][] betaAll = new double[4 + f.restrictedCoefficients().length][];
            for (int i = 0; i < 4; i++) {
                betaAll[i] = f.beta()[i];
            }
            for (int i = 0; i < f.restrictedCoefficients().length; i++) {
                betaAll[4 + i] = f.restrictedCoefficients()[i];
            }
            matrix(betaAll, c.get("beta"), 1e-6, entry.getKey() + " beta");
            matrix(f.alpha(), c.get("alpha"), 1e-6, entry.getKey() + " alpha");
            matrix(f.gamma(), c.get("gamma"), 1e-6, entry.getKey() + " gamma");
        }
    }

    @Test
    void rankMustBeBelowTheSeriesCount() {
        assertThatThrownBy(() -> Vecm.builder().rank(4).build().fit(Y)).hasMessageContaining("rank 4 with 4 series");
        assertThatThrownBy(() -> Vecm.builder().deterministic(JohansenDeterministic.DETRENDED).rank(1).build())
                .hasMessageContaining("DETRENDED");
    }

    @Test
    void longrunSpecHasTheSameModelWithLongRunGammas() {
        // One VAR, two parametrisations (k = 1): Gamma_LR = Gamma_TR + Pi; alpha, beta, Sigma_u, llf and forecasts
        // are equal. Arithmetic identity, checked to 1e-9 (the betas, from two eigenproblems, to 1e-7 relative: they reach
        // 500 on this data and agree to 2e-9 of that). (Not for RESTRICTED_TREND without a constant: moving the
        // trend from row t to row t - 1 shifts it by a constant the model has no term for, so the specs differ.)
        for (JohansenDeterministic d : new JohansenDeterministic[] {JohansenDeterministic.CONSTANT,
                JohansenDeterministic.RESTRICTED_CONSTANT, JohansenDeterministic.CONSTANT_RESTRICTED_TREND}) {
            VecmFit tr = Vecm.builder().deterministic(d).rank(1).lagDifferences(1).build().fit(Y);
            VecmFit lr = Vecm.builder().deterministic(d).rank(1).lagDifferences(1).spec(JohansenSpec.LONGRUN).build()
                    .fit(Y);
            String w = d.toString();
            assertThat(lr.logLikelihood()).as(w).isCloseTo(tr.logLikelihood(), org.assertj.core.data.Offset.offset(1e-9));
            for (int i = 0; i < 4; i++) {
                assertThat(lr.alpha()[i][0]).as(w).isCloseTo(tr.alpha()[i][0], org.assertj.core.data.Offset.offset(1e-9));
                assertThat(lr.beta()[i][0]).as(w).isCloseTo(tr.beta()[i][0], org.assertj.core.data.Offset.offset(1e-7 * Math.max(1.0, Math.abs(tr.beta()[i][0]))));
                for (int j = 0; j < 4; j++) {
                    assertThat(lr.gamma()[i][j]).as(w + " gamma")
                            .isCloseTo(tr.gamma()[i][j] + tr.pi()[i][j], org.assertj.core.data.Offset.offset(1e-9));
                }
            }
            double[][] f1 = tr.forecast(5);
            double[][] f2 = lr.forecast(5);
            for (int h = 0; h < 5; h++) {
                for (int j = 0; j < 4; j++) {
                    assertThat(f2[h][j]).as(w + " forecast").isCloseTo(f1[h][j], org.assertj.core.data.Offset.offset(1e-9));
                }
            }
        }
    }
}
