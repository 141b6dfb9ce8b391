package io.qtrade.features.flow;

import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;

/**
 * Spread and depth of an L2 book, the liquidity measures that go with order flow imbalance (Cont, Kukanov and
 * Stoikov [1] regress price changes on {@code OFI / depth}):
 * <pre>{@code
 * spreadTicks      = P^A - P^B in ticks                       NaN when a side is empty
 * relativeSpread   = (P^A - P^B) / ((P^A + P^B) / 2)          (a fraction; times 1e4 for bps)
 * depth(side, M)   = sum of q^{side}_m, m = 1..M              over the M best occupied levels
 *                                                            (fewer if the side has fewer)
 * }</pre>
 * Streaming: one call per event; {@link #depth} reads levels into arrays it owns, so it allocates nothing.
 *
 * <p>[1] R. Cont, A. Kukanov, S. Stoikov (2014), "The price impact of order book events", Journal of Financial
 * Econometrics 12(1), 47-88.
 *
 * <p>Not thread-safe (the level buffers are reused).
 */
public final class BookDepth {

    private final int maxLevels;
    private final long[] priceTicks;
    private final double[] qtys;

    /**
     * @param maxLevels the most levels {@link #depth} may be asked for, {@code >= 1}
     * @throws IllegalArgumentException when {@code maxLevels < 1}
     */
    public BookDepth(int maxLevels) {
        if (maxLevels < 1) {
            throw new IllegalArgumentException("maxLevels must be >= 1, was " + maxLevels);
        }
        this.maxLevels = maxLevels;
        this.priceTicks = new long[maxLevels];
        this.qtys = new double[maxLevels];
    }

    /** The spread in ticks as a double, {@code NaN} when a side is empty. */
    public static double spreadTicks(OrderBookView book) {
        if (book.isEmpty(Side.BUY) || book.isEmpty(Side.SELL)) {
            return Double.NaN;
        }
        return (double) book.spreadTicks();
    }

    /** {@code (P^A - P^B) / mid}, {@code NaN} when a side is empty. */
    public static double relativeSpread(OrderBookView book) {
        return book.spread() / book.mid();
    }

    /**
     * The total quantity over the {@code levels} best occupied levels of {@code side} (0 for an empty side).
     *
     * @throws IllegalArgumentException when {@code levels} is outside {@code 1..maxLevels}
     */
    public double depth(OrderBookView book, Side side, int levels) {
        if (levels < 1 || levels > maxLevels) {
            throw new IllegalArgumentException("depth levels must be in [1, " + maxLevels + "], was " + levels);
        }
        int n = book.depth(side, priceTicks, qtys, levels);
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            total += qtys[i];
        }
        return total;
    }

    /** The most levels {@link #depth} accepts. */
    public int maxLevels() {
        return maxLevels;
    }

    @Override
    public String toString() {
        return "BookDepth[maxLevels=" + maxLevels + "]";
    }
}
