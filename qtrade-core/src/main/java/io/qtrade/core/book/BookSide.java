package io.qtrade.core.book;

import java.util.Arrays;

/**
 * One side of a price-level book, keyed so that a higher key is always a better price: the bid side uses
 * {@code key = priceTicks}, the ask side {@code key = -priceTicks}. {@link OrderBook} does the conversion; this class
 * only knows keys.
 *
 * <p>Layout:
 * <ul>
 * <li><b>Window</b>: the keys {@code [windowLow, windowLow + windowTicks)} live in a ring {@code double[windowTicks]}
 * at index {@code key & (windowTicks - 1)}; a zero quantity is an empty level. An update here is one array access.
 * The window is placed so that the best key sits {@code windowTicks / 4} below its top, leaving room for price
 * improvements above and three quarters of the window for the levels behind the touch.</li>
 * <li><b>Far levels</b>: every level below the window is kept in two parallel arrays sorted by ascending key
 * ({@code farKeys}, {@code farQtys}), so the far level nearest the touch is the last one. Lookup is a binary search,
 * {@code O(log n)}; insert and delete shift the elements above the position, {@code O(n)} in the worst case but
 * {@code O(1)} for levels just below the window, where most far traffic lands. The arrays double when full.</li>
 * </ul>
 *
 * <p>Invariants after every operation: when the side holds a level, the best key lies inside the window, and every
 * far key is below {@code windowLow}. So the levels in price order are the window's (best first) followed by the far
 * arrays read from the end. When the best key leaves the comfortable part of the window (fewer than
 * {@code windowTicks / 16} keys above it or fewer than {@code windowTicks / 4} below it) the window moves back to its
 * target placement: levels that fall off the bottom are appended to the far arrays, far levels that come inside are
 * popped from their end. A move by {@code d} keys costs {@code O(min(d, windowTicks))} plus the levels moved.
 *
 * <p>When the best level is removed the next best is found by scanning the window downwards, which is {@code O(1)}
 * for a dense book near the touch; an empty window falls through to the far arrays in {@code O(1)}.
 */
final class BookSide {

    /** The best key of a side without levels (equal to {@link OrderBook#NO_BID}). */
    static final long EMPTY = Long.MIN_VALUE;

    private static final int INITIAL_FAR_CAPACITY = 16;

    private final int windowTicks;
    private final long mask;
    /** Keys of room kept above the best after a move. */
    private final int headroom;
    /** Move the window when fewer keys than this are left above the best. */
    private final int minHeadroom;
    /** Move the window when fewer keys than this are left below the best. */
    private final int minDepthBelow;
    private final double[] window;
    private long windowLow;
    private int windowLevels;

    private long[] farKeys = new long[INITIAL_FAR_CAPACITY];
    private double[] farQtys = new double[INITIAL_FAR_CAPACITY];
    private int farLevels;
    private long farUpdates;

    private long best = EMPTY;

    /** @param windowTicks a power of two, at least {@link OrderBook#MIN_WINDOW_TICKS}; checked by the caller */
    BookSide(int windowTicks) {
        this.windowTicks = windowTicks;
        this.mask = windowTicks - 1L;
        this.headroom = windowTicks / 4;
        this.minHeadroom = windowTicks / 16;
        this.minDepthBelow = windowTicks / 4;
        this.window = new double[windowTicks];
    }

    /** The best key, or {@link #EMPTY}. */
    long best() {
        return best;
    }

    /** The quantity at the best key, 0 when the side is empty. */
    double bestQty() {
        return best == EMPTY ? 0.0 : window[slot(best)];
    }

    int levelCount() {
        return windowLevels + farLevels;
    }

    /** How many updates read or wrote the far arrays. */
    long farUpdates() {
        return farUpdates;
    }

    /** Levels currently held outside the window. */
    int farLevelCount() {
        return farLevels;
    }

    double qtyAt(long key) {
        long offset = key - windowLow;
        if (offset >= 0 && offset < windowTicks) {
            return window[slot(key)];
        }
        if (offset < 0 && farLevels > 0) {
            int i = farIndex(key);
            return i >= 0 ? farQtys[i] : 0.0;
        }
        return 0.0;
    }

    /**
     * Sets the level at {@code key} to {@code qty}, which is positive.
     *
     * @return the previous quantity, 0 when the level is new
     */
    double put(long key, double qty) {
        if (best == EMPTY || key >= windowLow + windowTicks) {
            // A first level, or a new best above the window: place the window around it first.
            moveWindowTo(targetLowFor(key));
        }
        double previous;
        if (key >= windowLow) {
            int i = slot(key);
            previous = window[i];
            if (previous == 0.0) {
                windowLevels++;
            }
            window[i] = qty;
        } else {
            previous = farPut(key, qty);
        }
        if (key > best) {
            best = key;
            moveWindowIfBestDrifted();
        }
        return previous;
    }

    /**
     * Removes the level at {@code key}.
     *
     * @return the quantity it held, 0 when there was no level there
     */
    double remove(long key) {
        long offset = key - windowLow;
        double previous;
        if (offset >= 0 && offset < windowTicks) {
            int i = slot(key);
            previous = window[i];
            if (previous == 0.0) {
                return 0.0;
            }
            window[i] = 0.0;
            windowLevels--;
        } else if (offset < 0 && farLevels > 0) {
            previous = farRemove(key);
            if (previous == 0.0) {
                return 0.0;
            }
        } else {
            return 0.0;
        }
        if (key == best) {
            best = nextBestBelow(key);
            moveWindowIfBestDrifted();
        }
        return previous;
    }

