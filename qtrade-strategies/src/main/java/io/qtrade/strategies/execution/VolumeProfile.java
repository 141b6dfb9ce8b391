package io.qtrade.strategies.execution;

import io.qtrade.features.bars.OhlcvBars;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * An intraday volume profile: the fraction of a window's volume traded in each of {@code n} equal time buckets, the
 * curve a VWAP schedule follows.
 *
 * <p>Estimated from history by pooling: with {@code tod(t) = t mod 1 day} (UTC time of day) and the window
 * {@code [from, to)} of the day cut into {@code n} buckets of width {@code w = (to - from) / n},
 * <pre>{@code
 * V_k = sum of qty over prints (or bars) with from + k w <= tod(t) < from + (k + 1) w
 * f_k = V_k / sum_j V_j
 * }</pre>
 * so every day in the history counts by its volume (the volume-weighted average of the daily profiles, Kissell
 * 2013, ch. 7; Bialkowski, Darolles and Le Fol (2008), "Improving VWAP strategies: A dynamic volume approach",
 * J. Banking &amp; Finance 32, estimate the same static profile as their benchmark). Prints outside the window do not
 * belong to any bucket and are not counted. Immutable; the fractions are non-negative and sum to 1.
 *
 * @param fractions the bucket fractions, oldest bucket first (copied; {@link #fractions()} returns a copy)
 */
public record VolumeProfile(double[] fractions) {

    /** Nanoseconds in a UTC day. */
    public static final long NANOS_PER_DAY = TimeUnit.DAYS.toNanos(1);

    public VolumeProfile {
        if (fractions == null) {
            throw new NullPointerException("volume profile: fractions must not be null");
        }
        if (fractions.length == 0) {
            throw new IllegalArgumentException("volume profile: needs at least one bucket");
        }
        fractions = normalised(fractions, "fraction");
    }

    /**
     * A profile from relative weights (any positive scale: volumes, percentages), normalised to sum to 1.
     *
     * @throws IllegalArgumentException naming the first negative or non-finite weight, or when all are 0
     */
    public static VolumeProfile of(double... weights) {
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("volume profile: needs at least one weight");
        }
        return new VolumeProfile(normalised(weights, "weight"));
    }

    /** {@code n} equal buckets (VWAP on it is TWAP). */
    public static VolumeProfile uniform(int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("volume profile: buckets " + buckets + ", expected >= 1");
        }
        double[] w = new double[buckets];
        Arrays.fill(w, 1.0);
        return of(w);
    }

    /**
     * Estimates the profile from historical prints (see the class formula).
     *
     * @param tradeTs            print times, epoch nanoseconds (not modified)
     * @param tradeQty           print quantities, same length, finite and {@code >= 0} (not modified)
     * @param fromNanosOfDay     window start, nanoseconds after UTC midnight, in {@code [0, 1 day)}
     * @param toNanosOfDay       window end, after the start, at most 1 day
     * @param buckets            number of buckets, {@code >= 1}
     * @throws IllegalArgumentException on mismatched lengths, a bad quantity (naming its index), a bad window, or no
     *                                  volume inside the window
     */
    public static VolumeProfile estimate(long[] tradeTs, double[] tradeQty, long fromNanosOfDay, long toNanosOfDay,
                                         int buckets) {
        if (tradeTs.length != tradeQty.length) {
            throw new IllegalArgumentException("volume profile: " + tradeTs.length + " times but " + tradeQty.length
                    + " quantities");
        }
        double[] volume = new double[checkWindow(fromNanosOfDay, toNanosOfDay, buckets)];
        for (int i = 0; i < tradeTs.length; i++) {
            double q = tradeQty[i];
            if (!(q >= 0) || Double.isInfinite(q)) {
                throw new IllegalArgumentException("volume profile: tradeQty[" + i + "] = " + q
                        + ", expected finite and >= 0");
            }
            add(volume, tradeTs[i], q, fromNanosOfDay, toNanosOfDay);
        }
        return fromVolumes(volume, fromNanosOfDay, toNanosOfDay);
    }

    /**
     * Estimates the profile from historical bars, each counted in the bucket of its start time (so bars should be no
     * wider than a bucket).
     *
     * @see #estimate(long[], double[], long, long, int)
     */
    public static VolumeProfile estimate(OhlcvBars bars, long fromNanosOfDay, long toNanosOfDay, int buckets) {
        double[] volume = new double[checkWindow(fromNanosOfDay, toNanosOfDay, buckets)];
        for (int i = 0; i < bars.size(); i++) {
            add(volume, bars.startTs(i), bars.volume(i), fromNanosOfDay, toNanosOfDay);
        }
        return fromVolumes(volume, fromNanosOfDay, toNanosOfDay);
    }

    private static int checkWindow(long from, long to, int buckets) {
        if (from < 0 || from >= NANOS_PER_DAY || to <= from || to > NANOS_PER_DAY) {
            throw new IllegalArgumentException("volume profile: window [" + from + ", " + to
                    + ") nanoseconds of day, expected 0 <= from < to <= " + NANOS_PER_DAY);
        }
        if (buckets < 1 || buckets > to - from) {
            throw new IllegalArgumentException("volume profile: buckets " + buckets + ", expected 1.." + (to - from));
        }
        return buckets;
    }

    private static void add(double[] volume, long ts, double qty, long from, long to) {
        long tod = Math.floorMod(ts, NANOS_PER_DAY);
        if (tod < from || tod >= to) {
            return;
        }
        int n = volume.length;
        // bucket k covers [from + floor(k D / n), from + floor((k + 1) D / n)), as TimeSlices
        long offset = tod - from;
        long duration = to - from;
        int k = (int) Math.min(n - 1, (long) ((double) offset * n / duration));
        while (k > 0 && TimeSlices.boundaryOffset(duration, k, n) > offset) {
            k--;
        }
        while (k + 1 < n && TimeSlices.boundaryOffset(duration, k + 1, n) <= offset) {
            k++;
        }
        volume[k] += qty;
    }

    private static VolumeProfile fromVolumes(double[] volume, long from, long to) {
        double total = 0.0;
        for (double v : volume) {
            total += v;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("volume profile: no volume in the window [" + from + ", " + to
                    + ") nanoseconds of day");
        }
        return of(volume);
    }

    private static double[] normalised(double[] weights, String what) {
        double total = 0.0;
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("volume profile: " + what + "[" + i + "] = " + w
                        + ", expected finite and >= 0");
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("volume profile: the " + what + "s sum to " + total
                    + ", expected > 0");
        }
        double[] f = new double[weights.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = weights[i] / total;
        }
        return f;
    }

    /** A copy of the fractions. */
    @Override
    public double[] fractions() {
        return fractions.clone();
    }

    /** The number of buckets. */
    public int buckets() {
        return fractions.length;
    }

    /** Bucket {@code k}'s fraction. */
    public double fraction(int k) {
        return fractions[k];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VolumeProfile other && Arrays.equals(fractions, other.fractions);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fractions);
    }

    @Override
    public String toString() {
        return "VolumeProfile" + Arrays.toString(fractions);
    }
}
