package io.qtrade.backtest;

import java.util.ArrayList;

/**
 * The equity/PnL rows of a run in primitive columns: one row per strategy and instrument at each mark. No object per
 * row, and no copy while the run grows it: rows go into chunks of columns (the first of {@value #FIRST_CHUNK} rows,
 * each next one twice as large up to {@value #MAX_CHUNK} rows), which are never moved; the column arrays of the
 * equity table are put together once, when the table is built ({@link #ts()}, {@link #position()}, ...). O(1) per
 * row; memory about the rows' own size (a growing array doubled by copying allocates and copies about twice that).
 */
final class EquitySeries {

    static final int FIRST_CHUNK = 256;
    static final int MAX_CHUNK = 4096;

    /** One chunk: eleven columns of {@code capacity} rows. */
    private static final class Chunk {
        final long[] ts;
        final int[] strategy;
        final int[] instrument;
        final double[] position;
        final double[] markPrice;
        final double[] realizedPnl;
        final double[] unrealizedPnl;
        final double[] fees;
        final double[] funding;
        final double[] strategyEquity;
        final double[] strategyNetPnl;

        Chunk(int capacity) {
            ts = new long[capacity];
            strategy = new int[capacity];
            instrument = new int[capacity];
            position = new double[capacity];
            markPrice = new double[capacity];
            realizedPnl = new double[capacity];
            unrealizedPnl = new double[capacity];
            fees = new double[capacity];
            funding = new double[capacity];
            strategyEquity = new double[capacity];
            strategyNetPnl = new double[capacity];
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

    EquitySeries() {
        current = new Chunk(FIRST_CHUNK);
        capacity = FIRST_CHUNK;
        chunks.add(current);
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
        Chunk c = current;
        int r = used++;
        size++;
        c.ts[r] = t;
        c.strategy[r] = s;
        c.instrument[r] = i;
        c.position[r] = pos;
        c.markPrice[r] = mark;
        c.realizedPnl[r] = realized;
        c.unrealizedPnl[r] = unrealized;
        c.fees[r] = fee;
        c.funding[r] = fundingPaid;
        c.strategyEquity[r] = equity;
        c.strategyNetPnl[r] = netPnl;
    }

    private void nextChunk() {
        capacity = Math.min(capacity * 2, MAX_CHUNK);
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
        return ints(true);
    }

    int[] instrument() {
        return ints(false);
    }

    private int[] ints(boolean strategy) {
        int[] out = new int[size];
        int at = 0;
        for (Chunk c : chunks) {
            int[] from = strategy ? c.strategy : c.instrument;
            int n = Math.min(from.length, size - at);
            System.arraycopy(from, 0, out, at, n);
            at += n;
        }
        return out;
    }

    /** The columns of doubles, by their place in a row. */
    enum Column {
        POSITION, MARK_PRICE, REALIZED_PNL, UNREALIZED_PNL, FEES, FUNDING, STRATEGY_EQUITY, STRATEGY_NET_PNL
    }

    double[] column(Column column) {
        double[] out = new double[size];
        int at = 0;
        for (Chunk c : chunks) {
            double[] from = switch (column) {
                case POSITION -> c.position;
                case MARK_PRICE -> c.markPrice;
                case REALIZED_PNL -> c.realizedPnl;
                case UNREALIZED_PNL -> c.unrealizedPnl;
                case FEES -> c.fees;
                case FUNDING -> c.funding;
                case STRATEGY_EQUITY -> c.strategyEquity;
                case STRATEGY_NET_PNL -> c.strategyNetPnl;
            };
            int n = Math.min(from.length, size - at);
            System.arraycopy(from, 0, out, at, n);
            at += n;
        }
        return out;
    }
}
