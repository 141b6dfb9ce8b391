package io.qtrade.strategies.marketmaking;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Online estimate of the fill intensity {@code lambda(delta) = A exp(-k delta)} of Avellaneda and Stoikov (2008),
 * "High-frequency trading in a limit order book", Quantitative Finance 8(3), from trades observed at a distance
 * {@code delta} from a reference price.
 *
 * <p>A trade whose aggressor bought at price {@code p} would have filled an ask resting at {@code s + delta} for every
 * {@code delta <= p - s}; a sell at {@code p} every bid at {@code s - delta} for {@code delta <= s - p}. So the caller
 * reports each trade's distance {@code d = p - s} (buy) or {@code s - p} (sell) from its reference price {@code s}
 * (the mid at the start of the sampling interval, so that mid moves within the interval count as depth, as in the
 * hftbacktest GLFT tutorial's measurement); the estimator counts trades in distance buckets
 * {@code delta_i = i * bucketWidth}, {@code i = 0..buckets-1} (the last bucket open-ended), and at each
 * {@link #fit()} computes
 * <pre>{@code
 * N_i        = number of trades with d >= delta_i                          (tail sum of the buckets)
 * lambda_i   = N_i / (2 * E)               per side and second; E = observed time in seconds, both sides pooled
 * ln lambda_i = ln A - k * delta_i          ordinary least squares over the buckets with N_i >= minTradesPerBucket
 * }</pre>
 * (commons-math3 {@link SimpleRegression}; buckets whose tail count is small are left out because
 * {@code ln N} of a Poisson count {@code N} has variance about {@code 1/N}). A trade at a negative distance (on the
 * far side of the reference) reaches no resting quote: it is counted in {@link #tradesSeen()} but in no bucket.
 *
 * <p>Forgetting: with a finite {@code halfLifeSeconds}, counts and observed time decay by
 * {@code w = 2^(-dt / halfLife)} as time advances, so that
 * {@code E' = w E + (halfLife / ln 2)(1 - w)} and {@code N' = w N}: an exponentially weighted estimate that follows a
 * changing market. With {@code Double.POSITIVE_INFINITY} every trade since the start counts equally.
 *
 * <p>Units: distances in price units (quote currency per unit), so {@code k} is per price unit; {@code A} per second;
 * timestamps epoch nanoseconds. {@link #a()} and {@link #k()} are {@code NaN} until the first successful fit, which
 * needs at least {@link #MIN_FIT_BUCKETS} buckets with enough trades and a negative slope; a failed fit keeps the
 * previous values. {@code O(buckets)} per trade and per fit, no allocation after construction. Not thread-safe.
 */
public final class TradeIntensityEstimator {

    /** Buckets with enough trades that a fit needs. */
    public static final int MIN_FIT_BUCKETS = 3;
    /** Default minimum tail count of a bucket used in the fit. */
    public static final long DEFAULT_MIN_TRADES_PER_BUCKET = 10;

    private static final double LN2 = Math.log(2.0);

    private final double bucketWidth;
    private final int buckets;
    private final double halfLifeSeconds;
    private final long minTradesPerBucket;
    private final double[] counts;
    private final SimpleRegression regression = new SimpleRegression(true);
    private double exposureSeconds;
    private long lastNanos = Long.MIN_VALUE;
    private long tradesSeen;
    private double a = Double.NaN;
    private double k = Double.NaN;
    private double rSquared = Double.NaN;
    private int fitBuckets;

    /**
     * @param bucketWidth        distance between bucket edges, price units, finite and {@code > 0} (e.g. one tick)
     * @param buckets            number of buckets, {@code >= MIN_FIT_BUCKETS}
     * @param halfLifeSeconds    half-life of the forgetting, seconds, {@code > 0}; {@code POSITIVE_INFINITY} for none
     * @param minTradesPerBucket minimum tail count {@code N_i} of a bucket used in the fit, {@code >= 1}
     * @throws IllegalArgumentException naming the parameter and its value
     */
    public TradeIntensityEstimator(double bucketWidth, int buckets, double halfLifeSeconds, long minTradesPerBucket) {
        if (!(bucketWidth > 0) || Double.isInfinite(bucketWidth)) {
            throw new IllegalArgumentException("TradeIntensityEstimator bucketWidth must be finite and > 0, was "
                    + bucketWidth);
        }
        if (buckets < MIN_FIT_BUCKETS) {
            throw new IllegalArgumentException("TradeIntensityEstimator buckets must be >= " + MIN_FIT_BUCKETS
                    + ", was " + buckets);
        }
        if (!(halfLifeSeconds > 0)) {
            throw new IllegalArgumentException("TradeIntensityEstimator halfLifeSeconds must be > 0 (or"
                    + " POSITIVE_INFINITY for no forgetting), was " + halfLifeSeconds);
        }
        if (minTradesPerBucket < 1) {
            throw new IllegalArgumentException("TradeIntensityEstimator minTradesPerBucket must be >= 1, was "
                    + minTradesPerBucket);
        }
        this.bucketWidth = bucketWidth;
        this.buckets = buckets;
        this.halfLifeSeconds = halfLifeSeconds;
        this.minTradesPerBucket = minTradesPerBucket;
        this.counts = new double[buckets];
    }

    /**
     * Advances the observed time to {@code nowNanos}; the first call starts the observation. Call it when the
     * observation period ends (before {@link #fit()}) so that a quiet spell counts as time without trades.
     *
     * @throws IllegalArgumentException if {@code nowNanos} is before the last time seen
     */
    public void advanceTo(long nowNanos) {
        if (lastNanos == Long.MIN_VALUE) {
            lastNanos = nowNanos;
            return;
        }
        long dtNanos = nowNanos - lastNanos;
        if (dtNanos < 0) {
            throw new IllegalArgumentException("TradeIntensityEstimator time went back: " + nowNanos + " ns after "
                    + lastNanos + " ns");
        }
        if (dtNanos == 0) {
            return;
        }
        double dtSeconds = dtNanos * 1e-9;
        if (halfLifeSeconds == Double.POSITIVE_INFINITY) {
            exposureSeconds += dtSeconds;
        } else {
            double w = Math.exp(-dtSeconds * LN2 / halfLifeSeconds);
            exposureSeconds = w * exposureSeconds + halfLifeSeconds / LN2 * (1.0 - w);
            for (int i = 0; i < buckets; i++) {
                counts[i] *= w;
            }
        }
        lastNanos = nowNanos;
    }

    /**
     * Records a trade at {@code nowNanos} that reached {@code distance} from the reference price in the direction of
     * its aggressor (see the class comment).
     *
     * @throws IllegalArgumentException if {@code distance} is not finite, or time went back
     */
    public void onTrade(long nowNanos, double distance) {
        if (!Double.isFinite(distance)) {
            throw new IllegalArgumentException("TradeIntensityEstimator trade distance must be finite, was "
                    + distance + " at " + nowNanos + " ns");
        }
        advanceTo(nowNanos);
        tradesSeen++;
        if (distance < 0) {
            return;
        }
        int bucket = (int) Math.min(buckets - 1, Math.floor(distance / bucketWidth + 1e-9));
        counts[bucket] += 1.0;
    }

    /**
     * Refits {@code A} and {@code k} on the counts so far (see the class formula).
     *
     * @return whether the fit succeeded; if not, {@link #a()} and {@link #k()} keep their previous values
     */
    public boolean fit() {
        if (!(exposureSeconds > 0)) {
            return false;
        }
        regression.clear();
        double tail = 0;
        for (int i = buckets - 1; i >= 0; i--) {
            tail += counts[i];
            if (tail >= minTradesPerBucket) {
                regression.addData(i * bucketWidth, Math.log(tail / (2.0 * exposureSeconds)));
            }
        }
        int n = (int) regression.getN();
        if (n < MIN_FIT_BUCKETS) {
            return false;
        }
        double slope = regression.getSlope();
        if (!(slope < 0)) {
            return false;
        }
        k = -slope;
        a = Math.exp(regression.getIntercept());
        rSquared = regression.getRSquare();
        fitBuckets = n;
        return true;
    }

    /** {@code A}, trades per second per side at distance 0, from the last successful fit; NaN before. */
    public double a() {
        return a;
    }

    /** {@code k}, per price unit, from the last successful fit; NaN before. */
    public double k() {
        return k;
    }

    /** R^2 of the last successful fit's log-linear regression; NaN before. */
    public double rSquared() {
        return rSquared;
    }

    /** Buckets used by the last successful fit. */
    public int fitBuckets() {
        return fitBuckets;
    }

    /** Whether a fit has succeeded. */
    public boolean isFitted() {
        return k == k;
    }

    /** Trades recorded since construction (not decayed), at any distance. */
    public long tradesSeen() {
        return tradesSeen;
    }

    /** The observed time, seconds (decayed with the forgetting). */
    public double exposureSeconds() {
        return exposureSeconds;
    }

    /**
     * The empirical intensity at bucket edge {@code i}: {@code N_i / (2 E)}, per second and side (decayed counts).
     *
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code 0..buckets-1}
     */
    public double empiricalIntensity(int i) {
        if (i < 0 || i >= buckets) {
            throw new IndexOutOfBoundsException("bucket " + i + " not in 0.." + (buckets - 1));
        }
        double tail = 0;
        for (int j = buckets - 1; j >= i; j--) {
            tail += counts[j];
        }
        return tail / (2.0 * exposureSeconds);
    }

    /** The bucket width, price units. */
    public double bucketWidth() {
        return bucketWidth;
    }

    /** The number of buckets. */
    public int buckets() {
        return buckets;
    }

    @Override
    public String toString() {
        return "TradeIntensityEstimator[bucketWidth=" + bucketWidth + ", buckets=" + buckets + ", halfLifeSeconds="
                + halfLifeSeconds + ", minTradesPerBucket=" + minTradesPerBucket + ", a=" + a + ", k=" + k + "]";
    }
}
