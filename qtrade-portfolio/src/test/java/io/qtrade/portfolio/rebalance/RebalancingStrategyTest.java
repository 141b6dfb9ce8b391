package io.qtrade.portfolio.rebalance;

import io.qtrade.bars.BarBacktest;
import io.qtrade.bars.BarResult;
import io.qtrade.bars.order.Rebalance;
import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarSlice;
import io.qtrade.core.bar.InMemoryBarSource;
import io.qtrade.core.order.Fill;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.portfolio.covariance.LedoitWolf;
import io.qtrade.portfolio.covariance.SampleCovariance;
import io.qtrade.bars.cost.BpsCommission;
import io.qtrade.bars.cost.FixedBpsSlippage;
import io.qtrade.portfolio.optimize.PortfolioConstraints;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The bar-engine rebalancing strategy against an account simulated independently in the test: same closes, same
 * rule on the same window, quantities {@code floor(w * equity / close)} traded at the decision close, no costs.
 */
class RebalancingStrategyTest {

    private static final long DAY = 86_400_000_000_000L;
    private static final int N = 3;
    private static final int DAYS = 16;
    private static final int LOOKBACK = 4;

    private static final List<Instrument> INSTRUMENTS = List.of(Instrument.spot("A", "X", 0.01, 1),
            Instrument.spot("B", "X", 0.01, 1), Instrument.spot("C", "X", 0.01, 1));

    /** Hand-built closes: three assets with different volatilities, day d in row d. */
    private static double[][] closes() {
        double[][] c = new double[DAYS][N];
        double[] p = {100.0, 50.0, 20.0};
        double[] vol = {0.01, 0.03, 0.02};
        long seed = 42;
        for (int d = 0; d < DAYS; d++) {
            for (int i = 0; i < N; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                double u = ((seed >>> 11) * 0x1.0p-53) - 0.5; // uniform in [-0.5, 0.5)
                if (d > 0) {
                    p[i] *= 1.0 + vol[i] * 3.4 * u;
                }
                c[d][i] = Math.round(p[i] * 100.0) / 100.0;
            }
        }
        return c;
    }

    private static InMemoryBarSource source(double[][] c) {
        BarBatch batch = new BarBatch(DAYS * N);
        for (int d = 0; d < DAYS; d++) {
            for (int i = 0; i < N; i++) {
                batch.add(i, d * DAY, (d + 1) * DAY, c[d][i], c[d][i], c[d][i], c[d][i], 1e9);
            }
        }
        return new InMemoryBarSource(INSTRUMENTS, batch);
    }

    /** Delegates to the strategy and records each fill with the bar time it happened at. */
    private static final class Recorder implements Strategy {
        final RebalancingStrategy inner;
        final List<Fill> fills = new ArrayList<>();
        final List<Integer> fillBar = new ArrayList<>();
        int bar = -1;

        Recorder(RebalancingStrategy inner) {
            this.inner = inner;
        }

        @Override
        public void onStart(StrategyContext context) {
            inner.onStart(context);
        }

        @Override
        public void onBars(BarSlice bars) {
            bar++;
            inner.onBars(bars);
        }

        @Override
        public void onFill(Fill fill) {
            fills.add(fill);
            fillBar.add(bar);
            inner.onFill(fill);
        }
    }

