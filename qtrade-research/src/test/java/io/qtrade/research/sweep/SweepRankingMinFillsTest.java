package io.qtrade.research.sweep;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The minimum-fills filter of a sweep's ranking: a set that barely traded does not top the table. */
class SweepRankingMinFillsTest {

    private static final Partition DAY = new Partition(0, "SIM", "AAA", LocalDate.of(2024, 1, 2));

    private static SweepRow row(ParameterSet set, double sharpe, long fills) {
        return new SweepRow(set, DAY, new RunMetrics(1.0, 0.1, 2 * fills, fills, 1.0, 100.0 * fills, sharpe, 0.01,
                1_000), null);
    }

    private static final ParameterSet LUCKY = new ParameterSet(0, List.of("gamma"), new double[] {0.1});
    private static final ParameterSet STEADY = new ParameterSet(1, List.of("gamma"), new double[] {0.5});
    private static final ParameterSet BUSY = new ParameterSet(2, List.of("gamma"), new double[] {1.0});
    // Set 0: Sharpe 9 from 3 fills; set 1: Sharpe 2 from 400; set 2: Sharpe 1 from 900.
    private static final SweepResult RESULT = SweepResult.of(List.of(LUCKY, STEADY, BUSY),
            List.of(row(LUCKY, 9, 3), row(STEADY, 2, 400), row(BUSY, 1, 900)), 1);

    @Test
    void setsWithFewerFillsThanTheMinimumAreLeftOutOfTheRankingAndItsName() {
        Table all = RESULT.ranking(Metric.SHARPE);
        assertThat(all.intColumn("set").asList()).containsExactly(0, 1, 2);
        assertThat(all.name()).isEqualTo("ranking by sharpe");

        Table filtered = RESULT.ranking(Metric.SHARPE, 100);
        assertThat(filtered.intColumn("set").asList()).containsExactly(1, 2);
        assertThat(filtered.intColumn("rank").asList()).containsExactly(1, 2);
        assertThat(filtered.longColumn("total_fills").asList()).containsExactly(400L, 900L);
        assertThat(filtered.name()).isEqualTo("ranking by sharpe, sets with at least 100 fills (1 of 3 left out)");
        assertThat(filtered.columnNames()).isEqualTo(all.columnNames());
    }

    @Test
    void bestHonoursTheMinimumAndSaysWhenNoSetHasEnoughFills() {
        assertThat(RESULT.best(Metric.SHARPE)).isEqualTo(LUCKY);
        assertThat(RESULT.best(Metric.SHARPE, 100)).isEqualTo(STEADY);
        assertThat(RESULT.best(Metric.SHARPE, 500)).isEqualTo(BUSY);
        assertThatThrownBy(() -> RESULT.best(Metric.SHARPE, 1_000)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 1000 fills (the most any set has: 900)");
        assertThatThrownBy(() -> RESULT.ranking(Metric.SHARPE, -1)).hasMessageContaining("minFills = -1");
    }
}
