package io.qtrade.strategies.execution;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;

/**
 * What an execution algorithm is asked to do: buy or sell {@code qty} of an instrument between {@code startNanos}
 * and {@code endNanos}, never at a price worse than {@code limitPrice}.
 *
 * <p>Checked on construction, every message naming the instrument and the field: {@code qty} finite, positive and a
 * whole number of the instrument's lots; {@code endNanos > startNanos}; {@code limitPrice} finite or
 * {@link #NO_LIMIT}.
 *
 * @param instrument what to trade
 * @param side       buy or sell
 * @param qty        quantity in instrument units, a whole number of lots
 * @param startNanos start of the execution window, epoch nanoseconds (inclusive)
 * @param endNanos   end of the execution window, epoch nanoseconds (exclusive): no child order is sent at or after it
 * @param limitPrice the worst price a child may trade at (highest for a buy, lowest for a sell), quote currency;
 *                   {@link #NO_LIMIT} for none
 */
public record ParentOrder(Instrument instrument, Side side, double qty, long startNanos, long endNanos,
                          double limitPrice) {

    /** The limit price of a parent order without one: NaN. */
    public static final double NO_LIMIT = Double.NaN;

    public ParentOrder {
        if (instrument == null) {
            throw new NullPointerException("parent order: instrument must not be null");
        }
        if (side == null) {
            throw new NullPointerException("parent order for " + instrument.id() + ": side must not be null");
        }
        if (!(qty > 0) || Double.isInfinite(qty)) {
            throw new IllegalArgumentException("parent order for " + instrument.id() + ": qty must be finite and > 0,"
                    + " was " + qty);
        }
        if (!instrument.isOnLotGrid(qty)) {
            throw new IllegalArgumentException("parent order for " + instrument.id() + ": qty " + qty
                    + " is not a whole number of lots (lot size " + instrument.lotSize() + ")");
        }
        if (endNanos <= startNanos) {
            throw new IllegalArgumentException("parent order for " + instrument.id() + ": endNanos " + endNanos
                    + " must be after startNanos " + startNanos);
        }
        if (Double.isInfinite(limitPrice)) {
            throw new IllegalArgumentException("parent order for " + instrument.id() + ": limitPrice must be finite"
                    + " or NO_LIMIT (NaN), was " + limitPrice);
        }
    }

    /** A parent order without a limit price. */
    public static ParentOrder unlimited(Instrument instrument, Side side, double qty, long startNanos,
                                        long endNanos) {
        return new ParentOrder(instrument, side, qty, startNanos, endNanos, NO_LIMIT);
    }

    /** Whether a limit price is set. */
    public boolean hasLimit() {
        return !Double.isNaN(limitPrice);
    }

    /** The quantity in lots, exact: {@code round(qty / lotSize)}. */
    public long lots() {
        return Math.round(qty / instrument.lotSize());
    }

    /** {@code endNanos - startNanos}. */
    public long durationNanos() {
        return endNanos - startNanos;
    }

    /**
     * The limit price in ticks, rounded to the side's safe direction (down for a buy, up for a sell) when it lies off
     * the tick grid; {@code Long.MAX_VALUE} for a buy and {@code Long.MIN_VALUE} for a sell without a limit.
     */
    public long limitTicks() {
        if (!hasLimit()) {
            return side == Side.BUY ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        if (instrument.isOnTickGrid(limitPrice)) {
            return instrument.toTicks(limitPrice);
        }
        double exact = limitPrice / instrument.tickSize();
        return side == Side.BUY ? (long) Math.floor(exact) : (long) Math.ceil(exact);
    }
}
