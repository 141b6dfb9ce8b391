package io.qtrade.research.sweep;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The partitions of a decode-once sweep: each decoded by the first run that needs it into immutable
 * {@link EventBatch}es, which every run of the partition then reads through its own {@link SharedEventSource} (a
 * cursor over the shared batches, copying rows into the engine's batch as the store reader would). The batches of a
 * partition are dropped when its last run has finished.
 *
 * <p>Memory budget: the column arrays of the batches held at one time never exceed {@code budgetBytes}. A partition
 * whose decode would go over it (counted batch by batch, at the batch's capacity, while it is read) is given up at
 * that batch: its runs each re-read it from {@link PartitionReader} (the per-run path), so memory stays bounded
 * whatever the partition sizes and thread count, at the cost of one decode per run for that partition.
 */
final class DecodedPartitions {

    /**
     * Bytes per row of an {@link EventBatch}'s columns: instrument (int), exchTs, localTs (long), kind, side (byte),
     * price, qty (double), orderId (long), flags (int).
     */
    static final long BYTES_PER_ROW = 4 + 8 + 8 + 1 + 1 + 8 + 8 + 8 + 4;

    private final PartitionReader reader;
    private final long budgetBytes;
    private final int batchRows;
    private final Entry[] entries;
    private long heldBytes;
    private long peakBytes;
    private int shared;
    private int reRead;

    /** One partition: its runs still to finish, and its decode (started by the first run that asks). */
    private static final class Entry {
        int remainingRuns;
        CompletableFuture<Decoded> decoded;
    }

    /** A partition's decoded batches and instruments; {@link #REREAD} when over the budget. */
    record Decoded(List<Instrument> instruments, List<EventBatch> batches, long bytes, EventSource origin) {
        static final Decoded REREAD = new Decoded(List.of(), List.of(), 0, null);
    }

    DecodedPartitions(PartitionReader reader, long budgetBytes, int batchRows, int partitions, int runsPerPartition) {
        this.reader = reader;
        this.budgetBytes = budgetBytes;
        this.batchRows = batchRows;
        this.entries = new Entry[partitions];
        for (int p = 0; p < partitions; p++) {
            entries[p] = new Entry();
            entries[p].remainingRuns = runsPerPartition;
        }
    }

    /**
     * The events of the partition at {@code position} (its place in the sweep's list) for one run: the shared batches,
     * decoding them first if no run has, or a fresh source from the reader when the partition is over the budget.
     *
     * @throws Exception what the reader threw while opening or decoding the partition
     */
    EventSource events(int position, Partition partition) throws Exception {
        Entry e = entries[position];
        CompletableFuture<Decoded> future;
        boolean decodeHere;
        synchronized (e) {
            decodeHere = e.decoded == null;
            if (decodeHere) {
                e.decoded = new CompletableFuture<>();
            }
            future = e.decoded;
        }
        if (decodeHere) {
            try {
                future.complete(decode(partition));
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }
        Decoded d;
        try {
            d = future.join();
        } catch (CompletionException c) {
            Throwable cause = c.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
        if (d == Decoded.REREAD) {
            return reader.open(partition);
        }
        return new SharedEventSource(d.instruments(), d.batches(), d.origin());
    }

    /** One run of the partition at {@code position} has finished: the last one frees its batches. */
    void runFinished(int position) {
        Entry e = entries[position];
        Decoded free = null;
        synchronized (e) {
            e.remainingRuns--;
            if (e.remainingRuns == 0 && e.decoded != null && e.decoded.isDone()
                    && !e.decoded.isCompletedExceptionally()) {
                free = e.decoded.join();
                e.decoded = CompletableFuture.completedFuture(Decoded.REREAD); // nothing held; never asked again
            }
        }
        if (free != null && free != Decoded.REREAD) {
            synchronized (this) {
                heldBytes -= free.bytes();
            }
        }
    }

    private Decoded decode(Partition partition) throws Exception {
        long batchBytes = batchRows * BYTES_PER_ROW;
        List<EventBatch> batches = new ArrayList<>();
        long bytes = 0;
        EventSource source = reader.open(partition);
        try {
            // The reader's batches go through one scratch batch into full shared batches: memory is the rows read,
            // whatever the reader's batch sizes.
            if (!reserve(batchBytes)) {
                return overBudget();
            }
            bytes += batchBytes;
            EventBatch scratch = new EventBatch(batchRows);
            EventBatch tail = null;
            while (source.readBatch(scratch)) {
                int from = 0;
                while (from < scratch.size()) {
                    if (tail == null || tail.size() == tail.capacity()) {
                        if (!reserve(batchBytes)) {
                            unreserve(bytes);
                            return overBudget();
                        }
                        bytes += batchBytes;
                        tail = new EventBatch(batchRows);
                        batches.add(tail);
                    }
                    int n = Math.min(scratch.size() - from, tail.capacity() - tail.size());
                    tail.addRange(scratch, from, n);
                    from += n;
                }
            }
            unreserve(batchBytes); // the scratch batch
            bytes -= batchBytes;
            synchronized (this) {
                shared++;
            }
            return new Decoded(List.copyOf(source.instruments()), List.copyOf(batches), bytes, source);
        } catch (Exception | Error t) {
            unreserve(bytes);
            throw t;
        } finally {
            source.close();
        }
    }

    private Decoded overBudget() {
        synchronized (this) {
            reRead++;
        }
        return Decoded.REREAD;
    }

    private synchronized boolean reserve(long bytes) {
        if (heldBytes + bytes > budgetBytes) {
            return false;
        }
        heldBytes += bytes;
        peakBytes = Math.max(peakBytes, heldBytes);
        return true;
    }

    private synchronized void unreserve(long bytes) {
        heldBytes -= bytes;
    }

    synchronized DecodeStats stats() {
        return new DecodeStats(shared, reRead, peakBytes, budgetBytes);
    }
}
