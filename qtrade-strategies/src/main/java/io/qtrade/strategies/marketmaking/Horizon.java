package io.qtrade.strategies.marketmaking;

/**
 * The time left {@code tau = T - t} that a {@link QuoteModel} is given, in seconds: a fixed end
 * ({@link FiniteHorizon}) or a rolling window that never shrinks ({@link RollingHorizon}, the infinite-horizon
 * mode).
 */
public sealed interface Horizon permits FiniteHorizon, RollingHorizon {

    /** {@code tau} at {@code nowNanos} (epoch nanoseconds), seconds, {@code >= 0}. */
    double tauSeconds(long nowNanos);

    /** Whether the horizon has ended at {@code nowNanos}: the market maker stops quoting. */
    boolean isOver(long nowNanos);
}
