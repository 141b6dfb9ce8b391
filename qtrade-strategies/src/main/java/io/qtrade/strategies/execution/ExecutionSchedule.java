package io.qtrade.strategies.execution;

/**
 * When an {@link ExecutionAlgo} should have filled how much of its {@link ParentOrder}: a pure function of time and
 * of the market volume observed since the start, so a schedule can be tested by hand and shared by several runs.
 *
 * <p>Time is cut into slices. {@link #targetQty} is the cumulative quantity to have filled by the end of the slice
 * containing {@code nowNanos}; the algorithm works it passively during the slice and catches up aggressively shortly
 * before {@link #sliceEndNanos}. A schedule whose target must be met at once (POV) returns {@code nowNanos} as the
 * slice end. Implementations are immutable and allocate nothing per call.
 */
public interface ExecutionSchedule {

    /** What {@link #nextSliceStartNanos} returns when no slice starts later. */
    long NO_SLICE = Long.MAX_VALUE;

    /** The parent order this schedule works. */
    ParentOrder parent();

    /**
     * The cumulative quantity to have filled by the end of the slice containing {@code nowNanos}, instrument units, a
     * whole number of lots in {@code [0, parent().qty()]}, non-decreasing in both arguments: 0 before the start, the
     * parent quantity from the end on for a time schedule.
     *
     * @param nowNanos     epoch nanoseconds
     * @param marketVolume market volume printed since the parent's start, instrument units (ignored by time
     *                     schedules)
     */
    double targetQty(long nowNanos, double marketVolume);

    /** The end (exclusive) of the slice containing {@code nowNanos}: the deadline of {@link #targetQty}. */
    long sliceEndNanos(long nowNanos);

    /** The start of the first slice after {@code nowNanos}, or {@link #NO_SLICE}. */
    long nextSliceStartNanos(long nowNanos);
}
