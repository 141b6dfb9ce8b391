package io.qtrade.core.order;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import java.util.Objects;

/**
 * What a strategy asks a venue for: buy or sell {@code qty} of an instrument, priced as {@link #type()} says,
 * working as {@link #timeInForce()} says.
 *
 * <p>Checked on construction, and every message names the instrument and the field:
 * <ul>
 *   <li>{@code qty} finite and {@code > 0} (in instrument units, i.e. contracts or coins, not lots).</li>
 *   <li>{@link OrderType#LIMIT}: {@code price} finite. Any finite price is allowed, <b>including zero and
 *       negative</b>: calendar spreads and some energy futures trade at or below zero. Whether the price lies on
 *       the tick grid and the qty on the lot grid is the venue's (or the pre-trade risk gate's) call, not this
 *       value's.</li>
 *   <li>{@link OrderType#MARKET}: {@code price} is {@link #MARKET_PRICE} (NaN) and the time in force is
 *       {@link TimeInForce#IOC} or {@link TimeInForce#FOK}; a GTC or POST_ONLY market order is refused, since a
 *       market order never rests.</li>
 * </ul>
 *
 * @param instrument  what to trade
 * @param side        buy or sell
 * @param type        limit or market
 * @param timeInForce how long it works
 * @param price       limit price in quote currency per unit; {@link #MARKET_PRICE} for a market order
 * @param qty         quantity in instrument units, {@code > 0}
 */
public record OrderRequest(Instrument instrument, Side side, OrderType type, TimeInForce timeInForce, double price,
                           double qty) {

    /** The price of a market order: none (NaN). */
    public static final double MARKET_PRICE = Double.NaN;

    public OrderRequest {
        check(instrument, side, type, timeInForce, price, qty);
    }

    /**
     * Applies the rules above to the fields of a request, so that an order kept as primitive fields (an engine's
     * pooled {@link Order}) is checked exactly as a request is.
     *
     * @throws NullPointerException     for a null instrument, side, type or time in force
     * @throws IllegalArgumentException for a qty or price the rules refuse; the message names the instrument
     */
    static void check(Instrument instrument, Side side, OrderType type, TimeInForce timeInForce, double price,
                      double qty) {
        // The messages are built only on failure: a valid request allocates nothing but itself.
        Objects.requireNonNull(instrument, "order request: instrument must not be null");
        if (side == null) {
            throw new NullPointerException(where(instrument) + ": side must not be null");
        }
        if (type == null) {
            throw new NullPointerException(where(instrument) + ": type must not be null");
        }
        if (timeInForce == null) {
            throw new NullPointerException(where(instrument) + ": timeInForce must not be null");
        }
        if (!(qty > 0) || Double.isInfinite(qty)) {
            throw new IllegalArgumentException(where(instrument) + ": qty must be finite and > 0, was " + qty);
        }
        if (type == OrderType.LIMIT) {
            if (!Double.isFinite(price)) {
                throw new IllegalArgumentException(where(instrument) + ": LIMIT price must be finite (any sign), was "
                        + price);
            }
        } else {
            if (!Double.isNaN(price)) {
                throw new IllegalArgumentException(where(instrument) + ": MARKET price must be NaN"
                        + " (OrderRequest.MARKET_PRICE), was " + price + "; use a LIMIT order to set a price");
            }
            if (timeInForce != TimeInForce.IOC && timeInForce != TimeInForce.FOK) {
                throw new IllegalArgumentException(where(instrument) + ": MARKET timeInForce must be IOC or FOK, was "
                        + timeInForce + "; a market order never rests");
            }
        }
    }

    /** A good-till-cancelled limit order. */
    public static OrderRequest limit(Instrument instrument, Side side, double price, double qty) {
        return new OrderRequest(instrument, side, OrderType.LIMIT, TimeInForce.GTC, price, qty);
    }

    /** A limit order with the given time in force. */
    public static OrderRequest limit(Instrument instrument, Side side, double price, double qty, TimeInForce tif) {
        return new OrderRequest(instrument, side, OrderType.LIMIT, tif, price, qty);
    }

    /** An immediate-or-cancel market order: price {@link #MARKET_PRICE}, time in force {@link TimeInForce#IOC}. */
    public static OrderRequest market(Instrument instrument, Side side, double qty) {
        return new OrderRequest(instrument, side, OrderType.MARKET, TimeInForce.IOC, MARKET_PRICE, qty);
    }

    private static String where(Instrument instrument) {
        return "order request for " + instrument.id();
    }

    /** Whether this is a market order. */
    public boolean isMarket() {
        return type == OrderType.MARKET;
    }
}
