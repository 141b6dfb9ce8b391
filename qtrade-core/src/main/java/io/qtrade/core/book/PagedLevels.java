package io.qtrade.core.book;

import java.util.Arrays;

/**
 * A sparse map from {@code long} keys to positive quantities, ordered by key, for the levels of a {@link BookSide}
 * behind its window. Keys are grouped into pages of {@value #PAGE_TICKS} consecutive keys; storage exists only for
 * pages that hold at least one level.
 *
 * <p>Layout:
 * <ul>
 * <li>A page is a slot in two slabs shared by all pages: {@code qtys[slot * 64 + (key & 63)]} (0 is an empty level)
 * and a 64-bit occupancy mask {@code occupied[slot]}. The mask finds the highest or next lower level of a page in
 * {@code O(1)} ({@link Long#numberOfLeadingZeros}) and makes a traversal skip empty keys for free.</li>
 * <li>{@code slotByPage}, a primitive {@link LongIntHashMap}, finds the slot of a page index {@code key >> 6}.</li>
 * <li>The non-empty pages, ascending by page index, are kept in a sorted {@code long[]} with their slots beside them,
 * for the highest key and for ordered traversal.</li>
 * <li>A page that empties gives its slot back to a free stack; a new page takes a free slot before the slabs grow.
 * The slabs, the stack, the sorted arrays and the hash map only ever grow (doubling), so after warm-up, and after a
 * {@link #clear()}, nothing is allocated.</li>
 * </ul>
 *
 * <p>Cost, with {@code p} the number of non-empty pages: {@link #get}, and {@link #put} / {@link #remove} of a level
 * whose page already holds another level, are {@code O(1)} (one hash lookup, one array access, one mask update),
 * whatever the key. A level that opens a new page, or removes the last level of a page, also inserts or deletes the
 * page index in the sorted page array: a binary search and a shift of up to {@code p} longs and ints, {@code O(1)}
 * when the page is the highest (levels leaving the bottom of the window land there). {@link #maxKey()} and
 * {@link #removeMax()} are {@code O(1)}; {@link #levelsDescending} is {@code O(levels written + pages visited)}.
 *
 * <p>Memory: per slot 64 quantities (512 bytes) and a mask (8 bytes); per non-empty page 12 bytes in the sorted
 * arrays and at most 48 bytes of hash table (kept between a quarter and a half full), about 580 bytes per page in all,
 * so at most about 580 bytes per level for levels 64 or more keys apart, and about 9 bytes per level for a dense book.
 * The number of slots is the highest number of pages held at once rounded up to a power of two (the slabs double), so
 * in the worst case just after a doubling about 1.1 KB per peak page: memory is bounded by the book's peak population,
 * never by the range of its prices.
 *
 * <p>Why 64-key pages behind a ring, rather than pages of {@code windowTicks} or pages everywhere: the page width is
 * the width of one occupancy mask, so finding the next level inside a page is one instruction, not a scan; and an
 * isolated level (a sparse crypto book with levels scattered over millions of ticks) costs about 0.6 KB, where a
 * 1,024-tick page would cost 8 KB. More pages mean a longer sorted page array, but it only changes when a page opens
 * or empties, and for a dense book that is rare. The ring window in front stays: near the touch it is one array
 * access with no hash lookup, which the benchmark's touch stream needs.
 */
final class PagedLevels {

    /** The key of an empty map, {@link BookSide#EMPTY}. */
    static final long EMPTY = Long.MIN_VALUE;

    static final int PAGE_SHIFT = 6;
    /** Consecutive keys per page: the width of the occupancy mask. */
    static final int PAGE_TICKS = 1 << PAGE_SHIFT;

    private static final int INITIAL_PAGES = 4;

    private final LongIntHashMap slotByPage = new LongIntHashMap(INITIAL_PAGES);
    private double[] qtys = new double[INITIAL_PAGES << PAGE_SHIFT];
    private long[] occupied = new long[INITIAL_PAGES];
    /** Slots {@code [0, slotsUsed)} have been handed out at least once; the slabs hold {@code occupied.length}. */
    private int slotsUsed;
    private int[] freeSlots = new int[INITIAL_PAGES];
    private int freeCount;

    /** The non-empty pages, ascending, and their slots: {@code [0, pageCount)}. */
    private long[] pages = new long[INITIAL_PAGES];
    private int[] pageSlots = new int[INITIAL_PAGES];
    private int pageCount;
    private int size;

    /** The number of levels. */
    int size() {
        return size;
    }

    /** The number of non-empty pages. */
    int pageCount() {
        return pageCount;
    }

    /** The number of page slots allocated so far: the peak of {@link #pageCount()} rounded up to a power of two. */
    int slotCapacity() {
        return occupied.length;
    }

    /** The quantity at {@code key}, 0 when there is no level. */
    double get(long key) {
        int slot = slotByPage.get(key >> PAGE_SHIFT);
        return slot < 0 ? 0.0 : qtys[(slot << PAGE_SHIFT) | ((int) key & (PAGE_TICKS - 1))];
    }

    /**
     * Sets the level at {@code key} to {@code qty}, which is positive.
     *
     * @return the previous quantity, 0 when the level is new
     */
    double put(long key, double qty) {
        long page = key >> PAGE_SHIFT;
        int slot = slotByPage.get(page);
        if (slot < 0) {
            slot = openPage(page);
        }
        int i = (slot << PAGE_SHIFT) | ((int) key & (PAGE_TICKS - 1));
        double previous = qtys[i];
        qtys[i] = qty;
        if (previous == 0.0) {
            occupied[slot] |= 1L << key; // shifts use the low 6 bits of key
            size++;
        }
        return previous;
    }

