package io.qtrade.strategies.execution;

import java.util.SplittableRandom;

/**
 * Time-weighted average price schedule: the parent quantity in {@code n} even slices over its window, optionally
 * randomised so that the child pattern is harder to detect.
 *
 * <pre>{@code
 * even_i = round(L * (i + 1) / n) - round(L * i / n)        L = parent lots, i = 0..n-1 (each within one lot of L/n)
 * randomised (jitter j in [0, 1), seed s):
 *   slices are paired at random (a seeded shuffle; with n odd one slice stays even);
 *   for a pair (a, b): d = floor(u * j * min(even_a, even_b)),  u ~ U(-1, 1) drawn from SplittableRandom(s)
 *                      slice_a = even_a + d,  slice_b = even_b - d
 * }</pre>
 * so the slices still sum exactly to the parent, each stays within {@code j * even_i} lots of its even size, and the
 * same seed gives the same schedule. Slice {@code i} covers {@code [start + i D / n, start + (i + 1) D / n)}
 * (integer division, {@code D = end - start}). Reference: Kissell, R. (2013), "The Science of Algorithmic Trading and
 * Portfolio Management", Academic Press, ch. 3 (time-weighted execution). Immutable.
 */
public final class TwapSchedule implements ExecutionSchedule {

    private final TimeSlices slices;
    private final double jitter;
    private final long seed;

    private TwapSchedule(ParentOrder parent, int slices, double jitter, long seed) {
        this.jitter = jitter;
        this.seed = seed;
        long total = parent.lots();
        long[] lots = TimeSlices.apportion(total, even(slices));
        if (jitter > 0) {
            jitter(lots, jitter, seed);
        }
        this.slices = new TimeSlices(parent, lots);
    }

    /**
     * Even slices.
     *
     * @param parent the parent order
     * @param slices number of slices, 1 .. window length in nanoseconds
     */
    public static TwapSchedule of(ParentOrder parent, int slices) {
        requireParent(parent);
        return new TwapSchedule(parent, requireSlices(parent, slices), 0.0, 0L);
    }

    /**
     * Randomised slices (see the class formula).
     *
     * @param parent the parent order
     * @param slices number of slices
     * @param jitter largest relative deviation of a slice from its even size, in [0, 1)
     * @param seed   seed of the draws
     */
    public static TwapSchedule randomised(ParentOrder parent, int slices, double jitter, long seed) {
        requireParent(parent);
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("TWAP jitter " + jitter + " for " + parent.instrument().id()
                    + ": expected 0 <= jitter < 1");
        }
        return new TwapSchedule(parent, requireSlices(parent, slices), jitter, seed);
    }

    private static void requireParent(ParentOrder parent) {
        if (parent == null) {
            throw new NullPointerException("TWAP schedule: parent must not be null");
        }
    }

    private static int requireSlices(ParentOrder parent, int slices) {
        if (slices < 1 || slices > parent.durationNanos()) {
            throw new IllegalArgumentException("TWAP slices " + slices + " for " + parent.instrument().id()
                    + ": expected 1.." + parent.durationNanos());
        }
        return slices;
    }

    private static double[] even(int n) {
        double[] fractions = new double[n];
        for (int i = 0; i < n; i++) {
            fractions[i] = 1.0 / n;
        }
        return fractions;
    }

    private static void jitter(long[] lots, double jitter, long seed) {
        int n = lots.length;
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
        for (int p = 0; p + 1 < n; p += 2) {
            int a = order[p];
            int b = order[p + 1];
            double u = 2.0 * random.nextDouble() - 1.0;
            long bound = Math.min(lots[a], lots[b]);
            long d = (long) (u * jitter * bound);   // truncation toward zero: |d| <= jitter * bound
            lots[a] += d;
            lots[b] -= d;
        }
    }

    @Override
    public ParentOrder parent() {
        return slices.parent();
    }

    @Override
    public double targetQty(long nowNanos, double marketVolume) {
        return slices.targetQty(nowNanos);
    }

    @Override
    public long sliceEndNanos(long nowNanos) {
        return slices.sliceEndNanos(nowNanos);
    }

    @Override
    public long nextSliceStartNanos(long nowNanos) {
        return slices.nextSliceStartNanos(nowNanos);
    }

    /** The number of slices. */
    public int sliceCount() {
        return slices.count();
    }

    /** Slice {@code i}'s quantity, instrument units. */
    public double sliceQty(int i) {
        return slices.sliceQty(i);
    }

    /** Slice {@code i}'s start, epoch nanoseconds. */
    public long sliceStartNanos(int i) {
        return slices.sliceStartNanos(i);
    }

    /** Every slice's quantity in lots, a fresh array. */
    public long[] sliceLots() {
        return slices.sliceLots();
    }

    /** The relative jitter, 0 for even slices. */
    public double jitter() {
        return jitter;
    }

    @Override
    public String toString() {
        return "TwapSchedule[" + slices.parent().instrument().id() + " " + slices.parent().side() + " "
                + slices.parent().qty() + ", slices=" + slices.count() + ", jitter=" + jitter + ", seed=" + seed
                + ", lots=" + slices + "]";
    }
}