    @Test
    void ordersAndWeightsAreTheRulesOnTheSameWindowAndNothingTradesBetweenScheduleDates() {
        double[][] c = closes();
        AllocationRule rule = AllocationRules.minimumVariance(SampleCovariance.INSTANCE,
                PortfolioConstraints.longOnly(N));
        RebalancingStrategy strategy = RebalancingStrategy.of(rule, RebalanceSchedule.everyPeriods(3), LOOKBACK);
        Recorder rec = new Recorder(strategy);
        BarResult result = BarBacktest.builder().source(source(c)).strategy("minvar", rec).initialCash(1_000_000)
                .build().run();

        // Independent simulation: decisions at day L (first full window) then every 3 days.
        double cash = 1_000_000;
        double[] pos = new double[N];
        List<Integer> decisionDays = new ArrayList<>();
        List<double[]> expectedTrades = new ArrayList<>();
        List<double[]> expectedWeights = new ArrayList<>();
        for (int d = LOOKBACK; d < DAYS; d += 3) {
            double[][] window = new double[LOOKBACK][N];
            for (int k = 0; k < LOOKBACK; k++) {
                for (int i = 0; i < N; i++) {
                    window[k][i] = c[d - LOOKBACK + k + 1][i] / c[d - LOOKBACK + k][i] - 1.0;
                }
            }
            double equity = cash;
            double[] held = new double[N];
            for (int i = 0; i < N; i++) {
                equity += pos[i] * c[d][i];
            }
            for (int i = 0; i < N; i++) {
                held[i] = pos[i] * c[d][i] / equity;
            }
            double[] w = rule.targetWeights(window, held);
            double[] trade = new double[N];
            for (int i = 0; i < N; i++) {
                double q = Math.floor(w[i] * equity / c[d][i] + 1e-9);
                trade[i] = q - pos[i];
                cash -= trade[i] * c[d][i];
                pos[i] = q;
            }
            decisionDays.add(d);
            expectedTrades.add(trade);
            expectedWeights.add(w);
        }
        assertThat(decisionDays).containsExactly(4, 7, 10, 13);

        // The decisions: on those bar times only, with the rule's weights on the same window.
        assertThat(strategy.rebalances()).extracting(StrategyRebalance::barIndex).containsExactlyElementsOf(
                decisionDays);
        for (int r = 0; r < decisionDays.size(); r++) {
            assertThat(strategy.rebalances().get(r).target()).containsExactly(expectedWeights.get(r),
                    within(1e-12));
            assertThat(strategy.rebalances().get(r).date())
                    .isEqualTo(java.time.LocalDate.ofEpochDay(decisionDays.get(r)));
        }
        // The weights are not trivial (not 1/N) and change between decisions.
        for (double[] w : expectedWeights) {
            assertThat(w[0] + w[1] + w[2]).isCloseTo(1.0, within(1e-9));
            assertThat(Math.max(w[0], Math.max(w[1], w[2])) - Math.min(w[0], Math.min(w[1], w[2])))
                    .isGreaterThan(0.05);
        }
        assertThat(expectedWeights.get(1)).isNotEqualTo(expectedWeights.get(0));

        // Orders: fills only on decision bar times, with exactly the simulated trades at the decision closes.
        assertThat(rec.fillBar).isNotEmpty().allMatch(decisionDays::contains);
        for (int r = 0; r < decisionDays.size(); r++) {
            int d = decisionDays.get(r);
            double[] traded = new double[N];
            for (int f = 0; f < rec.fills.size(); f++) {
                if (rec.fillBar.get(f) == d) {
                    Fill fill = rec.fills.get(f);
                    int i = INSTRUMENTS.indexOf(fill.instrument());
                    traded[i] += fill.side().sign() * fill.qty();
                    assertThat(fill.price()).isEqualTo(c[d][i]);
                }
            }
            assertThat(traded).as("trades on day %d", d).containsExactly(expectedTrades.get(r), within(1e-9));
        }

        // The weights after the last rebalance are the rule's within one lot.
        double equity = result.equity("minvar");
        assertThat(equity).isCloseTo(cashAndPositions(cash, pos, c[DAYS - 1]), within(1e-6));
        for (int i = 0; i < N; i++) {
            assertThat(result.portfolio("minvar").position(INSTRUMENTS.get(i)).qty()).isEqualTo(pos[i]);
        }
        int last = decisionDays.get(decisionDays.size() - 1);
        double equityAtLast = cashAndPositions(cash, pos, c[last]);
        for (int i = 0; i < N; i++) {
            double wAfter = pos[i] * c[last][i] / equityAtLast;
            assertThat(wAfter).isCloseTo(expectedWeights.get(expectedWeights.size() - 1)[i],
                    within(c[last][i] / equityAtLast));
        }
        assertThat(strategy.fees()).isZero();
        assertThat(strategy.shortfall()).isCloseTo(0.0, within(1e-6));
    }

    private static double cashAndPositions(double cash, double[] pos, double[] close) {
        double e = cash;
        for (int i = 0; i < N; i++) {
            e += pos[i] * close[i];
        }
        return e;
    }

