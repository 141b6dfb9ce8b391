package io.qtrade.features.volatility;

import static org.assertj.core.api.Assertions.assertThat;

import io.qtrade.features.regression.OlsFit;
import org.junit.jupiter.api.Test;

/**
 * The two log-HAR conventions against numpy least squares on the 1302 USD/CHF daily RVs
 * ({@code refcases/har_log_variants_expected.json}, written by {@code refcases/scripts/har_log_variants.py}, numpy
 * 2.4.6 QR; the numbers below are copied from that file). Tolerance 1e-9 relative: both are the same deterministic
 * least-squares solution.
 */
class HarRvLogVariantsTest {

    private static void close(double actual, double expected, String what) {
        assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs " + expected)
                .isLessThanOrEqualTo(1e-9 * Math.abs(expected));
    }

    private static void check(HarRvScale scale, double[] params, double[] se, double r2, double[] firstRow) {
        double[] rv = HarRvTest.rvPct2();
        double[][] d = HarRv.design(rv, scale);
        assertThat(d).hasNumberOfRows(1280);
        for (int j = 0; j < 4; j++) {
            close(d[0][j], firstRow[j], scale + " first row " + j);
        }
        OlsFit ols = new HarRv(scale).fit(rv).ols();
        for (int j = 0; j < 4; j++) {
            close(ols.param(j), params[j], scale + " param " + j);
            close(ols.standardErrors()[j], se[j], scale + " se " + j);
        }
        close(ols.rSquared(), r2, scale + " R2");
    }

    @Test
    void logOfAveragesEqualsNumpy() {
        check(HarRvScale.LOG_OF_AVERAGES,
                new double[] {-0.303964786256313, 0.17873628896175817, 0.3961342062001164, 0.18180541147644966},
                new double[] {0.041369876576399, 0.032415265814776835, 0.058712729360880664, 0.06450239017133692},
                0.23048708400832363,
                new double[] {-1.3482823921251792, -0.7895137490146552, -1.2879454649903561, -1.31692720157422});
    }

    @Test
    void averageOfLogsEqualsNumpy() {
        check(HarRvScale.AVERAGE_OF_LOGS,
                new double[] {-0.2344318306977227, 0.19594587828423615, 0.3721245700830002, 0.1843271778124483},
                new double[] {0.05037884611669545, 0.0324886134205764, 0.05955246019415428, 0.06776849190375936},
                0.22170146783955402,
                new double[] {-1.3482823921251792, -0.7895137490146552, -1.416671679787807, -1.4397626952500044});
    }

    @Test
    @SuppressWarnings("deprecation")
    void deprecatedLogIsTheLogOfAverages() {
        double[] rv = HarRvTest.rvPct2();
        assertThat(new HarRv(HarRvScale.LOG).fit(rv).ols().params())
                .containsExactly(new HarRv(HarRvScale.LOG_OF_AVERAGES).fit(rv).ols().params());
    }

    @Test
    void streamingComponentsForecastLikeTheBatchForBothLogForms() {
        double[] rv = HarRvTest.rvPct2();
        for (HarRvScale scale : new HarRvScale[] {HarRvScale.LOG_OF_AVERAGES, HarRvScale.AVERAGE_OF_LOGS}) {
            HarRvFit fit = new HarRv(scale).fit(rv);
            HarRvComponents c = new HarRvComponents();
            for (double v : rv) {
                c.update(v);
            }
            double streamed = fit.forecastNext(c);
            double batch = fit.forecastNext(rv);
            assertThat(streamed).as(scale.toString()).isEqualTo(batch);
            // the forecast is the fitted regression at the last day's regressors
            double[][] d = HarRv.design(java.util.Arrays.copyOf(rv, rv.length), scale);
            double[] last = d[d.length - 1];
            double fitted = fit.ols().param(0) + fit.ols().param(1) * last[1] + fit.ols().param(2) * last[2]
                    + fit.ols().param(3) * last[3];
            // design's last row predicts day T-1 from day T-2, so compare the step before instead
            double prev = fit.forecastNext(java.util.Arrays.copyOf(rv, rv.length - 1));
            assertThat(Math.abs(prev - fitted)).isLessThan(1e-12);
        }
    }
}
