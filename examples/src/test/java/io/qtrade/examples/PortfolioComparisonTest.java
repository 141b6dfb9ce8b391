package io.qtrade.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.qtrade.portfolio.rebalance.RebalanceSchedule;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The portfolio comparison on the bundled DowJones30 closes (a 3-year slice to keep the test fast). */
class PortfolioComparisonTest {

    @Test
    void loadsRealClosesAndComparesFiveRulesWithCosts() {
        PortfolioComparison.DailyReturns all = PortfolioComparison.loadDowJones30();
        assertThat(all.assets()).hasSize(30);
        assertThat(all.returns().length).isEqualTo(2528);
        assertThat(all.dates()[0]).hasToString("1991-01-02");
        // First return of AA: 5.92 -> 5.92 on 1991-01-02 (the file repeats the 1990-12-31 close).
        assertThat(all.returns()[0][0]).isEqualTo(0.0);
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
}
