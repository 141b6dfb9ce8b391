package io.qtrade.core.order;

import io.qtrade.core.Instrument;

/**
 * What a venue, simulated or live, tells a strategy after each change to one of its orders: the new status, the
 * cumulative filled and the leaves quantity, and, when the change was a fill, that fill's price and quantity.
 *
 * <p>When the report is not a fill, {@code lastFillQty} is {@link #NO_FILL_QTY} (0) and {@code lastFillPrice} is
 * {@link #NO_FILL_PRICE} (NaN). {@code reason} carries a reject, venue-cancel or cancel-reject reason and is
 * {@link #NO_REASON} ({@code ""}) otherwise, never null. Checked on construction: quantities finite and
 * {@code >= 0}; a fill ({@code lastFillQty > 0}) has a finite price, a non-fill a NaN one.
 *
 * @param orderId       the order
 * @param instrument    its instrument
 * @param status        its status after the change
 * @param filledQty     cumulative filled quantity
 * @param leavesQty     quantity still working (0 once terminal)
 * @param lastFillPrice price of this report's fill, NaN if none
 * @param lastFillQty   quantity of this report's fill, 0 if none
 * @param reason        reject, venue-cancel (liquidation, delivery, IOC rest) or cancel-reject reason, "" if none
 * @param exchTs        venue time of the change, epoch nanoseconds
 * @param localTs       when the strategy sees the report, epoch nanoseconds
 */
public record ExecutionReport(long orderId, Instrument instrument, OrderStatus status, double filledQty,
                              double leavesQty, double lastFillPrice, double lastFillQty, String reason, long exchTs,
                              long localTs) {

    /** {@code lastFillQty} of a report that is not a fill. */
    public static final double NO_FILL_QTY = 0.0;
    /** {@code lastFillPrice} of a report that is not a fill. */
    public static final double NO_FILL_PRICE = Double.NaN;
    /** {@code reason} of a report that carries none. */
    public static final String NO_REASON = "";

    public ExecutionReport {
        // The messages are built only on failure: a valid report allocates nothing but itself.
        if (instrument == null) {
            throw new NullPointerException("execution report of order " + orderId + ": instrument must not be null");
        }
        if (status == null) {
            throw new NullPointerException(where(orderId, instrument) + ": status must not be null");
        }
        if (reason == null) {
            throw new NullPointerException(where(orderId, instrument) + ": reason must not be null, use NO_REASON");
        }
        requireNonNegative(orderId, instrument, "filledQty", filledQty);
        requireNonNegative(orderId, instrument, "leavesQty", leavesQty);
        requireNonNegative(orderId, instrument, "lastFillQty", lastFillQty);
        if (lastFillQty > 0 && !Double.isFinite(lastFillPrice)) {
            throw new IllegalArgumentException(where(orderId, instrument) + ": lastFillPrice must be finite for a fill"
                    + " of " + lastFillQty + ", was " + lastFillPrice);
        }
        if (lastFillQty == 0 && !Double.isNaN(lastFillPrice)) {
            throw new IllegalArgumentException(where(orderId, instrument) + ": lastFillPrice must be NaN"
                    + " (NO_FILL_PRICE) when lastFillQty is 0, was " + lastFillPrice);
        }
    }

    /** A snapshot of {@code order} after its latest lifecycle event. */
    public static ExecutionReport of(Order order, long exchTs, long localTs) {
        return new ExecutionReport(order.orderId(), order.instrument(), order.status(), order.filledQty(),
                order.leavesQty(), order.lastFillPrice(), order.lastFillQty(), order.lastEventReason(), exchTs,
                localTs);
    }

    /** Whether this report is a fill ({@code lastFillQty > 0}). */
    public boolean isFill() {
        return lastFillQty > 0;
    }

    private static void requireNonNegative(long orderId, Instrument instrument, String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(where(orderId, instrument) + ": " + field + " must be finite and >= 0,"
                    + " was " + value);
        }
    }

    private static String where(long orderId, Instrument instrument) {
        return "execution report of order " + orderId + " (" + instrument.id() + ")";
    }
}
