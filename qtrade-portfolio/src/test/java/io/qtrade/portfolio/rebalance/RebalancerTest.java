package io.qtrade.portfolio.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.qtrade.portfolio.RefCases;
import io.qtrade.portfolio.covariance.LedoitWolf;
import io.qtrade.portfolio.covariance.SampleCovariance;
import io.qtrade.portfolio.hrp.HierarchicalRiskParity;
import io.qtrade.portfolio.optimize.MeanVarianceOptimizer;
import io.qtrade.portfolio.optimize.PortfolioConstraints;
import io.qtrade.portfolio.returns.HistoricalMean;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The rebalancing component: drift, costs and schedules by hand; rules against the optimisers they wrap. */
class RebalancerTest {

    private static final LocalDate[] DATES = {
        LocalDate.of(2024, 1, 30), LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 2),
        LocalDate.of(2024, 3, 1)};
    private static final double[][] R = {{0.01, 0.02}, {0.0, 0.0}, {0.10, -0.10}, {0.05, 0.0}, {0.0, 0.10}};

    @Test
    void equalWeightMonthlyDriftAndCostsByHand() {
        // lookback 2: the first rebalance is at row 1 (2024-01-31), from cash: turnover 1, cost 0.001.
        RebalanceResult r = new Rebalancer(AllocationRules.equalWeight(), RebalanceSchedule.monthly(), 2, 0.001, 252)
                .run(DATES, R);
        assertThat(r.dates()).containsExactly(Arrays.copyOfRange(DATES, 1, 5));
        assertThat(r.events()).hasSize(3); // 01-31, 02-01 (new month), 03-01 (new month)
        double v = 1.0 - 0.001;
        assertThat(r.wealth()[0]).isCloseTo(v, offset(1e-15));
        // 02-01: r_p = 0.5*0.1 - 0.5*0.1 = 0; drifted weights 0.55, 0.45; rebalance: turnover 0.1, cost 1e-4.
        assertThat(r.events().get(1).before()).containsExactly(new double[] {0.55, 0.45}, offset(1e-15));
        assertThat(r.events().get(1).turnover()).isCloseTo(0.1, offset(1e-15));
        v *= 1.0 - 1e-4;
        assertThat(r.wealth()[1]).isCloseTo(v, offset(1e-15));
        // 02-02: r_p = 0.5*0.05 = 0.025; no rebalance (same month); drifted 0.525/1.025, 0.5/1.025.
        v *= 1.025;
        assertThat(r.wealth()[2]).isCloseTo(v, offset(1e-15));
        // 03-01: r_p = (0.5/1.025)*0.1; then rebalance from (0.525/1.025, 0.55/1.025 / ...) back to 1/2.
        double w1 = 0.5 / 1.025;
        double rp = w1 * 0.10;
        double a = (0.525 / 1.025) / (1 + rp);
        double b = w1 * 1.1 / (1 + rp);
        assertThat(a + b).isCloseTo(1.0, offset(1e-15));
        double turnover = Math.abs(0.5 - a) + Math.abs(0.5 - b);
        assertThat(r.events().get(2).turnover()).isCloseTo(turnover, offset(1e-15));
        v *= (1 + rp) * (1 - 0.001 * turnover);
        assertThat(r.wealth()[3]).isCloseTo(v, offset(1e-15));
        assertThat(r.netReturns()[3]).isCloseTo((1 + rp) * (1 - 0.001 * turnover) - 1, offset(1e-15));
        assertThat(r.totalCost()).isCloseTo(0.001 * (1 + 0.1 + turnover), offset(1e-15));
    }

    @Test
    void schedulesFireAsDocumented() {
        double[] t = {0.5, 0.5};
        assertThat(RebalanceSchedule.weekly().rebalanceToday(LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 8), 1,
                t, t)).isTrue(); // Friday -> Monday
        assertThat(RebalanceSchedule.weekly().rebalanceToday(LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 9), 1,
                t, t)).isFalse();
        assertThat(RebalanceSchedule.monthly().rebalanceToday(LocalDate.of(2023, 12, 29), LocalDate.of(2024, 1, 2),
                1, t, t)).isTrue();
        assertThat(RebalanceSchedule.everyPeriods(3).rebalanceToday(null, null, 2, t, t)).isFalse();
        assertThat(RebalanceSchedule.everyPeriods(3).rebalanceToday(null, null, 3, t, t)).isTrue();
        assertThat(RebalanceSchedule.driftThreshold(0.05).rebalanceToday(null, null, 1, new double[] {0.56, 0.44},
                t)).isTrue();
        assertThat(RebalanceSchedule.driftThreshold(0.05).rebalanceToday(null, null, 1, new double[] {0.54, 0.46},
                t)).isFalse();
        // Drift threshold on the hand case: 0.55/0.45 at 02-01 exceeds 0.04; without that rebalance 02-02 drifts to
        // 0.5775/1.0275 = 0.5620 (> 0.06 off); 03-01 would be 0.5384, so 0.07 never fires.
        assertThat(new Rebalancer(AllocationRules.equalWeight(), RebalanceSchedule.driftThreshold(0.04), 2, 0.0, 252)
                .run(DATES, R).events()).extracting(RebalanceEvent::index).containsExactly(1, 2);
        assertThat(new Rebalancer(AllocationRules.equalWeight(), RebalanceSchedule.driftThreshold(0.06), 2, 0.0, 252)
                .run(DATES, R).events()).extracting(RebalanceEvent::index).containsExactly(1, 3);
        assertThat(new Rebalancer(AllocationRules.equalWeight(), RebalanceSchedule.driftThreshold(0.07), 2, 0.0, 252)
                .run(DATES, R).events()).hasSize(1);
    }

    @Test
    void rulesGiveTheOptimisersWeightsOnTheWindow() {
        double[][] r = RefCases.returns("dj10_1999_2000");
        int n = r[0].length;
        LocalDate[] dates = new LocalDate[r.length];
        for (int k = 0; k < r.length; k++) {
            dates[k] = LocalDate.of(1999, 1, 4).plusDays(k);
        }
        int lookback = 250;
        PortfolioConstraints c = PortfolioConstraints.builder(n).bounds(0.0, 0.2).build();
        RebalanceResult res = new Rebalancer(AllocationRules.maximumSharpe(LedoitWolf.INSTANCE,
                HistoricalMean.INSTANCE, 0.0002, c), RebalanceSchedule.everyPeriods(63), lookback, 0.0005, 252)
                .run(dates, r);
        assertThat(res.events()).hasSize(1 + (r.length - lookback) / 63);
        RebalanceEvent second = res.events().get(1);
        double[][] window = Arrays.copyOfRange(r, second.index() - lookback + 1, second.index() + 1);
        double[] expected = MeanVarianceOptimizer.of(LedoitWolf.INSTANCE.estimate(window),
                HistoricalMean.INSTANCE.estimate(window), 0.0002, c).maximumSharpe().weights();
        assertThat(second.target()).containsExactly(expected, offset(1e-12));
        // A turnover limit is fed the drifted weights at each rebalance (none at the first, from cash). It must bind:
        // up to the second rebalance both runs hold the same weights, the unlimited rule then trades more than 0.2
        // (0.337 on these returns), so the limited one trades exactly 0.2.
        double[] zeros = new double[n];
        PortfolioConstraints free = c.toBuilder().currentWeights(zeros).build();
        RebalanceResult unlimited = new Rebalancer(AllocationRules.minimumVariance(SampleCovariance.INSTANCE, free),
                RebalanceSchedule.everyPeriods(63), lookback, 0.0, 252).run(dates, r);
        PortfolioConstraints limited = free.toBuilder().turnoverLimit(0.2).build();
        RebalanceResult lim = new Rebalancer(AllocationRules.minimumVariance(SampleCovariance.INSTANCE, limited),
                RebalanceSchedule.everyPeriods(63), lookback, 0.0, 252).run(dates, r);
        assertThat(unlimited.events().get(1).turnover()).isGreaterThan(0.2);
        assertThat(lim.events().get(1).turnover()).isCloseTo(0.2, offset(1e-9));
        for (int k = 1; k < lim.events().size(); k++) {
            assertThat(lim.events().get(k).turnover()).isLessThanOrEqualTo(0.2 + 1e-9);
        }
        RebalanceResult hrp = new Rebalancer(AllocationRules.hierarchicalRiskParity(SampleCovariance.INSTANCE,
                HierarchicalRiskParity.SINGLE), RebalanceSchedule.monthly(), lookback, 0.0, 252).run(dates, r);
        assertThat(hrp.events().get(0).target()).containsExactly(HierarchicalRiskParity.SINGLE
                .allocate(SampleCovariance.INSTANCE.estimate(Arrays.copyOfRange(r, 0, lookback))).weights(),
                offset(0.0));
        assertThat(hrp.maxDrawdown()).isBetween(0.0, 1.0);
    }

    @Test
    void badSetupsAreNamed() {
        assertThatThrownBy(() -> new Rebalancer(AllocationRules.equalWeight(), RebalanceSchedule.monthly(), 1, 0.0,
                252)).hasMessageContaining("lookback 1");
        assertThatThrownBy(() -> new Rebalancer(AllocationRules.equalWeight(), RebalanceSchedule.monthly(), 5, 0.0,
                252).run(DATES, R)).hasMessageContaining("expected at least 6");
    }
}
