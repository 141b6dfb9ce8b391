package io.qtrade.strategies.marketmaking;

/**
 * The infinite-horizon (rolling) mode: {@code tau} is the constant {@code tauSeconds} at every time, so the quotes
 * are those of a finite-horizon maker that always has {@code tauSeconds} left. This is the stationary use of the
 * Avellaneda-Stoikov formulas common in practice (not the discounted infinite-horizon objective that Avellaneda and
 * Stoikov 2008 also consider); {@code tauSeconds} sets how much inventory risk the maker prices in, together with gamma.
 *
 * @param tauSeconds the constant time left, seconds, finite and {@code > 0}
 */
public record RollingHorizon(double tauSeconds) implements Horizon {

    /**
     * @throws IllegalArgumentException naming the value when {@code tauSeconds} is not finite and positive
     */
    public RollingHorizon {
        if (!(tauSeconds > 0) || Double.isInfinite(tauSeconds)) {
            throw new IllegalArgumentException("RollingHorizon tauSeconds must be finite and > 0, was " + tauSeconds);
        }
    }

    @Override
    public double tauSeconds(long nowNanos) {
        return tauSeconds;
    }

    @Override
    public boolean isOver(long nowNanos) {
        return false;
    }
}
