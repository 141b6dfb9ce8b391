package io.qtrade.research.walkforward;

import io.qtrade.research.sweep.BacktestFactory;
import io.qtrade.research.sweep.GeneratedBacktests;
import io.qtrade.research.sweep.Metric;
import io.qtrade.research.sweep.ParameterGrid;
import io.qtrade.research.sweep.Partition;
import io.qtrade.research.sweep.Partitions;
import io.qtrade.research.sweep.Sweep;
import io.qtrade.research.sweep.SweepRow;
import io.qtrade.research.sweep.SweepTask;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WalkForwardTest {

    private static final List<Partition> DAYS = Partitions.days("SIM", "AAA", LocalDate.of(2026, 11, 2), 6);
    private static final ParameterGrid GRID = ParameterGrid.builder().values("offset", 0, 2).values("max", 3).build();
    private static final BacktestFactory FACTORY = (p, part) -> GeneratedBacktests.quoting(p, part, 8_000);
    private static final long PERIOD = 1_000_000_000L;

    private static WalkForward.Builder walk() {
        return WalkForward.builder().grid(GRID).partitions(DAYS).inSample(3).outOfSample(1).metric(Metric.NET_PNL)
                .factory(FACTORY).samplePeriodNanos(PERIOD).threads(2);
    }

    @Test
    void rollingAndAnchoredWindowsMoveByTheOutOfSampleLength() {
        WalkForwardResult rolling = walk().build().run();
        WalkForwardResult anchored = walk().anchored(true).build().run();
        assertThat(rolling.folds()).hasSize(3);
        assertThat(rolling.folds()).extracting(f -> f.inSample().get(0).index()).containsExactly(0, 1, 2);
        assertThat(rolling.folds()).extracting(f -> f.inSample().size()).containsExactly(3, 3, 3);
        assertThat(anchored.folds()).extracting(f -> f.inSample().get(0).index()).containsExactly(0, 0, 0);
        assertThat(anchored.folds()).extracting(f -> f.inSample().size()).containsExactly(3, 4, 5);
        assertThat(rolling.folds()).extracting(f -> f.outOfSample().get(0).index()).containsExactly(3, 4, 5);
        assertThat(walk().step(2).build().foldCount()).isEqualTo(2);
    }

    @Test
    void eachFoldRunsTheInSampleWinnerOutOfSampleAndTheCurveStitches() {
        WalkForwardResult wf = walk().build().run();
        double stitched = 0;
        double in = 0;
        double out = 0;
        for (Fold f : wf.folds()) {
            // The winner is what a sweep of the in-sample days ranks first.
            var sweep = Sweep.builder().grid(GRID).partitions(f.inSample()).factory(FACTORY).samplePeriodNanos(PERIOD)
                    .threads(1).build().run();
            assertThat(f.best()).isEqualTo(sweep.best(Metric.NET_PNL));
            // Its out-of-sample figures are those of the same task run alone.
            SweepRow alone = new SweepTask(f.best(), f.outOfSample().get(0)).run(FACTORY, null, PERIOD);
            assertThat(f.outSamplePnl()).isEqualTo(alone.metrics().netPnl());
            assertThat(f.outSampleScore()).isEqualTo(alone.metrics().netPnl());
            stitched += f.outSamplePnl();
            in += f.inSampleScore();
            out += f.outSampleScore();
        }
        assertThat(wf.outOfSamplePnl()).isCloseTo(stitched, within(1e-9));
        assertThat(wf.efficiency()).isCloseTo(out / in, within(1e-12));
        var curve = wf.stitchedEquity();
        assertThat(curve.intColumn("fold").min()).isZero();
        assertThat(curve.intColumn("fold").max()).isEqualTo(2);
        assertThat(curve.longColumn("ts").isMissing().size()).isZero();
        for (int r = 1; r < curve.rowCount(); r++) {
            assertThat(curve.longColumn("ts").getLong(r)).isGreaterThanOrEqualTo(curve.longColumn("ts").getLong(r - 1));
        }
        assertThat(wf.folds("wf").rowCount()).isEqualTo(3);
        assertThat(wf.folds("wf").columnNames()).contains("in_score_net_pnl", "out_score_net_pnl", "out_net_pnl", "best");
    }

    @Test
    void windowsThePartitionsCannotHoldAreRefused() {
        assertThatThrownBy(() -> walk().inSample(6).build())
                .hasMessage("walk-forward: 6 partitions cannot hold one fold of 6 in-sample and 1 out-of-sample");
        assertThatThrownBy(() -> walk().outOfSample(2).step(1).build())
                .hasMessage("walk-forward: step 1 is shorter than outOfSample 2: out-of-sample windows would overlap");
    }
}
