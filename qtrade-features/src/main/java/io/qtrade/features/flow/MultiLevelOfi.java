package io.qtrade.features.flow;

import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;

import java.util.Arrays;

/**
 * Multi-level order flow imbalance (MLOFI) over the top {@code M} occupied price levels, after Xu, Gould and
 * Howison [1], raw and normalised by the average depth as in Cont, Cucuringu and Zhang [2].
 *
 * <p>With {@code P^{m,B}_n, q^{m,B}_n} the price and size of the {@code m}-th best occupied bid level after event
 * {@code n} (and {@code A} for asks), the level-{@code m} contribution is the CKS formula applied level by level:
 * <pre>{@code
 * e^m_n = 1{P^{m,B}_n >= P^{m,B}_{n-1}} q^{m,B}_n - 1{P^{m,B}_n <= P^{m,B}_{n-1}} q^{m,B}_{n-1}
 *       - 1{P^{m,A}_n <= P^{m,A}_{n-1}} q^{m,A}_n + 1{P^{m,A}_n >= P^{m,A}_{n-1}} q^{m,A}_{n-1}
 * MLOFI^m_k = sum of e^m_n over the window k                       (m = 1..M; level 1 is OrderFlowImbalance)
 * Q^M_k     = 1 / (M * N_k) * sum_n sum_{m=1..M} (q^{m,B}_n + q^{m,A}_n) / 2     average depth per level
 * ofi^m_k   = MLOFI^m_k / Q^M_k                                    depth-normalised
 * }</pre>
 * {@code N_k} is the number of events in window {@code k}; a missing level counts as depth 0 in {@code Q}.
 *
 * <p>Empty levels: {@code e^m_n} is {@code NaN} when a side has fewer than {@code m} levels after event {@code n}
 * or {@code n - 1}; the other levels are unaffected. A window sum with a {@code NaN} is {@code NaN}. The first event
 * only seeds the state (warm-up: one event, not in any window), as in {@link OrderFlowImbalance}.
 *
 * <p>Streaming: {@link #update(OrderBookView)} after every event costs {@code O(M)} and allocates nothing; the
 * window is closed by the caller with {@link #closeWindow(double[], double[])}. Batch: {@link #contributions}.
 *
 * <p>[1] K. Xu, M. D. Gould, S. D. Howison (2019), "Multi-level order-flow imbalance in a limit order book", Market
 * Microstructure and Liquidity 4(3-4), 1950011. [2] R. Cont, M. Cucuringu, C. Zhang (2023), "Cross-impact of order
 * flow imbalance in equity markets", Quantitative Finance 23(10), 1373-1393.
 *
 * <p>Not thread-safe.
 */
public final class MultiLevelOfi {

    private final int levels;
    private final long[] bidTicks;
    private final double[] bidQty;
    private final long[] askTicks;
    private final double[] askQty;
    private final long[] prevBidTicks;
    private final double[] prevBidQty;
    private final long[] prevAskTicks;
    private final double[] prevAskQty;
    private int prevBidLevels;
    private int prevAskLevels;
    private final double[] last;
    private final double[] windowSum;
    private double windowDepthSum;
    private long windowEvents;
    private long events;

    /**
     * @param levels {@code M}, the number of levels, {@code >= 1}
     * @throws IllegalArgumentException when {@code levels < 1}
     */
    public MultiLevelOfi(int levels) {
        if (levels < 1) {
            throw new IllegalArgumentException("MLOFI levels must be >= 1, was " + levels);
        }
        this.levels = levels;
        bidTicks = new long[levels];
        bidQty = new double[levels];
        askTicks = new long[levels];
        askQty = new double[levels];
        prevBidTicks = new long[levels];
        prevBidQty = new double[levels];
        prevAskTicks = new long[levels];
        prevAskQty = new double[levels];
        last = new double[levels];
        windowSum = new double[levels];
        Arrays.fill(last, Double.NaN);
    }

    /** {@code M}. */
    public int levels() {
        return levels;
    }

    /**
     * Feeds the book after one event; the contributions are then in {@link #last(int)}.
     */
    public void update(OrderBookView book) {
        int nb = book.depth(Side.BUY, bidTicks, bidQty, levels);
        int na = book.depth(Side.SELL, askTicks, askQty, levels);
        update(bidTicks, bidQty, nb, askTicks, askQty, na);
    }

