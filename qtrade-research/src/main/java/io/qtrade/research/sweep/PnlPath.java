package io.qtrade.research.sweep;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A strategy's net PnL sampled on a regular grid from a backtest's equity table:
 *
 * <pre>{@code
 * t_k   = t_0 + k * period,  k = 0..K with t_K <= t_end, plus t_end itself when it is off the grid
 * pnl_k = strategy_net_pnl of the last equity row of the strategy at or before t_k
 * }</pre>
 * where {@code t_0} and {@code t_end} are the strategy's first and last equity rows (the engine marks at its interval
 * and at each fill, so rows are irregular; the grid makes changes comparable for a Sharpe ratio).
 *
 * @param tsNanos the grid times
 * @param netPnl  the net PnL at each
 */
public record PnlPath(long[] tsNanos, double[] netPnl) {

    /**
     * The path of {@code strategyId} in a {@code BacktestResult.equity()} table; empty if it has no row.
     *
     * @throws IllegalArgumentException for a non-positive period
     */
    public static PnlPath of(Table equity, String strategyId, long periodNanos) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("periodNanos must be > 0, was " + periodNanos);
        }
        LongColumn ts = equity.longColumn("ts");
        StringColumn strategy = equity.stringColumn("strategy");
        DoubleColumn pnl = equity.doubleColumn("strategy_net_pnl");
        int first = -1;
        int last = -1;
        for (int r = 0; r < equity.rowCount(); r++) {
            if (strategy.get(r).equals(strategyId)) {
                first = first < 0 ? r : first;
                last = r;
            }
        }
        if (first < 0) {
            return new PnlPath(new long[0], new double[0]);
        }
        long t0 = ts.getLong(first);
        long tEnd = ts.getLong(last);
        long steps = (tEnd - t0) / periodNanos;
        boolean finalPoint = t0 + steps * periodNanos < tEnd;
        int size = (int) steps + 1 + (finalPoint ? 1 : 0);
        long[] times = new long[size];
        double[] values = new double[size];
        int k = 0;
        double value = pnl.getDouble(first);
        for (int r = first; r <= last && k <= steps; r++) {
            if (!strategy.get(r).equals(strategyId)) {
                continue;
            }
            long t = ts.getLong(r);
            while (k <= steps && t0 + k * periodNanos < t) {
                times[k] = t0 + k * periodNanos;
                values[k++] = value;
            }
            value = pnl.getDouble(r);
        }
        while (k <= steps) {
            times[k] = t0 + k * periodNanos;
            values[k++] = value;
        }
        if (finalPoint) {
            times[k] = tEnd;
            values[k] = pnl.getDouble(last);
        }
        return new PnlPath(times, values);
    }

    /** Number of points. */
    public int size() {
        return netPnl.length;
    }

    /** The last net PnL, 0 for an empty path. */
    public double finalPnl() {
        return netPnl.length == 0 ? 0.0 : netPnl[netPnl.length - 1];
    }
}
