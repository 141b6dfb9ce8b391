package io.qtrade.core.market;

/**
 * A priority queue of small integer ids (streams, instruments) keyed by a time, earliest first, ties to the lower
 * id: the core of every stable time merge in qtrade. A binary heap over primitive arrays; {@code O(log k)} per
 * operation for {@code k} ids and nothing allocated after construction.
 *
 * <p>Typical loop: {@link #add} every id with the time of its first event; then repeatedly take {@link #peekId()},
 * emit its event, and either {@link #updateHeadTime} with the time of its next event or {@link #removeHead()} when it
 * has none.
 */
public final class EarliestFirstQueue {

    private final int[] heap;
    private final long[] time;
    private final boolean[] queued;
    private int size;

    /** A queue for ids {@code 0 .. capacity - 1}. */
    public EarliestFirstQueue(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.heap = new int[capacity];
        this.time = new long[capacity];
        this.queued = new boolean[capacity];
    }

    /**
     * Queues {@code id} at {@code timeNanos}.
     *
     * @throws IllegalArgumentException if {@code id} is out of range or already queued
     */
    public void add(int id, long timeNanos) {
        if (id < 0 || id >= heap.length) {
            throw new IllegalArgumentException("id " + id + " outside 0.." + (heap.length - 1));
        }
        if (queued[id]) {
            throw new IllegalArgumentException("id " + id + " is already queued");
        }
        queued[id] = true;
        time[id] = timeNanos;
        heap[size] = id;
        siftUp(size++);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The id with the earliest time (the lowest such id on a tie). The queue must not be empty. */
    public int peekId() {
        requireNotEmpty();
        return heap[0];
    }

    /** The earliest time queued. The queue must not be empty. */
    public long peekTime() {
        requireNotEmpty();
        return time[heap[0]];
    }

    /** Gives the head id a new time (normally later: the time of its next event) and restores the order. */
    public void updateHeadTime(long timeNanos) {
        requireNotEmpty();
        int id = heap[0];
        long previous = time[id];
        time[id] = timeNanos;
        if (timeNanos >= previous) {
            siftDown(0);
        } else {
            siftUp(0);
        }
    }

    /** Removes the head id and returns it. */
    public int removeHead() {
        requireNotEmpty();
        int id = heap[0];
        queued[id] = false;
        heap[0] = heap[--size];
        if (size > 0) {
            siftDown(0);
        }
        return id;
    }

    private void requireNotEmpty() {
        if (size == 0) {
            throw new IllegalStateException("the queue is empty");
        }
    }

    private boolean before(int a, int b) {
        long ta = time[a];
        long tb = time[b];
        return ta < tb || (ta == tb && a < b);
    }

    private void siftUp(int i) {
        int id = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(id, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = id;
    }

    private void siftDown(int i) {
        int id = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], id)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = id;
    }

    @Override
    public String toString() {
        return "EarliestFirstQueue[size=" + size + ", capacity=" + heap.length + "]";
    }
}
