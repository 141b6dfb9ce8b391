package io.qtrade.bars.order;

import io.qtrade.core.Side;

import java.util.Objects;

/**
 * An order for the bar engine, on instrument {@code instrument} (an index into the strategy's instruments).
 * Build one with the factories; prices that do not apply to the type are NaN ({@link #NO_PRICE}).
 *
 * @param instrument    instrument index
 * @param side          buy or sell
 * @param type          how it executes
 * @param qty           quantity, instrument units, {@code > 0}
 * @param limitPrice    limit price of {@code LIMIT}, {@code STOP_LIMIT}, {@code TAKE_PROFIT}
 * @param stopPrice     stop price of {@code STOP}, {@code STOP_LIMIT}
 * @param trailAmount   trailing distance in price of {@code TRAILING_STOP} (or NaN when by fraction)
 * @param trailFraction trailing distance as a fraction of the best price of {@code TRAILING_STOP} (or NaN)
 * @param timeInForce   how long it works
 */
public record BarOrder(int instrument, Side side, BarOrderType type, double qty, double limitPrice, double stopPrice,
                       double trailAmount, double trailFraction, BarTimeInForce timeInForce) {

    /** A price that does not apply. */
    public static final double NO_PRICE = Double.NaN;

    public BarOrder {
        Objects.requireNonNull(side, "bar order: side");
        Objects.requireNonNull(type, "bar order: type");
        Objects.requireNonNull(timeInForce, "bar order: timeInForce");
        if (instrument < 0) {
            throw new IllegalArgumentException(where(type, side, instrument)
                    + ": instrument index must be >= 0");
        }
        if (!(qty > 0) || Double.isInfinite(qty)) {
            throw new IllegalArgumentException(where(type, side, instrument)
                    + ": qty must be finite and > 0, was " + qty);
        }
        boolean needsLimit = type == BarOrderType.LIMIT || type == BarOrderType.STOP_LIMIT
                || type == BarOrderType.TAKE_PROFIT;
        boolean needsStop = type == BarOrderType.STOP || type == BarOrderType.STOP_LIMIT;
        if (needsLimit != Double.isFinite(limitPrice) || !needsLimit && !Double.isNaN(limitPrice)) {
            throw new IllegalArgumentException(where(type, side, instrument)
                    + ": limitPrice must be " + (needsLimit ? "finite" : "NaN")
                    + ", was " + limitPrice);
        }
        if (needsStop != Double.isFinite(stopPrice) || !needsStop && !Double.isNaN(stopPrice)) {
            throw new IllegalArgumentException(where(type, side, instrument)
                    + ": stopPrice must be " + (needsStop ? "finite" : "NaN")
                    + ", was " + stopPrice);
        }
        if (type == BarOrderType.TRAILING_STOP) {
            boolean byAmount = trailAmount > 0 && Double.isFinite(trailAmount) && Double.isNaN(trailFraction);
            boolean byFraction = trailFraction > 0 && trailFraction < 1 && Double.isNaN(trailAmount);
            if (!byAmount && !byFraction) {
                throw new IllegalArgumentException(where(type, side, instrument)
                        + ": exactly one of trailAmount (> 0) and trailFraction"
                        + " (in (0, 1)) must be set, the other NaN; were " + trailAmount + " and " + trailFraction);
            }
        } else if (!Double.isNaN(trailAmount) || !Double.isNaN(trailFraction)) {
            throw new IllegalArgumentException(where(type, side, instrument)
                    + ": trailAmount and trailFraction apply to TRAILING_STOP only");
        }
    }

    /** The start of an error message about an order (built only when there is an error to report). */
    private static String where(BarOrderType type, Side side, int instrument) {
        return "bar order " + type + " " + side + " on instrument " + instrument;
    }

    /** Market at the instrument's next open. */
    public static BarOrder marketOnOpen(int instrument, Side side, double qty) {
        return of(instrument, side, BarOrderType.MARKET_ON_OPEN, qty, NO_PRICE, NO_PRICE);
    }

    /** Market at the current bar's close. */
    public static BarOrder marketOnClose(int instrument, Side side, double qty) {
        return of(instrument, side, BarOrderType.MARKET_ON_CLOSE, qty, NO_PRICE, NO_PRICE);
    }

    /** Limit at {@code price}, good till cancelled. */
    public static BarOrder limit(int instrument, Side side, double qty, double price) {
        return of(instrument, side, BarOrderType.LIMIT, qty, price, NO_PRICE);
    }

    /** Stop at {@code stop}: a buy stop triggers at or above it, a sell stop at or below. */
    public static BarOrder stop(int instrument, Side side, double qty, double stop) {
        return of(instrument, side, BarOrderType.STOP, qty, NO_PRICE, stop);
    }

    /** Stop-limit: at {@code stop} becomes a limit at {@code limit}. */
    public static BarOrder stopLimit(int instrument, Side side, double qty, double stop, double limit) {
        return of(instrument, side, BarOrderType.STOP_LIMIT, qty, limit, stop);
    }

    /** Take-profit at {@code price} (a limit order closing a position). */
    public static BarOrder takeProfit(int instrument, Side side, double qty, double price) {
        return of(instrument, side, BarOrderType.TAKE_PROFIT, qty, price, NO_PRICE);
    }

    /** Trailing stop at a fixed distance {@code amount} (price units) from the best price since placement. */
    public static BarOrder trailingStop(int instrument, Side side, double qty, double amount) {
        return new BarOrder(instrument, side, BarOrderType.TRAILING_STOP, qty, NO_PRICE, NO_PRICE, amount, NO_PRICE,
                BarTimeInForce.GTC);
    }

    /** Trailing stop at {@code fraction} (e.g. 0.05) below (sell) or above (buy) the best price since placement. */
    public static BarOrder trailingStopFraction(int instrument, Side side, double qty, double fraction) {
        return new BarOrder(instrument, side, BarOrderType.TRAILING_STOP, qty, NO_PRICE, NO_PRICE, NO_PRICE, fraction,
                BarTimeInForce.GTC);
    }

    private static BarOrder of(int instrument, Side side, BarOrderType type, double qty, double limit, double stop) {
        return new BarOrder(instrument, side, type, qty, limit, stop, NO_PRICE, NO_PRICE, BarTimeInForce.GTC);
    }

    /** This order with another time in force. */
    public BarOrder withTimeInForce(BarTimeInForce tif) {
        return new BarOrder(instrument, side, type, qty, limitPrice, stopPrice, trailAmount, trailFraction, tif);
    }

    /** This order with another quantity (a split rescales working orders with it). */
    public BarOrder withQty(double newQty) {
        return new BarOrder(instrument, side, type, newQty, limitPrice, stopPrice, trailAmount, trailFraction,
                timeInForce);
    }
}
