package io.qtrade.backtest.queue.study;

import io.qtrade.core.Side;

/**
 * One virtual order of the study and its outcome under one model (or the exact FIFO truth): placed after message
 * {@code messageIndex} at the touch of {@code side}, behind {@code qtyAhead} (the level's visible quantity), for
 * {@code qty}, and followed for the study's horizon.
 *
 * @param filledQty      quantity filled within the horizon
 * @param fillTsNanos    when the whole order had filled, {@link #NOT_FILLED} if it did not within the horizon
 */
public record Placement(int index, int messageIndex, long placedTsNanos, Side side, long priceTicks, double qty,
                        double qtyAhead, double filledQty, long fillTsNanos) {

    /** {@link #fillTsNanos()} of an order not filled completely within the horizon. */
    public static final long NOT_FILLED = Long.MIN_VALUE;

    /** Whether the whole order filled within the horizon. */
    public boolean filled() {
        return fillTsNanos != NOT_FILLED;
    }
}
