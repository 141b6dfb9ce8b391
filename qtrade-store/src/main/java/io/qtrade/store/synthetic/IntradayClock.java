package io.qtrade.store.synthetic;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Maps the model time of a {@link SyntheticMarket} to venue time, with an optional intraday activity profile: a
 * deterministic time change ("business time", Clark 1973; the intraday volatility and volume pattern of Andersen
 * and Bollerslev 1997).
 *
 * <p>Without a profile, {@code exchTs = startNanos + floor(t * timeScaleNanos)}. With one, the UTC day is cut into
 * {@code K} equal buckets of {@code B = 86,400 s / K}, bucket {@code k} has activity {@code m_k >= 0} (normalised so
 * that their mean is 1), and model time runs {@code m_k} times as fast as the wall clock inside bucket {@code k}:
 * <pre>{@code
 * G(w) = floor(w / D) * D + C_k + (w mod D - k B) * m_k       D = one day, C_k = B * (m_0 + ... + m_{k-1})
 * exchTs = midnight + G^{-1}(G(startNanos - midnight) + t * timeScaleNanos)
 * }</pre>
 * with {@code midnight} the UTC midnight at or before {@code startNanos}. Every rate of the model, and the fair
 * values' Brownian motion, live in model time, so events per wall second scale with {@code m_k} and the variance of
 * price changes per wall second with {@code m_k} too (volatility with {@code sqrt(m_k)}); a bucket with
 * {@code m_k = 0} has no events at all (a closed market, and the fair value does not move). The normalisation keeps
 * the events of a whole day what they would be without the profile. Stateless and allocation-free.
 *
 * <p>Clark, P. K. (1973), "A Subordinated Stochastic Process Model with Finite Variance for Speculative Prices",
 * Econometrica 41(1), 135-155. Andersen, T. G., Bollerslev, T. (1997), "Intraday periodicity and volatility
 * persistence in financial markets", Journal of Empirical Finance 4, 115-158.
 */
final class IntradayClock {

    static final long DAY_NANOS = TimeUnit.DAYS.toNanos(1);

    private final long startNanos;
    private final double timeScaleNanos;
    /** Null without a profile. */
    private final double[] activity;
    private final double[] cumulative;
    private final double bucketNanos;
    private final long midnight;
    private final double startBusiness;

    IntradayClock(long startNanos, long timeScaleNanos, List<Double> profile) {
        this.startNanos = startNanos;
        this.timeScaleNanos = timeScaleNanos;
        this.midnight = Math.floorDiv(startNanos, DAY_NANOS) * DAY_NANOS;
        if (profile.isEmpty()) {
            this.activity = null;
            this.cumulative = null;
            this.bucketNanos = 0;
            this.startBusiness = 0;
            return;
        }
        int k = profile.size();
        double sum = 0;
        for (double m : profile) {
            sum += m;
        }
        this.activity = new double[k];
        this.cumulative = new double[k + 1];
        this.bucketNanos = (double) DAY_NANOS / k;
        for (int i = 0; i < k; i++) {
            activity[i] = profile.get(i) * k / sum;
            cumulative[i + 1] = cumulative[i] + activity[i] * bucketNanos;
        }
        this.startBusiness = business(startNanos - midnight);
    }

    /** Venue time of model time {@code t}, epoch nanoseconds. */
    long exchTs(double t) {
        if (activity == null) {
            return startNanos + (long) (t * timeScaleNanos);
        }
        double target = startBusiness + t * timeScaleNanos;
        double day = Math.floor(target / DAY_NANOS);
        double r = target - day * DAY_NANOS;
        // The last bucket k with cumulative[k] <= r and activity > 0 (buckets of zero activity take no business time).
        int lo = 0;
        int hi = activity.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (cumulative[mid] <= r) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        while (activity[lo] == 0.0 && lo + 1 < activity.length) {
            lo++;
        }
        if (activity[lo] == 0.0) {
            return midnight + (long) ((day + 1) * DAY_NANOS); // rounding at the end of a day closed at its end
        }
        double wall = day * DAY_NANOS + lo * bucketNanos + (r - cumulative[lo]) / activity[lo];
        return midnight + (long) wall;
    }

    /** Business nanoseconds from midnight to the wall offset {@code w} (nanoseconds after midnight, >= 0). */
    private double business(long w) {
        long days = w / DAY_NANOS;
        double inDay = w - days * DAY_NANOS;
        int k = Math.min((int) (inDay / bucketNanos), activity.length - 1);
        return days * (double) DAY_NANOS + cumulative[k] + (inDay - k * bucketNanos) * activity[k];
    }

    /** Activity multiplier of the bucket holding {@code exchTs}, normalised (1 without a profile). */
    double activityAt(long exchTs) {
        if (activity == null) {
            return 1.0;
        }
        double inDay = Math.floorMod(exchTs - midnight, DAY_NANOS);
        return activity[Math.min((int) (inDay / bucketNanos), activity.length - 1)];
    }
}