    @Test
    void driftScheduleTradesOnlyWhenAWeightHasMovedBeyondTheThreshold() {
        double[][] c = closes();
        RebalancingStrategy strategy = new RebalancingStrategy(AllocationRules.equalWeight(),
                RebalanceSchedule.driftThreshold(0.01), LOOKBACK, 0.99, Rebalance.THIS_CLOSE, ZoneOffset.UTC);
        Recorder rec = new Recorder(strategy);
        BarBacktest.builder().source(source(c)).strategy("1/N", rec).build().run();

        // Independent: hold floor(0.99/3 * equity / close); rebalance when max |held - target| > 0.01.
        double cash = 1_000_000;
        double[] pos = new double[N];
        List<Integer> expected = new ArrayList<>();
        for (int d = LOOKBACK; d < DAYS; d++) {
            double equity = cashAndPositions(cash, pos, c[d]);
            boolean fire = d == LOOKBACK;
            for (int i = 0; i < N && !fire; i++) {
                fire = Math.abs(pos[i] * c[d][i] / equity - 0.99 / 3) > 0.01;
            }
            if (fire) {
                expected.add(d);
                for (int i = 0; i < N; i++) {
                    double q = Math.floor(0.99 / 3 * equity / c[d][i] + 1e-9);
                    cash -= (q - pos[i]) * c[d][i];
                    pos[i] = q;
                }
            }
        }
        assertThat(expected.size()).isBetween(2, DAYS - LOOKBACK - 1); // fires sometimes, not always
        assertThat(strategy.rebalances()).extracting(StrategyRebalance::barIndex).containsExactlyElementsOf(expected);
        assertThat(rec.fillBar).allMatch(expected::contains);
    }

    @Test
    void readmeSnippetRuns() {
        int n = N;
        InMemoryBarSource bars = source(closes());
        // README snippet (qtrade-portfolio/README.md) from here
        RebalancingStrategy minVar = new RebalancingStrategy(
                AllocationRules.minimumVariance(LedoitWolf.INSTANCE, PortfolioConstraints.longOnly(n)),
                RebalanceSchedule.monthly(), 252, 0.99, Rebalance.THIS_CLOSE, ZoneOffset.UTC);
        BarResult result = BarBacktest.builder().source(bars).strategy("min-variance", minVar)
                .commission(new BpsCommission(5, 0)).slippage(new FixedBpsSlippage(5)).build().run();
        // to here; 16 days are fewer than a 253-close window: no decision, no trade.
        assertThat(minVar.rebalances()).isEmpty();
        assertThat(result.equity("min-variance")).isEqualTo(1_000_000.0);
    }

    @Test
    void monthlyScheduleOnAShortWindowRebalancesOnTheFirstBarOfEachMonthWithCosts() {
        double[][] c = new double[70][N];
        BarBatch batch = new BarBatch(70 * N);
        java.time.LocalDate d0 = java.time.LocalDate.of(2024, 1, 29);
        double[][] base = closes();
        for (int d = 0; d < 70; d++) {
            for (int i = 0; i < N; i++) {
                c[d][i] = base[d % DAYS][i] * (1 + 0.001 * d);
                long start = d0.plusDays(d).toEpochDay() * DAY;
                batch.add(i, start, start + DAY, c[d][i], c[d][i], c[d][i], c[d][i], 1e9);
            }
        }
        RebalancingStrategy s = new RebalancingStrategy(AllocationRules.equalRiskContribution(
                SampleCovariance.INSTANCE), RebalanceSchedule.monthly(), LOOKBACK, 0.99, Rebalance.NEXT_OPEN,
                ZoneOffset.UTC);
        BarBacktest.builder().source(new InMemoryBarSource(INSTRUMENTS, batch)).strategy("erc", s)
                .commission(new BpsCommission(5, 0)).slippage(new FixedBpsSlippage(5)).build().run();
        // First decision at the 5th close (2024-02-02), then 2024-03-01 and 2024-04-01 (70 days end 2024-04-07).
        assertThat(s.rebalances()).extracting(StrategyRebalance::date).containsExactly(
                java.time.LocalDate.of(2024, 2, 2), java.time.LocalDate.of(2024, 3, 1),
                java.time.LocalDate.of(2024, 4, 1));
        // Commission 5 bp of the traded notional.
        assertThat(s.fees()).isCloseTo(0.0005 * s.tradedNotional(), within(1e-6));
    }

    @Test
    void refusesBadArguments() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RebalancingStrategy.of(
                AllocationRules.equalWeight(), RebalanceSchedule.monthly(), 1))
                .hasMessageContaining("lookback 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RebalancingStrategy(
                AllocationRules.equalWeight(), RebalanceSchedule.monthly(), 5, 1.5, Rebalance.THIS_CLOSE,
                ZoneOffset.UTC)).hasMessageContaining("investedFraction 1.5");
    }
}