    /**
     * Removes the level at {@code key}.
     *
     * @return the quantity it held, 0 when there was none
     */
    double remove(long key) {
        long page = key >> PAGE_SHIFT;
        int slot = slotByPage.get(page);
        if (slot < 0) {
            return 0.0;
        }
        int i = (slot << PAGE_SHIFT) | ((int) key & (PAGE_TICKS - 1));
        double previous = qtys[i];
        if (previous != 0.0) {
            qtys[i] = 0.0;
            size--;
            long bits = occupied[slot] & ~(1L << key);
            occupied[slot] = bits;
            if (bits == 0L) {
                closePage(page, slot);
            }
        }
        return previous;
    }

    /** The highest key, {@link #EMPTY} when there is none. */
    long maxKey() {
        if (pageCount == 0) {
            return EMPTY;
        }
        int top = pageCount - 1;
        return (pages[top] << PAGE_SHIFT) | (63 - Long.numberOfLeadingZeros(occupied[pageSlots[top]]));
    }

    /** The quantity at {@link #maxKey()}; the map must not be empty. */
    double maxQty() {
        int top = pageCount - 1;
        int slot = pageSlots[top];
        return qtys[(slot << PAGE_SHIFT) | (63 - Long.numberOfLeadingZeros(occupied[slot]))];
    }

    /** Removes the level at {@link #maxKey()}; the map must not be empty. */
    void removeMax() {
        int top = pageCount - 1;
        int slot = pageSlots[top];
        long bits = occupied[slot];
        int bit = 63 - Long.numberOfLeadingZeros(bits);
        qtys[(slot << PAGE_SHIFT) | bit] = 0.0;
        size--;
        bits &= ~(1L << bit);
        occupied[slot] = bits;
        if (bits == 0L) {
            slotByPage.remove(pages[top]);
            pageCount = top;
            freeSlots[freeCount++] = slot;
        }
    }

    void clear() {
        for (int p = 0; p < pageCount; p++) {
            int slot = pageSlots[p];
            long bits = occupied[slot];
            int base = slot << PAGE_SHIFT;
            while (bits != 0L) {
                qtys[base | Long.numberOfTrailingZeros(bits)] = 0.0;
                bits &= bits - 1;
            }
            occupied[slot] = 0L;
            freeSlots[freeCount++] = slot;
        }
        pageCount = 0;
        size = 0;
        slotByPage.clear();
    }

    /**
     * Writes levels in descending key order into {@code keys} and {@code qtys} from index {@code n} until
     * {@code maxLevels} are written or the map is exhausted.
     *
     * @return the new number of levels written
     */
    int levelsDescending(long[] keys, double[] out, int n, int maxLevels) {
        for (int p = pageCount - 1; p >= 0 && n < maxLevels; p--) {
            int slot = pageSlots[p];
            long base = pages[p] << PAGE_SHIFT;
            int slotBase = slot << PAGE_SHIFT;
            long bits = occupied[slot];
            while (bits != 0L && n < maxLevels) {
                int bit = 63 - Long.numberOfLeadingZeros(bits);
                keys[n] = base | bit;
                out[n] = qtys[slotBase | bit];
                n++;
                bits &= ~(1L << bit);
            }
        }
        return n;
    }

    private int openPage(long page) {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slotsUsed == occupied.length) {
                growSlots();
            }
            slot = slotsUsed++;
        }
        slotByPage.put(page, slot);
        if (pageCount == pages.length) {
            pages = Arrays.copyOf(pages, pageCount * 2);
            pageSlots = Arrays.copyOf(pageSlots, pageCount * 2);
        }
        int at = pageCount;
        if (at > 0 && pages[at - 1] > page) {
            at = -(Arrays.binarySearch(pages, 0, pageCount, page) + 1);
            System.arraycopy(pages, at, pages, at + 1, pageCount - at);
            System.arraycopy(pageSlots, at, pageSlots, at + 1, pageCount - at);
        }
        pages[at] = page;
        pageSlots[at] = slot;
        pageCount++;
        return slot;
    }

    private void closePage(long page, int slot) {
        slotByPage.remove(page);
        int last = pageCount - 1;
        if (pages[last] != page) {
            int at = Arrays.binarySearch(pages, 0, pageCount, page);
            System.arraycopy(pages, at + 1, pages, at, last - at);
            System.arraycopy(pageSlots, at + 1, pageSlots, at, last - at);
        }
        pageCount = last;
        freeSlots[freeCount++] = slot;
    }

    private void growSlots() {
        if (occupied.length >= 1 << (30 - PAGE_SHIFT)) {
            throw new IllegalStateException("far levels of an order book side: more than " + occupied.length
                    + " pages of " + PAGE_TICKS + " ticks, each holding a level; the quantity slab is full");
        }
        int capacity = occupied.length * 2;
        qtys = Arrays.copyOf(qtys, capacity << PAGE_SHIFT);
        occupied = Arrays.copyOf(occupied, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
    }

    @Override
    public String toString() {
        return "PagedLevels[levels=" + size + ", pages=" + pageCount + ", slots=" + occupied.length + "]";
    }
}
