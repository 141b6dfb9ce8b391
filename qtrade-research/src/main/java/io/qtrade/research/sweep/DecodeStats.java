package io.qtrade.research.sweep;

/**
 * What a sweep that decodes each partition once ({@link Sweep.Builder#decodeOnce}) did with its memory budget.
 *
 * @param partitionsShared  partitions decoded once into memory and shared by their runs
 * @param partitionsReRead  partitions over the budget (at the time they were read): each run re-read them
 * @param peakBytesHeld     the most bytes of decoded events held at one time (column arrays of the batches)
 * @param budgetBytes       the budget {@code peakBytesHeld} stays within
 */
public record DecodeStats(int partitionsShared, int partitionsReRead, long peakBytesHeld, long budgetBytes) {

    /** A sweep that does not decode once: nothing shared, nothing held. */
    public static final DecodeStats NONE = new DecodeStats(0, 0, 0, 0);
}
