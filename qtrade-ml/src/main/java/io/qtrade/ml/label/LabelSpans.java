package io.qtrade.ml.label;

import java.util.Arrays;

/**
 * When each label starts and ends: row {@code i}'s label uses information from {@code start(i)} (the event, where
 * the features are taken) up to and including {@code end(i)} (the touch of AFML's triple barrier, {@code t1}). Units
 * are the caller's: bar indices or epoch nanoseconds, the same for all rows. Purged cross-validation and uniqueness
 * weights read only these two columns (AFML ch. 4 and 7).
 *
 * @param start label starts, one per row, sorted ascending (not copied: do not modify)
 * @param end   label ends, {@code end[i] >= start[i]}
 */
public record LabelSpans(long[] start, long[] end) {

    /** Checks lengths, order and {@code end >= start}; the message names the first bad row. */
    public LabelSpans {
        if (start.length != end.length) {
            throw new IllegalArgumentException(
                    "start has " + start.length + " rows but end has " + end.length);
        }
        for (int i = 0; i < start.length; i++) {
            if (end[i] < start[i]) {
                throw new IllegalArgumentException(
                        "row " + i + ": label end " + end[i] + " is before its start " + start[i]);
            }
            if (i > 0 && start[i] < start[i - 1]) {
                throw new IllegalArgumentException("rows must be sorted by label start: row " + i + " starts at "
                        + start[i] + " before row " + (i - 1) + " at " + start[i - 1]);
            }
        }
    }

    /** Spans from int bar indices. */
    public static LabelSpans ofBars(int[] start, int[] end) {
        return new LabelSpans(Arrays.stream(start).asLongStream().toArray(),
                Arrays.stream(end).asLongStream().toArray());
    }

    /** Number of rows. */
    public int size() {
        return start.length;
    }

    /** Label start of row {@code i}. */
    public long start(int i) {
        return start[i];
    }

    /** Label end of row {@code i}. */
    public long end(int i) {
        return end[i];
    }

    /** The rows {@code rows}, in that order (must stay sorted by start). */
    public LabelSpans select(int[] rows) {
        long[] s = new long[rows.length];
        long[] e = new long[rows.length];
        for (int k = 0; k < rows.length; k++) {
            s[k] = start[rows[k]];
            e[k] = end[rows[k]];
        }
        return new LabelSpans(s, e);
    }

    @Override
    public String toString() {
        return "LabelSpans[rows=" + start.length + (start.length == 0 ? "" : ", first start=" + start[0]
                + ", last end=" + end[end.length - 1]) + "]";
    }
}
