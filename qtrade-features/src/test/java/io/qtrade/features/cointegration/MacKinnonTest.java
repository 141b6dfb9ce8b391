package io.qtrade.features.cointegration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The transcribed MacKinnon tables against statsmodels 0.13.5 {@code mackinnonp}/{@code mackinnoncrit}
 * ({@code refcases/mackinnon_expected.json}, written by {@code scripts/extra_expected.py}): 312 p-values over
 * every regression, N = 1..6 and statistics from -30 to 5 (covering both polynomials and both bounds), and
 * critical values for every regression, N and four sample sizes.
 */
class MacKinnonTest {

    private static final Object REF = RefJson.resource("mackinnon_expected.json");

    @Test
    void pValuesEqualStatsmodelsOnEveryRegressionAndSeriesCount() {
        int checked = 0;
        for (Object o : RefJson.list(RefJson.obj(REF).get("pvalues"))) {
            Map<String, Object> c = RefJson.obj(o);
            AdfRegression r = AdfRegression.fromCode((String) c.get("regression"));
            int n = (int) RefJson.num(c.get("N"));
            double stat = RefJson.num(c.get("stat"));
            // Same polynomial and erfc-based normal cdf as scipy's ndtr: agreement to ~1e-13; 1e-9 leaves margin.
            Close.rel(MacKinnon.pValue(stat, r, n), RefJson.num(c.get("p")), 1e-9,
                    "p(" + r.code() + ", N=" + n + ", tau=" + stat + ")");
            checked++;
        }
        assertThat(checked).isEqualTo(4 * 6 * 13);
    }

    @Test
    void criticalValuesEqualStatsmodelsResponseSurface() {
        for (Object o : RefJson.list(RefJson.obj(REF).get("crit"))) {
            Map<String, Object> c = RefJson.obj(o);
            AdfRegression r = AdfRegression.fromCode((String) c.get("regression"));
            int n = (int) RefJson.num(c.get("N"));
            double nobs = RefJson.num(c.get("nobs"));
            CriticalValues cv = MacKinnon.criticalValues(r, n, nobs);
            double[] e = RefJson.doubles(c.get("crit"));
            String what = "crit(" + r.code() + ", N=" + n + ", nobs=" + nobs + ")";
            Close.rel(cv.onePercent(), e[0], 1e-12, what + " 1%");
            Close.rel(cv.fivePercent(), e[1], 1e-12, what + " 5%");
            Close.rel(cv.tenPercent(), e[2], 1e-12, what + " 10%");
        }
    }

    @Test
    void asymptoticCriticalValuesAreThePublishedBetaInfinity() {
        // MacKinnon (2010) Table 1, N = 1, constant: -3.43035, -2.86154, -2.56677.
        CriticalValues cv = MacKinnon.criticalValues(AdfRegression.CONSTANT, 1, Double.POSITIVE_INFINITY);
        assertThat(cv).isEqualTo(new CriticalValues(-3.43035, -2.86154, -2.56677));
    }

    @Test
    void pValueIsOneAboveTheUpperBoundAndZeroBelowTheLowerBound() {
        assertThat(MacKinnon.pValue(Double.POSITIVE_INFINITY, AdfRegression.CONSTANT, 1)).isEqualTo(1.0);
        assertThat(MacKinnon.pValue(Double.NEGATIVE_INFINITY, AdfRegression.CONSTANT, 2)).isEqualTo(0.0);
    }

    @Test
    void refusesSeriesCountsOutsideTheTables() {
        assertThatThrownBy(() -> MacKinnon.pValue(-2.0, AdfRegression.CONSTANT, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nSeries 7");
        assertThatThrownBy(() -> MacKinnon.criticalValues(AdfRegression.NONE, 2, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..1");
    }
}
