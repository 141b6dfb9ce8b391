package io.qtrade.portfolio.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.qtrade.portfolio.RefCases;
import org.junit.jupiter.api.Test;

/** Expected-return estimators: the mean against numpy (JSON), EWMA and CAPM against their definitions by hand. */
class ExpectedReturnsTest {

    @Test
    void historicalMeanMatchesNumpy() {
        double[][] r = RefCases.returns("dj15_1995_1996");
        double[] expected = RefCases.vector(RefCases.expected("portfolio_covariance_expected.json", "dj15_1995_1996")
                .get("mean_daily"));
        assertThat(RefCases.maxRelativeError(HistoricalMean.INSTANCE.estimate(r), expected, 1e-6)).isLessThan(1e-9);
    }

    @Test
    void ewmaMeanWeightsTheNewestMost() {
        // Three returns 1, 2, 4 with lambda 0.5: (4 + 0.5*2 + 0.25*1) / 1.75 = 5.25/1.75 = 3.
        double[][] r = {{1.0}, {2.0}, {4.0}};
        assertThat(new EwmaMean(0.5).estimate(r)[0]).isCloseTo(3.0, offset(1e-15));
        // span 3 is alpha 0.5, lambda 0.5 (pandas ewm(span=3)).
        assertThat(EwmaMean.ofSpan(3).lambda()).isEqualTo(0.5);
    }

    @Test
    void capmMarketPortfolioEarnsTheMarketMean() {
        double[][] r = RefCases.returns("dj10_1999_2000");
        int n = r[0].length;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = (i + 1.0) / (n * (n + 1) / 2.0);
        }
        double rf = 0.0002;
        double[] mu = CapmReturns.withMarketWeights(rf, w).estimate(r);
        // sum w_i beta_i = 1, so sum w_i mu_i = rf + (E[r_m] - rf) = E[r_m].
        double mm = 0.0;
        for (double[] row : r) {
            for (int i = 0; i < n; i++) {
                mm += w[i] * row[i];
            }
        }
        mm /= r.length;
        double wm = 0.0;
        for (int i = 0; i < n; i++) {
            wm += w[i] * mu[i];
        }
        assertThat(wm).isCloseTo(mm, offset(1e-15));
        // An asset that is the market itself has beta 1.
        double[][] withMarket = new double[r.length][2];
        for (int t = 0; t < r.length; t++) {
            withMarket[t][0] = r[t][0];
            withMarket[t][1] = 2.0 * r[t][0];
        }
        double[] market = new double[r.length];
        for (int t = 0; t < r.length; t++) {
            market[t] = r[t][0];
        }
        double[] mu2 = CapmReturns.equalWeightedMarket(rf).estimate(withMarket, market);
        double m0 = HistoricalMean.INSTANCE.estimate(withMarket)[0];
        assertThat(mu2[0]).isCloseTo(m0, offset(1e-15));
        assertThat(mu2[1]).isCloseTo(rf + 2.0 * (m0 - rf), offset(1e-15));
    }

    @Test
    void givenReturnsAreReturnedAndCheckedAgainstN() {
        GivenReturns g = new GivenReturns(new double[] {0.01, 0.02});
        assertThat(g.estimate(new double[][] {{0.0, 0.0}})).containsExactly(0.01, 0.02);
        assertThatThrownBy(() -> g.estimate(new double[][] {{0.0, 0.0, 0.0}})).hasMessageContaining("3 assets");
    }
}
