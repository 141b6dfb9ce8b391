package io.qtrade.backtest;

import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventSource;

import java.util.Arrays;

/**
 * The one pass over the event stream that both timelines share. The venue side reads ahead at {@code exchTs}; the
 * strategy side follows at {@code localTs} over the rows the venue has already processed. Only the batches between
 * the two positions are kept (a ring of reused {@link EventBatch}es), so memory is bounded by the events within one
 * feed latency, never by the length of the stream.
 */
final class EventWindow {

    private final EventSource source;
    private final int batchCapacity;
    private EventBatch[] ring = new EventBatch[4];
    private int first;      // ring index of the oldest batch (the local side's)
    private int count;      // batches in the ring
    private EventBatch[] spare = new EventBatch[4];
    private int spareCount;
    private boolean exhausted;

    private int exchSlot;   // offset from first
    private int exchRow;
    private int localRow;   // in the batch at first
    private long pending;   // rows the venue processed and the strategy side did not yet

    final EventCursor exchCursor = new EventCursor();
    final EventCursor localCursor = new EventCursor();
    private long exchIndex;

    EventWindow(EventSource source, int batchCapacity) {
        this.source = source;
        this.batchCapacity = batchCapacity;
    }

    /** Whether the venue side has a next row (reads a batch when needed). */
    boolean exchHasNext() {
        while (true) {
            if (exchSlot < count && exchRow < batch(exchSlot).size()) {
                return true;
            }
            if (exchSlot < count - 1) {
                exchSlot++;
                exchRow = 0;
                exchCursor.reset(batch(exchSlot));
                continue;
            }
            if (exhausted || !readBatch()) {
                return false;
            }
        }
    }

    /** The {@code exchTs} of the venue side's next row; call after {@link #exchHasNext()} returned true. */
    long exchPeekTs() {
        return batch(exchSlot).exchTs(exchRow);
    }

    /** The {@code localTs} of the venue side's next row. */
    long exchPeekLocalTs() {
        return batch(exchSlot).localTs(exchRow);
    }

    /** Moves the venue cursor onto its next row, which the caller then processes through {@link #exchCursor}. */
    void exchAdvance() {
        exchCursor.next();
        exchRow++;
        exchIndex++;
        pending++;
    }

    /** The stream position of the venue side's last row, 0-based. */
    long exchIndex() {
        return exchIndex - 1;
    }

    /** Rows processed by the venue side, not yet by the strategy side. */
    long pending() {
        return pending;
    }

    /** The {@code localTs} of the strategy side's next row; only when {@link #pending()} is positive. */
    long localPeekTs() {
        EventBatch b = batch(0);
        if (localRow == b.size()) {
            recycleFirst();
            b = batch(0);
        }
        return b.localTs(localRow);
    }

    /** Moves the strategy cursor onto its next row (one the venue has processed). */
    void localAdvance() {
        if (localRow == batch(0).size()) {
            recycleFirst();
        }
        localCursor.next();
        localRow++;
        pending--;
    }

    private void recycleFirst() {
        EventBatch done = ring[first];
        ring[first] = null;
        first = (first + 1) & (ring.length - 1);
        count--;
        exchSlot--;
        if (spareCount == spare.length) {
            spare = Arrays.copyOf(spare, spareCount * 2);
        }
        spare[spareCount++] = done;
        localRow = 0;
        localCursor.reset(batch(0));
    }

    private EventBatch batch(int offset) {
        return ring[(first + offset) & (ring.length - 1)];
    }

    private boolean readBatch() {
        EventBatch b = spareCount > 0 ? spare[--spareCount] : new EventBatch(batchCapacity);
        if (!source.readBatch(b)) {
            exhausted = true;
            spare[spareCount++] = b;
            return false;
        }
        if (count == ring.length) {
            EventBatch[] grown = new EventBatch[ring.length * 2];
            for (int i = 0; i < count; i++) {
                grown[i] = batch(i);
            }
            ring = grown;
            first = 0;
        }
        ring[(first + count) & (ring.length - 1)] = b;
        count++;
        if (count == 1) {
            localRow = 0;
            localCursor.reset(b);
        }
        if (exchSlot == count - 1 || count == 1) {
            exchSlot = count - 1;
            exchRow = 0;
            exchCursor.reset(b);
        }
        return true;
    }
}
