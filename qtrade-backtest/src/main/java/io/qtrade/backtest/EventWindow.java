package io.qtrade.backtest;

import io.qtrade.core.market.EarliestFirstQueue;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;

import java.util.Arrays;

/**
 * The one pass over the event stream that both timelines share. The venue side reads the stream in its order (by
 * {@code exchTs}); every row it has processed waits in its instrument's FIFO until the strategy side takes it at its
 * {@code localTs}, instruments merged earliest {@code localTs} first (ties to the lower instrument index). So one
 * instrument's feed latency never delays another's events. Only the batches between the oldest undelivered row and
 * the venue side are kept (a ring of reused {@link EventBatch}es): memory is bounded by the events within one feed
 * latency, never by the length of the stream. Allocation-free once the ring and the FIFOs have grown.
 *
 * <p>Each batch in the ring has a column of price ticks beside it: the venue side stores the tick price it converted
 * for a row ({@link #setExchPriceTicks}), the strategy side reads it back with the row ({@link #localPriceTicks()}),
 * so that the two books of an instrument convert each price once.
 */
final class EventWindow {

    private final EventSource source;
    private final int batchCapacity;
    private EventBatch[] ring = new EventBatch[4];
    private long[][] ticksRing = new long[4][];
    private int[] undelivered = new int[4];
    private int first;      // ring index of the oldest batch
    private long firstSeq;  // sequence number of the oldest batch
    private int count;      // batches in the ring
    private EventBatch[] spare = new EventBatch[4];
    private long[][] spareTicks = new long[4][];
    private int spareCount;
    private boolean exhausted;

    private int exchSlot;   // offset from first
    private EventBatch exchBatch; // batch(exchSlot), kept to skip the ring arithmetic per event
    private long[] exchTicks;     // its ticks column
    private int exchRow;
    private long exchIndex;
    private long pending;

    // Per instrument FIFO of processed rows: (batch sequence, row).
    private final long[][] fifoSeq;
    private final int[][] fifoRow;
    private final int[] fifoHead;
    private final int[] fifoSize;
    private final EarliestFirstQueue localOrder;
    /**
     * One instrument: its FIFO is the stream order, so the strategy side is a second cursor trailing the venue side
     * ({@code localSlot}, {@code localRowIndex}) instead of the FIFO and the merge queue. Same rows, same order.
     */
    private final boolean single;
    private int localSlot;      // offset from first
    private int localRowIndex;
    private EventBatch localBatch; // batch(localSlot) in single-instrument mode
    private long[] localTicks;     // its ticks column
    private long localPriceTicks;  // the ticks of the row localAdvance moved to, with several instruments

    final EventCursor exchCursor = new EventCursor();
    final RowView localRow = new RowView();
    /** The strategy side's row in single-instrument mode: a plain cursor, as the venue side's. */
    final EventCursor localCursor = new EventCursor();

    EventWindow(EventSource source, int batchCapacity, int instruments) {
        this.source = source;
        this.batchCapacity = batchCapacity;
        this.fifoSeq = new long[instruments][64];
        this.fifoRow = new int[instruments][64];
        this.fifoHead = new int[instruments];
        this.fifoSize = new int[instruments];
        this.localOrder = new EarliestFirstQueue(Math.max(1, instruments));
        this.single = instruments == 1;
    }

    /** Whether the venue side has a next row (reads a batch when needed). */
    boolean exchHasNext() {
        while (true) {
            if (exchSlot < count && exchRow < exchBatch.size()) {
                return true;
            }
            if (exchSlot < count - 1) {
                exchSlot++;
                exchRow = 0;
                exchBatch = batch(exchSlot);
                exchTicks = ticksRing[(first + exchSlot) & (ring.length - 1)];
                exchCursor.reset(exchBatch);
                continue;
            }
            if (exhausted || !readBatch()) {
                return false;
            }
        }
    }

    /**
     * Whether the venue side has a next row without reading the source (a paced run asks this before it lets
     * {@link #exchHasNext()} call a blocking live source).
     */
    boolean exchBuffered() {
        return exchSlot < count && exchRow < exchBatch.size() || exchSlot < count - 1;
    }

    /** Whether the source said it has no more events. */
    boolean exhausted() {
        return exhausted;
    }

    /**
     * The {@code exchTs} of the venue side's next row when it is in the batch at hand (no read of the source), else
     * {@code Long.MIN_VALUE}.
     */
    long exchPeekTsInBatch() {
        return exchRow < exchBatch.size() ? exchBatch.exchTs(exchRow) : Long.MIN_VALUE;
    }

