package io.qtrade.features.volatility;

import static org.assertj.core.api.Assertions.assertThat;

import io.qtrade.features.regression.OlsFit;
import org.junit.jupiter.api.Test;

/**
 * The two log-HAR conventions against numpy least squares on the 1302 simulated daily FX RVs
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
                new double[] {-0.30016547923102743, 0.35170707474721047, 0.42003587536537484, 0.05886580693210993},
                new double[] {0.04699840530027168, 0.03307224237553815, 0.050566095409665515, 0.04504866053907518},
                0.46493476184902593,
                new double[] {-0.4931067782411016, -0.5614097557497323, -0.6660372335068938, -0.6246918604935843});
    }

    @Test
    void averageOfLogsEqualsNumpy() {
        check(HarRvScale.AVERAGE_OF_LOGS,
                new double[] {-0.2586212513125004, 0.33611640773990553, 0.4363880176507301, 0.06291807808361181},
                new double[] {0.04937353010144849, 0.0332161825834141, 0.05134057180825431, 0.046153007955591116},
                0.46943530514486675,
                new double[] {-0.4931067782411016, -0.5614097557497323, -0.6859085420402982, -0.6941137162524721});
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
