package io.qtrade.server.tap;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A bounded single-producer single-consumer ring of reused {@link TapEvent} slots: the engine thread claims and
 * publishes, the server thread drains. The producer never blocks and never allocates: when the ring is full the event
 * is not recorded and {@link #dropped()} counts it (the consumer is too slow or gone).
 *
 * <p>Ordering: the producer writes a slot's fields, then publishes it with a release store of the head; the consumer
 * reads the head with an acquire load, so it sees every field written before the publish (Lamport's single-producer
 * single-consumer queue; Thompson et al., the LMAX Disruptor, 2011).
 */
public final class TapRing {

    private final TapEvent[] slots;
    private final int mask;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private long cachedTail;

    /**
     * @param capacity number of slots, a power of two >= 2
     */
    public TapRing(int capacity) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("tap ring: capacity must be a power of two >= 2, was " + capacity);
        }
        slots = new TapEvent[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = new TapEvent();
        }
        mask = capacity - 1;
    }

    /** Producer: the next free slot to fill, or null (counted as dropped) when the ring is full. */
    TapEvent claim() {
        long h = head.get();
        if (h - cachedTail >= slots.length) {
            cachedTail = tail.getAcquire();
            if (h - cachedTail >= slots.length) {
                dropped.setRelease(dropped.get() + 1);
                return null;
            }
        }
        return slots[(int) (h & mask)];
    }

    /** Producer: makes the slot returned by the last {@link #claim()} visible to the consumer. */
    void publish() {
        head.setRelease(head.get() + 1);
    }

    /**
     * Consumer: hands each published event to {@code sink} in order (at most {@code max}), then frees its slot.
     *
     * @return how many events were drained
     */
    public int drain(Consumer<TapEvent> sink, int max) {
        long t = tail.get();
        long h = head.getAcquire();
        int n = 0;
        while (t < h && n < max) {
            TapEvent e = slots[(int) (t & mask)];
            try {
                sink.accept(e);
            } finally {
                e.clear();
                t++;
                n++;
                tail.setRelease(t);
            }
        }
        return n;
    }

    /** Events not recorded because the ring was full. */
    public long dropped() {
        return dropped.getAcquire();
    }

    /** Events published so far. */
    public long published() {
        return head.getAcquire();
    }

    /** Number of slots. */
    public int capacity() {
        return slots.length;
    }

    @Override
    public String toString() {
        return "TapRing[capacity=" + slots.length + ", published=" + published() + ", dropped=" + dropped() + "]";
    }
}
