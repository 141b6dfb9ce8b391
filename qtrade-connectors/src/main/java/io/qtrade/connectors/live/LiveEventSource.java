package io.qtrade.connectors.live;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.time.Clock;
import io.qtrade.core.time.SystemClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EventSource} fed by live clients: it is their {@link LiveEventListener}, copies each venue message's
 * rows into a bounded queue on the client's receive thread, and hands them to one consumer (the paper-trading
 * engine) whose {@link #readBatch} blocks until rows arrive and returns {@code false} once the source is closed and
 * the rows queued before the close are read.
 *
 * <h2>Timestamps</h2>
 * Every row keeps the {@code localTs} the client stamped when the message arrived (the wall clock: give the clients
 * this source's {@link #clock()} so that both read the same one) and, with {@link ExchangeTime#VENUE}, the venue's
 * {@code exchTs}. A venue clock ahead of ours would put {@code exchTs} after {@code localTs}, which the engine
 * refuses (no one sees an event before it is sent): such a row's {@code exchTs} is set to its {@code localTs},
 * counted in {@link #skewedRows()} with the largest skew in {@link #maxSkewNanos()}, and logged at WARN the first
 * time. With {@link ExchangeTime#RECEIVE} every row's {@code exchTs} is its {@code localTs}: the simulated venue
 * acts on an event when it is received (for replays of recordings whose venue times are not today's).
 *
 * <h2>When the consumer falls behind</h2>
 * The queue holds {@code queueBatches} blocks of {@code batchRows} rows, allocated once and reused (a message larger
 * than a block takes several). When every block is full, nothing is dropped: with {@link Overflow#BLOCK} (default)
 * the client's receive thread waits for a free block (the venue's messages wait in the socket; the time waited is
 * in {@link #receiveBlockedNanos()} and each such stall is logged at WARN), with {@link Overflow#FAIL} the message is
 * refused with a {@link LiveFeedOverflowException} on the receive thread (the client resets its connection and
 * resyncs) and the consumer's next read throws it too, so the run stops loudly.
 *
 * <h2>Disconnects</h2>
 * {@link #onDisconnect} (called by a client when its connection is lost) is handed to the consumer's thread: the
 * {@link DisconnectHandler} runs inside the consumer's next {@link #eventsReady()}, {@link #awaitEvents} or
 * {@link #readBatch}, before any row queued after the disconnect, so that it may act on the engine (engage a kill
 * switch) without a lock.
 *
 * <p>Thread-safety: {@link #onEvents}, {@link #onDisconnect} and {@link #close()} may be called from any thread;
 * {@link #readBatch}, {@link #eventsReady()} and {@link #awaitEvents} from one consumer thread. An interrupt of the
 * consumer thread while it waits closes the source (the interrupt flag is kept). The read path allocates nothing.
 */
public final class LiveEventSource implements EventSource, LiveEventListener {

    /** Default number of queue blocks. */
    public static final int DEFAULT_QUEUE_BATCHES = 256;
    /** Default rows per queue block. */
    public static final int DEFAULT_BATCH_ROWS = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(LiveEventSource.class);

    /** Which time the simulated venue acts at. */
    public enum ExchangeTime {
        /** The venue's own {@code exchTs} (a live feed on a synchronised clock): feed latency from the data. */
        VENUE,
        /** {@code exchTs = localTs}: the venue acts when the event is received (replays of old recordings). */
        RECEIVE
    }

    /** What happens to a message when every queue block is full. */
    public enum Overflow {
        /** The client's receive thread waits for the consumer (nothing is dropped; the socket buffers). */
        BLOCK,
        /** The message is refused and the consumer's next read throws: the run stops. */
        FAIL
    }

    /** Runs on the consumer's thread for each lost connection, in the order they were reported. */
    @FunctionalInterface
    public interface DisconnectHandler {
        /**
         * @param reason          the client's words for the loss (no secret: clients never put URIs in it)
         * @param disconnectNanos when the client reported it, this source's clock
         */
        void onDisconnect(String reason, long disconnectNanos);
    }

    private record Disconnect(String reason, long nanos) {
    }

    private final List<Instrument> instruments;
    private final int queueBatches;
    private final int batchRows;
    private final ExchangeTime exchangeTime;
    private final Overflow overflow;
    private final Clock clock;
    private final DisconnectHandler disconnectHandler;
    private final ArrayBlockingQueue<EventBatch> free;
    private final ArrayBlockingQueue<EventBatch> filled;
    /** Put into {@link #filled} to wake a waiting consumer (a disconnect, a close); never read as rows. */
    private final EventBatch wake = new EventBatch(1);
    private final ConcurrentLinkedQueue<Disconnect> disconnects = new ConcurrentLinkedQueue<>();
    private final Object producerLock = new Object();
    /** Producer side, under {@link #producerLock}: where {@link #stamp} rebuilds a block. */
    private final EventBatch scratch;
    private volatile boolean closed;
    private volatile LiveFeedOverflowException overflowFailure;
    // Counters written under producerLock, read from any thread.
    private volatile long rowsReceived;
    private volatile long messagesReceived;
    private volatile long skewedRows;
    private volatile long maxSkewNanos;
    private volatile long receiveBlockedNanos;
    private volatile long receiveStalls;
    private volatile long rowsAfterClose;
    private volatile long disconnectCount;
    // Consumer thread only.
    private EventBatch held;
    private int heldRow;
    private long rowsDelivered;
    private long disconnectsHandled;

    private LiveEventSource(Builder b) {
        this.instruments = b.instruments;
        this.queueBatches = b.queueBatches;
        this.batchRows = b.batchRows;
        this.exchangeTime = b.exchangeTime;
        this.overflow = b.overflow;
        this.clock = b.clock;
        this.disconnectHandler = b.disconnectHandler;
        this.scratch = new EventBatch(batchRows);
        this.free = new ArrayBlockingQueue<>(queueBatches);
        // Room for every block plus wake-ups: a wake-up offered to a full queue is not needed (rows are waiting).
        this.filled = new ArrayBlockingQueue<>(queueBatches + 16);
        for (int i = 0; i < queueBatches; i++) {
            free.add(new EventBatch(batchRows));
        }
    }

    /** A builder for a source over {@code instruments}, the same list, in the same order, as the clients'. */
    public static Builder builder(List<Instrument> instruments) {
        return new Builder(instruments);
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    /** The clock this source reads ({@link SystemClock} unless set): give it to the clients that stamp localTs. */
    public Clock clock() {
        return clock;
    }

    // ---- producer side (client receive threads) ----------------------------------------------------------------

    /**
     * Queues a copy of {@code batch}'s rows (see the class comment for a full queue).
     *
     * @throws IllegalArgumentException   if a row's instrument index is not one of {@link #instruments()}
     * @throws LiveFeedOverflowException  with {@link Overflow#FAIL}, when the queue is full
     */
    @Override
    public void onEvents(EventBatch batch) {
        int n = batch.size();
        for (int r = 0; r < n; r++) {
            int i = batch.instrument(r);
            if (i < 0 || i >= instruments.size()) {
                throw new IllegalArgumentException("live source: row " + r + " of a " + n + "-row message has "
                        + "instrument index " + i + ", expected 0.." + (instruments.size() - 1)
                        + " (the source's instruments must be the client's list)");
            }
        }
        synchronized (producerLock) {
            if (closed) {
                rowsAfterClose += n;
                return;
            }
            messagesReceived++;
            int from = 0;
            while (from < n) {
                EventBatch block = freeBlock(n - from);
                if (block == null) {
                    rowsAfterClose += n - from;
                    return;
                }
                int rows = Math.min(batchRows, n - from);
                block.addRange(batch, from, rows);
                stamp(block);
                from += rows;
                rowsReceived += rows;
                filled.add(block);
            }
        }
    }

    private EventBatch freeBlock(int rowsLeft) {
        EventBatch block = free.poll();
        if (block != null) {
            return block;
        }
        if (overflow == Overflow.FAIL) {
            LiveFeedOverflowException e = new LiveFeedOverflowException("live source: the consumer fell behind: all "
                    + queueBatches + " queue blocks of " + batchRows + " rows are full; a message of " + rowsLeft
                    + " more rows was refused at " + clock.nowNanos() + " (Overflow.FAIL)");
            if (overflowFailure == null) {
                overflowFailure = e;
            }
            filled.offer(wake);
            throw e;
        }
        receiveStalls++;
        LOG.warn("live source: the consumer fell behind, all {} queue blocks of {} rows are full: the receive "
                + "thread waits (stall #{})", queueBatches, batchRows, receiveStalls);
        long start = System.nanoTime();
        try {
            while (block == null && !closed) {
                block = free.poll(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            receiveBlockedNanos += System.nanoTime() - start;
        }
        return block;
    }

    private void stamp(EventBatch block) {
        // EventBatch has no setter for one column: a block with a row whose exchTs changes is copied to the scratch
        // block and its rows added back with the new exchTs (RECEIVE always; VENUE only after a clock skew).
        int n = block.size();
        boolean rewrite = false;
        for (int r = 0; r < n; r++) {
            long local = block.localTs(r);
            long exch = block.exchTs(r);
            if (exchangeTime == ExchangeTime.RECEIVE ? exch != local : exch > local) {
                rewrite = true;
                break;
            }
        }
        if (!rewrite) {
            return;
        }
        EventBatch scratch = this.scratch;
        scratch.clear();
        scratch.addRange(block, 0, n);
        block.clear();
        for (int r = 0; r < n; r++) {
            long local = scratch.localTs(r);
            long exch = scratch.exchTs(r);
            if (exchangeTime == ExchangeTime.VENUE && exch > local) {
                long skew = exch - local;
                if (skewedRows == 0) {
                    LOG.warn("live source: venue time {} is {} ns after the receive time {} (clocks out of sync): "
                            + "exchTs set to localTs; counted in skewedRows()", exch, skew, local);
                }
                skewedRows++;
                maxSkewNanos = Math.max(maxSkewNanos, skew);
            }
            long exchTs = exchangeTime == ExchangeTime.RECEIVE ? local : Math.min(exch, local);
            block.add(scratch.instrument(r), exchTs, local, scratch.kind(r), scratch.sideCode(r), scratch.price(r),
                    scratch.qty(r), scratch.orderId(r), scratch.flags(r));
        }
    }

    /** Hands the loss of a client's connection to the consumer's thread (see the class comment). */
    @Override
    public void onDisconnect(String reason) {
        disconnects.add(new Disconnect(Objects.requireNonNull(reason, "reason"), clock.nowNanos()));
        disconnectCount++;
        filled.offer(wake);
    }

    // ---- consumer side ---------------------------------------------------------------------------------------

    /**
     * Fills {@code into} with the queued rows, blocking until at least one is queued.
     *
     * @return {@code false} once the source is closed and every row queued before the close has been read
     * @throws LiveFeedOverflowException if a message was refused with {@link Overflow#FAIL}
     */
    @Override
    public boolean readBatch(EventBatch into) {
        into.clear();
        EventBatch b = next(true);
        while (b != null) {
            int room = into.capacity() - into.size();
            int left = b.size() - heldRow;
            int rows = Math.min(room, left);
            into.addRange(b, heldRow, rows);
            if (rows < left) {
                held = b;
                heldRow += rows;
                break;
            }
            heldRow = 0;
            b.clear();
            free.offer(b);
            if (into.size() == into.capacity()) {
                break;
            }
            b = next(false);
        }
        rowsDelivered += into.size();
        return !into.isEmpty();
    }

    /** The next block of rows (from {@link #held} first), or null: none queued ({@code !block}) or closed. */
    private EventBatch next(boolean block) {
        while (true) {
            handleDisconnects();
            LiveFeedOverflowException failure = overflowFailure;
            if (failure != null) {
                throw failure;
            }
            EventBatch b = held;
            if (b != null) {
                held = null;
                return b;
            }
            heldRow = 0;
            b = filled.poll();
            if (b == wake) {
                continue;
            }
            if (b != null) {
                return b;
            }
            if (!block || closed) {
                return null;
            }
            try {
                b = filled.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                continue;
            }
            if (b != wake) {
                held = b;
            }
        }
    }

    /**
     * Whether {@link #readBatch} returns at once: rows are queued, or the source is closed. Runs pending
     * disconnect handlers first. Never blocks.
     */
    public boolean eventsReady() {
        handleDisconnects();
        if (held != null || overflowFailure != null) {
            return true;
        }
        EventBatch b;
        while ((b = filled.poll()) == wake) {
            handleDisconnects();
        }
        if (b != null) {
            held = b;
            heldRow = 0;
            return true;
        }
        return closed;
    }

    /**
     * Waits until rows are queued, the source is closed, a disconnect is reported (its handler then runs here), or
     * this source's clock reaches {@code deadlineNanos}, whichever is first.
     */
    public void awaitEvents(long deadlineNanos) {
        long handledBefore = disconnectsHandled;
        if (eventsReady() || disconnectsHandled != handledBefore) {
            // Rows, a close, or a disconnect handled just now (its wake-up was taken with it): the engine looks again.
            return;
        }
        long waitNanos = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - clock.nowNanos();
        if (waitNanos <= 0) {
            return;
        }
        EventBatch b;
        try {
            b = filled.poll(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            return;
        }
        if (b != null && b != wake) {
            held = b;
            heldRow = 0;
        }
        handleDisconnects();
    }

    private void handleDisconnects() {
        Disconnect d;
        while ((d = disconnects.poll()) != null) {
            disconnectsHandled++;
            disconnectHandler.onDisconnect(d.reason(), d.nanos());
        }
    }

    /** Stops taking messages; the consumer reads what was queued before, then {@link #readBatch} returns false. */
    @Override
    public void close() {
        closed = true;
        filled.offer(wake);
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    // ---- counters ------------------------------------------------------------------------------------------

    /** Venue messages queued. */
    public long messagesReceived() {
        return messagesReceived;
    }

    /** Rows queued. */
    public long rowsReceived() {
        return rowsReceived;
    }

    /** Rows handed to the consumer (consumer thread). */
    public long rowsDelivered() {
        return rowsDelivered;
    }

    /** Rows whose venue time was after their receive time (set to it), with {@link ExchangeTime#VENUE}. */
    public long skewedRows() {
        return skewedRows;
    }

    /** The largest {@code exchTs - localTs} seen among {@link #skewedRows()}, nanoseconds. */
    public long maxSkewNanos() {
        return maxSkewNanos;
    }

    /** Times a receive thread found the queue full and waited ({@link Overflow#BLOCK}). */
    public long receiveStalls() {
        return receiveStalls;
    }

    /** Nanoseconds receive threads spent waiting for a free queue block. */
    public long receiveBlockedNanos() {
        return receiveBlockedNanos;
    }

    /** Rows that arrived after {@link #close()} and were not queued. */
    public long rowsAfterClose() {
        return rowsAfterClose;
    }

    /** Disconnects reported by the clients. */
    public long disconnects() {
        return disconnectCount;
    }

    @Override
    public String toString() {
        return "LiveEventSource[instruments=" + instruments.size() + ", queueBatches=" + queueBatches + ", batchRows="
                + batchRows + ", exchangeTime=" + exchangeTime + ", overflow=" + overflow + ", clock=" + clock
                + ", rowsReceived=" + rowsReceived + ", disconnects=" + disconnectCount + ", closed=" + closed + "]";
    }

    /** Options of a {@link LiveEventSource}; every setter checks its value. */
    public static final class Builder {
        private final List<Instrument> instruments;
        private int queueBatches = DEFAULT_QUEUE_BATCHES;
        private int batchRows = DEFAULT_BATCH_ROWS;
        private ExchangeTime exchangeTime = ExchangeTime.VENUE;
        private Overflow overflow = Overflow.BLOCK;
        private Clock clock;
        private DisconnectHandler disconnectHandler = (reason, nanos) -> { };

        private Builder(List<Instrument> instruments) {
            Objects.requireNonNull(instruments, "instruments");
            if (instruments.isEmpty()) {
                throw new IllegalArgumentException("live source: instruments: at least one expected");
            }
            this.instruments = List.copyOf(instruments);
        }

        /** Queue blocks, {@code >= 2}; {@link #DEFAULT_QUEUE_BATCHES} unless set. */
        public Builder queueBatches(int blocks) {
            if (blocks < 2) {
                throw new IllegalArgumentException("live source: queueBatches must be >= 2, was " + blocks);
            }
            this.queueBatches = blocks;
            return this;
        }

        /** Rows per queue block, {@code >= 1}; {@link #DEFAULT_BATCH_ROWS} unless set. */
        public Builder batchRows(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("live source: batchRows must be >= 1, was " + rows);
            }
            this.batchRows = rows;
            return this;
        }

        /** The time the simulated venue acts at; {@link ExchangeTime#VENUE} unless set. */
        public Builder exchangeTime(ExchangeTime time) {
            this.exchangeTime = Objects.requireNonNull(time, "exchangeTime");
            return this;
        }

        /** What a full queue does; {@link Overflow#BLOCK} unless set. */
        public Builder overflow(Overflow overflow) {
            this.overflow = Objects.requireNonNull(overflow, "overflow");
            return this;
        }

        /** The wall clock (a new {@link SystemClock} unless set); the clients should stamp with the same one. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Runs on the consumer's thread for each lost connection (nothing unless set). */
        public Builder onDisconnect(DisconnectHandler handler) {
            this.disconnectHandler = Objects.requireNonNull(handler, "onDisconnect");
            return this;
        }

        /** The source, open. */
        public LiveEventSource build() {
            if (clock == null) {
                clock = new SystemClock();
            }
            return new LiveEventSource(this);
        }
    }
}
