package io.qtrade.core.bar;

import java.util.Objects;

/**
 * A batch of bars held column by column in primitive arrays: no object per bar.
 *
 * <p>Columns: {@code instrument} (index into the source's instrument list), {@code startTs} and {@code endTs} (the
 * bar covers {@code [startTs, endTs)}, epoch nanoseconds UTC; it is known at {@code endTs}), {@code open},
 * {@code high}, {@code low}, {@code close} (quote currency per unit), {@code volume} (instrument units),
 * {@code vwap} ({@link #NO_VWAP}, NaN, when the source has none) and {@code tradeCount} ({@link #NO_TRADE_COUNT},
 * -1, when the source has none). Rows are read by index or through a {@link BarCursor}. A batch is reused:
 * {@link #clear()} and fill it again; it never grows past its capacity.
 *
 * <p>{@link #add} checks every row once, at the edge, and refuses with a message naming the row, the instrument,
 * the end time and the field: a non-finite price, {@code high < low}, an open or close outside
 * {@code [low, high]}, a negative or non-finite volume, a VWAP outside {@code [low, high]}, a trade count below -1,
 * {@code endTs <= startTs}, a negative instrument index. Downstream consumers trust the batch.
 */
public final class BarBatch {

    /** {@code vwap} of a bar whose source gives none. */
    public static final double NO_VWAP = Double.NaN;
    /** {@code tradeCount} of a bar whose source gives none. */
    public static final long NO_TRADE_COUNT = -1L;

    private final int capacity;
    // Package-private for BarCursor and BarSlice, which read only rows they have bounds-checked.
    final int[] instrument;
    final long[] startTs;
    final long[] endTs;
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;
    final double[] vwap;
    final long[] tradeCount;
    int size;

