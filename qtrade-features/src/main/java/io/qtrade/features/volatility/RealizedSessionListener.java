package io.qtrade.features.volatility;

/**
 * Receives each completed session of a {@link RealizedVarianceOnGrid}, as primitives (no object per session).
 */
@FunctionalInterface
public interface RealizedSessionListener {

    /**
     * One session {@code (sessionStartNanos, sessionEndNanos]} of grid returns is complete.
     *
     * @param sessionStartNanos  session start, epoch nanoseconds UTC (its grid point opens the first return)
     * @param sessionEndNanos    session end, epoch nanoseconds UTC (the last grid point of the session)
     * @param realizedVariance   sum of squared grid log returns of the session (per session, not annualised)
     * @param bipowerVariation   (pi/2) sum |r_i||r_{i-1}| over consecutive grid returns of the session
     * @param returnCount        grid returns in the session (fewer than the grid size only before the first tick)
     * @param tickCount          ticks received while the session was open (a session with none, such as a
     *                           weekend, is still reported: its returns are all zero, and the listener decides)
     */
    void onSession(long sessionStartNanos, long sessionEndNanos, double realizedVariance, double bipowerVariation,
                   int returnCount, long tickCount);
}
