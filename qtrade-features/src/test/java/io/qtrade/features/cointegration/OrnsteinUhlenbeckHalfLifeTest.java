package io.qtrade.features.cointegration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;

/**
 * OU half-life against statsmodels OLS of {@code ds_t} on {@code [1, s_{t-1}]} ({@code meanrev_pca_expected.json},
 * written by {@code scripts/meanrev_pca_expected.py}); tolerance relative 1e-10 (two exact OLS solutions of a
 * 2-parameter problem), plus a hand-computed geometric decay.
 */
class OrnsteinUhlenbeckHalfLifeTest {

    private static final Map<String, Object> REF = RefJson.obj(RefJson.resource("meanrev_pca_expected.json"),
            "ou_half_life", "series");

    @Test
    void geometricDecayByHalfEachStepHasAHalfLifeOfOneObservation() {
        // s = 4, 2, 1, 0.5: ds = -2, -1, -0.5 = -0.5 * s_{t-1} exactly, so b = -0.5, a = 0;
        // discrete -ln2/ln(0.5) = 1; continuous -ln2/(-0.5) = 2 ln 2 = 1.386294...
        HalfLifeEstimate e = OrnsteinUhlenbeckHalfLife.estimate(new double[] {4, 2, 1, 0.5});
        assertThat(e.slope()).isCloseTo(-0.5, offset(1e-15));
        assertThat(e.intercept()).isCloseTo(0.0, offset(1e-15));
        assertThat(e.halfLifeDiscrete()).isCloseTo(1.0, offset(1e-14));
        assertThat(e.halfLifeContinuous()).isCloseTo(2 * Math.log(2), offset(1e-14));
        assertThat(e.pairs()).isEqualTo(3);
    }

    @Test
    void slopeInterceptAndBothHalfLivesEqualStatsmodelsOls() {
        double[] x = RefJson.csvColumn("eg_synthetic_pair.csv", "x");
        double[] y = RefJson.csvColumn("eg_synthetic_pair.csv", "y");
        double[] spread = EngleGranger.builder().build().test(y, x).spread();
        check(OrnsteinUhlenbeckHalfLife.estimate(spread), RefJson.obj(REF, "eg_spread"));
        check(OrnsteinUhlenbeckHalfLife.estimate(RefJson.csvColumn("adf_ar1_phi05.csv", "x")),
                RefJson.obj(REF, "adf_ar1_phi05.csv"));
        check(OrnsteinUhlenbeckHalfLife.estimate(RefJson.csvColumn("adf_random_walk.csv", "x")),
                RefJson.obj(REF, "adf_random_walk.csv"));
    }

    private static void check(HalfLifeEstimate e, Map<String, Object> r) {
        Close.rel(e.slope(), RefJson.num(r.get("slope")), 1e-10, "slope");
        Close.rel(e.intercept(), RefJson.num(r.get("intercept")), 1e-8, "intercept");
        Close.rel(e.halfLifeDiscrete(), RefJson.num(r.get("half_life_discrete")), 1e-10, "discrete");
        Close.rel(e.halfLifeContinuous(), RefJson.num(r.get("half_life_continuous")), 1e-10, "continuous");
    }

    @Test
    void streamingIsNaNDuringWarmUpAndThenEqualsTheBatch() {
        double[] s = RefJson.csvColumn("adf_ar1_phi05.csv", "x");
        OrnsteinUhlenbeckHalfLife ou = new OrnsteinUhlenbeckHalfLife();
        ou.update(s[0]);
        ou.update(s[1]);
        assertThat(ou.halfLife()).isNaN();
        for (int t = 2; t < s.length; t++) {
            ou.update(s[t]);
        }
        assertThat(ou.estimate()).isEqualTo(OrnsteinUhlenbeckHalfLife.estimate(s));
        assertThat(OrnsteinUhlenbeckHalfLife.estimate(DoubleColumn.create("s", s))).isEqualTo(ou.estimate());
    }

    @Test
    void trendingSpreadHasAnInfiniteHalfLife() {
        // s = 1, 2, 4, 8: ds = s_{t-1}, b = +1 > 0: no mean reversion.
        HalfLifeEstimate e = OrnsteinUhlenbeckHalfLife.estimate(new double[] {1, 2, 4, 8});
        assertThat(e.halfLifeDiscrete()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(e.halfLifeContinuous()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void refusesNonFiniteValues() {
        OrnsteinUhlenbeckHalfLife ou = new OrnsteinUhlenbeckHalfLife();
        ou.update(1.0);
        assertThatThrownBy(() -> ou.update(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spread value NaN");
    }
}
