package io.qtrade.server.tap;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

/**
 * A bounded single-producer single-consumer ring of reused {@link TapEvent} slots: the engine thread claims and
 * publishes, the server thread drains. The producer never blocks and never allocates: when the ring is full the event
 * is not recorded and {@link #dropped()} counts it (the consumer is too slow or gone).
 *
 * <p>Ordering: the producer writes a slot's fields, then publishes it with a release store of the head; the consumer
 * reads the head with an acquire load, so it sees every field written before the publish (Lamport's single-producer
 * single-consumer queue; Thompson et al., the LMAX Disruptor, 2011).
 *
 * <p>Cost on the producer: the head and the tail live 128 bytes apart (no false sharing between the engine's core,
 * which writes the head, and the server's, which writes the tail); the consumer moves the tail once per drained
 * batch, never writes a slot, and the producer reads the tail only when its cached copy says the ring is full. A slot
 * holds primitives only ({@link TapEvent}), so filling one stores no reference (no GC write barrier slow path).
 */
public final class TapRing {

    private final TapEvent[] slots;
    private final int mask;
    /** Head at {@link #HEAD}, tail at {@link #TAIL}: 128 bytes apart and from the array's ends. */
    private final AtomicLongArray seq = new AtomicLongArray(48);
    private static final int HEAD = 16;
    private static final int TAIL = 32;
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
        long h = seq.getPlain(HEAD);
        if (h - cachedTail >= slots.length) {
            cachedTail = seq.getAcquire(TAIL);
            if (h - cachedTail >= slots.length) {
                dropped.setRelease(dropped.get() + 1);
                return null;
            }
        }
        return slots[(int) (h & mask)];
    }

    /** Producer: makes the slot returned by the last {@link #claim()} visible to the consumer. */
    void publish() {
        seq.setRelease(HEAD, seq.getPlain(HEAD) + 1);
    }

    /**
     * Consumer: hands each published event to {@code sink} in order (at most {@code max}), then frees its slot.
     *
     * @return how many events were drained
     */
    public int drain(Consumer<TapEvent> sink, int max) {
        long t = seq.getPlain(TAIL);
        long h = seq.getAcquire(HEAD);
        int n = 0;
        try {
            while (t < h && n < max) {
                TapEvent e = slots[(int) (t & mask)];
                t++;
                n++;
                sink.accept(e);
            }
        } finally {
            seq.setRelease(TAIL, t);
        }
        return n;
    }

    /** Events not recorded because the ring was full. */
    public long dropped() {
        return dropped.getAcquire();
    }

    /** Events published so far. */
    public long published() {
        return seq.getAcquire(HEAD);
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
