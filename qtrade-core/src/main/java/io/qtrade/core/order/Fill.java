package io.qtrade.core.order;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;

/**
 * One execution of (part of) an order: {@code qty} of an instrument traded at {@code price}.
 *
 * <pre>{@code
 * notional = price * qty * contractMultiplier                    (quote currency, signed as the price)
 * cashFlow = -side.sign() * notional - fee                       (quote currency into the account)
 * }</pre>
 * A buy pays the notional (cash flow {@code -notional - fee}), a sell receives it ({@code +notional - fee}); a
 * negative fee is a maker rebate and adds to the cash flow.
 *
 * <p>Checked on construction: {@code qty} finite and {@code > 0}, {@code price} finite (any sign: spreads trade
 * negative), {@code fee} finite (any sign).
 *
 * @param orderId   the order that traded
 * @param instrument what traded
 * @param side      the order's side
 * @param price     trade price, quote currency per unit
 * @param qty       traded quantity, instrument units, {@code > 0}
 * @param fee       fee in quote currency; negative = rebate
 * @param liquidity maker or taker
 * @param exchTs    venue time of the trade, epoch nanoseconds
 * @param localTs   when the strategy learnt of it, epoch nanoseconds
 */
public record Fill(long orderId, Instrument instrument, Side side, double price, double qty, double fee,
                   Liquidity liquidity, long exchTs, long localTs) {

    public Fill {
        // The messages are built only on failure: a valid fill allocates nothing but itself.
        if (instrument == null) {
            throw new NullPointerException("fill of order " + orderId + ": instrument must not be null");
        }
        if (side == null) {
            throw new NullPointerException(where(orderId, instrument) + ": side must not be null");
        }
        if (liquidity == null) {
            throw new NullPointerException(where(orderId, instrument) + ": liquidity must not be null");
        }
        if (!(qty > 0) || Double.isInfinite(qty)) {
            throw new IllegalArgumentException(where(orderId, instrument) + ": qty must be finite and > 0, was " + qty);
        }
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException(where(orderId, instrument) + ": price must be finite, was " + price);
        }
        if (!Double.isFinite(fee)) {
            throw new IllegalArgumentException(where(orderId, instrument) + ": fee must be finite, was " + fee);
        }
    }

    /** {@code price * qty * contractMultiplier}, quote currency. */
    public double notional() {
        return instrument.notional(price, qty);
    }

    /** {@code -side.sign() * notional() - fee}: the cash this fill moves into the account (negative for a buy). */
    public double cashFlow() {
        return -side.sign() * notional() - fee;
    }

    /** {@code side.sign() * qty}: the position change, positive for a buy. */
    public double signedQty() {
        return side.sign() * qty;
    }

    private static String where(long orderId, Instrument instrument) {
        return "fill of order " + orderId + " (" + instrument.id() + ")";
    }
}
