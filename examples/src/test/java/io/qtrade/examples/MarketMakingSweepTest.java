package io.qtrade.examples;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Runs the sweep on a short market and checks the table it prints and returns. */
class MarketMakingSweepTest {

    private static Table table;
    private static String printed;

    @BeforeAll
    static void runTheSweep() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table = MarketMakingSweep.run(200_000, 7, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        printed = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsOneRowPerMakerWithEveryColumn() {
        int makers = MarketMakingSweep.AS_GAMMAS.length + MarketMakingSweep.GLFT_GAMMAS.length;
        assertThat(table.rowCount()).isEqualTo(makers);
        assertThat(table.columnNames()).containsExactly("strategy", "model", "gamma", "orders", "fills",
                "maker_share", "net_pnl", "fees", "pnl_per_lot", "mean_abs_inventory", "max_abs_inventory", "sigma",
                "k", "A");
        assertThat(printed).contains("market_making_sweep", "as-0.05", "glft-100.0", "200,");
    }

    @Test
    void everyMakerTradesPostOnlyAndRespectsItsLimits() {
        for (int r = 0; r < table.rowCount(); r++) {
            assertThat(table.intColumn("fills").getInt(r)).isGreaterThan(50);
            assertThat(table.doubleColumn("maker_share").getDouble(r)).isEqualTo(1.0); // post-only quotes
            double max = table.doubleColumn("max_abs_inventory").getDouble(r);
            assertThat(max).isLessThanOrEqualTo(table.stringColumn("model").get(r).equals("GLFT")
                    ? MarketMakingSweep.GLFT_BOUND_LOTS : MarketMakingSweep.MAX_INVENTORY_LOTS);
        }
    }

    @Test
    void meanInventoryFallsFromTheLowestToTheHighestGamma() {
        DoubleColumn q = table.doubleColumn("mean_abs_inventory");
        int lastAs = MarketMakingSweep.AS_GAMMAS.length - 1;
        assertThat(q.getDouble(0)).isGreaterThan(3 * q.getDouble(lastAs));
        int firstGlft = lastAs + 1;
        assertThat(q.getDouble(firstGlft)).isGreaterThan(3 * q.getDouble(table.rowCount() - 1));
    }

    @Test
    void timeWeightedInventoryWeighsEachMarkByHowLongItHeld() {
        // Marks at 0, 1, 3, 4 s with positions 2, -1, 0, 5: (|2| * 1 + |-1| * 2 + 0 * 1) / 4 = 1.0; max 5.
        Table equity = Table.create("equity",
                LongColumn.create("ts", new long[] {0, 1_000_000_000L, 3_000_000_000L, 4_000_000_000L, 9L}),
                StringColumn.create("strategy", new String[] {"x", "x", "x", "x", "other"}),
                DoubleColumn.create("position", new double[] {2, -1, 0, 5, 100}));
        double[] out = MarketMakingSweep.timeWeightedInventory(equity, "x");
        assertThat(out[0]).isCloseTo(1.0, within(1e-12));
        assertThat(out[1]).isEqualTo(5.0);
    }
}
