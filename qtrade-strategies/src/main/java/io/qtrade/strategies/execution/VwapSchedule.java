package io.qtrade.strategies.execution;

/**
 * Volume-weighted average price schedule: the parent window cut into as many equal slices as the
 * {@link VolumeProfile} has buckets, slice {@code k} getting the profile's share of the parent:
 * <pre>{@code
 * cum_k   = round(L * (f_0 + .. + f_k)),  cum_{n-1} = L          L = parent lots
 * slice_k = cum_k - cum_{k-1}                                   (within one lot of L f_k; the slices sum to L)
 * }</pre>
 * Trading in proportion to the expected volume makes the execution price track the market's VWAP over the window
 * (Berkowitz, Logue and Noser (1988), "The Total Cost of Transactions on the NYSE", J. Finance 43; Kissell 2013,
 * ch. 7). The profile maps onto the parent's window whatever its clock time: estimate it over the same hours.
 * Immutable.
 */
public final class VwapSchedule implements ExecutionSchedule {

    private final TimeSlices slices;
    private final VolumeProfile profile;

    private VwapSchedule(ParentOrder parent, VolumeProfile profile) {
        this.profile = profile;
        this.slices = new TimeSlices(parent, TimeSlices.apportion(parent.lots(), profile.fractions()));
    }

    /**
     * A schedule following {@code profile} over {@code parent}'s window.
     *
     * @throws IllegalArgumentException when the profile has more buckets than the window has nanoseconds
     */
    public static VwapSchedule of(ParentOrder parent, VolumeProfile profile) {
        if (parent == null || profile == null) {
            throw new NullPointerException("VWAP schedule: parent and profile must not be null");
        }
        return new VwapSchedule(parent, profile);
    }

    @Override
    public ParentOrder parent() {
        return slices.parent();
    }

    @Override
    public double targetQty(long nowNanos, double marketVolume) {
        return slices.targetQty(nowNanos);
    }

    @Override
    public long sliceEndNanos(long nowNanos) {
        return slices.sliceEndNanos(nowNanos);
    }

    @Override
    public long nextSliceStartNanos(long nowNanos) {
        return slices.nextSliceStartNanos(nowNanos);
    }

    /** The profile followed. */
    public VolumeProfile profile() {
        return profile;
    }

    /** The number of slices (the profile's buckets). */
    public int sliceCount() {
        return slices.count();
    }

    /** Slice {@code k}'s quantity, instrument units. */
    public double sliceQty(int k) {
        return slices.sliceQty(k);
    }

    /** Slice {@code k}'s start, epoch nanoseconds. */
    public long sliceStartNanos(int k) {
        return slices.sliceStartNanos(k);
    }

    /** Every slice's quantity in lots, a fresh array. */
    public long[] sliceLots() {
        return slices.sliceLots();
    }

    @Override
    public String toString() {
        return "VwapSchedule[" + slices.parent().instrument().id() + " " + slices.parent().side() + " "
                + slices.parent().qty() + ", " + profile + ", lots=" + slices + "]";
    }
}
