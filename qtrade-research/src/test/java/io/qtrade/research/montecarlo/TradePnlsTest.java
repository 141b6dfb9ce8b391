package io.qtrade.research.montecarlo;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.OrderHistory;
import io.qtrade.research.sweep.GeneratedBacktests;
import io.qtrade.research.sweep.ParameterGrid;
import io.qtrade.research.sweep.Partitions;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TradePnlsTest {

    @Test
    void perFillPnlsSumToRealizedPnlLessFeesOfTheRun() {
        var set = ParameterGrid.builder().values("offset", 0).values("max", 3).build().cartesian().get(0);
        var day = Partitions.days("SIM", "AAA", LocalDate.of(2026, 11, 2), 1).get(0);
        Backtest bt = GeneratedBacktests.quoting(set, day, 30_000, OrderHistory.ALL);
        BacktestResult r = bt.run();
        double[] x = TradePnls.of(r, "mm");
        assertThat(x).hasSize(r.fillRecords().size()).hasSizeGreaterThan(20);
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        var p = r.portfolio("mm");
        assertThat(sum).isCloseTo(p.realizedPnl() - p.fees(), within(1e-9 * Math.max(1, Math.abs(sum))));
        MonteCarloResult mc = MonteCarlo.builder().values(x).resamples(200).seed(1).build().run();
        assertThat(mc.observed(MonteCarloResult.Statistic.FINAL)).isEqualTo(sum);
    }

    @Test
    void aRunThatKeptNoFillsIsRefused() {
        var set = ParameterGrid.builder().values("offset", 0).values("max", 3).build().cartesian().get(0);
        var day = Partitions.days("SIM", "AAA", LocalDate.of(2026, 11, 2), 1).get(0);
        BacktestResult r = GeneratedBacktests.quoting(set, day, 2_000).run();
        assertThatThrownBy(() -> TradePnls.of(r, "mm")).hasMessage("trade PnLs need every fill: run the backtest"
                + " with OrderHistory.ALL, this one kept OPEN_ONLY");
    }
}
