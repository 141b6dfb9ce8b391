package io.qtrade.research.sweep;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepTest {

    private static final List<Partition> DAYS = Partitions.days("SIM", "AAA", LocalDate.of(2026, 11, 2), 3);

    private static ParameterGrid grid() {
        return ParameterGrid.builder().values("offset", 0, 1, 2).values("max", 2, 6).build();
    }

    private static Sweep.Builder sweep(int threads) {
        return Sweep.builder().grid(grid()).partitions(DAYS).threads(threads).samplePeriodNanos(1_000_000_000L)
                .factory((p, part) -> GeneratedBacktests.quoting(p, part, 20_000));
    }

    @Test
    void theTableIsTheSameOnOneThreadAndOnThree() {
        SweepResult one = sweep(1).build().run();
        SweepResult three = sweep(3).build().run();
        assertThat(one.rows()).hasSize(18);
        assertThat(one.failures()).isEmpty();
        assertThat(three.table().printAll()).isEqualTo(one.table().printAll());
        assertThat(three.ranking(Metric.SHARPE).printAll()).isEqualTo(one.ranking(Metric.SHARPE).printAll());
        // Set-major task order: set 0 on the three days, then set 1, ...
        assertThat(one.table().intColumn("set").asList()).containsExactly(0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4,
                4, 5, 5, 5);
        assertThat(one.table().stringColumn("date").asList().subList(0, 3))
                .containsExactly("2026-11-02", "2026-11-03", "2026-11-04");
        assertThat(one.totalEvents()).isEqualTo((long) one.table().longColumn("events").sum())
                .isGreaterThanOrEqualTo(18 * 20_000L);
        assertThat(one.table().longColumn("fills").sum()).isGreaterThan(0);
    }

    @Test
    void theRankingAggregatesEachSetsRunsAndPutsTheBestFirst() {
        SweepResult r = sweep(2).build().run();
        var ranking = r.ranking(Metric.NET_PNL);
        assertThat(ranking.rowCount()).isEqualTo(6);
        var table = r.table();
        for (int row = 0; row < ranking.rowCount(); row++) {
            int set = ranking.intColumn("set").getInt(row);
            double sum = 0;
            for (int t = 0; t < table.rowCount(); t++) {
                if (table.intColumn("set").getInt(t) == set) {
                    sum += table.doubleColumn("net_pnl").getDouble(t);
                }
            }
            assertThat(ranking.doubleColumn("total_net_pnl").getDouble(row)).isEqualTo(sum);
            assertThat(ranking.doubleColumn("score_net_pnl").getDouble(row)).isEqualTo(sum / 3);
            assertThat(ranking.intColumn("runs").getInt(row)).isEqualTo(3);
            if (row > 0) {
                assertThat(ranking.doubleColumn("score_net_pnl").getDouble(row))
                        .isLessThanOrEqualTo(ranking.doubleColumn("score_net_pnl").getDouble(row - 1));
            }
        }
        assertThat(r.best(Metric.NET_PNL).index()).isEqualTo(ranking.intColumn("set").getInt(0));
        // Drawdown ranks lowest first.
        var byDrawdown = r.ranking(Metric.MAX_DRAWDOWN);
        assertThat(byDrawdown.doubleColumn("score_max_drawdown").getDouble(0))
                .isLessThanOrEqualTo(byDrawdown.doubleColumn("score_max_drawdown").getDouble(5));
    }

    @Test
    void aFailingBacktestIsReportedWithItsParametersAndTheOthersFinish() {
        SweepResult r = Sweep.builder().grid(grid()).partitions(DAYS).threads(2)
                .factory((p, part) -> {
                    if (p.get("offset") == 1 && part.index() == 2) {
                        throw new IllegalStateException("no data for " + part);
                    }
                    return GeneratedBacktests.quoting(p, part, 5_000);
                }).build().run();
        assertThat(r.rows()).hasSize(18);
        assertThat(r.failures()).hasSize(2);
        SweepRow failed = r.failures().get(0);
        assertThat(failed.parameters().toString()).isEqualTo("offset=1.0, max=2.0");
        assertThat(failed.partition().toString()).isEqualTo("SIM/AAA/2026-11-04");
        assertThat(failed.error()).isEqualTo("IllegalStateException: no data for SIM/AAA/2026-11-04");
        var table = r.table();
        assertThat(table.stringColumn("error").countOccurrences("")).isEqualTo(16);
        assertThat(r.ranking(Metric.NET_PNL).where(r.ranking(Metric.NET_PNL).intColumn("failed").isEqualTo(1))
                .rowCount()).isEqualTo(2);
    }

    @Test
    void cancellingSkipsTheTasksNotYetStarted() throws Exception {
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        SweepRun run = Sweep.builder().grid(grid()).partitions(DAYS).threads(1)
                .factory((p, part) -> {
                    if (started.incrementAndGet() == 2) {
                        secondStarted.countDown();
                        cancelled.await(); // the second task waits until the test has cancelled
                    }
                    return GeneratedBacktests.quoting(p, part, 2_000);
                }).build().start();
        secondStarted.await();
        run.cancel();
        cancelled.countDown();
        SweepResult r = run.await();
        assertThat(r.cancelled()).isTrue();
        assertThat(r.rows()).hasSize(2);
        assertThat(r.tasks()).isEqualTo(18);
        assertThat(started.get()).isEqualTo(2);
    }

    @Test
    void theConsoleProgressShowsDoneTotalElapsedAndEta() {
        assertThat(ConsoleProgress.line(45, 100, 12_000_000_000L))
                .isEqualTo("[#############-----------------]  45/100  elapsed 0:12  ETA 0:14");
        assertThat(ConsoleProgress.line(0, 8, 0)).isEqualTo("[------------------------------] 0/8  elapsed 0:00  ETA ?");
        assertThat(ConsoleProgress.clock(3_725_000_000_000L)).isEqualTo("1:02:05");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 0);
        progress.update(1, 2, 1_000_000_000L);
        progress.update(2, 2, 2_000_000_000L);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "\r[###############---------------] 1/2  elapsed 0:01  ETA 0:01"
                        + "\r[##############################] 2/2  elapsed 0:02  ETA 0:00" + System.lineSeparator());
    }

    @Test
    void aSweepWithoutSetsPartitionsOrFactoryNamesEachProblem() {
        assertThatThrownBy(() -> Sweep.builder().threads(0).samplePeriodNanos(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sweep: no parameter sets (grid(...) or parameterSets(...)); no partitions"
                        + " (partitions(Partitions.inStore(...)) or Partitions.days(...)); no backtest factory"
                        + " (factory((parameters, partition) -> Backtest...)); samplePeriodNanos must be > 0, was 0;"
                        + " threads must be >= 1, was 0");
    }
}
