package io.qtrade.features.cointegration;

import static org.assertj.core.api.Assertions.assertThat;

/** Relative-tolerance assertions for reference values. */
final class Close {

    private Close() {
    }

    /** |actual - expected| <= tol * max(|expected|, 1e-300); NaN matches NaN, infinities must be equal. */
    static void rel(double actual, double expected, double tol, String what) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
            return;
        }
        if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        double err = Math.abs(actual - expected);
        assertThat(err <= tol * Math.max(Math.abs(expected), 1e-300))
                .as("%s: actual %s, expected %s, relative error %s > %s", what, actual, expected,
                        err / Math.abs(expected), tol)
                .isTrue();
    }

    static void rel(double[] actual, double[] expected, double tol, String what) {
        assertThat(actual.length).as(what + " length").isEqualTo(expected.length);
        for (int k = 0; k < expected.length; k++) {
            rel(actual[k], expected[k], tol, what + "[" + k + "]");
        }
    }
}
