package io.qtrade.core.bar;

import java.util.Arrays;

/**
 * The bars of every instrument that has one at a bar time: what a bar engine shows a strategy through
 * {@link io.qtrade.core.strategy.Strategy#onBars}. Rows are in instrument-index order; an instrument without a bar
 * at this time (not yet listed, halted, no trade in the interval) has none, and {@link #rowOf} says
 * {@link #NO_ROW}.
 *
 * <p>Read a row by its position ({@code close(k)} for {@code k < size()}) or look an instrument up first:
 * <pre>{@code
 * int k = bars.rowOf(instrument);
 * if (k != BarSlice.NO_ROW) { double c = bars.close(k); }
 * }</pre>
 * The slice is a view the engine refills for each bar time; it allocates nothing per bar. Copy what you keep.
 */
public final class BarSlice {

    /** {@link #rowOf} of an instrument without a bar in this slice. */
    public static final int NO_ROW = -1;

    private final BarBatch rows;
    private final int[] rowOfInstrument;
    private long endTs = Long.MIN_VALUE;

    /** @param instruments how many instruments the engine has (slice rows are at most that many) */
    public BarSlice(int instruments) {
        if (instruments <= 0) {
            throw new IllegalArgumentException("bar slice: instruments must be positive, was " + instruments);
        }
        this.rows = new BarBatch(instruments);
        this.rowOfInstrument = new int[instruments];
        Arrays.fill(rowOfInstrument, NO_ROW);
    }

    /**
     * Empties the slice for bar time {@code endTs}. Engine side: then {@link #add} each instrument's bar, in
     * increasing instrument order.
     */
    public void reset(long endTs) {
        for (int k = 0; k < rows.size; k++) {
            rowOfInstrument[rows.instrument[k]] = NO_ROW;
        }
        rows.clear();
        this.endTs = endTs;
    }

    /**
     * Engine side: appends row {@code row} of {@code from}, whose end time must be this slice's and whose
     * instrument must be above every instrument already in it.
     *
     * @throws IllegalArgumentException naming the instrument and the times when the bar does not belong here
     */
    public void add(BarBatch from, int row) {
        int instrument = from.instrument(row);
        if (from.endTs[row] != endTs) {
            throw new IllegalArgumentException("bar of instrument " + instrument + " ends at " + from.endTs[row]
                    + ", not at the slice's time " + endTs);
        }
        if (instrument >= rowOfInstrument.length) {
            throw new IllegalArgumentException("bar of instrument " + instrument + " at " + endTs
                    + ": only " + rowOfInstrument.length + " instruments");
        }
        if (rows.size > 0 && rows.instrument[rows.size - 1] >= instrument) {
            throw new IllegalArgumentException("bar of instrument " + instrument + " at " + endTs + " comes after"
                    + " instrument " + rows.instrument[rows.size - 1] + " in the same bar time: bars must be ordered by"
                    + " end time, then instrument, one per instrument and time (duplicate or out of order)");
        }
        rowOfInstrument[instrument] = rows.size;
        rows.addFrom(from, row);
    }

    /** The bar time: the common {@code endTs} of every bar in the slice, epoch nanoseconds. */
    public long endTs() {
        return endTs;
    }

    /** Bars in the slice. */
    public int size() {
        return rows.size;
    }

    /** The row of {@code instrument}'s bar, {@link #NO_ROW} if it has none at this time. */
    public int rowOf(int instrument) {
        return instrument >= 0 && instrument < rowOfInstrument.length ? rowOfInstrument[instrument] : NO_ROW;
    }

    /** Whether {@code instrument} has a bar at this time. */
    public boolean has(int instrument) {
        return rowOf(instrument) != NO_ROW;
    }

    /** The instrument index of row {@code k}. */
    public int instrument(int k) {
        return rows.instrument(k);
    }

    public long startTs(int k) {
        return rows.startTs(k);
    }

    public double open(int k) {
        return rows.open(k);
    }

    public double high(int k) {
        return rows.high(k);
    }

    public double low(int k) {
        return rows.low(k);
    }

    public double close(int k) {
        return rows.close(k);
    }

    public double volume(int k) {
        return rows.volume(k);
    }

    public double vwap(int k) {
        return rows.vwap(k);
    }

    public long tradeCount(int k) {
        return rows.tradeCount(k);
    }

    /** The slice's rows as a batch (read-only by contract), e.g. to walk with a {@link BarCursor}. */
    public BarBatch rows() {
        return rows;
    }

    @Override
    public String toString() {
        return "BarSlice[endTs=" + endTs + ", bars=" + rows.size + "]";
    }
}
