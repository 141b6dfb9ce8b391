package io.qtrade.core.book;

import java.util.Arrays;

/**
 * An open-addressing hash map from {@code long} keys to non-negative {@code int} values: linear probing, Fibonacci
 * hashing, deletion by backward shift (no tombstones), doubling when more than half full. No boxing and no
 * allocation except when it grows. Used for order id to order slot and price to level lookups.
 */
final class LongIntHashMap {

    /** What {@link #get} and {@link #remove} return for an absent key; also marks an empty bucket. */
    static final int MISSING = -1;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long[] keys;
    private int[] values;
    private int mask;
    private int shift;
    private int size;
    private int resizeAt;

    /** @param expected keys to hold before the first growth, positive */
    LongIntHashMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1;
        allocate(capacity);
    }

    int size() {
        return size;
    }

    /** The value for {@code key}, or {@link #MISSING}. */
    int get(long key) {
        int i = bucket(key);
        int value;
        while ((value = values[i]) != MISSING) {
            if (keys[i] == key) {
                return value;
            }
            i = (i + 1) & mask;
        }
        return MISSING;
    }

    /**
     * Maps {@code key} to {@code value}, which must be {@code >= 0}.
     *
     * @return the previous value, or {@link #MISSING}
     */
    int put(long key, int value) {
        int i = bucket(key);
        int existing;
        while ((existing = values[i]) != MISSING) {
            if (keys[i] == key) {
                values[i] = value;
                return existing;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (++size > resizeAt) {
            grow();
        }
        return MISSING;
    }

    /** Removes {@code key}; returns its value, or {@link #MISSING} when it was absent. */
    int remove(long key) {
        int i = bucket(key);
        int value;
        while ((value = values[i]) != MISSING) {
            if (keys[i] == key) {
                closeGap(i);
                size--;
                return value;
            }
            i = (i + 1) & mask;
        }
        return MISSING;
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(values, MISSING);
            size = 0;
        }
    }

    private int bucket(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    /** Backward-shift deletion: moves later entries of the probe run into the gap when their home allows it. */
    private void closeGap(int gap) {
        int i = gap;
        while (true) {
            i = (i + 1) & mask;
            if (values[i] == MISSING) {
                break;
            }
            int home = bucket(keys[i]);
            if (((i - home) & mask) >= ((i - gap) & mask)) {
                keys[gap] = keys[i];
                values[gap] = values[i];
                gap = i;
            }
        }
        values[gap] = MISSING;
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, MISSING);
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        resizeAt = capacity / 2;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != MISSING) {
                int b = bucket(oldKeys[i]);
                while (values[b] != MISSING) {
                    b = (b + 1) & mask;
                }
                keys[b] = oldKeys[i];
                values[b] = oldValues[i];
            }
        }
    }

    @Override
    public String toString() {
        return "LongIntHashMap[size=" + size + ", capacity=" + keys.length + "]";
    }
}