    /** @param capacity the most rows the batch holds, positive */
    public BarBatch(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("bar batch: capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        instrument = new int[capacity];
        startTs = new long[capacity];
        endTs = new long[capacity];
        open = new double[capacity];
        high = new double[capacity];
        low = new double[capacity];
        close = new double[capacity];
        volume = new double[capacity];
        vwap = new double[capacity];
        tradeCount = new long[capacity];
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean isFull() {
        return size == capacity;
    }

    /** Forgets every row; the arrays are kept. */
    public void clear() {
        size = 0;
    }

    /** Appends a bar without VWAP or trade count; see {@link #add(int, long, long, double, double, double, double, double, double, long)}. */
    public void add(int instrument, long startTs, long endTs, double open, double high, double low, double close,
                    double volume) {
        add(instrument, startTs, endTs, open, high, low, close, volume, NO_VWAP, NO_TRADE_COUNT);
    }

    /**
     * Appends one bar.
     *
     * @param instrument index of the instrument in the source's list, {@code >= 0}
     * @param startTs    start of the bar, epoch nanoseconds, {@code < endTs}
     * @param endTs      end of the bar (when it is known), epoch nanoseconds
     * @param open       first price
     * @param high       highest price, {@code >= low}
     * @param low        lowest price
     * @param close      last price, within {@code [low, high]} like {@code open}
     * @param volume     traded quantity, finite and {@code >= 0}
     * @param vwap       volume-weighted average price within {@code [low, high]}, or {@link #NO_VWAP}
     * @param tradeCount number of trades, {@code >= 0}, or {@link #NO_TRADE_COUNT}
     * @throws IllegalStateException    when the batch is full
     * @throws IllegalArgumentException when a field is invalid; the message names the row, instrument, time and field
     */
    public void add(int instrument, long startTs, long endTs, double open, double high, double low, double close,
                    double volume, double vwap, long tradeCount) {
        if (size == capacity) {
            throw new IllegalStateException("bar batch is full (capacity " + capacity + ")");
        }
        String problem = check(instrument, startTs, endTs, open, high, low, close, volume, vwap, tradeCount);
        if (problem != null) {
            throw new IllegalArgumentException("bar row " + size + " (instrument " + instrument + ", endTs " + endTs
                    + "): " + problem);
        }
        int i = size++;
        this.instrument[i] = instrument;
        this.startTs[i] = startTs;
        this.endTs[i] = endTs;
        this.open[i] = open;
        this.high[i] = high;
        this.low[i] = low;
        this.close[i] = close;
        this.volume[i] = volume;
        this.vwap[i] = vwap;
        this.tradeCount[i] = tradeCount;
    }

    /**
     * What is wrong with a bar, naming the field and values, or {@code null} when it is valid: the one check
     * {@link #add} applies, offered to readers that report problems with their own file and line.
     */
    public static String check(int instrument, long startTs, long endTs, double open, double high, double low,
                               double close, double volume, double vwap, long tradeCount) {
        if (instrument < 0) {
            return "instrument index must be >= 0, was " + instrument;
        }
        if (endTs <= startTs) {
            return "endTs " + endTs + " must be after startTs " + startTs;
        }
        if (!Double.isFinite(open) || !Double.isFinite(high) || !Double.isFinite(low) || !Double.isFinite(close)) {
            return "open, high, low and close must be finite, were " + open + ", " + high + ", " + low + ", " + close;
        }
        if (high < low) {
            return "high " + high + " is below low " + low;
        }
        if (open < low || open > high) {
            return "open " + open + " is outside [low " + low + ", high " + high + "]";
        }
        if (close < low || close > high) {
            return "close " + close + " is outside [low " + low + ", high " + high + "]";
        }
        if (!(volume >= 0) || volume == Double.POSITIVE_INFINITY) {
            return "volume must be finite and >= 0, was " + volume;
        }
        if (!Double.isNaN(vwap) && (vwap < low || vwap > high)) {
            return "vwap " + vwap + " is outside [low " + low + ", high " + high + "]";
        }
        if (tradeCount < NO_TRADE_COUNT) {
            return "tradeCount must be >= 0 (or -1 for none), was " + tradeCount;
        }
        return null;
    }

    /** Copies row {@code row} of {@code from} to the end of this batch (no re-check: {@code from} was checked). */
    public void addFrom(BarBatch from, int row) {
        if (size == capacity) {
            throw new IllegalStateException("bar batch is full (capacity " + capacity + ")");
        }
        from.checkRow(row);
        int i = size++;
        instrument[i] = from.instrument[row];
        startTs[i] = from.startTs[row];
        endTs[i] = from.endTs[row];
        open[i] = from.open[row];
        high[i] = from.high[row];
        low[i] = from.low[row];
        close[i] = from.close[row];
        volume[i] = from.volume[row];
        vwap[i] = from.vwap[row];
        tradeCount[i] = from.tradeCount[row];
    }

    /**
     * Copies rows {@code [fromRow, fromRow + rows)} of {@code from} to the end of this batch, one
     * {@link System#arraycopy} per column.
     *
     * @throws IndexOutOfBoundsException when the range is not within {@code from}
     * @throws IllegalStateException     when this batch has room for fewer than {@code rows} more rows
     */
    public void addRange(BarBatch from, int fromRow, int rows) {
        if (fromRow < 0 || rows < 0 || fromRow > from.size - rows) {
            throw new IndexOutOfBoundsException("rows [" + fromRow + ", " + ((long) fromRow + rows)
                    + ") are not within the " + from.size + " rows of the source bar batch");
        }
        if (rows > capacity - size) {
            throw new IllegalStateException("bar batch has room for " + (capacity - size) + " more rows (capacity "
                    + capacity + "), " + rows + " were added");
        }
        int at = size;
        System.arraycopy(from.instrument, fromRow, instrument, at, rows);
        System.arraycopy(from.startTs, fromRow, startTs, at, rows);
        System.arraycopy(from.endTs, fromRow, endTs, at, rows);
        System.arraycopy(from.open, fromRow, open, at, rows);
        System.arraycopy(from.high, fromRow, high, at, rows);
        System.arraycopy(from.low, fromRow, low, at, rows);
        System.arraycopy(from.close, fromRow, close, at, rows);
        System.arraycopy(from.volume, fromRow, volume, at, rows);
        System.arraycopy(from.vwap, fromRow, vwap, at, rows);
        System.arraycopy(from.tradeCount, fromRow, tradeCount, at, rows);
        size = at + rows;
    }

    /**
     * Adds {@code nanos} to the start and end times of rows {@code [fromRow, fromRow + rows)}: replays a block of
     * bars at a later time (benchmarks, generators) without re-checking them.
     */
    public void shiftTimes(int fromRow, int rows, long nanos) {
        if (fromRow < 0 || rows < 0 || fromRow > size - rows) {
            throw new IndexOutOfBoundsException("rows [" + fromRow + ", " + ((long) fromRow + rows)
                    + ") are not within the " + size + " rows of the bar batch");
        }
        for (int r = fromRow; r < fromRow + rows; r++) {
            startTs[r] += nanos;
            endTs[r] += nanos;
        }
    }

    public int instrument(int row) {
        return instrument[checkRow(row)];
    }

    public long startTs(int row) {
        return startTs[checkRow(row)];
    }

    public long endTs(int row) {
        return endTs[checkRow(row)];
    }

    /**
     * Copies the end times of rows {@code [from, to)} into {@code into}, from index {@code at}: one bounds check and
     * one array copy for a run of rows (a recorder keeping each bar's time).
     *
     * @throws IndexOutOfBoundsException if the rows are not within this batch or do not fit in {@code into}
     */
    public void copyEndTs(int from, int to, long[] into, int at) {
        Objects.checkFromToIndex(from, to, size);
        System.arraycopy(endTs, from, into, at, to - from);
    }

    /**
     * Copies the closes of rows {@code [from, to)} into {@code into}, from index {@code at}, as {@link #copyEndTs}.
     *
     * @throws IndexOutOfBoundsException if the rows are not within this batch or do not fit in {@code into}
     */
    public void copyClose(int from, int to, double[] into, int at) {
        Objects.checkFromToIndex(from, to, size);
        System.arraycopy(close, from, into, at, to - from);
    }

    public double open(int row) {
        return open[checkRow(row)];
    }

    public double high(int row) {
        return high[checkRow(row)];
    }

    public double low(int row) {
        return low[checkRow(row)];
    }

    public double close(int row) {
        return close[checkRow(row)];
    }

    public double volume(int row) {
        return volume[checkRow(row)];
    }

    /** The row's VWAP, {@link #NO_VWAP} (NaN) when the source has none. */
    public double vwap(int row) {
        return vwap[checkRow(row)];
    }

    /** The row's trade count, {@link #NO_TRADE_COUNT} (-1) when the source has none. */
    public long tradeCount(int row) {
        return tradeCount[checkRow(row)];
    }

    int checkRow(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("bar row " + row + " is not within the " + size + " rows of the batch");
        }
        return row;
    }

    @Override
    public String toString() {
        return "BarBatch[size=" + size + ", capacity=" + capacity + "]";
    }
}
