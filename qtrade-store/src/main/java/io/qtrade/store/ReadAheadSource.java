package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads another {@link EventSource} ahead on a thread of its own, so that reading and decoding files overlap with
 * what the caller does with the events (a backtest's event loop): a pipelined source. The reader thread fills a ring
 * of {@code depth} reused batches of {@code batchRows} rows; {@link #readBatch} copies whole filled batches into the
 * caller's batch (one {@link EventBatch#addRange} per slot, that is one {@code System.arraycopy} per column) and hands
 * each emptied slot back. The ring is a single-producer single-consumer queue of two counters; a side that finds it
 * empty (or full) spins briefly, then parks until the other side moves. Nothing is allocated per batch or per event.
 *
 * <p>The events, their order and the instrument list are exactly the upstream source's: only where one
 * {@code readBatch} ends and the next begins may differ (each call fills the caller's batch completely, except the
 * last). A failure on the reader thread (a {@link TickDataException} of a corrupt part, say) is thrown by the
 * {@code readBatch} call that reaches it, after every event read before it has been delivered, as the same exception
 * object. {@link #close()} stops the reader thread, waits for it, then closes the upstream source on the caller's
 * thread. {@link #origin} asks the upstream source from the caller's thread: the store's sources answer from state
 * fixed at construction.
 *
 * <pre>{@code
 * try (EventSource source = new ReadAheadSource(store.read(query))) {
 *     BacktestResult result = Backtest.builder().source(source).exchange(settings).strategy("s", strategy)
 *             .build().run();                 // qtrade-backtest; see PipelinedBacktestTest in qtrade-bench
 * }
 * }</pre>
 */
public final class ReadAheadSource implements EventSource {

    /** Rows per read-ahead batch when none is given. */
    public static final int DEFAULT_BATCH_ROWS = 4096;
    /** Batches read ahead when no depth is given. */
    public static final int DEFAULT_DEPTH = 8;
    /** Empty checks before a waiting side parks. */
    private static final int SPINS = 64;
    /** Longest park between checks, nanoseconds (a safety net: every move unparks the other side). */
    private static final long PARK_NANOS = 200_000;

    private final EventSource upstream;
    private final List<Instrument> instruments;
    private final EventBatch[] slots;
    private final Thread reader;
    /** Batches published by the reader thread. */
    private volatile long head;
    /** Batches the caller has finished copying. */
    private volatile long tail;
    /** Set by the reader thread after its last publish: the upstream is exhausted, or {@link #failure} is set. */
    private volatile boolean done;
    private volatile boolean closed;
    private volatile Thread waitingReader;
    private volatile Thread waitingConsumer;
    private Throwable failure;
    private int position;
    private boolean closedUpstream;

    /** Reads {@code upstream} ahead by {@link #DEFAULT_DEPTH} batches of {@link #DEFAULT_BATCH_ROWS} rows. */
    public ReadAheadSource(EventSource upstream) {
        this(upstream, DEFAULT_BATCH_ROWS, DEFAULT_DEPTH);
    }

    /**
     * Starts the reader thread.
     *
     * @param upstream  the source to read ahead; this source owns it from now on (closes it)
     * @param batchRows rows per read-ahead batch, positive
     * @param depth     batches read ahead, at least 2
     * @throws IllegalArgumentException for a non-positive {@code batchRows} or a {@code depth} below 2
     */
    public ReadAheadSource(EventSource upstream, int batchRows, int depth) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        if (batchRows <= 0 || depth < 2) {
            throw new IllegalArgumentException("batchRows must be positive and depth at least 2, were " + batchRows
                    + " and " + depth);
        }
        this.instruments = upstream.instruments();
        this.slots = new EventBatch[depth];
        for (int i = 0; i < depth; i++) {
            slots[i] = new EventBatch(batchRows);
        }
        this.reader = new Thread(this::readAhead, "qtrade-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    /** The reader thread's loop: fill the next free slot, publish it, until the upstream ends or fails. */
    private void readAhead() {
        try {
            long h = head;
            int spins = 0;
            while (!closed) {
                if (h - tail >= slots.length) {
                    if (spins++ < SPINS) {
                        Thread.onSpinWait();
                    } else {
                        waitingReader = Thread.currentThread();
                        if (h - tail >= slots.length && !closed) {
                            LockSupport.parkNanos(this, PARK_NANOS);
                        }
                        waitingReader = null;
                    }
                    continue;
                }
                spins = 0;
                EventBatch slot = slots[(int) (h % slots.length)];
                if (!upstream.readBatch(slot) || slot.isEmpty()) {
                    break;
                }
                head = ++h;
                wake(waitingConsumer);
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            done = true;
            wake(waitingConsumer);
        }
    }

    private static void wake(Thread t) {
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public boolean readBatch(EventBatch into) {
        into.clear();
        long t = tail;
        int spins = 0;
        while (!into.isFull()) {
            if (t == head) {
                if (done && t == head) {
                    break;
                }
                if (spins++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    waitingConsumer = Thread.currentThread();
                    if (t == head && !done) {
                        LockSupport.parkNanos(this, PARK_NANOS);
                    }
                    waitingConsumer = null;
                }
                continue;
            }
            spins = 0;
            EventBatch slot = slots[(int) (t % slots.length)];
            int k = Math.min(slot.size() - position, into.capacity() - into.size());
            into.addRange(slot, position, k);
            position += k;
            if (position == slot.size()) {
                position = 0;
                tail = ++t;
                wake(waitingReader);
            }
        }
        if (into.isEmpty() && failure != null) {
            Throwable f = failure;
            failure = null;
            if (f instanceof RuntimeException r) {
                throw r;
            }
            if (f instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException("reading ahead of " + upstream + " failed", f);
        }
        return !into.isEmpty();
    }

    /** Stops the reader thread (after the batch it is reading), then closes the upstream source. */
    @Override
    public void close() {
        if (closedUpstream) {
            return;
        }
        closed = true;
        LockSupport.unpark(reader);
        boolean interrupted = false;
        while (true) {
            try {
                reader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        closedUpstream = true;
        try {
            upstream.close();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String origin(int instrument, long exchTs) {
        return upstream.origin(instrument, exchTs);
    }

    @Override
    public String toString() {
        return "ReadAheadSource[" + upstream + ", batchRows=" + slots[0].capacity() + ", depth=" + slots.length
                + "]";
    }
}
