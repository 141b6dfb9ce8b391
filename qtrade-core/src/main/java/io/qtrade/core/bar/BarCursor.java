package io.qtrade.core.bar;

/**
 * Walks the rows of a {@link BarBatch} one at a time, showing each as a {@link Bar}. One cursor is reused for every
 * batch; moving it allocates nothing.
 *
 * <pre>{@code
 * BarCursor cursor = new BarCursor();
 * while (source.readBatch(batch)) {
 *     cursor.reset(batch);
 *     while (cursor.next()) {
 *         sum += cursor.close();
 *     }
 * }
 * }</pre>
 */
public final class BarCursor implements Bar {

    private BarBatch batch;
    private int row = -1;

    /** Points the cursor before the first row of {@code batch}. */
    public BarCursor reset(BarBatch batch) {
        this.batch = batch;
        this.row = -1;
        return this;
    }

    /** Moves to the next row; {@code false} when the batch has no more. */
    public boolean next() {
        if (batch == null || row + 1 >= batch.size) {
            return false;
        }
        row++;
        return true;
    }

    /** Moves to row {@code row} of the batch. */
    public BarCursor at(int row) {
        this.row = batch.checkRow(row);
        return this;
    }

    /** The current row's index in its batch. */
    public int row() {
        return row;
    }

    @Override
    public int instrument() {
        return batch.instrument[row];
    }

    @Override
    public long startTs() {
        return batch.startTs[row];
    }

    @Override
    public long endTs() {
        return batch.endTs[row];
    }

    @Override
    public double open() {
        return batch.open[row];
    }

    @Override
    public double high() {
        return batch.high[row];
    }

    @Override
    public double low() {
        return batch.low[row];
    }

    @Override
    public double close() {
        return batch.close[row];
    }

    @Override
    public double volume() {
        return batch.volume[row];
    }

    @Override
    public double vwap() {
        return batch.vwap[row];
    }

    @Override
    public long tradeCount() {
        return batch.tradeCount[row];
    }

    @Override
    public String toString() {
        if (batch == null || row < 0) {
            return "BarCursor[before first row]";
        }
        return "Bar[instrument=" + instrument() + ", " + startTs() + ".." + endTs() + ", o=" + open() + " h=" + high()
                + " l=" + low() + " c=" + close() + " v=" + volume() + "]";
    }
}
