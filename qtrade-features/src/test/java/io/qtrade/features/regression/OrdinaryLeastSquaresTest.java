package io.qtrade.features.regression;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** OLS on a four-point sample worked out by hand in the comments. */
class OrdinaryLeastSquaresTest {

    // x = 0, 1, 2, 3; y = 1, 3, 2, 5.  xbar = 1.5, ybar = 2.75, Sxx = 5, Sxy = 5.5
    // slope = 5.5 / 5 = 1.1, intercept = 2.75 - 1.1 * 1.5 = 1.1
    // residuals = -0.1, 0.8, -1.3, 0.6; SSR = 2.7; s^2 = 2.7 / 2 = 1.35; SST = 8.75
    static final double[] Y = {1, 3, 2, 5};
    static final double[][] X = {{0}, {1}, {2}, {3}};

    @Test
    void coefficientsResidualsAndRSquaredMatchTheHandComputation() {
        OlsFit fit = OrdinaryLeastSquares.fit(Y, X, "const", "slope");
        assertThat(fit.params()).containsExactly(new double[] {1.1, 1.1}, within(1e-14));
        assertThat(fit.residuals()).containsExactly(new double[] {-0.1, 0.8, -1.3, 0.6}, within(1e-14));
        assertThat(fit.ssr()).isCloseTo(2.7, within(1e-13));
        assertThat(fit.residualVariance()).isCloseTo(1.35, within(1e-13));
        // R^2 = 1 - 2.7 / 8.75; adjusted = 1 - (2.7 / 8.75) * 3 / 2
        assertThat(fit.rSquared()).isCloseTo(1 - 2.7 / 8.75, within(1e-14));
        assertThat(fit.adjustedRSquared()).isCloseTo(1 - (2.7 / 8.75) * 1.5, within(1e-14));
        assertThat(fit.predict(4.0)).isCloseTo(1.1 + 4.4, within(1e-13));
    }

    @Test
    void ordinaryStandardErrorsAreSqrtOfS2TimesXtxInverse() {
        OlsFit fit = OrdinaryLeastSquares.fit(Y, X, "const", "slope");
        // se(slope) = sqrt(s^2 / Sxx) = sqrt(0.27); se(const) = sqrt(s^2 (1/n + xbar^2 / Sxx)) = sqrt(1.35 * 0.7)
        assertThat(fit.standardErrors()).containsExactly(new double[] {Math.sqrt(0.945), Math.sqrt(0.27)},
                within(1e-13));
        // t = 1.1 / sqrt(0.27) = 2.11695; two-sided p from t(2): p = 1 - t / sqrt(2 + t^2) (closed form for 2 df)
        double t = 1.1 / Math.sqrt(0.27);
        assertThat(fit.pValues(fit.standardErrors())[1]).isCloseTo(1 - t / Math.sqrt(2 + t * t), within(1e-12));
    }

    @Test
    void neweyWestWithZeroLagsIsWhiteHc0() {
        OlsFit fit = OrdinaryLeastSquares.fit(Y, X, "const", "slope");
        // HC0 slope variance = sum (x - xbar)^2 u^2 / Sxx^2
        //   = (2.25 * 0.01 + 0.25 * 0.64 + 0.25 * 1.69 + 2.25 * 0.36) / 25 = 1.415 / 25 = 0.0566
        assertThat(fit.neweyWestStandardErrors(0)[1]).isCloseTo(Math.sqrt(0.0566), within(1e-13));
    }

    @Test
    void neweyWestOneLagAddsTheHalfWeightedFirstAutocovariance() {
        OlsFit fit = OrdinaryLeastSquares.fit(Y, X, "const", "slope");
        // slope scores (x - xbar) u: -1.5 * -0.1 = 0.15, -0.5 * 0.8 = -0.4, 0.5 * -1.3 = -0.65, 1.5 * 0.6 = 0.9
        // lag-1 products: 0.15 * -0.4 + -0.4 * -0.65 + -0.65 * 0.9 = -0.06 + 0.26 - 0.585 = -0.385
        // Bartlett w_1 = 1 - 1/2 = 0.5; S = 1.415 + 2 * 0.5 * -0.385 = 1.03; Var(slope) = 1.03 / 25
        // (the slope's row of (X'X)^-1 applied to the scores equals (x - xbar) / Sxx, so the centred form holds)
        assertThat(fit.neweyWestStandardErrors(1)[1]).isCloseTo(Math.sqrt(1.03 / 25), within(1e-13));
    }

    @Test
    void rejectsCollinearRegressorsAndNonFiniteValuesNamingThem() {
        assertThatThrownBy(() -> OrdinaryLeastSquares.fit(Y, new double[][] {{1, 2}, {2, 4}, {3, 6}, {4, 8}},
                "c", "a", "b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collinear");
        assertThatThrownBy(() -> OrdinaryLeastSquares.fit(new double[] {1, Double.NaN, 2, 3}, X, "c", "s"))
                .hasMessage("y[1] = NaN is not finite");
        assertThatThrownBy(() -> OrdinaryLeastSquares.fit(Y, X, "c"))
                .hasMessageContaining("names has 1 entries, expected 2");
    }
}