    /**
     * Feeds the top levels after one event, best first, prices in ticks (arrays not modified; they may be reused by
     * the caller after the call).
     *
     * @param bidLevels how many bid levels the arrays hold ({@code <= M} are read)
     * @param askLevels how many ask levels the arrays hold
     * @throws IllegalArgumentException when a level count is negative or exceeds its arrays
     */
    public void update(long[] bidPriceTicks, double[] bidQtys, int bidLevels,
                       long[] askPriceTicks, double[] askQtys, int askLevels) {
        int nb = Math.min(bidLevels, levels);
        int na = Math.min(askLevels, levels);
        if (nb < 0 || na < 0 || nb > bidPriceTicks.length || nb > bidQtys.length || na > askPriceTicks.length
                || na > askQtys.length) {
            throw new IllegalArgumentException("MLOFI update: bidLevels " + bidLevels + " and askLevels " + askLevels
                    + " must be >= 0 and within the arrays (bid " + bidPriceTicks.length + "/" + bidQtys.length
                    + ", ask " + askPriceTicks.length + "/" + askQtys.length + ")");
        }
        boolean seeded = events++ > 0;
        double depth = 0.0;
        for (int m = 0; m < levels; m++) {
            double e;
            if (!seeded || m >= nb || m >= na || m >= prevBidLevels || m >= prevAskLevels) {
                e = Double.NaN;
            } else {
                long b = bidPriceTicks[m];
                long pb = prevBidTicks[m];
                long a = askPriceTicks[m];
                long pa = prevAskTicks[m];
                e = 0.0;
                if (b >= pb) {
                    e += bidQtys[m];
                }
                if (b <= pb) {
                    e -= prevBidQty[m];
                }
                if (a <= pa) {
                    e -= askQtys[m];
                }
                if (a >= pa) {
                    e += prevAskQty[m];
                }
            }
            last[m] = e;
            if (seeded) {
                windowSum[m] += e;
            }
            depth += (m < nb ? bidQtys[m] : 0.0) + (m < na ? askQtys[m] : 0.0);
        }
        System.arraycopy(bidPriceTicks, 0, prevBidTicks, 0, nb);
        System.arraycopy(bidQtys, 0, prevBidQty, 0, nb);
        System.arraycopy(askPriceTicks, 0, prevAskTicks, 0, na);
        System.arraycopy(askQtys, 0, prevAskQty, 0, na);
        prevBidLevels = nb;
        prevAskLevels = na;
        if (seeded) {
            windowDepthSum += 0.5 * depth;
            windowEvents++;
        }
    }

    /** {@code e^m_n} of the last event for level {@code m} (1-based), {@code NaN} as documented. */
    public double last(int level) {
        return last[level - 1];
    }

    /** The running window sum {@code MLOFI^m} of level {@code m} (1-based). */
    public double windowSum(int level) {
        return windowSum[level - 1];
    }

    /** Events in the current window. */
    public long windowEvents() {
        return windowEvents;
    }

    /** {@code Q^M} of the current window, {@code NaN} before its first event. */
    public double windowAverageDepth() {
        return windowEvents == 0 ? Double.NaN : windowDepthSum / ((double) levels * windowEvents);
    }

    /**
     * Writes {@code MLOFI^m} into {@code raw[m-1]} and {@code MLOFI^m / Q^M} into {@code normalised[m-1]} (both
     * modified, length {@code >= M}) and starts a new window. A window without events gives 0 raw and {@code NaN}
     * normalised (no depth was observed).
     *
     * @throws IllegalArgumentException when an output is shorter than {@code M}
     */
    public void closeWindow(double[] raw, double[] normalised) {
        if (raw.length < levels || normalised.length < levels) {
            throw new IllegalArgumentException("MLOFI outputs must hold " + levels + " levels, lengths were "
                    + raw.length + " and " + normalised.length);
        }
        double q = windowAverageDepth();
        for (int m = 0; m < levels; m++) {
            raw[m] = windowSum[m];
            normalised[m] = windowSum[m] / q;
            windowSum[m] = 0.0;
        }
        windowDepthSum = 0.0;
        windowEvents = 0;
    }

    /**
     * Batch form: per-event contributions for rows of a level table. Row {@code n} holds {@code M} bid prices
     * (ticks), sizes, ask prices and sizes at offsets {@code n*M .. n*M+M-1}; a missing level has size 0 (its price is
     * then ignored). {@code out[n*M + m-1] = e^m_n}, equal to the streaming values.
     *
     * @param rows number of events
     * @param out  receives the contributions (modified), length {@code >= rows * M}
     * @return {@code out}
     * @throws IllegalArgumentException when an array is shorter than {@code rows * M}, or a level with size 0 lies
     *                                  above an occupied one (the message names the row, side and level)
     */
    public static double[] contributions(int levels, int rows, long[] bidPriceTicks, double[] bidQtys,
                                         long[] askPriceTicks, double[] askQtys, double[] out) {
        MultiLevelOfi ofi = new MultiLevelOfi(levels);
        long need = (long) rows * levels;
        if (bidPriceTicks.length < need || bidQtys.length < need || askPriceTicks.length < need
                || askQtys.length < need || out.length < need) {
            throw new IllegalArgumentException("MLOFI batch of " + rows + " rows x " + levels
                    + " levels needs arrays of length >= " + need);
        }
        long[] bt = new long[levels];
        double[] bq = new double[levels];
        long[] at = new long[levels];
        double[] aq = new double[levels];
        for (int n = 0; n < rows; n++) {
            int off = n * levels;
            System.arraycopy(bidPriceTicks, off, bt, 0, levels);
            System.arraycopy(bidQtys, off, bq, 0, levels);
            System.arraycopy(askPriceTicks, off, at, 0, levels);
            System.arraycopy(askQtys, off, aq, 0, levels);
            ofi.update(bt, bq, occupied(bq, n, "bid"), at, aq, occupied(aq, n, "ask"));
            for (int m = 0; m < levels; m++) {
                out[off + m] = ofi.last[m];
            }
        }
        return out;
    }

    private static int occupied(double[] qty, int row, String side) {
        int n = 0;
        while (n < qty.length && qty[n] > 0.0) {
            n++;
        }
        for (int m = n; m < qty.length; m++) {
            if (qty[m] != 0.0) {
                throw new IllegalArgumentException("MLOFI batch row " + row + ": " + side + " level " + (m + 1)
                        + " has qty " + qty[m] + " below an empty level " + (n + 1)
                        + "; expected occupied levels first, then qty 0");
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "MultiLevelOfi[levels=" + levels + ", events=" + events + "]";
    }
}