    /**
     * Removes every level whose key is {@code >= threshold}, best first.
     *
     * @return how many levels were removed
     */
    int removeAtOrAbove(long threshold) {
        int removed = 0;
        while (best != EMPTY && best >= threshold) {
            if (best >= windowLow) {
                window[slot(best)] = 0.0;
                windowLevels--;
            } else {
                farLevels--; // the best of a side with an empty window is the last far level
            }
            best = nextBestBelow(best);
            removed++;
        }
        if (removed > 0) {
            moveWindowIfBestDrifted();
        }
        return removed;
    }

    void clear() {
        if (windowLevels > 0) {
            Arrays.fill(window, 0.0);
            windowLevels = 0;
        }
        farLevels = 0;
        best = EMPTY;
    }

    /**
     * Writes up to {@code maxLevels} levels, best first, into {@code keys} and {@code qtys} (both modified).
     *
     * @return the number of levels written
     */
    int levels(long[] keys, double[] qtys, int maxLevels) {
        int n = 0;
        int inWindow = Math.min(maxLevels, windowLevels);
        for (long key = best; n < inWindow; key--) {
            double qty = window[slot(key)];
            if (qty != 0.0) {
                keys[n] = key;
                qtys[n] = qty;
                n++;
            }
        }
        for (int i = farLevels - 1; i >= 0 && n < maxLevels; i--) {
            keys[n] = farKeys[i];
            qtys[n] = farQtys[i];
            n++;
        }
        return n;
    }

    private int slot(long key) {
        return (int) (key & mask);
    }

    private long targetLowFor(long bestKey) {
        return bestKey - (windowTicks - headroom);
    }

    /** The best key below {@code key}, which was the best; {@link #EMPTY} when there is none. */
    private long nextBestBelow(long key) {
        if (windowLevels > 0) {
            // Every window level is below the old best and at or above windowLow, so this scan stops in the window.
            long k = key - 1;
            while (window[slot(k)] == 0.0) {
                k--;
            }
            return k;
        }
        return farLevels > 0 ? farKeys[farLevels - 1] : EMPTY;
    }

    private void moveWindowIfBestDrifted() {
        if (best == EMPTY) {
            return;
        }
        long offset = best - windowLow;
        if (offset < minDepthBelow || offset >= windowTicks - minHeadroom) {
            moveWindowTo(targetLowFor(best));
        }
    }

    /** Moves the window to start at {@code newLow}; every level must be below {@code newLow + windowTicks}. */
    private void moveWindowTo(long newLow) {
        if (newLow > windowLow) {
            shiftUp(newLow);
        } else if (newLow < windowLow) {
            shiftDown(newLow);
        }
    }

    /** Levels below {@code newLow} leave the window; being above every far key they append in ascending order. */
    private void shiftUp(long newLow) {
        long end = Math.min(newLow, windowLow + windowTicks);
        for (long key = windowLow; key < end && windowLevels > 0; key++) {
            int i = slot(key);
            double qty = window[i];
            if (qty != 0.0) {
                window[i] = 0.0;
                windowLevels--;
                farAppend(key, qty);
            }
        }
        windowLow = newLow;
    }

    /**
     * Far levels at or above {@code newLow} come inside. The keys leaving at the top hold no level (every level is
     * below {@code newLow + windowTicks}), so their ring slots, which the entering keys reuse, are empty.
     */
    private void shiftDown(long newLow) {
        windowLow = newLow;
        while (farLevels > 0 && farKeys[farLevels - 1] >= newLow) {
            int last = farLevels - 1;
            window[slot(farKeys[last])] = farQtys[last];
            windowLevels++;
            farLevels = last;
        }
    }

    private int farIndex(long key) {
        return Arrays.binarySearch(farKeys, 0, farLevels, key);
    }

    private double farPut(long key, double qty) {
        farUpdates++;
        int i = farIndex(key);
        if (i >= 0) {
            double previous = farQtys[i];
            farQtys[i] = qty;
            return previous;
        }
        int at = -(i + 1);
        ensureFarCapacity();
        System.arraycopy(farKeys, at, farKeys, at + 1, farLevels - at);
        System.arraycopy(farQtys, at, farQtys, at + 1, farLevels - at);
        farKeys[at] = key;
        farQtys[at] = qty;
        farLevels++;
        return 0.0;
    }

    private double farRemove(long key) {
        farUpdates++;
        int i = farIndex(key);
        if (i < 0) {
            return 0.0;
        }
        double previous = farQtys[i];
        System.arraycopy(farKeys, i + 1, farKeys, i, farLevels - i - 1);
        System.arraycopy(farQtys, i + 1, farQtys, i, farLevels - i - 1);
        farLevels--;
        return previous;
    }

    private void farAppend(long key, double qty) {
        ensureFarCapacity();
        farKeys[farLevels] = key;
        farQtys[farLevels] = qty;
        farLevels++;
    }

    private void ensureFarCapacity() {
        if (farLevels == farKeys.length) {
            farKeys = Arrays.copyOf(farKeys, farLevels * 2);
            farQtys = Arrays.copyOf(farQtys, farLevels * 2);
        }
    }
}