    /** The {@code exchTs} of the venue side's next row; call after {@link #exchHasNext()} returned true. */
    long exchPeekTs() {
        return exchBatch.exchTs(exchRow);
    }

    /** The instrument index of the venue side's next row. */
    int exchPeekInstrument() {
        return exchBatch.instrument(exchRow);
    }

    /** The {@code localTs} of the venue side's next row. */
    long exchPeekLocalTs() {
        return exchBatch.localTs(exchRow);
    }

    /**
     * Moves the venue cursor onto its next row, which the caller processes through {@link #exchCursor}, and queues
     * the row for the strategy side. The instrument index must have been checked by the caller.
     */
    void exchAdvance() {
        exchCursor.next();
        exchIndex++;
        pending++;
        int slot = (first + exchSlot) & (ring.length - 1);
        undelivered[slot]++;
        if (single) {
            exchRow++;
            return;
        }
        int i = exchCursor.instrument();
        int size = fifoSize[i];
        if (size == fifoSeq[i].length) {
            growFifo(i);
        }
        int at = (fifoHead[i] + size) & (fifoSeq[i].length - 1);
        fifoSeq[i][at] = firstSeq + exchSlot;
        fifoRow[i][at] = exchRow;
        fifoSize[i] = size + 1;
        if (size == 0) {
            localOrder.add(i, exchCursor.localTs());
        }
        exchRow++;
    }

    /**
     * Stores the price in ticks of the venue side's last row (the one {@link #exchAdvance()} moved to), for the
     * strategy side to read with the row from {@link #localPriceTicks()}.
     */
    void setExchPriceTicks(long priceTicks) {
        exchTicks[exchRow - 1] = priceTicks;
    }

    /** The price in ticks that the venue side stored for the strategy side's current row. */
    long localPriceTicks() {
        return single ? localTicks[localRowIndex - 1] : localPriceTicks;
    }

    /** The stream position of the venue side's last row, 0-based. */
    long exchIndex() {
        return exchIndex - 1;
    }

    /** Rows processed by the venue side, not yet by the strategy side. */
    long pending() {
        return pending;
    }

    /** The earliest {@code localTs} among the processed rows not yet delivered; only when {@link #pending()} > 0. */
    long localPeekTs() {
        if (single) {
            while (localRowIndex == localBatch.size()) {
                nextLocalBatch();
            }
            return localBatch.localTs(localRowIndex);
        }
        return localOrder.peekTime();
    }

    /**
     * Points {@link #localEvent()} at the next row for the strategy side ({@link #localCursor} with one instrument,
     * {@link #localRow} taken off its instrument's FIFO with several).
     */
    void localAdvance() {
        if (single) {
            while (localRowIndex == localBatch.size()) {
                nextLocalBatch();
            }
            localCursor.next();
            localRowIndex++;
            pending--;
            undelivered[(first + localSlot) & (ring.length - 1)]--;
            return;
        }
        int i = localOrder.peekId();
        int head = fifoHead[i];
        long seq = fifoSeq[i][head];
        int row = fifoRow[i][head];
        fifoHead[i] = (head + 1) & (fifoSeq[i].length - 1);
        int left = --fifoSize[i];
        int offset = (int) (seq - firstSeq);
        EventBatch b = batch(offset);
        localRow.moveTo(b, row);
        localPriceTicks = ticksRing[(first + offset) & (ring.length - 1)][row];
        if (left > 0) {
            int next = fifoHead[i];
            localOrder.updateHeadTime(batch((int) (fifoSeq[i][next] - firstSeq)).localTs(fifoRow[i][next]));
        } else {
            localOrder.removeHead();
        }
        pending--;
        undelivered[(first + offset) & (ring.length - 1)]--;
    }

    /**
     * Whether the strategy side's next row of {@code instrument}, already processed by the venue side, continues the
     * quote of its current row: a {@code BBO} row with the same {@code exchTs} and {@code localTs}. The engine calls
     * it only after a {@code BBO} row not flagged {@code END_OF_MESSAGE}, then {@link #localAdvance()} moves to that
     * row (it is the next one the merge gives: same instrument, same {@code localTs}, still the earliest).
     */
    boolean localNextContinuesQuote(int instrument, long exchTs, long localTs) {
        if (pending == 0) {
            return false;
        }
        EventBatch b;
        int row;
        if (single) {
            b = localBatch;
            row = localRowIndex;
            for (int slot = localSlot + 1; row == b.size(); slot++) {
                // The next processed row is in a later batch (pending > 0 says it exists); empty batches skipped.
                b = batch(slot);
                row = 0;
            }
        } else {
            if (fifoSize[instrument] == 0) {
                return false;
            }
            int head = fifoHead[instrument];
            b = batch((int) (fifoSeq[instrument][head] - firstSeq));
            row = fifoRow[instrument][head];
        }
        return b.kind(row) == EventKind.BBO && b.exchTs(row) == exchTs && b.localTs(row) == localTs;
    }

