package io.qtrade.server.tap;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The top {@code depth} levels of one instrument's market book, copied by the engine thread when the server asks for
 * them ({@link #request()}) and read by any thread: a sequence lock (Lameter 2005, "Effective synchronization on
 * Linux/NUMA systems"; the version is odd while the engine writes, a reader retries when it changed). The engine's
 * copy allocates nothing: the arrays are made once.
 */
public final class BookSnapshot {

    private final Instrument instrument;
    private final int depth;
    private final AtomicLong version = new AtomicLong();
    private volatile boolean requested = true;
    private final long[] scratchTicks;
    private final double[] scratchQty;
    private final double[] bidPx;
    private final double[] bidQty;
    private final double[] askPx;
    private final double[] askQty;
    private int bidLevels;
    private int askLevels;
    private long localTs;
    private long copiedNanos;

    BookSnapshot(Instrument instrument, int depth) {
        this.instrument = instrument;
        this.depth = depth;
        scratchTicks = new long[depth];
        scratchQty = new double[depth];
        bidPx = new double[depth];
        bidQty = new double[depth];
        askPx = new double[depth];
        askQty = new double[depth];
    }

    /** Asks the engine for a fresh copy at its next callback. */
    public void request() {
        requested = true;
    }

    boolean requested() {
        return requested;
    }

    /** Engine thread: copies the book (allocation-free) and clears the request. */
    void copy(OrderBookView book, long nowNanos) {
        requested = false;
        long v = version.get();
        version.setOpaque(v + 1);
        VarHandle.storeStoreFence();
        bidLevels = book.depth(Side.BUY, scratchTicks, scratchQty, depth);
        for (int i = 0; i < bidLevels; i++) {
            bidPx[i] = instrument.toPrice(scratchTicks[i]);
            bidQty[i] = scratchQty[i];
        }
        askLevels = book.depth(Side.SELL, scratchTicks, scratchQty, depth);
        for (int i = 0; i < askLevels; i++) {
            askPx[i] = instrument.toPrice(scratchTicks[i]);
            askQty[i] = scratchQty[i];
        }
        localTs = nowNanos;
        copiedNanos = System.nanoTime();
        version.setRelease(v + 2);
    }

    /** The version of the last complete copy (0: none yet); it grows by 2 per copy. */
    public long version() {
        return version.getAcquire() & ~1L;
    }

    /** The instrument. */
    public Instrument instrument() {
        return instrument;
    }

    /**
     * A consistent copy of the last snapshot, best level first.
     *
     * @param levels at most this many levels per side
     */
    public Levels read(int levels) {
        int n = Math.max(0, Math.min(levels, depth));
        while (true) {
            long v1 = version.getAcquire();
            if ((v1 & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            int nb = Math.min(n, bidLevels);
            int na = Math.min(n, askLevels);
            double[] bp = new double[nb];
            double[] bq = new double[nb];
            double[] ap = new double[na];
            double[] aq = new double[na];
            System.arraycopy(bidPx, 0, bp, 0, nb);
            System.arraycopy(bidQty, 0, bq, 0, nb);
            System.arraycopy(askPx, 0, ap, 0, na);
            System.arraycopy(askQty, 0, aq, 0, na);
            long ts = localTs;
            long copied = copiedNanos;
            VarHandle.loadLoadFence();
            if (version.get() == v1) {
                return new Levels(instrument, v1, ts, copied, bp, bq, ap, aq);
            }
        }
    }

    /**
     * A copy of the book's top levels.
     *
     * @param version      the snapshot's version
     * @param localTs      the engine's clock when copied, epoch nanoseconds (0 before the first copy)
     * @param copiedNanos  {@link System#nanoTime()} when copied
     * @param bidPrices    bid prices, best first
     * @param bidQtys      bid quantities
     * @param askPrices    ask prices, best first
     * @param askQtys      ask quantities
     */
    public record Levels(Instrument instrument, long version, long localTs, long copiedNanos, double[] bidPrices,
                         double[] bidQtys, double[] askPrices, double[] askQtys) {

        /** Best bid, NaN when the bid side is empty. */
        public double bestBid() {
            return bidPrices.length > 0 ? bidPrices[0] : Double.NaN;
        }

        /** Best ask, NaN when the ask side is empty. */
        public double bestAsk() {
            return askPrices.length > 0 ? askPrices[0] : Double.NaN;
        }

        /** Quantity at the best bid, 0 when empty. */
        public double bestBidQty() {
            return bidQtys.length > 0 ? bidQtys[0] : 0.0;
        }

        /** Quantity at the best ask, 0 when empty. */
        public double bestAskQty() {
            return askQtys.length > 0 ? askQtys[0] : 0.0;
        }
    }
}
