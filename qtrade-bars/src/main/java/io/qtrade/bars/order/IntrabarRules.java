package io.qtrade.bars.order;

import io.qtrade.core.Side;

/**
 * At what price a working order fills on a bar, given only the bar's open, high and low. The rules are
 * conservative: a bar does not say in which order its prices traded.
 * <pre>{@code
 * market on open     open
 * market on close    close of the bar the strategy saw when it sent the order
 * buy limit L        open            if open <= L        (the bar opens through the limit: the better price)
 *                    L               if low < L          (traded through; low <= L under LimitFill.TOUCH)
 * sell limit L       open if open >= L;  L if high > L (high >= L under TOUCH)
 * buy stop S         open            if open >= S        (gap through the stop: the worse of stop and open)
 *                    S               if high >= S
 * sell stop S        open if open <= S;  S if low <= S
 * stop-limit (S, L)  triggered as the stop; triggered at the open it is a limit on the whole bar;
 *                    triggered inside the bar it fills at S when L is at or beyond S (a buy: L >= S), otherwise it
 *                    rests as a limit from the next bar (the bar may have traded L before it reached S)
 * trailing stop      a stop whose level is set by the bars before this one (best high since placement minus the
 *                    trail for a sell); this bar's extreme moves the level only for the next bar
 * }</pre>
 * Market, stop and trailing fills are then slipped by the engine's slippage model; limit fills are not.
 * Every method returns {@link #NO_FILL} (NaN) when the order does not fill on the bar.
 */
public final class IntrabarRules {

    /** The price of an order that does not fill. */
    public static final double NO_FILL = Double.NaN;

    private IntrabarRules() {
    }

    /** The fill price of a limit order at {@code limit} on a bar, or {@link #NO_FILL}. */
    public static double limit(Side side, double limit, double open, double high, double low,
                               FillRules.LimitFill rule) {
        boolean touch = rule == FillRules.LimitFill.TOUCH;
        if (side == Side.BUY) {
            if (open <= limit) {
                return open;
            }
            return low < limit || touch && low <= limit ? limit : NO_FILL;
        }
        if (open >= limit) {
            return open;
        }
        return high > limit || touch && high >= limit ? limit : NO_FILL;
    }

    /** The trigger (pre-slippage fill) price of a stop order at {@code stop} on a bar, or {@link #NO_FILL}. */
    public static double stop(Side side, double stop, double open, double high, double low) {
        if (side == Side.BUY) {
            if (open >= stop) {
                return open;
            }
            return high >= stop ? stop : NO_FILL;
        }
        if (open <= stop) {
            return open;
        }
        return low <= stop ? stop : NO_FILL;
    }

    /** Whether a stop at {@code stop} triggers at the bar's open (the bar gapped through it). */
    public static boolean stopGapsAtOpen(Side side, double stop, double open) {
        return side == Side.BUY ? open >= stop : open <= stop;
    }

    /** Whether a limit at {@code limit} fills at the bar's open (the bar opened through it). */
    public static boolean limitGapsAtOpen(Side side, double limit, double open) {
        return side == Side.BUY ? open <= limit : open >= limit;
    }

    /**
     * The fill price of a stop-limit {@code (stop, limit)} on the bar that triggers it, or {@link #NO_FILL}; a
     * stop-limit triggered earlier is a plain {@link #limit}.
     */
    public static double stopLimitOnTriggerBar(Side side, double stop, double limit, double open, double high,
                                               double low, FillRules.LimitFill rule) {
        if (stopGapsAtOpen(side, stop, open)) {
            return limit(side, limit, open, high, low, rule);
        }
        if (Double.isNaN(stop(side, stop, open, high, low))) {
            return NO_FILL;
        }
        boolean limitAllowsStop = side == Side.BUY ? limit >= stop : limit <= stop;
        return limitAllowsStop ? stop : NO_FILL;
    }

    /** Whether a stop at {@code stop} is reached on the bar at all (gap or inside). */
    public static boolean stopReached(Side side, double stop, double open, double high, double low) {
        return !Double.isNaN(stop(side, stop, open, high, low));
    }
}
