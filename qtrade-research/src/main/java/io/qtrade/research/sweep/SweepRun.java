package io.qtrade.research.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** A sweep under way: wait for it, or cancel the tasks that have not started. */
public final class SweepRun {

    private final Sweep sweep;
    private final ExecutorService pool;
    private final SweepRow[] rows;
    private final long startNanos;
    private volatile boolean cancelled;
    /** Null unless the sweep decodes each partition once. */
    private final DecodedPartitions decoded;

    SweepRun(Sweep sweep, ExecutorService pool, SweepRow[] rows, long startNanos, DecodedPartitions decoded) {
        this.decoded = decoded;
        this.sweep = sweep;
        this.pool = pool;
        this.rows = rows;
        this.startNanos = startNanos;
    }

    /** Stops starting tasks; those running finish. {@link #await()} then returns the rows that finished. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Whether every task has finished or been skipped. */
    public boolean isDone() {
        return pool.isTerminated();
    }

    /** What a decode-once sweep shared and re-read so far ({@link DecodeStats#NONE} for a sweep with a factory). */
    public DecodeStats decodeStats() {
        return decoded == null ? DecodeStats.NONE : decoded.stats();
    }

    long startNanos() {
        return startNanos;
    }

    /**
     * Waits for the tasks and returns the result: every row in task order, without the tasks a cancel skipped.
     *
     * @throws IllegalStateException if the waiting thread is interrupted (the tasks go on; cancel to stop them)
     */
    public SweepResult await() {
        try {
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                Thread.onSpinWait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sweep " + sweep, e);
        }
        long wall = System.nanoTime() - startNanos;
        List<SweepRow> finished = new ArrayList<>(rows.length);
        for (SweepRow r : rows) {
            if (r != null) {
                finished.add(r);
            }
        }
        return new SweepResult(sweep.parameterSets(), finished, rows.length, cancelled, wall);
    }
}
