package io.qtrade.research.sweep;

/** Told how a sweep advances; called from the sweep's worker threads, so implementations must be thread-safe. */
public interface Progress {

    /** Reports nothing. */
    Progress NONE = (done, total, elapsedNanos) -> { };

    /**
     * {@code done} of {@code total} tasks have finished (successfully or not) after {@code elapsedNanos}.
     */
    void update(int done, int total, long elapsedNanos);
}
