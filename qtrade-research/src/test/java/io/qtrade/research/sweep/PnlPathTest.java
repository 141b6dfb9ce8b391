package io.qtrade.research.sweep;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static org.assertj.core.api.Assertions.assertThat;

class PnlPathTest {

    @Test
    void thePathTakesTheLastRowAtOrBeforeEachGridTimeAndEndsAtTheLastRow() {
        // Rows (ts, strategy, pnl): marks and fills at irregular times, another strategy interleaved.
        Table equity = Table.create("equity",
                LongColumn.create("ts", 100, 100, 130, 150, 200, 260, 305),
                StringColumn.create("strategy", "a", "b", "a", "a", "a", "b", "a"),
                DoubleColumn.create("strategy_net_pnl", 0, 9, 1, 2, 3, 9, -1));
        PnlPath p = PnlPath.of(equity, "a", 50);
        // grid 100, 150, 200, 250, 300, then the end 305
        assertThat(p.tsNanos()).containsExactly(100, 150, 200, 250, 300, 305);
        assertThat(p.netPnl()).containsExactly(0, 2, 3, 3, 3, -1);
        assertThat(p.finalPnl()).isEqualTo(-1);
        assertThat(PnlPath.of(equity, "a", 100).netPnl()).containsExactly(0, 3, 3, -1);
        assertThat(PnlPath.of(equity, "c", 50).size()).isZero();
    }
}