    /**
     * Moves the single-instrument strategy side to the start of the next batch ({@code pending > 0} says it exists).
     * Usually {@link #release()} has done so already (the venue side reads the next batch before the strategy side
     * delivers the last row of the current one); this keeps the cursor right for any order of calls.
     */
    private void nextLocalBatch() {
        localSlot++;
        localRowIndex = 0;
        localBatch = batch(localSlot);
        localTicks = ticksRing[(first + localSlot) & (ring.length - 1)];
        localCursor.reset(localBatch);
    }

    /** Whether there is one instrument: the strategy side reads {@link #localCursor}, else {@link #localRow}. */
    boolean singleInstrument() {
        return single;
    }

    /** Returns fully delivered batches behind the venue side to the spare pool; call after using the local row. */
    void release() {
        if (count > 1 && exchSlot > 0) {
            releaseDelivered();
        }
    }

    private void releaseDelivered() {
        while (count > 1 && exchSlot > 0 && undelivered[first] == 0) {
            EventBatch done = ring[first];
            long[] doneTicks = ticksRing[first];
            ring[first] = null;
            ticksRing[first] = null;
            first = (first + 1) & (ring.length - 1);
            firstSeq++;
            count--;
            exchSlot--;
            if (single) {
                // Every row of the released batch was delivered: the strategy side is at its end or beyond it.
                if (localSlot == 0) {
                    localRowIndex = 0;
                    localBatch = ring[first];
                    localTicks = ticksRing[first];
                    localCursor.reset(localBatch);
                } else {
                    localSlot--;
                }
            }
            if (spareCount == spare.length) {
                spare = Arrays.copyOf(spare, spareCount * 2);
                spareTicks = Arrays.copyOf(spareTicks, spareCount * 2);
            }
            spareTicks[spareCount] = doneTicks;
            spare[spareCount++] = done;
        }
    }

    private void growFifo(int i) {
        int n = fifoSeq[i].length;
        long[] seq = new long[n * 2];
        int[] row = new int[n * 2];
        for (int k = 0; k < n; k++) {
            int from = (fifoHead[i] + k) & (n - 1);
            seq[k] = fifoSeq[i][from];
            row[k] = fifoRow[i][from];
        }
        fifoSeq[i] = seq;
        fifoRow[i] = row;
        fifoHead[i] = 0;
    }

    private EventBatch batch(int offset) {
        return ring[(first + offset) & (ring.length - 1)];
    }

    private boolean readBatch() {
        EventBatch b;
        long[] ticks;
        if (spareCount > 0) {
            spareCount--;
            b = spare[spareCount];
            ticks = spareTicks[spareCount];
        } else {
            b = new EventBatch(batchCapacity);
            ticks = new long[batchCapacity]; // a batch never holds more rows than its capacity
        }
        if (!source.readBatch(b)) {
            exhausted = true;
            spareTicks[spareCount] = ticks;
            spare[spareCount++] = b;
            return false;
        }
        if (count == ring.length) {
            EventBatch[] grown = new EventBatch[ring.length * 2];
            long[][] grownTicks = new long[ring.length * 2][];
            int[] grownUndelivered = new int[ring.length * 2];
            for (int k = 0; k < count; k++) {
                grown[k] = batch(k);
                grownTicks[k] = ticksRing[(first + k) & (ring.length - 1)];
                grownUndelivered[k] = undelivered[(first + k) & (ring.length - 1)];
            }
            ring = grown;
            ticksRing = grownTicks;
            undelivered = grownUndelivered;
            first = 0;
        }
        int slot = (first + count) & (ring.length - 1);
        ring[slot] = b;
        ticksRing[slot] = ticks;
        undelivered[slot] = 0;
        count++;
        if (count == 1 || exchSlot == count - 1) {
            exchSlot = count - 1;
            exchRow = 0;
            exchBatch = b;
            exchTicks = ticks;
            exchCursor.reset(b);
        }
        if (count == 1 && single && pending == 0) {
            // The strategy side has delivered everything: it continues at the start of this batch.
            localSlot = 0;
            localRowIndex = 0;
            localBatch = b;
            localTicks = ticks;
            localCursor.reset(b);
        }
        return true;
    }
}
