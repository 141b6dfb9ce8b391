package io.qtrade.bars;

import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarSlice;
import io.qtrade.core.strategy.Strategy;

/**
 * A {@link Strategy} that can take its bars one at a time, read in place, instead of as a {@link BarSlice}.
 *
 * <p>When a {@link BarBacktest} runs one strategy on a source of one instrument, the engine takes its one-series
 * loop; if the strategy is a {@code SeriesStrategy} the loop calls {@link #onBar} for each bar in place of
 * {@link #onBars}, without copying the bar into a slice (it still fills the slice when anything reads it:
 * {@code BarContext.currentBars()}, timers, orders to match). Nothing else changes: the same fills, costs, cash
 * and result rows as with {@code onBars}. The ta4j adapter is one, which is how it keeps pace with ta4j's own
 * executor on one series.
 *
 * <p>Contract: {@code onBar(i, bars, row)} does exactly what {@code onBars(slice)} does for a slice holding that
 * one bar; the usual way to keep that true is to implement {@code onBars} as a loop of {@code onBar} over the
 * slice's rows ({@code slice.rows()}).
 */
public interface SeriesStrategy extends Strategy {

    /**
     * The bar of instrument {@code instrument} at the current bar time: row {@code row} of {@code bars}
     * ({@code bars.close(row)}, {@code bars.endTs(row)}, ...), a view valid during the call only (read, never
     * modify; copy what you keep).
     */
    void onBar(int instrument, BarBatch bars, int row);

    /**
     * Whether {@link #scan} may skip bars (default false). The one-series loop then hands the strategy a run of bars
     * at once while the engine has nothing to do on them (no working order, timer, accrual, corporate action,
     * benchmark or second currency).
     */
    default boolean scans() {
        return false;
    }

    /**
     * Reads rows {@code [from, to)} of instrument {@code instrument} in order and returns the first row at which
     * {@link #onBar} would do more than its own bookkeeping (send or cancel an order, read anything from the
     * context), or {@code to}. Every row before the returned one counts as delivered: {@code onBar} is not called for
     * it. The returned row (if {@code < to}) is then delivered through {@code onBar} as usual, and must act there
     * exactly as this scan decided (the strategy remembers its decision rather than deciding twice). The engine
     * applies the skipped bars' marks and equity rows itself, so the results are those of calling {@code onBar} on
     * each row. Only called when {@link #scans()}; the default skips nothing.
     */
    default int scan(int instrument, BarBatch bars, int from, int to) {
        return from;
    }

    /** The slice's bars one by one, through {@link #onBar}. */
    @Override
    default void onBars(BarSlice bars) {
        BarBatch rows = bars.rows();
        for (int k = 0; k < rows.size(); k++) {
            onBar(rows.instrument(k), rows, k);
        }
    }
}
