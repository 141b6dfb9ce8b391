package io.qtrade.features.cointegration;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Standard errors of the Engle-Granger cointegrating regression against numpy
 * ({@code eg_standard_errors_expected.json}, written by {@code scripts/eg_standard_errors.py}: ordinary
 * {@code s^2 (X'X)^-1} and Newey-West with L = 0, 5, 12, Bartlett kernel, no small-sample factor), trends "c" and
 * "ct". Tolerance 1e-9 relative (deterministic linear algebra; QR here, lstsq/inv in numpy).
 */
class EngleGrangerStandardErrorsTest {

    private static final double[] X = RefJson.csvColumn("eg_synthetic_pair.csv", "x");
    private static final double[] Y = RefJson.csvColumn("eg_synthetic_pair.csv", "y");

    @Test
    void ordinaryAndNeweyWestStandardErrorsEqualNumpy() {
        Map<String, Object> all = RefJson.obj(RefJson.resource("eg_standard_errors_expected.json"));
        for (AdfRegression trend : new AdfRegression[] {AdfRegression.CONSTANT, AdfRegression.CONSTANT_TREND}) {
            Map<String, Object> c = RefJson.obj(all.get(trend.code()));
            EngleGrangerResult r = EngleGranger.builder().trend(trend).build().test(Y, X);
            double[] params = RefJson.doubles(c.get("params"));
            double[] se = RefJson.doubles(c.get("se"));
            Close.rel(r.hedgeRatio(), params[0], 1e-9, trend + " beta");
            Close.rel(r.hedgeRatioStandardErrors()[0], se[0], 1e-9, trend + " se beta");
            Close.rel(r.deterministicStandardErrors(), java.util.Arrays.copyOfRange(se, 1, se.length), 1e-9,
                    trend + " se deterministic");
            for (int lags : new int[] {0, 5, 12}) {
                double[] nw = RefJson.doubles(c.get("nw_se_L" + lags));
                Close.rel(r.hedgeRatioNeweyWestStandardErrors(lags)[0], nw[0], 1e-9, trend + " NW beta L" + lags);
                Close.rel(r.deterministicNeweyWestStandardErrors(lags), java.util.Arrays.copyOfRange(nw, 1, nw.length),
                        1e-9, trend + " NW deterministic L" + lags);
            }
        }
    }
}
