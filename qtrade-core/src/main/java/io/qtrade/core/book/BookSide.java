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
 * <li><b>Far levels</b>: every level below the window is kept in {@link PagedLevels}: pages of 64 consecutive keys
 * (64 quantities and a 64-bit occupancy mask), allocated only where levels exist, found by page index in a primitive
 * hash map, with the non-empty page indices in a sorted array for ordered access. A far update is {@code O(1)}
 * whatever its distance from the touch (one hash lookup, one array access); opening or emptying a page also inserts
 * or deletes its index in the sorted page array, {@code O(p)} in the number {@code p} of non-empty far pages (a shift
 * of a primitive array; {@code O(1)} for the highest page). Emptied pages go back to a free list and are reused, so
 * memory follows the peak number of non-empty pages (about 580 bytes each), not the price range.</li>
 * </ul>
 *
 * <p>Invariants after every operation: when the side holds a level, the best key lies inside the window, and every
 * far key is below {@code windowLow}. So the levels in price order are the window's (best first) followed by the far
 * levels in descending key order. When the best key leaves the comfortable part of the window (fewer than
 * {@code windowTicks / 16} keys above it or fewer than {@code windowTicks / 4} below it) the window moves back to its
 * target placement: levels that fall off the bottom become the highest far levels, far levels that come inside are
 * popped from the top of the far pages. A move by {@code d} keys costs {@code O(min(d, windowTicks))} plus
 * {@code O(1)} per level moved.
 *
 * <p>When the best level is removed the next best is found by scanning the window downwards, which is {@code O(1)}
 * for a dense book near the touch; an empty window falls through to the highest far level in {@code O(1)} (the last
 * page of the sorted page array, highest bit of its mask).
 */
final class BookSide {

    /** The best key of a side without levels (equal to {@link OrderBook#NO_BID}). */
    static final long EMPTY = Long.MIN_VALUE;

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

    /** The levels below the window. */
    private final PagedLevels far = new PagedLevels();
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
        return windowLevels + far.size();
    }

    /** How many updates read or wrote the far levels. */
    long farUpdates() {
        return farUpdates;
    }

    /** Levels currently held outside the window. */
    int farLevelCount() {
        return far.size();
    }

    /** Non-empty pages of the far levels. */
    int farPageCount() {
        return far.pageCount();
    }

    /** Page slots allocated for the far levels so far (their peak count, rounded up to a power of two). */
    int farSlotCapacity() {
        return far.slotCapacity();
    }

    double qtyAt(long key) {
        long offset = key - windowLow;
        if (offset >= 0 && offset < windowTicks) {
            return window[slot(key)];
        }
        return offset < 0 ? far.get(key) : 0.0;
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
            farUpdates++;
            previous = far.put(key, qty);
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
        } else if (offset < 0) {
            farUpdates++;
            previous = far.remove(key);
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
                far.removeMax(); // the best of a side with an empty window is the highest far level
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
        far.clear();
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
        return far.levelsDescending(keys, qtys, n, maxLevels);
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
        return far.maxKey(); // PagedLevels.EMPTY == EMPTY
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
                far.put(key, qty); // the highest far key so far: its page, if new, is appended in O(1)
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
        long key;
        while ((key = far.maxKey()) >= newLow) { // EMPTY is below every newLow
            window[slot(key)] = far.maxQty();
            windowLevels++;
            far.removeMax();
        }
    }
}
