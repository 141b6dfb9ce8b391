package io.qtrade.backtest.fill;

/**
 * A trade through a resting order's price fills it only when the print is at least {@code minTicksThrough} ticks
 * through, and then with probability {@code probability}:
 * <pre>{@code
 * k = ticks between the print and the order's price (k >= 1: the print is through)
 * fills  <=>  k >= minTicksThrough  and  u < probability
 * u = SplitMix64(seed, orderId, exchTs, k) in [0, 1)
 * }</pre>
 * The draw {@code u} is a pure function of the seed, the order, the print's time and depth (counter-based, as in
 * Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11, with Steele, Lea and Flood's SplitMix64 mixer,
 * OOPSLA 2014), so a run is reproducible and one order's draws never depend on another's. A print that does not fill
 * the order leaves it resting as it was; a later, deeper print draws again.
 *
 * <p>{@code PenetrationFill(1, 1.0, seed)} is {@link TradeThroughFill#ANY_PRINT}. The penetration rule of bar
 * backtesters (a limit fills only if the market traded through it by N ticks) is {@code PenetrationFill(N, 1.0, 0)}.
 * Where it stops being realistic: the probability does not depend on the order's queue position, the print's size or
 * how long the order has rested; rule 5 (the opposite best reaching the order's price) still fills it completely.
 */
public final class PenetrationFill implements TradeThroughFill {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final int minTicksThrough;
    private final double probability;
    private final long seed;

    /**
     * @param minTicksThrough how many ticks through the order's price a print must be to fill it, {@code >= 1}
     * @param probability     the probability that such a print fills it, in {@code (0, 1]}
     * @param seed            the seed of the draws
     */
    public PenetrationFill(int minTicksThrough, double probability, long seed) {
        if (minTicksThrough < 1) {
            throw new IllegalArgumentException("PenetrationFill: minTicksThrough must be >= 1 tick, was "
                    + minTicksThrough);
        }
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("PenetrationFill: probability must be in (0, 1], was " + probability);
        }
        this.minTicksThrough = minTicksThrough;
        this.probability = probability;
        this.seed = seed;
    }

    /** How many ticks through the order's price a print must be. */
    public int minTicksThrough() {
        return minTicksThrough;
    }

    /** The probability that a print deep enough fills the order. */
    public double probability() {
        return probability;
    }

    @Override
    public boolean fills(long orderId, long ticksThrough, long exchTs) {
        if (ticksThrough < minTicksThrough) {
            return false;
        }
        return probability >= 1.0 || uniform(orderId, ticksThrough, exchTs) < probability;
    }

    /** The draw {@code u} in {@code [0, 1)} for one order and print. */
    public double uniform(long orderId, long ticksThrough, long exchTs) {
        long h = mix(seed ^ mix(orderId + GOLDEN_GAMMA) ^ mix(exchTs * GOLDEN_GAMMA + ticksThrough));
        return (mix(h + GOLDEN_GAMMA) >>> 11) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "PenetrationFill[minTicksThrough=" + minTicksThrough + ", probability=" + probability + ", seed="
                + seed + "]";
    }
}
