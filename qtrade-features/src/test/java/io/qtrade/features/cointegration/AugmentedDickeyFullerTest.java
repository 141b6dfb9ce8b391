package io.qtrade.features.cointegration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;

/**
 * ADF against statsmodels 0.13.5 {@code adfuller}: the shared refcases ({@code adf_expected.json}) and every
 * regression (n, c, ct, ctt) x lag rule (AIC, BIC, t-stat with default and explicit maxLag, fixed 0/1/3) on three
 * series ({@code adf_extra_expected.json}). Tolerances: statistic and critical values relative 1e-8 (issue: 1e-6;
 * the cross-product solve agrees with statsmodels' pinv to ~1e-11 here), p-values relative 1e-6 (issue: 1e-4),
 * usedLag and nobs exact, icBest relative 1e-8.
 */
class AugmentedDickeyFullerTest {

    private static LagSelection lagSelection(Object autolag) {
        if (autolag == null) {
            return LagSelection.FIXED;
        }
        return switch (((String) autolag).toLowerCase()) {
            case "aic" -> LagSelection.AIC;
            case "bic" -> LagSelection.BIC;
            case "t-stat" -> LagSelection.T_STAT;
            default -> throw new IllegalStateException("autolag " + autolag);
        };
    }

    @Test
    void everyRegressionAndLagRuleEqualsStatsmodels() {
        Map<String, Object> cases = RefJson.obj(RefJson.resource("adf_extra_expected.json"), "cases");
        int checked = 0;
        for (Map.Entry<String, Object> file : cases.entrySet()) {
            double[] x = RefJson.csvColumn(file.getKey(), "x");
            for (Object o : RefJson.list(file.getValue())) {
                Map<String, Object> c = RefJson.obj(o);
                AugmentedDickeyFuller.Builder b = AugmentedDickeyFuller.builder()
                        .regression(AdfRegression.fromCode((String) c.get("regression")))
                        .lagSelection(lagSelection(c.get("autolag")));
                if (c.get("maxlag") != null) {
                    b.maxLag((int) RefJson.num(c.get("maxlag")));
                }
                AugmentedDickeyFuller adf = b.build();
                AdfResult r = adf.test(x);
                String what = file.getKey() + " " + adf;
                assertThat(r.usedLag()).as(what + " usedLag").isEqualTo((int) RefJson.num(c.get("usedlag")));
                assertThat(r.nobs()).as(what + " nobs").isEqualTo((int) RefJson.num(c.get("nobs")));
                Close.rel(r.statistic(), RefJson.num(c.get("statistic")), 1e-8, what + " statistic");
                Close.rel(r.pValue(), RefJson.num(c.get("pvalue")), 1e-6, what + " pvalue");
                double[] cv = RefJson.doubles(c.get("critical_values"));
                Close.rel(r.criticalValues().onePercent(), cv[0], 1e-12, what + " 1%");
                Close.rel(r.criticalValues().fivePercent(), cv[1], 1e-12, what + " 5%");
                Close.rel(r.criticalValues().tenPercent(), cv[2], 1e-12, what + " 10%");
                if (c.get("icbest") != null) {
                    Close.rel(r.icBest(), RefJson.num(c.get("icbest")), 1e-8, what + " icbest");
                } else {
                    assertThat(r.icBest()).as(what + " icbest").isNaN();
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3 * 4 * 9);
    }

    @Test
    void sharedRefcasesForConstantAndTrendEqualStatsmodels() {
        Map<String, Object> series = RefJson.obj(RefJson.resource("adf_expected.json"), "series");
        for (Map.Entry<String, Object> file : series.entrySet()) {
            double[] x = RefJson.csvColumn(file.getKey(), "x");
            for (String reg : new String[] {"c", "ct"}) {
                Map<String, Object> fixed = RefJson.obj(file.getValue(), reg + "_fixedlag1");
                AdfResult r = AugmentedDickeyFuller.builder().regression(AdfRegression.fromCode(reg)).fixedLag(1)
                        .build().test(x);
                Close.rel(r.statistic(), RefJson.num(fixed.get("statistic")), 1e-8, file.getKey() + reg + " stat");
                Close.rel(r.pValue(), RefJson.num(fixed.get("pvalue")), 1e-6, file.getKey() + reg + " p");
                assertThat(r.nobs()).isEqualTo((int) RefJson.num(fixed.get("nobs")));

                Map<String, Object> auto = RefJson.obj(file.getValue(), reg + "_autolag_aic");
                AdfResult a = AugmentedDickeyFuller.builder().regression(AdfRegression.fromCode(reg)).build().test(x);
                assertThat(a.maxLag()).isEqualTo((int) RefJson.num(auto.get("default_maxlag")));
                assertThat(a.usedLag()).isEqualTo((int) RefJson.num(auto.get("usedlag")));
                Close.rel(a.statistic(), RefJson.num(auto.get("statistic")), 1e-8, file.getKey() + reg + " auto");
                Close.rel(a.icBest(), RefJson.num(auto.get("icbest_aic")), 1e-8, file.getKey() + reg + " icbest");
                Close.rel(a.pValue(), RefJson.num(auto.get("pvalue")), 1e-6, file.getKey() + reg + " auto p");
            }
        }
    }

    @Test
    void statisticEqualsUrcaAndTseriesCrossCheck() {
        // R urca ur.df(lags=1) tau2/tau3 and tseries adf.test(k=1), printed to 15 significant digits.
        Map<String, Object> results = RefJson.obj(RefJson.resource("adf_r_crosscheck.json"), "results");
        for (Map.Entry<String, Object> file : results.entrySet()) {
            double[] x = RefJson.csvColumn(file.getKey(), "x");
            Map<String, Object> e = RefJson.obj(file.getValue());
            double c = AugmentedDickeyFuller.builder().fixedLag(1).build().test(x).statistic();
            double ct = AugmentedDickeyFuller.builder().regression(AdfRegression.CONSTANT_TREND).fixedLag(1).build()
                    .test(x).statistic();
            Close.rel(c, RefJson.num(e.get("drift_lag1_tau2")), 1e-12, file.getKey() + " urca drift");
            Close.rel(ct, RefJson.num(e.get("trend_lag1_tau3")), 1e-12, file.getKey() + " urca trend");
        }
    }

    @Test
    void tablesawColumnGivesTheSameResultAsTheArray() {
        double[] x = RefJson.csvColumn("adf_ar2_diff.csv", "x");
        AugmentedDickeyFuller adf = AugmentedDickeyFuller.builder().regression(AdfRegression.CONSTANT_TREND).build();
        assertThat(adf.test(DoubleColumn.create("x", x))).isEqualTo(adf.test(x));
    }

    @Test
    void schwertMaxLagFollowsTheRuleAndTheCap() {
        // ceil(12 (500/100)^0.25) = ceil(17.94) = 18; n = 20: ceil(12 * 0.6687) = 9, cap 20/2 - 1 - 1 = 8.
        assertThat(AugmentedDickeyFuller.schwertMaxLag(500, AdfRegression.CONSTANT)).isEqualTo(18);
        assertThat(AugmentedDickeyFuller.schwertMaxLag(20, AdfRegression.CONSTANT)).isEqualTo(8);
        assertThat(AugmentedDickeyFuller.schwertMaxLag(100_000, AdfRegression.CONSTANT)).isEqualTo(68);
    }

    @Test
    void refusesAMaxLagAboveTheCapAndNonFiniteInput() {
        double[] x = RefJson.csvColumn("adf_random_walk.csv", "x");
        assertThatThrownBy(() -> AugmentedDickeyFuller.builder().fixedLag(249).build().test(x))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLag 249")
                .hasMessageContaining("248");
        double[] bad = x.clone();
        bad[17] = Double.NaN;
        assertThatThrownBy(() -> AugmentedDickeyFuller.builder().build().test(bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x[17]");
        assertThatThrownBy(() -> AugmentedDickeyFuller.builder().fixedLag(0).build().test(new double[50]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collinear");
    }
}
