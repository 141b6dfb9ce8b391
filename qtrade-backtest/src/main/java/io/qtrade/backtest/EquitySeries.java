package io.qtrade.backtest;

import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.portfolio.MarkValuation;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * The equity/PnL rows of a run in primitive columns: one row per strategy and instrument at each mark. No object per
 * row, and the per-mark columns are never copied while the run grows:
 * <ul>
 *   <li>the columns that change at every mark ({@code ts}, mark price, unrealized PnL, the strategy's equity and net
 *       PnL) go into chunks of rows (the first of {@value #FIRST_CHUNK} rows, each next one twice as large up to
 *       {@value #MAX_CHUNK} rows), which are never moved;</li>
 *   <li>the columns that change only at a fill or a funding settlement, or never on one instrument (strategy,
 *       instrument, position, realized PnL, fees, funding) are kept as runs of equal values (bit for bit: the value
 *       and the row where each run starts), so a row that repeats them writes nothing for them. This pays with one
 *       strategy on one instrument (the bar engine's one-series case); with several, rows alternate between
 *       strategies and instruments and most rows start a run (4 or 8 bytes more per cell than a plain column, and
 *       the run arrays grow by doubling), still exact.</li>
 * </ul>
 * Rows of marks between fills ({@link #addMarks}) keep only their time and mark price: their unrealized PnL,
 * equity and net PnL are the given {@link MarkValuation}'s values at the mark, computed when the table is built
 * (16 bytes a row rather than 40, and no arithmetic on the bar path).
 * The column arrays of the equity table are put together once, when the table is built ({@link #ts()},
 * {@link #column}), with the values exactly as recorded. O(1) per row.
 */
final class EquitySeries {

    static final int FIRST_CHUNK = 256;
    static final int MAX_CHUNK = 4096;

    /** One chunk of the per-mark columns every row has, {@code capacity} rows. */
    private static final class Chunk {
        final long[] ts;
        final double[] markPrice;

        Chunk(int capacity) {
            ts = new long[capacity];
            markPrice = new double[capacity];
        }
    }

    /** One chunk of the valued columns of the rows recorded with their values ({@link #add}). */
    private static final class ValueChunk {
        final double[] unrealizedPnl;
        final double[] strategyEquity;
        final double[] strategyNetPnl;

        ValueChunk(int capacity) {
            unrealizedPnl = new double[capacity];
            strategyEquity = new double[capacity];
            strategyNetPnl = new double[capacity];
        }
    }

    /** A column of ints as runs of equal values: each run's value and first row. */
    private static final class IntRuns {
        int count;
        int[] start = new int[16];
        int[] value = new int[16];

        void add(int row, int v) {
            if (count > 0 && value[count - 1] == v) {
                return;
            }
            if (count == start.length) {
                start = Arrays.copyOf(start, count * 2);
                value = Arrays.copyOf(value, count * 2);
            }
            start[count] = row;
            value[count++] = v;
        }

        int[] expand(int size) {
            int[] out = new int[size];
            for (int k = 0; k < count; k++) {
                Arrays.fill(out, start[k], k + 1 < count ? start[k + 1] : size, value[k]);
            }
            return out;
        }
    }

    /** A column of doubles as runs of bit-for-bit equal values ({@code -0.0} and {@code 0.0} are two runs). */
    private static final class DoubleRuns {
        int count;
        int[] start = new int[16];
        double[] value = new double[16];
        long lastBits;

        void add(int row, double v) {
            long bits = Double.doubleToRawLongBits(v);
            if (count > 0 && lastBits == bits) {
                return;
            }
            if (count == start.length) {
                start = Arrays.copyOf(start, count * 2);
                value = Arrays.copyOf(value, count * 2);
            }
            start[count] = row;
            value[count++] = v;
            lastBits = bits;
        }

        double[] expand(int size) {
            double[] out = new double[size];
            for (int k = 0; k < count; k++) {
                Arrays.fill(out, start[k], k + 1 < count ? start[k + 1] : size, value[k]);
            }
            return out;
        }
    }

    /** Rows so far. */
    int size;
    /** Every chunk, in row order; the last is {@link #current}. */
    private final ArrayList<Chunk> chunks = new ArrayList<>();
    private Chunk current;
    /** Rows in {@link #current}, and its capacity. */
    private int used;
    private int capacity;
    private final IntRuns strategy = new IntRuns();
    private final IntRuns instrument = new IntRuns();
    private final DoubleRuns position = new DoubleRuns();
    private final DoubleRuns realizedPnl = new DoubleRuns();
    private final DoubleRuns fees = new DoubleRuns();
    private final DoubleRuns funding = new DoubleRuns();
    /** The valued rows' columns, in chunks: {@link #valued} rows so far. */
    private final ArrayList<ValueChunk> valueChunks = new ArrayList<>();
    private ValueChunk currentValues;
    private int valuedUsed;
    private int valuedCapacity;
    private int valued;
    /**
     * Segments of rows, in row order: each one's first row, and either the index of its first valued row (rows
     * recorded with their values) or its valuation (rows of marks, valued when the table is built).
     */
    private int segments;
    private int[] segmentStart = new int[8];
    private int[] segmentValuedFrom = new int[8];
    private MarkValuation[] segmentValuation = new MarkValuation[8];

    /** No chunk yet: the first is made by the first row (a run without equity rows allocates none). */
    EquitySeries() {
    }

    void add(long t, int s, int i, double pos, double mark, double realized, double unrealized, double fee,
             double equity, double netPnl) {
        add(t, s, i, pos, mark, realized, unrealized, fee, 0.0, equity, netPnl);
    }

    /** A row with the funding paid so far on the position ({@code Portfolio.funding(instrument)}). */
    void add(long t, int s, int i, double pos, double mark, double realized, double unrealized, double fee,
             double fundingPaid, double equity, double netPnl) {
        if (used == capacity) {
            nextChunk();
        }
        if (segments == 0 || segmentValuation[segments - 1] != null) {
            startSegment(size, valued, null);
        }
        if (valuedUsed == valuedCapacity) {
            valuedCapacity = valuedCapacity == 0 ? FIRST_CHUNK : Math.min(valuedCapacity * 2, MAX_CHUNK);
            currentValues = new ValueChunk(valuedCapacity);
            valueChunks.add(currentValues);
            valuedUsed = 0;
        }
        Chunk c = current;
        int r = used++;
        int row = size++;
        c.ts[r] = t;
        c.markPrice[r] = mark;
        ValueChunk v = currentValues;
        int w = valuedUsed++;
        valued++;
        v.unrealizedPnl[w] = unrealized;
        v.strategyEquity[w] = equity;
        v.strategyNetPnl[w] = netPnl;
        strategy.add(row, s);
        instrument.add(row, i);
        position.add(row, pos);
        realizedPnl.add(row, realized);
        fees.add(row, fee);
        funding.add(row, fundingPaid);
    }

    /**
     * One row of marks per bar of {@code bars} in rows {@code [from, to)}: at the bar's end time, marked at its close
     * (finite, as every {@link BarBatch} close is), all with the same strategy, instrument, position, realized PnL
     * and fees (no funding). Each row's unrealized PnL, equity and net PnL are {@code valuation}'s at its mark,
     * computed when the table is built, so the rows are those {@link #add} would record with
     * {@code valuation.positionUnrealizedPnl(close)}, {@code valuation.equity(close)} and
     * {@code valuation.netPnl(close)}.
     */
    void addMarks(int s, int i, double pos, double realized, double fee, MarkValuation valuation, BarBatch bars,
                  int from, int to) {
        if (from >= to) {
            return;
        }
        int row = size;
        if (segments == 0 || segmentValuation[segments - 1] != valuation) {
            startSegment(row, -1, valuation);
        }
        strategy.add(row, s);
        instrument.add(row, i);
        position.add(row, pos);
        realizedPnl.add(row, realized);
        fees.add(row, fee);
        funding.add(row, 0.0);
        int k = from;
        while (k < to) {
            if (used == capacity) {
                nextChunk();
            }
            int n = Math.min(to - k, capacity - used);
            bars.copyEndTs(k, k + n, current.ts, used);
            bars.copyClose(k, k + n, current.markPrice, used);
            used += n;
            size += n;
            k += n;
        }
    }

    private void startSegment(int row, int valuedFrom, MarkValuation valuation) {
        if (segments == segmentStart.length) {
            segmentStart = Arrays.copyOf(segmentStart, segments * 2);
            segmentValuedFrom = Arrays.copyOf(segmentValuedFrom, segments * 2);
            segmentValuation = Arrays.copyOf(segmentValuation, segments * 2);
        }
        segmentStart[segments] = row;
        segmentValuedFrom[segments] = valuedFrom;
        segmentValuation[segments++] = valuation;
    }

    private void nextChunk() {
        capacity = capacity == 0 ? FIRST_CHUNK : Math.min(capacity * 2, MAX_CHUNK);
        current = new Chunk(capacity);
        chunks.add(current);
        used = 0;
    }

    // Each column as one array of {@link #size} rows (a new array per call).

    long[] ts() {
        long[] out = new long[size];
        int at = 0;
        for (Chunk c : chunks) {
            int n = Math.min(c.ts.length, size - at);
            System.arraycopy(c.ts, 0, out, at, n);
            at += n;
        }
        return out;
    }

    int[] strategy() {
        return strategy.expand(size);
    }

    int[] instrument() {
        return instrument.expand(size);
    }

    /** The columns of doubles kept as runs. */
    enum Column {
        POSITION, REALIZED_PNL, FEES, FUNDING
    }

    double[] column(Column column) {
        return switch (column) {
            case POSITION -> position.expand(size);
            case REALIZED_PNL -> realizedPnl.expand(size);
            case FEES -> fees.expand(size);
            case FUNDING -> funding.expand(size);
        };
    }

    /** The mark price column. */
    double[] markPrice() {
        double[] marks = new double[size];
        int at = 0;
        for (Chunk c : chunks) {
            int n = Math.min(c.markPrice.length, size - at);
            System.arraycopy(c.markPrice, 0, marks, at, n);
            at += n;
        }
        return marks;
    }

    /** The three valued columns of every row. */
    record Values(double[] unrealizedPnl, double[] strategyEquity, double[] strategyNetPnl) {
    }

    /**
     * The unrealized PnL, strategy equity and strategy net PnL of every row, given the mark column
     * ({@link #markPrice()}): rows recorded with their values give them back, rows of marks their valuation's at the
     * mark. One pass over the segments.
     */
    Values values(double[] marks) {
        double[] unrealized = new double[valued];
        double[] equity = new double[valued];
        double[] net = new double[valued];
        int at = 0;
        for (ValueChunk c : valueChunks) {
            int n = Math.min(c.unrealizedPnl.length, valued - at);
            System.arraycopy(c.unrealizedPnl, 0, unrealized, at, n);
            System.arraycopy(c.strategyEquity, 0, equity, at, n);
            System.arraycopy(c.strategyNetPnl, 0, net, at, n);
            at += n;
        }
        Values out = new Values(new double[size], new double[size], new double[size]);
        for (int g = 0; g < segments; g++) {
            int start = segmentStart[g];
            int end = g + 1 < segments ? segmentStart[g + 1] : size;
            MarkValuation v = segmentValuation[g];
            if (v == null) {
                int from = segmentValuedFrom[g];
                System.arraycopy(unrealized, from, out.unrealizedPnl, start, end - start);
                System.arraycopy(equity, from, out.strategyEquity, start, end - start);
                System.arraycopy(net, from, out.strategyNetPnl, start, end - start);
                continue;
            }
            for (int r = start; r < end; r++) {
                double m = marks[r];
                out.unrealizedPnl[r] = v.positionUnrealizedPnl(m);
                out.strategyEquity[r] = v.equity(m);
                out.strategyNetPnl[r] = v.netPnl(m);
            }
        }
        return out;
    }
}
