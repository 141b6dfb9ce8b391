package io.qtrade.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.attribution.MultiHourMarket;
import io.qtrade.core.time.Timestamps;
import io.qtrade.risk.metrics.Conventions;
import io.qtrade.risk.metrics.PerformanceMetrics;
import org.junit.jupiter.api.Test;

class EquityCurveTest {

    @Test
    void resampleTakesTheLastValueAtOrBeforeEachGridTimeAndKeepsTheLastMark() {
        // marks at 0, 3, 4, 9 with equity 100, 101, 99, 102; step 2 -> grid 0, 2, 4, 6, 8 and the last mark 9:
        // values 100 (t=0), 100 (t=2: still the t=0 mark), 99 (t=4), 99, 99, 102.
        EquityCurve c = EquityCurve.of("s", new long[] {0, 3, 4, 9}, new double[] {100, 101, 99, 102}, 100);
        EquityCurve g = c.resample(2);
        assertThat(g.ts()).containsExactly(0, 2, 4, 6, 8, 9);
        assertThat(g.equity()).containsExactly(100, 100, 99, 99, 99, 102);
        assertThat(c.resample(3).ts()).containsExactly(0, 3, 6, 9);
        assertThat(c.resample(3).equity()).containsExactly(100, 101, 99, 102);
    }

    @Test
    void drawdownIsFromTheRunningPeak() {
        EquityCurve c = EquityCurve.of("s", new long[] {0, 1, 2, 3}, new double[] {100, 120, 90, 120}, 100);
        assertThat(c.drawdown()).containsExactly(0.0, 0.0, 0.25, 0.0);
    }

    @Test
    void backtestCurveIsCapitalPlusNetPnlAtEachMark() {
        BacktestResult r = MultiHourMarket.run(MultiHourMarket.source(5, 2_000), 50_000);
        EquityCurve c = EquityCurve.of(r, "mm-a");
        assertThat(c.capital()).isEqualTo(50_000);
        assertThat(c.capitalSource()).isEqualTo("initial cash");
        double[] e = c.equity();
        assertThat(e[e.length - 1]).isCloseTo(50_000 + r.portfolio("mm-a").netPnl(), within(1e-9));
        // one point per mark: marks every 60 s plus the final one
        long[] ts = c.ts();
        assertThat(ts[1] - ts[0]).isEqualTo(60 * Timestamps.NANOS_PER_SECOND);
        // metrics of the resampled curve are those of its returns
        EquityCurve g = c.resample(5 * Timestamps.NANOS_PER_MINUTE);
        Conventions conv = Conventions.DAILY.withPeriodsPerYear(Conventions.periodsPerYearOf(
                5 * Timestamps.NANOS_PER_MINUTE));
        assertThat(g.performance(conv).sharpe())
                .isEqualTo(PerformanceMetrics.sharpe(PerformanceMetrics.returnsOf(g.equity()), conv));
        assertThat(conv.periodsPerYear()).isEqualTo(365 * 24 * 12.0);
    }

    @Test
    void withoutInitialCashTheCapitalIsThePeakGrossExposure() {
        BacktestResult r = MultiHourMarket.run(MultiHourMarket.source(5, 2_000), 0);
        EquityCurve c = EquityCurve.of(r, "mm-a");
        assertThat(c.capitalSource()).startsWith("peak gross exposure");
        // mm-a holds at most 6 lots of AAA near 100: the peak exposure is at most 6 x ~100 and positive
        assertThat(c.capital()).isPositive().isLessThan(6 * 110.0);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> EquityCurve.of("s", new long[] {0, 0}, new double[] {1, 1}, 1))
                .hasMessageContaining("ts[1] = 0 is not after ts[0] = 0");
        assertThatThrownBy(() -> EquityCurve.of("s", new long[] {0}, new double[] {1}, 1).resample(0))
                .hasMessageContaining("stepNanos = 0");
    }
}
