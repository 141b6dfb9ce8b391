package io.qtrade.store.synthetic;

import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;

/**
 * The rows of one book transition (a trade and the depth updates it causes, a refill, a snapshot) waiting to be
 * copied into the caller's {@link EventBatch}s, which may have room for only part of them. Columns are primitive
 * arrays that grow (by doubling) only while the generator warms up; a transition never holds more than
 * {@code 2 * marketOrderSize + width + levels} rows.
 */
final class PendingEvents {

    private int[] instrument;
    private long[] exchTs;
    private long[] localTs;
    private byte[] kind;
    private byte[] side;
    private double[] price;
    private double[] qty;
    private int size;
    private int next;

    PendingEvents(int initialCapacity) {
        allocate(Math.max(16, initialCapacity));
    }

    void add(int instrumentIndex, long exch, long local, EventKind eventKind, byte sideCode, double px, double q) {
        if (size == kind.length) {
            grow();
        }
        int i = size++;
        instrument[i] = instrumentIndex;
        exchTs[i] = exch;
        localTs[i] = local;
        kind[i] = eventKind.code();
        side[i] = sideCode;
        price[i] = px;
        qty[i] = q;
    }

    boolean isDrained() {
        return next == size;
    }

    void clear() {
        size = 0;
        next = 0;
    }

    int size() {
        return size;
    }

    /** Copies rows into {@code into} until it is full, this is drained or {@code limit} rows were copied. */
    long drainInto(EventBatch into, long limit) {
        long copied = 0;
        while (next < size && copied < limit && !into.isFull()) {
            int i = next++;
            into.add(instrument[i], exchTs[i], localTs[i], EventKind.fromCode(kind[i]), side[i], price[i], qty[i],
                    EventBatch.NO_ORDER_ID);
            copied++;
        }
        return copied;
    }

    private void grow() {
        int[] oldInstrument = instrument;
        long[] oldExch = exchTs;
        long[] oldLocal = localTs;
        byte[] oldKind = kind;
        byte[] oldSide = side;
        double[] oldPrice = price;
        double[] oldQty = qty;
        allocate(kind.length * 2);
        System.arraycopy(oldInstrument, 0, instrument, 0, size);
        System.arraycopy(oldExch, 0, exchTs, 0, size);
        System.arraycopy(oldLocal, 0, localTs, 0, size);
        System.arraycopy(oldKind, 0, kind, 0, size);
        System.arraycopy(oldSide, 0, side, 0, size);
        System.arraycopy(oldPrice, 0, price, 0, size);
        System.arraycopy(oldQty, 0, qty, 0, size);
    }

    private void allocate(int capacity) {
        instrument = new int[capacity];
        exchTs = new long[capacity];
        localTs = new long[capacity];
        kind = new byte[capacity];
        side = new byte[capacity];
        price = new double[capacity];
        qty = new double[capacity];
    }
}
