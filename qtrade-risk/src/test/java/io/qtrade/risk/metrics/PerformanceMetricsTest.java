package io.qtrade.risk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/**
 * Every metric of the AAPL 2013 daily simple returns (n = 251) against numpy 1.24.2
 * ({@code refcases/performance_metrics_expected.json}), at a relative tolerance of 1e-9: both sides are the same
 * double-precision formulas, so only the summation order differs (pairwise in numpy, two-pass corrected in
 * commons-math3), some 1e-15 relative.
 */
class PerformanceMetricsTest {

    private static final double REL = 1e-9;
    private static final double[] R = RefCase.returns();

    private static double ref(String key, String... sections) {
        String[] all = new String[sections.length + 1];
        all[0] = "series";
        System.arraycopy(sections, 0, all, 1, sections.length);
        return RefCase.expected(key, all);
    }

    private static void assertRel(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * REL));
    }

    @Test
    void referenceSeriesHas251Returns() {
        assertThat(R).hasSize((int) ref("n"));
    }

    @Test
    void meanAndStdMatchNumpyForBothDdof() {
        assertRel(PerformanceMetrics.mean(R), ref("mean"));
        assertRel(PerformanceMetrics.std(R, 1), ref("std_ddof1"));
        assertRel(PerformanceMetrics.std(R, 0), ref("std_ddof0"));
    }

    @Test
    void sharpeAnnualisedBySqrt252MatchesNumpyForBothDdof() {
        assertRel(PerformanceMetrics.sharpe(R, Conventions.DAILY), ref("sharpe_ann_ddof1"));
        assertRel(PerformanceMetrics.sharpe(R, Conventions.DAILY.withDdof(0)), ref("sharpe_ann_ddof0"));
    }

    @Test
    void sortinoBothVariantsMatchNumpy() {
        assertRel(PerformanceMetrics.downsideDeviation(R, 0.0), ref("downside_deviation_over_all_n"));
        assertRel(PerformanceMetrics.sortino(R, Conventions.DAILY), ref("sortino_ann_downside_dev_over_all_n"));
        assertRel(PerformanceMetrics.sortinoNegativeOnly(R, Conventions.DAILY),
                ref("sortino_ann_downside_std_ddof1_of_negative_returns_only"));
    }

    @Test
    void compoundedDrawdownMatchesNumpyWithPeakAndTrough() {
        Drawdown dd = Drawdown.ofReturnsCompounded(R);
        assertRel(dd.maxDrawdown(), ref("max_drawdown_compounded"));
        assertThat(dd.peakIndex()).isEqualTo((int) ref("mdd_peak_index_in_wealth(0=initial)"));
        assertThat(dd.troughIndex()).isEqualTo((int) ref("mdd_trough_index_in_wealth"));
        // numpy: w = [1, cumprod(1 + r)]; the first index after 74 with w >= w[0] = 1 is 230 (computed alongside the
        // reference with the same numpy), so the drawdown lasted 230 periods from the peak at 0.
        assertThat(dd.recoveryIndex()).isEqualTo(230);
        assertThat(dd.durationPeriods()).isEqualTo(230);
        assertThat(dd.longestUnderwaterPeriods()).isGreaterThanOrEqualTo(230);
        // Amount per 1 of initial wealth equals the fraction when the peak is the initial 1.
        assertRel(dd.maxDrawdownAmount(), ref("max_drawdown_compounded"));
    }

    @Test
    void additiveDrawdownOfTheCumulativeSumFromZeroMatchesNumpy() {
        assertRel(Drawdown.ofReturnsAdditive(R).maxDrawdown(), ref("max_drawdown_additive_cumsum"));
    }

    @Test
    void totalAndAnnualisedReturnMatchNumpy() {
        assertRel(PerformanceMetrics.totalReturn(R), ref("total_return"));
        assertRel(PerformanceMetrics.annualisedReturn(R, 252), ref("cagr_252"));
    }

    @Test
    void summaryCarriesTheSameNumbersAndCalmarIsCagrOverDrawdown() {
        PerformanceSummary s = PerformanceMetrics.ofReturns(R, Conventions.DAILY);
        assertThat(s.periods()).isEqualTo(251);
        assertRel(s.sharpe(), ref("sharpe_ann_ddof1"));
        assertRel(s.annualisedVolatility(), ref("annualised_vol_ddof1"));
        assertRel(s.calmar(), ref("cagr_252") / ref("max_drawdown_compounded"));
        assertRel(s.historicalVar(), ref("-quantile_linear", "VaR_95"));
        assertRel(s.historicalEs(), ref("-mean(r[r <= quantile_linear])", "ES_95"));
        // scipy 1.10.1: skew(r) = -1.2482781835416932, kurtosis(r) (excess, biased) = 8.782503216431051.
        assertRel(s.skewness(), -1.2482781835416932);
        assertRel(s.excessKurtosis(), 8.782503216431051);
        // numpy: (r > 0).sum() / (r != 0).sum() = 124 / 251; r[r > 0].sum() / -r[r < 0].sum().
        assertRel(s.winRate(), 0.4940239043824701);
        assertRel(s.profitFactor(), 1.0394260329126246);
    }

    @Test
    void equitySeriesGivesTheSameMetricsAsItsReturns() {
        double[] equity = new double[R.length + 1];
        equity[0] = 1_000_000.0;
        for (int i = 0; i < R.length; i++) {
            equity[i + 1] = equity[i] * (1.0 + R[i]);
        }
        PerformanceSummary s = PerformanceMetrics.ofEquity(equity, Conventions.DAILY);
        assertThat(s.sharpe()).isCloseTo(ref("sharpe_ann_ddof1"), within(1e-9));
        assertThat(s.drawdown().maxDrawdown()).isCloseTo(ref("max_drawdown_compounded"), within(1e-12));
        assertThat(s.drawdown().maxDrawdownAmount())
                .isCloseTo(1_000_000.0 * ref("max_drawdown_compounded"), within(1e-6));
        assertThat(s.drawdown().troughIndex()).isEqualTo(74);
    }

    @Test
    void drawdownDurationInTimeRunsFromPeakToRecovery() {
        // Equity 100, 110, 99, 104.5, 110, 120: peak 110 at 1, trough 99 at 2 (10 %), recovery at 4.
        Drawdown dd = Drawdown.ofEquity(new double[] {100, 110, 99, 104.5, 110, 120});
        assertThat(dd.maxDrawdown()).isCloseTo(0.1, offset(1e-15));
        assertThat(dd.maxDrawdownAmount()).isCloseTo(11.0, offset(1e-12));
        assertThat(dd.peakIndex()).isEqualTo(1);
        assertThat(dd.troughIndex()).isEqualTo(2);
        assertThat(dd.recoveryIndex()).isEqualTo(4);
        assertThat(dd.durationPeriods()).isEqualTo(3);
        long[] ts = {0, 60, 120, 180, 240, 300};
        assertThat(dd.durationNanos(ts)).isEqualTo(180);
    }

    @Test
    void unrecoveredDrawdownLastsToTheEnd() {
        Drawdown dd = Drawdown.ofEquity(new double[] {100, 120, 90, 100});
        assertThat(dd.recovered()).isFalse();
        assertThat(dd.durationPeriods()).isEqualTo(2);
        assertThat(dd.maxDrawdown()).isCloseTo(0.25, offset(1e-15));
        assertThat(dd.longestUnderwaterPeriods()).isEqualTo(2);
    }

    @Test
    void turnoverIsNotionalOverMeanEquity() {
        // mean equity (100 + 200 + 300) / 3 = 200; 500 traded -> 2.5.
        assertThat(PerformanceMetrics.turnover(500, new double[] {100, 200, 300})).isEqualTo(2.5);
    }

    @Test
    void badInputIsNamedWithItsIndexAndValue() {
        assertThatThrownBy(() -> PerformanceMetrics.ofReturns(new double[] {0.01, Double.NaN}, Conventions.DAILY))
                .hasMessageContaining("returns[1] = NaN");
        assertThatThrownBy(() -> PerformanceMetrics.ofReturns(new double[] {0.01, -1.0}, Conventions.DAILY))
                .hasMessageContaining("returns[1] = -1.0");
        assertThatThrownBy(() -> PerformanceMetrics.returnsOf(new double[] {1, 0, 2}))
                .hasMessageContaining("equity[1] = 0.0");
        assertThatThrownBy(() -> Conventions.DAILY.withDdof(2)).hasMessageContaining("ddof = 2");
        assertThatThrownBy(() -> Conventions.DAILY.withConfidence(1.0)).hasMessageContaining("confidence = 1.0");
    }

    @Test
    void flatSeriesHasNaNRatiosNotInfinity() {
        PerformanceSummary s = PerformanceMetrics.ofReturns(new double[] {0, 0, 0}, Conventions.DAILY);
        assertThat(s.sharpe()).isNaN();
        assertThat(s.sortino()).isNaN();
        assertThat(s.calmar()).isNaN();
        assertThat(s.winRate()).isNaN();
        assertThat(s.drawdown().maxDrawdown()).isZero();
        assertThat(s.drawdown().recovered()).isTrue();
        assertThat(s.drawdown().durationPeriods()).isZero();
        assertThat(s.drawdown().durationNanos(new long[] {0, 10, 20, 30})).isZero();
    }
}
