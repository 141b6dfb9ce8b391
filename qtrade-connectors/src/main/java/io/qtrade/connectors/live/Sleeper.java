package io.qtrade.connectors.live;

/**
 * Waits a number of nanoseconds: {@link #SYSTEM} sleeps the thread; tests inject one that records the delays and
 * returns at once, so that reconnection tests run in milliseconds.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps the calling thread with {@link Thread#sleep(long, int)}. */
    Sleeper SYSTEM = nanos -> Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));

    /**
     * Waits {@code nanos} nanoseconds.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void sleepNanos(long nanos) throws InterruptedException;
}
