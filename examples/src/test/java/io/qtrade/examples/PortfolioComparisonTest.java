package io.qtrade.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.portfolio.rebalance.RebalanceSchedule;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

/** The portfolio comparison on the bundled synthetic universe's closes (a 3-year slice to keep the test fast). */
class PortfolioComparisonTest {

    @Test
    void loadsTheUniverseAndComparesFiveRulesWithCosts() {
        PortfolioComparison.DailyReturns all = PortfolioComparison.loadUniverse();
        assertThat(all.assets()).hasSize(30);
        // every weekday 1990-12-31..2001-01-02: 2,612 closes, 2,611 returns
        assertThat(all.returns().length).isEqualTo(2611);
        assertThat(all.dates()[0]).hasToString("1991-01-01");
        // First return of AA: 27.19 -> 27.52 (the file's first two rows).
        assertThat(all.returns()[0][0]).isEqualTo(27.52 / 27.19 - 1.0);
        int from = all.returns().length - 3 * 252;
        PortfolioComparison.DailyReturns slice = new PortfolioComparison.DailyReturns(
                Arrays.copyOfRange(all.dates(), from, all.dates().length), all.assets(),
                Arrays.copyOfRange(all.returns(), from, all.returns().length));
        Table t = PortfolioComparison.compare(slice, 252, 0.001, RebalanceSchedule.monthly());
        assertThat(t.stringColumn("portfolio").asList()).containsExactly("min-variance", "max-Sharpe", "ERC", "HRP",
                "1/N");
        for (int r = 0; r < t.rowCount(); r++) {
            assertThat(t.intColumn("rebalances").get(r)).isBetween(24, 26);
            assertThat(t.doubleColumn("ann_volatility").get(r)).isBetween(0.05, 0.6);
            assertThat(t.doubleColumn("total_cost").get(r)).isGreaterThanOrEqualTo(0.001 - 1e-15);
        }
        // 1/N's rebalances only undo drift; min variance and max Sharpe trade more (their windows move).
        assertThat(t.doubleColumn("ann_turnover").get(4)).isLessThan(t.doubleColumn("ann_turnover").get(1));
        // Minimum variance has the lowest volatility of the five over the same dates.
        double minVol = t.doubleColumn("ann_volatility").get(0);
        for (int r = 1; r < t.rowCount(); r++) {
            assertThat(minVol).isLessThan(t.doubleColumn("ann_volatility").get(r));
        }
    }

    @Test
    void runsTheFiveRulesAsStrategiesInOneBarEngineRunWithCostsTableAndReport(@TempDir Path dir) throws Exception {
        PortfolioComparison.DailyCloses all = PortfolioComparison.loadUniverseCloses();
        assertThat(all.closes().length).isEqualTo(2612);
        assertThat(all.closes()[0][0]).isEqualTo(27.19); // AA on 1990-12-31
        int from = all.closes().length - (252 + 2 * 252);   // 252-day window, then two years of rebalancing
        PortfolioComparison.DailyCloses slice = new PortfolioComparison.DailyCloses(
                Arrays.copyOfRange(all.dates(), from, all.dates().length), all.assets(),
                Arrays.copyOfRange(all.closes(), from, all.closes().length));
        PortfolioComparison.BarComparison c = PortfolioComparison.compareInBarEngine(slice, 252,
                RebalanceSchedule.monthly(), 5.0, 5.0);
        Table t = c.table();
        assertThat(t.stringColumn("portfolio").asList()).containsExactly("min-variance", "max-Sharpe", "ERC", "HRP",
                "1/N");
        for (int r = 0; r < t.rowCount(); r++) {
            String rule = t.stringColumn("portfolio").get(r);
            // First decision at the 253rd close, then the first bar of each of the 24 later months.
            assertThat(t.intColumn("rebalances").get(r)).as(rule).isBetween(24, 26);
            assertThat(t.doubleColumn("fees").get(r)).as(rule).isPositive();
            assertThat(t.doubleColumn("slippage").get(r)).as(rule).isPositive();
            assertThat(t.doubleColumn("total_cost").get(r)).as(rule).isCloseTo(
                    t.doubleColumn("fees").get(r) + t.doubleColumn("slippage").get(r), within(1e-6));
            // Commission 5 bp + slippage ~5 bp of the traded notional: 10 bp within 1%.
            double notional = c.strategies().get(rule).tradedNotional();
            assertThat(t.doubleColumn("total_cost").get(r) / notional).as(rule).isCloseTo(0.0010, within(1e-5));
            // The engine's fees are the strategy's.
            assertThat(c.result().portfolio(rule).fees()).as(rule).isCloseTo(t.doubleColumn("fees").get(r),
                    within(1e-6));
            assertThat(t.doubleColumn("ann_volatility").get(r)).as(rule).isBetween(0.05, 0.6);
            assertThat(t.doubleColumn("max_drawdown").get(r)).as(rule).isBetween(0.0, 1.0);
        }
        // 1/N's rebalances only undo drift; max Sharpe's window moves its weights: it trades more.
        assertThat(t.doubleColumn("ann_turnover").get(4)).isLessThan(t.doubleColumn("ann_turnover").get(1));
        assertThat(t.doubleColumn("total_cost").get(4)).isLessThan(t.doubleColumn("total_cost").get(1));
        // Minimum variance has the lowest volatility of the five.
        for (int r = 1; r < t.rowCount(); r++) {
            assertThat(t.doubleColumn("ann_volatility").get(0)).isLessThan(t.doubleColumn("ann_volatility").get(r));
        }
        // Cross-check with the returns-matrix component on the same closes: the same decisions, so the weight
        // turnover agrees within 5% (the engine's weights drift on lot-rounded positions and pay real costs).
        double[][] ret = new double[slice.closes().length - 1][];
        for (int k = 0; k < ret.length; k++) {
            ret[k] = new double[30];
            for (int i = 0; i < 30; i++) {
                ret[k][i] = slice.closes()[k + 1][i] / slice.closes()[k][i] - 1.0;
            }
        }
        Table matrix = PortfolioComparison.compare(new PortfolioComparison.DailyReturns(
                Arrays.copyOfRange(slice.dates(), 1, slice.dates().length), slice.assets(), ret), 252, 0.001,
                RebalanceSchedule.monthly());
        for (int r = 0; r < t.rowCount(); r++) {
            assertThat(t.intColumn("rebalances").get(r)).isEqualTo(matrix.intColumn("rebalances").get(r));
            assertThat(t.doubleColumn("ann_turnover").get(r)).as(t.stringColumn("portfolio").get(r))
                    .isCloseTo(matrix.doubleColumn("ann_turnover").get(r),
                            within(0.05 * matrix.doubleColumn("ann_turnover").get(r)));
        }
        // The first decision is at the close that completes the 252-return window.
        assertThat(c.strategies().get("1/N").rebalances().get(0).date())
                .isEqualTo(slice.dates()[252]);

        Path report = c.writeReport(dir.resolve("comparison.html"));
        String html = Files.readString(report);
        for (String rule : List.of("min-variance", "max-Sharpe", "ERC", "HRP", "1/N")) {
            assertThat(html).contains(rule);
        }
        assertThat(html).contains("Allocation rules: return, risk, turnover and costs")
                .contains("bars-equity-svg").contains("ann_turnover").contains("Drawdown from the running peak");
    }
}
