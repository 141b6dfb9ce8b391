package io.qtrade.strategies.marketmaking;

/**
 * A finite horizon ending at {@code endNanos}, as in Avellaneda and Stoikov (2008):
 * <pre>{@code
 * tau(t) = (endNanos - t) / 1e9 seconds   for t < endNanos;   over (no quoting) from endNanos on
 * }</pre>
 * so the inventory skew {@code q gamma sigma^2 tau} and the risk part of the spread shrink to 0 towards the end.
 *
 * @param endNanos the horizon {@code T}, epoch nanoseconds
 */
public record FiniteHorizon(long endNanos) implements Horizon {

    @Override
    public double tauSeconds(long nowNanos) {
        return nowNanos >= endNanos ? 0.0 : (endNanos - nowNanos) * 1e-9;
    }

    @Override
    public boolean isOver(long nowNanos) {
        return nowNanos >= endNanos;
    }
}
