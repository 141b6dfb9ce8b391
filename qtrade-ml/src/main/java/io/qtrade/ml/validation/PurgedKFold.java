package io.qtrade.ml.validation;

import io.qtrade.ml.label.LabelSpans;
import java.util.ArrayList;
import java.util.List;

/**
 * K-fold cross-validation with purging and an embargo (Lopez de Prado, AFML ch. 7, snippet 7.3
 * {@code PurgedKFold}). Rows are sorted by label start {@code s_i}; row {@code i}'s label ends at {@code e_i}.
 *
 * <pre>{@code
 * test folds   = numpy.array_split(arange(N), k)            contiguous; the first N mod k folds get one extra row
 * for a test fold [a, b):  t0 = s_a,  maxT1 = max_{i in [a,b)} e_i
 * left train   = { i : e_i <= t0 }                           purged: no label that reaches into the test starts
 * j0           = first row with s_j >= maxT1                 (numpy searchsorted side='left')
 * right train  = { j0 + floor(N * embargoFraction) .. N-1 }  purged and embargoed
 * }</pre>
 *
 * Endpoints that only touch do not overlap (a label ending exactly at {@code t0}, or starting exactly at
 * {@code maxT1}, is kept: AFML's {@code <=} and searchsorted-left). The embargo applies only after the test fold.
 *
 * @param folds            {@code k >= 2}
 * @param embargoFraction  {@code pct_embargo} in [0, 1)
 */
public record PurgedKFold(int folds, double embargoFraction) {

    /** Validates the settings. */
    public PurgedKFold {
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be >= 2, got " + folds);
        }
        if (!(embargoFraction >= 0 && embargoFraction < 1)) {
            throw new IllegalArgumentException("embargoFraction must be in [0, 1), got " + embargoFraction);
        }
    }

    /** {@code floor(N * embargoFraction)} rows. */
    public int embargoRows(int n) {
        return (int) Math.floor(n * embargoFraction);
    }

    /**
     * The k splits, in fold order.
     *
     * @param spans label spans of all rows, sorted by start; at least {@code k} rows
     */
    public List<Split> split(LabelSpans spans) {
        int n = spans.size();
        if (n < folds) {
            throw new IllegalArgumentException("cannot split " + n + " rows into " + folds + " folds");
        }
        int embargo = embargoRows(n);
        List<Split> out = new ArrayList<>(folds);
        int base = n / folds;
        int extra = n % folds;
        int a = 0;
        for (int f = 0; f < folds; f++) {
            int b = a + base + (f < extra ? 1 : 0);
            long t0 = spans.start(a);
            long maxT1 = Long.MIN_VALUE;
            for (int i = a; i < b; i++) {
                maxT1 = Math.max(maxT1, spans.end(i));
            }
            int j0 = searchLeft(spans, maxT1);
            int rightFrom = j0 < n ? Math.min(n, j0 + embargo) : n;
            int[] buf = new int[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                boolean inTest = i >= a && i < b;
                boolean left = spans.end(i) <= t0;
                boolean right = i >= rightFrom;
                if (!inTest && (left || right)) {
                    buf[m++] = i;
                }
            }
            int[] test = new int[b - a];
            for (int i = a; i < b; i++) {
                test[i - a] = i;
            }
            out.add(new Split(java.util.Arrays.copyOf(buf, m), test));
            a = b;
        }
        return out;
    }

    /** First row whose start is {@code >= value} (numpy searchsorted, side='left'). */
    static int searchLeft(LabelSpans spans, long value) {
        int lo = 0;
        int hi = spans.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (spans.start(mid) < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
