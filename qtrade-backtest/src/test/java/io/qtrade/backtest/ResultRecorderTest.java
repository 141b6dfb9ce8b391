package io.qtrade.backtest;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.portfolio.MarkValuation;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.portfolio.Position;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The result tables of {@link ResultRecorder} hold exactly what was recorded: the equity rows (kept in chunks and as
 * runs of repeated values, {@link EquitySeries}) come back cell for cell, bit for bit, and the totals are the
 * portfolios' figures when the run ended even if the table is first read later.
 */
class ResultRecorderTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    private static final Instrument BBB = Instrument.spot("BBB", "SYN", 0.01, 1);

    /** A value drawn so that runs of repeats, {@code -0.0}, {@code 0.0}, NaN and infinities all occur. */
    private static double value(SplittableRandom r, double previous) {
        int k = r.nextInt(12);
        return switch (k) {
            case 0 -> -0.0;
            case 1 -> 0.0;
            case 2 -> Double.NaN;
            case 3 -> Double.longBitsToDouble(0x7ff8_0000_0000_0001L); // a NaN with another payload
            case 4 -> Double.NEGATIVE_INFINITY;
            case 5, 6, 7, 8 -> previous; // a run
            default -> r.nextDouble(-1e6, 1e6);
        };
    }

    @Test
    void equityRowsComeBackBitForBitAcrossChunksAndRuns() {
        ResultRecorder rec = new ResultRecorder(List.of("s0", "s1"), List.of(AAA, BBB));
        // more rows than the first chunks hold (256, 512, ...) and than one full chunk (4,096)
        int n = 13_001;
        long[] ts = new long[n];
        int[] strategy = new int[n];
        int[] instrument = new int[n];
        double[][] v = new double[9][n];
        SplittableRandom r = new SplittableRandom(19);
        for (int row = 0; row < n; row++) {
            ts[row] = 1_000_000_000L * row + r.nextInt(1000);
            strategy[row] = row < 5_000 ? 0 : r.nextInt(2); // one long run, then changes
            instrument[row] = row % 7 == 0 ? 1 : 0;
            for (int c = 0; c < 9; c++) {
                v[c][row] = value(r, row == 0 ? 1.5 : v[c][row - 1]);
            }
            rec.equity(ts[row], strategy[row], instrument[row], v[0][row], v[1][row], v[2][row], v[3][row],
                    v[4][row], v[5][row], v[6][row]);
        }
        assertThat(rec.equityRows()).isEqualTo(n);
        BacktestResult result = rec.finish(Map.of("s0", new Portfolio(100), "s1", new Portfolio(100)), n, 0);
        Table t = result.equity();
        assertThat(t.rowCount()).isEqualTo(n);
        String[] names = {"position", "mark_price", "realized_pnl", "unrealized_pnl", "fees"};
        for (int row = 0; row < n; row++) {
            assertThat(t.longColumn("ts").getLong(row)).isEqualTo(ts[row]);
            assertThat(t.stringColumn("strategy").get(row)).isEqualTo("s" + strategy[row]);
            assertThat(t.stringColumn("symbol").get(row)).isEqualTo(instrument[row] == 0 ? AAA.id() : BBB.id());
            for (int c = 0; c < names.length; c++) {
                assertThat(Double.doubleToRawLongBits(t.doubleColumn(names[c]).getDouble(row)))
                        .as("%s at row %d", names[c], row).isEqualTo(Double.doubleToRawLongBits(v[c][row]));
            }
            assertThat(t.doubleColumn("funding").getDouble(row)).isEqualTo(0.0);
            assertThat(Double.doubleToRawLongBits(t.doubleColumn("strategy_equity").getDouble(row)))
                    .isEqualTo(Double.doubleToRawLongBits(v[5][row]));
            assertThat(Double.doubleToRawLongBits(t.doubleColumn("strategy_net_pnl").getDouble(row)))
                    .isEqualTo(Double.doubleToRawLongBits(v[6][row]));
            // net_pnl = realized + unrealized - fees - funding, computed when the table is built (compared as
            // Double.equals does: which NaN an arithmetic NaN is depends on the compiled code, not on the storage)
            assertThat(Double.valueOf(t.doubleColumn("net_pnl").getDouble(row)))
                    .isEqualTo(Double.valueOf(v[2][row] + v[3][row] - v[4][row] - 0.0));
        }
        assertThat(result.equity()).isSameAs(t);
    }

    /**
     * Rows recorded as marks with a valuation ({@link ResultRecorder#equityMarks}) are, bit for bit, the rows
     * {@link ResultRecorder#equity} records with the valuation's values: runs of marks between explicit rows, across
     * chunk boundaries, two runs in a row with the same valuation, valuations changed by fills, and two runs in a row
     * with different valuations (a cash flow between them).
     */
    @Test
    void rowsOfMarksAreTheRowsWithTheirValues() {
        ResultRecorder marks = new ResultRecorder(List.of("s0"), List.of(AAA));
        ResultRecorder explicit = new ResultRecorder(List.of("s0"), List.of(AAA));
        Portfolio p = new Portfolio(10_000);
        int slot = p.slotOf(AAA);
        SplittableRandom r = new SplittableRandom(7);
        long t = 0;
        double price = 100;
        for (int step = 0; step < 400; step++) {
            if (r.nextInt(3) == 0) {
                Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
                p.apply(new Fill(step + 1, AAA, side, price, 1 + r.nextInt(5), 0.5, Liquidity.TAKER, t, t));
                p.mark(slot, price);
                // a fill bar: an explicit row in both
                Position pos = p.position(AAA);
                marks.equity(t, 0, 0, pos.qty(), price, pos.realizedPnl(), pos.unrealizedPnl(price), pos.fees(),
                        p.equity(), p.netPnl());
                explicit.equity(t, 0, 0, pos.qty(), price, pos.realizedPnl(), pos.unrealizedPnl(price), pos.fees(),
                        p.equity(), p.netPnl());
                t++;
            }
            if (r.nextInt(4) == 0) {
                p.applyCashFlow(r.nextDouble(-10, 10)); // a new valuation with no explicit row between two runs
            }
            int n = 1 + r.nextInt(step % 50 == 0 ? 3_000 : 40);
            BarBatch bars = new BarBatch(n + 2); // rows 1 to n are the marks
            bars.add(0, t - 2, t - 1, 1, 1, 1, 1, 0);
            for (int k = 1; k <= n; k++) {
                price = Math.max(1, price + r.nextDouble(-2, 2));
                bars.add(0, t - 1, t, price, price, price, price, 10);
                t++;
            }
            bars.add(0, t, t + 1, 1, 1, 1, 1, 0);
            Position pos = p.position(AAA);
            MarkValuation v = p.valuation(slot);
            int split = 1 + r.nextInt(n); // two calls with the same valuation: [1, split) and [split, n + 1)
            marks.equityMarks(0, 0, pos.qty(), pos.realizedPnl(), pos.fees(), v, bars, 1, split);
            marks.equityMarks(0, 0, pos.qty(), pos.realizedPnl(), pos.fees(), v, bars, split, n + 1);
            for (int k = 1; k <= n; k++) {
                double m = bars.close(k);
                p.mark(slot, m);
                explicit.equity(bars.endTs(k), 0, 0, pos.qty(), m, pos.realizedPnl(), pos.unrealizedPnl(m),
                        pos.fees(), p.equity(), p.netPnl());
            }
        }
        assertThat(marks.equityRows()).isEqualTo(explicit.equityRows()).isGreaterThan(3 * 4_096);
        Table a = marks.finish(Map.of("s0", p), 0, 0).equity();
        Table b = explicit.finish(Map.of("s0", p), 0, 0).equity();
        assertThat(a.columnNames()).isEqualTo(b.columnNames());
        for (String c : a.columnNames()) {
            for (int row = 0; row < a.rowCount(); row++) {
                Object x = a.column(c).get(row);
                Object y = b.column(c).get(row);
                if (x instanceof Double dx) {
                    assertThat(Double.doubleToRawLongBits(dx)).as("%s at row %d", c, row)
                            .isEqualTo(Double.doubleToRawLongBits((Double) y));
                } else {
                    assertThat(x).as("%s at row %d", c, row).isEqualTo(y);
                }
            }
        }
    }

    @Test
    void marksOutsideTheBatchAreRefused() {
        ResultRecorder rec = new ResultRecorder(List.of("s0"), List.of(AAA));
        Portfolio p = new Portfolio(1_000);
        p.apply(new Fill(1, AAA, Side.BUY, 10, 1, 0, Liquidity.TAKER, 0, 0));
        MarkValuation v = p.valuation(p.slotOf(AAA));
        BarBatch bars = new BarBatch(4);
        bars.add(0, 0, 1, 10, 10, 10, 10, 1);
        bars.add(0, 1, 2, 11, 11, 11, 11, 1);
        assertThatThrownBy(() -> rec.equityMarks(0, 0, 1, 0, 0, v, bars, 1, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(rec.equityRows()).isZero();
        rec.equityMarks(0, 0, 1, 0, 0, v, bars, 0, 2);
        assertThat(rec.equityRows()).isEqualTo(2);
    }

    @Test
    void totalsAreTheFiguresWhenTheRunEndedEvenWhenFirstReadLater() {
        ResultRecorder rec = new ResultRecorder(List.of("s0"), List.of(AAA));
        Portfolio p = new Portfolio(1_000);
        p.apply(new Fill(1, AAA, Side.BUY, 10.0, 3, 0.5, Liquidity.TAKER, 1, 1));
        p.mark(AAA, 12.0);
        rec.fill(0, 0, 1, Side.BUY, 10.0, 3, 0.5, Liquidity.TAKER, 1);
        BacktestResult result = rec.finish(Map.of("s0", p), 1, 0);
        // the caller marks and trades on after the run: the totals keep the run's end
        p.mark(AAA, 20.0);
        p.apply(new Fill(2, AAA, Side.SELL, 20.0, 3, 0.5, Liquidity.TAKER, 2, 2));
        Table totals = result.totals();
        assertThat(totals.rowCount()).isEqualTo(2);
        // AAA row: 3 bought at 10, marked at 12: unrealized (12 - 10) * 3 = 6; net 6 - 0.5 fee = 5.5
        assertThat(totals.doubleColumn("unrealized_pnl").getDouble(0)).isEqualTo(6.0);
        assertThat(totals.doubleColumn("net_pnl").getDouble(0)).isEqualTo(5.5);
        assertThat(totals.doubleColumn("final_position").getDouble(0)).isEqualTo(3.0);
        assertThat(totals.doubleColumn("traded_qty").getDouble(0)).isEqualTo(3.0);
        assertThat(totals.intColumn("fills").getInt(0)).isEqualTo(1);
        assertThat(totals.stringColumn("symbol").get(1)).isEqualTo(BacktestResult.ALL_INSTRUMENTS);
        assertThat(totals.doubleColumn("net_pnl").getDouble(1)).isEqualTo(5.5);
        assertThat(result.totals()).isSameAs(totals);
    }
}
