package io.qtrade.core.strategy;

import java.util.Arrays;

/**
 * The timer queue an engine keeps for its strategies: one-shot and repeating timers in a primitive binary heap,
 * fired in order of due time, ties in order of creation (so a run is deterministic).
 *
 * <p>Allocation-free once the heap has grown to the number of live timers. An engine calls
 * {@link #nextDueNanos()} to know when to wake ({@link #NO_DUE_TIME}, later than any event, when nothing is set), then
 * {@link #pollDue(long)} until it returns {@link #NONE}. A repeating timer is re-armed at {@code due + interval} each
 * time it is polled, so it fires on a fixed grid whatever the engine's event times: after a gap in the data it fires
 * once for every grid point it missed (an engine that wants one catch-up firing reschedules the timer). A repeating
 * timer whose next due time would pass {@code Long.MAX_VALUE} is dropped. Timer ids start at 1 and are never reused.
 */
public final class Timers {

    /** What {@link #pollDue} returns when no timer is due: never a timer id. */
    public static final long NONE = -1L;
    /** What {@link #nextDueNanos} returns when no timer is set: later than every timestamp. */
    public static final long NO_DUE_TIME = Long.MAX_VALUE;

    private long[] due = new long[16];
    private long[] id = new long[16];
    private long[] interval = new long[16];
    private boolean[] cancelled = new boolean[16];
    private int size;
    private int cancelledCount;
    private long nextId = 1;
    private long lastFiredDueNanos;

    /**
     * Adds a one-shot timer.
     *
     * @param timeNanos when it fires, epoch nanoseconds
     * @return the timer id
     */
    public long scheduleAt(long timeNanos) {
        return push(timeNanos, 0L);
    }

    /**
     * Adds a repeating timer firing at {@code firstNanos}, then every {@code intervalNanos}.
     *
     * @throws IllegalArgumentException if {@code intervalNanos} is not positive
     */
    public long scheduleEvery(long firstNanos, long intervalNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("timer intervalNanos must be > 0, was " + intervalNanos);
        }
        return push(firstNanos, intervalNanos);
    }

    /**
     * Cancels timer {@code timerId}; {@code false} if it is not pending (fired one-shot, cancelled, unknown). The
     * entry is marked and leaves the heap when it reaches the top: {@code O(pending)} to find, nothing moved.
     */
    public boolean cancel(long timerId) {
        for (int i = 0; i < size; i++) {
            if (id[i] == timerId) {
                if (cancelled[i]) {
                    return false;
                }
                cancelled[i] = true;
                cancelledCount++;
                return true;
            }
        }
        return false;
    }

    /** The due time of the earliest pending timer, or {@link #NO_DUE_TIME}. */
    public long nextDueNanos() {
        dropCancelledHead();
        return size == 0 ? NO_DUE_TIME : due[0];
    }

    /**
     * Removes and returns the id of the earliest timer due at or before {@code nowNanos}, or {@link #NONE}. A
     * repeating timer is put back at its next due time. {@link #lastFiredDueNanos()} then tells when it was due.
     */
    public long pollDue(long nowNanos) {
        dropCancelledHead();
        if (size == 0 || due[0] > nowNanos) {
            return NONE;
        }
        long timerId = id[0];
        long when = due[0];
        lastFiredDueNanos = when;
        long next = when + interval[0];
        if (interval[0] > 0 && next > when) {
            due[0] = next;
            siftDown(0);
        } else {
            removeHead();
        }
        return timerId;
    }

    /** The due time of the timer the last {@link #pollDue} returned. */
    public long lastFiredDueNanos() {
        return lastFiredDueNanos;
    }

    /** Pending timers, cancelled ones not counted. */
    public int pending() {
        return size - cancelledCount;
    }

    private long push(long timeNanos, long intervalNanos) {
        if (size == due.length) {
            int capacity = size * 2;
            due = Arrays.copyOf(due, capacity);
            id = Arrays.copyOf(id, capacity);
            interval = Arrays.copyOf(interval, capacity);
            cancelled = Arrays.copyOf(cancelled, capacity);
        }
        long timerId = nextId++;
        int i = size++;
        due[i] = timeNanos;
        id[i] = timerId;
        interval[i] = intervalNanos;
        cancelled[i] = false;
        siftUp(i);
        return timerId;
    }

    private void dropCancelledHead() {
        while (size > 0 && cancelled[0]) {
            cancelledCount--;
            removeHead();
        }
    }

    private void removeHead() {
        size--;
        if (size > 0) {
            move(size, 0);
            siftDown(0);
        }
    }

    private boolean before(int a, int b) {
        return due[a] < due[b] || (due[a] == due[b] && id[a] < id[b]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int child = left + 1 < size && before(left + 1, left) ? left + 1 : left;
            if (!before(child, i)) {
                return;
            }
            swap(i, child);
            i = child;
        }
    }

    private void swap(int a, int b) {
        long d = due[a];
        long t = id[a];
        long v = interval[a];
        boolean c = cancelled[a];
        move(b, a);
        due[b] = d;
        id[b] = t;
        interval[b] = v;
        cancelled[b] = c;
    }

    private void move(int from, int to) {
        due[to] = due[from];
        id[to] = id[from];
        interval[to] = interval[from];
        cancelled[to] = cancelled[from];
    }

    @Override
    public String toString() {
        return "Timers[pending=" + pending() + ", nextDueNanos=" + nextDueNanos() + "]";
    }
}
