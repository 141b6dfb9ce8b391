package io.qtrade.backtest.latency;

/**
 * Seeded lognormal entry and response latencies: heavy right tail, never negative, as measured order round trips
 * look (e.g. Moallemi and Saglam, 2013, "The Cost of Latency in High-Frequency Trading", Operations Research 61(5)).
 *
 * <pre>{@code
 * latency = medianNanos * exp(sigma * Z),   Z ~ N(0, 1)
 * mean    = medianNanos * exp(sigma^2 / 2)
 * Z       = sqrt(-2 ln U1) * cos(2 pi U2)          (Box-Muller, U1 in (0,1], U2 in [0,1))
 * U1, U2  = from SplitMix64(seed, orderId, time, salt, leg)
 * }</pre>
 * The draw is a pure function of the seed and the arguments (counter-based, Salmon et al., 2011, "Parallel random
 * numbers: as easy as 1, 2, 3", SC'11; the mixer is Steele, Lea and Flood's SplitMix64, OOPSLA 2014): the model is
 * immutable, the same run gives bit-identical latencies, and one order's latency never depends on how many other
 * orders were drawn before it. The result is rounded to whole nanoseconds.
 */
public final class LognormalLatency implements LatencyModel {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long entryMedianNanos;
    private final long responseMedianNanos;
    private final double sigma;
    private final long seed;

    /**
     * @param entryMedianNanos    median entry latency, {@code > 0}
     * @param responseMedianNanos median response latency, {@code > 0}
     * @param sigma               standard deviation of {@code ln(latency)}, {@code >= 0} (0 gives the medians)
     * @param seed                any value; a different seed gives independent draws
     */
    public LognormalLatency(long entryMedianNanos, long responseMedianNanos, double sigma, long seed) {
        if (entryMedianNanos <= 0) {
            throw new IllegalArgumentException("LognormalLatency: entryMedianNanos must be > 0, was " + entryMedianNanos);
        }
        if (responseMedianNanos <= 0) {
            throw new IllegalArgumentException("LognormalLatency: responseMedianNanos must be > 0, was "
                    + responseMedianNanos);
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("LognormalLatency: sigma must be finite and >= 0, was " + sigma);
        }
        this.entryMedianNanos = entryMedianNanos;
        this.responseMedianNanos = responseMedianNanos;
        this.sigma = sigma;
        this.seed = seed;
    }

    @Override
    public long entryLatencyNanos(long requestTs, long orderId, long salt) {
        return draw(entryMedianNanos, requestTs, orderId, salt, 0x5EEDL);
    }

    @Override
    public long responseLatencyNanos(long exchTs, long orderId, long salt) {
        return draw(responseMedianNanos, exchTs, orderId, salt, 0xBACCL);
    }

    private long draw(long median, long ts, long orderId, long salt, long leg) {
        long h = mix(seed ^ mix(orderId + GOLDEN_GAMMA * leg) ^ mix(ts * GOLDEN_GAMMA + salt));
        long a = mix(h + GOLDEN_GAMMA);
        long b = mix(h + 2 * GOLDEN_GAMMA);
        double u1 = ((a >>> 11) + 1) * 0x1.0p-53;   // (0, 1]
        double u2 = (b >>> 11) * 0x1.0p-53;         // [0, 1)
        double z = Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
        return Math.round(median * Math.exp(sigma * z));
    }

    /** SplitMix64's output function (Steele, Lea, Flood 2014). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "LognormalLatency[entryMedianNanos=" + entryMedianNanos + ", responseMedianNanos=" + responseMedianNanos
                + ", sigma=" + sigma + ", seed=" + seed + "]";
    }
}
