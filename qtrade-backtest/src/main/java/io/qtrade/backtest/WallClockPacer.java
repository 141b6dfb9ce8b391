package io.qtrade.backtest;

/**
 * Paces an engine run on the wall clock: what turns a backtest into paper trading. Without a pacer
 * ({@link Backtest.Builder#pacer}) the engine jumps from one action to the next as fast as it can; with one, it asks
 * the pacer before each step whether market events are waiting, and before an order message, timer, equity mark or
 * risk wake-up due at time {@code t} it waits until the wall clock reaches {@code t} or an event arrives, whichever
 * is first. So timers and simulated order latencies fire at wall-clock time even when the feed is silent.
 *
 * <p>The source of a paced run is a live one whose {@code readBatch} blocks until events arrive: the engine calls it
 * only after {@link #eventsReady()} said it would return at once. When the source is closed
 * ({@link #eventsReady()} is then {@code true} and {@code readBatch} returns {@code false}) the run ends as a
 * backtest's does: the order messages in flight are settled at their simulated times without waiting, then
 * {@code onStop}.
 *
 * <p>All three methods are called on the engine's thread.
 */
public interface WallClockPacer {

    /** The wall clock, epoch nanoseconds, UTC: the time the engine may not run ahead of. */
    long nowNanos();

    /**
     * Whether the source's next {@code readBatch} returns at once: events are queued, or the source is closed.
     * Called once per engine step while no read row is left, so it must be cheap.
     */
    boolean eventsReady();

    /**
     * Blocks until {@link #eventsReady()}, until the wall clock reaches {@code deadlineNanos}
     * ({@code Long.MAX_VALUE}: no deadline), or until something else needs the engine (a disconnect handed to the
     * engine's thread), whichever is first. May return early; the engine then looks again.
     *
     * @param deadlineNanos epoch nanoseconds
     */
    void awaitEvents(long deadlineNanos);
}
