package io.qtrade.connectors.recorder;

import io.qtrade.connectors.live.LiveEventListener;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickStore;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.time.Clock;
import io.qtrade.core.time.SystemClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Writes live events into a {@link TickStore} as rolling parts: events are buffered in memory and flushed as new
 * parts ({@code part-N} of each instrument and UTC date) when the buffer holds {@code maxRowsPerPart} rows or its
 * oldest row has waited {@code maxPartAgeNanos} (checked on every batch and by {@link #flushIfDue()}), and on
 * {@link #close()}.
 *
 * <h2>Crash safety</h2>
 * A flush is {@link TickStore#write}: each part is written under a hidden {@code .part-N.parquet.inprogress} name,
 * forced to disk and renamed atomically; only then does {@link #flush()} return. So a killed process loses at most
 * the rows not yet flushed (the buffer, and the flush in progress, whose unfinished file stays hidden), and never
 * touches an earlier part: readers of the store see whole parts or nothing. A stale in-progress file left by a kill
 * only skips its part number.
 *
 * <h2>Write failures</h2>
 * A flush whose {@link TickStore#write} fails (a read-only or full directory; the store deletes the parts of a failed
 * write) keeps its rows: they stay buffered, in order, and are written by a later flush. Automatic flushes (buffer
 * at {@code maxRowsPerPart}, age, {@link #flushIfDue()}) retry at most once per {@code retryDelayNanos}, so that a
 * failing disk does not cost a write attempt per message; {@link #onEvents} never throws for a write failure (it
 * runs on the live client's receive thread, where an exception would reset the connection). The buffer holds at most
 * {@code maxBufferedRows}: once full, further rows are dropped, counted in {@link #droppedRows()} and logged at
 * ERROR (once per failure streak). The failure is surfaced: {@link #writeFailure()} returns it until a write
 * succeeds, and an explicit {@link #flush()} or {@link #close()} throws a {@link RecordingFailedException} carrying
 * it as the cause, the rows still buffered and the rows dropped so far.
 *
 * <h2>Order</h2>
 * The store keeps each instrument's rows in {@code exch_ts} order. A flush sorts the buffered rows by
 * {@code exch_ts} (stable: rows with equal times keep their arrival order, so a message's rows stay together). A row
 * older than what its instrument's earlier parts already hold (a feed that mixes venue-stamped and locally stamped
 * streams can produce one) cannot be placed: it is left out, counted in {@link #lateRows()} and logged at WARN.
 *
 * <p>Thread-safe; {@link #onEvents} copies the batch, so it can be a {@link LiveEventListener} directly.
 * Allocation-free between flushes. A flush runs on the calling thread (the client's receive thread when the
 * recorder is its listener): while it writes and syncs, new frames wait in the socket, which is what bounds the loss
 * to one buffer.
 */
public final class TickRecorder implements LiveEventListener, AutoCloseable {

    /** Default rows per flush. */
    public static final int DEFAULT_MAX_ROWS_PER_PART = 100_000;
    /** Default longest wait of a buffered row: 60 s. */
    public static final long DEFAULT_MAX_PART_AGE_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** Default shortest wait between automatic write attempts after a failure: 1 s. */
    public static final long DEFAULT_RETRY_DELAY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final Logger LOG = LoggerFactory.getLogger(TickRecorder.class);

    private final TickStore store;
    private final List<Instrument> instruments;
    private final TickFormat format;
    private final int maxRowsPerPart;
    private final long maxPartAgeNanos;
    private final Clock clock;
    private final int maxBufferedRows;
    private final long retryDelayNanos;
    private EventBatch buffer;
    private EventBatch sorted;
    private final int[] order;
    private final long[] lastFlushedExchTs;
    private long oldestBufferedAt = Long.MIN_VALUE;
    private long rowsRecorded;
    private long rowsFlushed;
    private long flushes;
    private long partsWritten;
    private long lateRows;
    private long droppedRows;
    private long failedFlushes;
    private RuntimeException writeFailure;
    private long retryNotBefore = Long.MIN_VALUE;
    private boolean dropLogged;
    private boolean closed;

    private TickRecorder(Builder b) {
        this.store = b.store;
        this.instruments = List.copyOf(b.instruments);
        this.format = b.format;
        this.maxRowsPerPart = b.maxRowsPerPart;
        this.maxPartAgeNanos = b.maxPartAgeNanos;
        this.clock = b.clock;
        this.maxBufferedRows = b.maxBufferedRows > 0 ? b.maxBufferedRows : maxRowsPerPart;
        if (maxBufferedRows < maxRowsPerPart) {
            throw new IllegalArgumentException("maxBufferedRows (" + maxBufferedRows + ") must be >= maxRowsPerPart ("
                    + maxRowsPerPart + ")");
        }
        this.retryDelayNanos = b.retryDelayNanos;
        this.buffer = new EventBatch(maxBufferedRows);
        this.sorted = new EventBatch(maxBufferedRows);
        this.order = new int[maxBufferedRows];
        this.lastFlushedExchTs = new long[instruments.size()];
        java.util.Arrays.fill(lastFlushedExchTs, Long.MIN_VALUE);
    }

    /**
     * A recorder into {@code store} for events whose instrument column indexes {@code instruments} (the live
     * client's list).
     */
    public static Builder builder(TickStore store, List<Instrument> instruments) {
        return new Builder(store, instruments);
    }

    /**
     * Appends a copy of the batch's rows; flushes whenever {@code maxRowsPerPart} rows are buffered or the oldest is
     * due. Never throws for a failed write (see the class comment): rows that find the buffer full are dropped and
     * counted.
     */
    @Override
    public synchronized void onEvents(EventBatch batch) {
        if (closed) {
            throw new IllegalStateException("TickRecorder is closed: " + this);
        }
        int n = batch.size();
        for (int i = 0; i < n; i++) {
            int instrument = batch.instrument(i);
            if (instrument >= instruments.size()) {
                throw new IllegalArgumentException("row " + i + " of the batch names instrument " + instrument
                        + " but the recorder knows " + instruments.size() + " instruments");
            }
        }
        int row = 0;
        while (row < n) {
            if (buffer.size() == 0) {
                oldestBufferedAt = clock.nowNanos();
            }
            int room = Math.min(maxBufferedRows - buffer.size(), Math.max(1, maxRowsPerPart - buffer.size()));
            int take = Math.min(n - row, room);
            buffer.addRange(batch, row, take);
            row += take;
            rowsRecorded += take;
            if (buffer.size() >= maxRowsPerPart) {
                attemptFlush();
            }
            if (buffer.size() == maxBufferedRows && row < n) {
                drop(n - row);
                break;
            }
        }
        flushIfDue();
    }

    private void drop(int rows) {
        rowsRecorded += rows;
        if (!dropLogged) {
            dropLogged = true;
            LOG.error("buffer of {} rows full while the store write fails ({}): dropping rows", maxBufferedRows,
                    writeFailure == null ? "no write attempted yet" : writeFailure.toString());
        }
        droppedRows += rows;
    }

    /** Flushes when the oldest buffered row has waited {@code maxPartAgeNanos}; for callers with a timer. */
    public synchronized void flushIfDue() {
        if (buffer.size() > 0 && clock.nowNanos() - oldestBufferedAt >= maxPartAgeNanos) {
            attemptFlush();
        }
    }

    /** An automatic flush: after a failure, not before the retry delay; never throws for a write failure. */
    private void attemptFlush() {
        if (writeFailure != null && clock.nowNanos() < retryNotBefore) {
            return;
        }
        write();
    }

    /**
     * Writes the buffered rows as new parts, synced and renamed before this returns.
     *
     * @throws RecordingFailedException when the store write fails; the rows stay buffered for the next flush
     */
    public synchronized void flush() {
        if (!write()) {
            throw new RecordingFailedException(writeFailure, buffer.size(), droppedRows);
        }
    }

    /** One write attempt of the whole buffer; {@code false} (rows kept, failure recorded) when it fails. */
    private boolean write() {
        int n = buffer.size();
        if (n == 0) {
            return true;
        }
        sortByExchTs(n);
        sorted.clear();
        long late = 0;
        for (int i = 0; i < n; i++) {
            int row = order[i];
            int instrument = buffer.instrument(row);
            long ts = buffer.exchTs(row);
            if (ts < lastFlushedExchTs[instrument]) {
                late++;
                continue;
            }
            sorted.addFrom(buffer, row, 0);
        }
        if (late > 0) {
            lateRows += late;
            LOG.warn("{} rows older than their instrument's recorded parts left out ({} so far): the store keeps"
                    + " exch_ts order", late, lateRows);
        }
        // From here the buffer's content is `sorted` (late rows removed): swap, so a failed write keeps it.
        EventBatch swap = buffer;
        buffer = sorted;
        sorted = swap;
        sorted.clear();
        if (buffer.size() == 0) {
            return true;
        }
        TickStore.WriteSummary summary;
        try {
            summary = store.write(new InMemoryEventSource(instruments, buffer), format);
        } catch (RuntimeException e) {
            failedFlushes++;
            if (writeFailure == null) {
                LOG.error("writing {} rows to {} failed; they stay buffered and the write is retried: {}",
                        buffer.size(), store.root(), e.toString());
            }
            writeFailure = e;
            retryNotBefore = clock.nowNanos() + retryDelayNanos;
            return false;
        }
        for (int i = 0; i < buffer.size(); i++) {
            int instrument = buffer.instrument(i);
            lastFlushedExchTs[instrument] = Math.max(lastFlushedExchTs[instrument], buffer.exchTs(i));
        }
        if (writeFailure != null) {
            LOG.info("writing to {} works again after {} failed flushes; {} rows dropped so far", store.root(),
                    failedFlushes, droppedRows);
        }
        writeFailure = null;
        dropLogged = false;
        rowsFlushed += summary.rows();
        partsWritten += summary.parts().size();
        flushes++;
        LOG.debug("flushed {} rows into {} parts", summary.rows(), summary.parts().size());
        buffer.clear();
        return true;
    }

    /** Stable insertion sort of the row indices by exch_ts: live rows arrive nearly in order, so this is near O(n). */
    private void sortByExchTs(int n) {
        for (int i = 0; i < n; i++) {
            int row = i;
            long ts = buffer.exchTs(row);
            int j = i - 1;
            while (j >= 0 && buffer.exchTs(order[j]) > ts) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = row;
        }
    }

    /** Rows received. */
    public synchronized long rowsRecorded() {
        return rowsRecorded;
    }

    /** Rows durably written (synced and renamed). */
    public synchronized long rowsFlushed() {
        return rowsFlushed;
    }

    /** Flushes that wrote rows. */
    public synchronized long flushes() {
        return flushes;
    }

    /** Part files written. */
    public synchronized long partsWritten() {
        return partsWritten;
    }

    /** Rows left out because they were older than their instrument's recorded parts. */
    public synchronized long lateRows() {
        return lateRows;
    }

    /** Rows dropped because the buffer was full while writes failed; each is also counted in rowsRecorded. */
    public synchronized long droppedRows() {
        return droppedRows;
    }

    /** Flush attempts whose store write failed. */
    public synchronized long failedFlushes() {
        return failedFlushes;
    }

    /** The failure of the last write attempt, or {@code null} when it succeeded (or none failed yet). */
    public synchronized RuntimeException writeFailure() {
        return writeFailure;
    }

    /** Rows waiting in the buffer. */
    public synchronized int buffered() {
        return buffer.size();
    }

    /**
     * Flushes what is buffered; further events are refused.
     *
     * @throws RecordingFailedException when the last write fails; the recorder is closed all the same and the rows
     *                                  it still held are lost (counted in the exception)
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            flush();
        }
    }

    @Override
    public synchronized String toString() {
        return "TickRecorder[store=" + store.root() + ", format=" + format + ", maxRowsPerPart=" + maxRowsPerPart
                + ", maxPartAgeNanos=" + maxPartAgeNanos + ", instruments=" + instruments.size() + ", rowsRecorded="
                + rowsRecorded + ", rowsFlushed=" + rowsFlushed + ", partsWritten=" + partsWritten + ", lateRows="
                + lateRows + ", droppedRows=" + droppedRows + ", failedFlushes=" + failedFlushes + "]";
    }

    /** Options of a {@link TickRecorder}; each setter checks its value. */
    public static final class Builder {
        private final TickStore store;
        private final List<Instrument> instruments;
        private TickFormat format = TickFormat.PARQUET;
        private int maxRowsPerPart = DEFAULT_MAX_ROWS_PER_PART;
        private long maxPartAgeNanos = DEFAULT_MAX_PART_AGE_NANOS;
        private Clock clock = new SystemClock();
        private int maxBufferedRows;
        private long retryDelayNanos = DEFAULT_RETRY_DELAY_NANOS;

        private Builder(TickStore store, List<Instrument> instruments) {
            this.store = Objects.requireNonNull(store, "store");
            if (instruments.isEmpty()) {
                throw new IllegalArgumentException("instruments: at least one expected");
            }
            this.instruments = List.copyOf(instruments);
        }

        /** Parquet (default) or CSV parts. */
        public Builder format(TickFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Rows per flush (the buffer's size), {@code >= 1}. */
        public Builder maxRowsPerPart(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("maxRowsPerPart must be >= 1, was " + rows);
            }
            this.maxRowsPerPart = rows;
            return this;
        }

        /** Longest time a row waits in the buffer, {@code > 0}. */
        public Builder maxPartAgeNanos(long nanos) {
            if (nanos <= 0) {
                throw new IllegalArgumentException("maxPartAgeNanos must be > 0, was " + nanos);
            }
            this.maxPartAgeNanos = nanos;
            return this;
        }

        /**
         * Rows kept in memory while writes fail, {@code >= maxRowsPerPart}; rows beyond are dropped and counted.
         * Default: {@code maxRowsPerPart} (the memory of one part: rows arriving while a full buffer fails to be
         * written are dropped); a larger bound rides out a longer outage at the cost of memory (about 60 bytes a row,
         * twice: the buffer and its sorted copy).
         */
        public Builder maxBufferedRows(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("maxBufferedRows must be >= 1, was " + rows);
            }
            this.maxBufferedRows = rows;
            return this;
        }

        /** Shortest wait between automatic write attempts after a failure, {@code >= 0}; default 1 s. */
        public Builder retryDelayNanos(long nanos) {
            if (nanos < 0) {
                throw new IllegalArgumentException("retryDelayNanos must be >= 0, was " + nanos);
            }
            this.retryDelayNanos = nanos;
            return this;
        }

        /** The clock that times the buffer's age. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The recorder. */
        public TickRecorder build() {
            return new TickRecorder(this);
        }
    }
}
