package io.qtrade.features.cointegration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;

/**
 * Engle-Granger against statsmodels 0.13.5 {@code coint}: the shared pair ({@code engle_granger_expected.json}:
 * OLS alpha/beta/R^2, t-stat, p-value, critical values for AIC, fixed lag 1 and 0) and every trend (n, c, ct, ctt)
 * x lag rule on the pair and on a three-series case from the synthetic quarterly system ({@code coint_extra_expected.json}).
 * Tolerances: statistics and coefficients relative 1e-8 (issue: 1e-6), p-values relative 1e-6 (issue: 1e-4).
 */
class EngleGrangerTest {

    private static final double[] X = RefJson.csvColumn("eg_synthetic_pair.csv", "x");
    private static final double[] Y = RefJson.csvColumn("eg_synthetic_pair.csv", "y");

    @Test
    void sharedPairEqualsStatsmodelsForAicAndFixedLags() {
        Map<String, Object> pair = RefJson.obj(RefJson.resource("engle_granger_expected.json"), "pairs",
                "eg_synthetic_pair.csv (y on x)");
        Map<String, Object> ols = RefJson.obj(pair, "ols_y_on_const_x");
        EngleGrangerResult aic = EngleGranger.builder().build().test(Y, X);
        Close.rel(aic.hedgeRatio(), RefJson.num(ols.get("beta_hedge_ratio")), 1e-10, "beta");
        Close.rel(aic.intercept(), RefJson.num(ols.get("alpha")), 1e-10, "alpha");
        Close.rel(aic.rSquared(), RefJson.num(ols.get("r2")), 1e-12, "r2");
        check(aic, RefJson.obj(pair, "aic_default_maxlag"));
        check(EngleGranger.builder().fixedLag(1).build().test(Y, X), RefJson.obj(pair, "fixedlag1"));
        check(EngleGranger.builder().fixedLag(0).build().test(Y, X), RefJson.obj(pair, "fixedlag0"));
    }

    private static void check(EngleGrangerResult r, Map<String, Object> e) {
        Close.rel(r.tStatistic(), RefJson.num(e.get("t_stat")), 1e-8, "t_stat " + e.get("call"));
        Close.rel(r.pValue(), RefJson.num(e.get("pvalue")), 1e-6, "pvalue " + e.get("call"));
        double[] cv = RefJson.doubles(e.get("crit_1_5_10"));
        Close.rel(new double[] {r.criticalValues().onePercent(), r.criticalValues().fivePercent(),
                r.criticalValues().tenPercent()}, cv, 1e-12, "crit " + e.get("call"));
    }

    @Test
    void everyTrendAndLagRuleEqualsStatsmodels() {
        List<Object> cases = RefJson.list(RefJson.obj(RefJson.resource("coint_extra_expected.json")).get("cases"));
        for (Object o : cases) {
            Map<String, Object> c = RefJson.obj(o);
            String file = (String) c.get("file");
            double[] y = RefJson.csvColumn(file, (String) c.get("y"));
            List<Object> xNames = RefJson.list(c.get("x"));
            double[][] x = new double[xNames.size()][];
            for (int k = 0; k < x.length; k++) {
                x[k] = RefJson.csvColumn(file, (String) xNames.get(k));
            }
            EngleGranger.Builder b = EngleGranger.builder().trend(AdfRegression.fromCode((String) c.get("trend")));
            Object autolag = c.get("autolag");
            b.lagSelection(autolag == null ? LagSelection.FIXED : switch ((String) autolag) {
                case "aic" -> LagSelection.AIC;
                case "bic" -> LagSelection.BIC;
                default -> LagSelection.T_STAT;
            });
            if (c.get("maxlag") != null) {
                b.maxLag((int) RefJson.num(c.get("maxlag")));
            }
            EngleGranger eg = b.build();
            EngleGrangerResult r = eg.test(y, x);
            String what = file + " " + eg;
            Close.rel(r.tStatistic(), RefJson.num(c.get("t_stat")), 1e-8, what + " t");
            Close.rel(r.pValue(), RefJson.num(c.get("pvalue")), 1e-6, what + " p");
            double[] cv = RefJson.doubles(c.get("crit_1_5_10"));
            Close.rel(new double[] {r.criticalValues().onePercent(), r.criticalValues().fivePercent(),
                    r.criticalValues().tenPercent()}, cv, 1e-12, what + " crit");
            double[] params = RefJson.doubles(c.get("ols_params_x_then_trend"));
            double[] mine = new double[params.length];
            System.arraycopy(r.hedgeRatios(), 0, mine, 0, x.length);
            System.arraycopy(r.deterministic(), 0, mine, x.length, r.deterministic().length);
            // Trend coefficients of the "ctt" fit are tiny and cancel; 1e-7 relative still pins them.
            Close.rel(mine, params, 1e-7, what + " OLS params");
        }
    }

    @Test
    void spreadIsYMinusTheFittedCointegratingRelation() {
        EngleGrangerResult r = EngleGranger.builder().build().test(Y, X);
        for (int t = 0; t < Y.length; t += 37) {
            assertThat(r.spread()[t]).isCloseTo(Y[t] - r.intercept() - r.hedgeRatio() * X[t],
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void tablesawColumnsGiveTheSameStatistic() {
        EngleGranger eg = EngleGranger.builder().build();
        assertThat(eg.test(DoubleColumn.create("y", Y), DoubleColumn.create("x", X)).tStatistic())
                .isEqualTo(eg.test(Y, X).tStatistic());
    }

    @Test
    void exactlyCollinearSeriesGiveMinusInfinityAsStatsmodels() {
        double[] y = new double[X.length];
        for (int t = 0; t < y.length; t++) {
            y[t] = 2.0 + 3.0 * X[t];
        }
        EngleGrangerResult r = EngleGranger.builder().build().test(y, X);
        assertThat(r.collinear()).isTrue();
        assertThat(r.tStatistic()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r.pValue()).isEqualTo(0.0);
    }

    @Test
    void refusesMismatchedLengths() {
        assertThatThrownBy(() -> EngleGranger.builder().build().test(Y, new double[10]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x[0] has 10 values");
    }
}
