package io.qtrade.strategies.marketmaking;

/**
 * A market-making quote model: where to quote bid and ask around a reference (mid) price {@code s}, as pure
 * functions of the inventory and the market parameters. Implementations: {@link AvellanedaStoikov} and
 * {@link GueantLehalleFernandezTapia}.
 *
 * <p>Conventions shared by every model (and by {@link MarketMaker}):
 * <pre>{@code
 * bid = s - bidDepth          ask = s + askDepth          (depths in price units, quote currency per unit)
 * q      inventory in orders (position / order size), signed, long > 0
 * sigma  volatility of s, price units per sqrt(second)
 * tau    time left to the horizon T - t, seconds
 * lambda(delta) = A exp(-k delta)   intensity of trades reaching distance delta, per second and per side;
 *                                   A per second, k per price unit
 * }</pre>
 * A depth is {@link #NO_QUOTE} ({@code NaN}) when the model does not quote that side (an inventory bound). Every
 * method is a pure function of its arguments: no state, no allocation (except {@link #quote}, which returns a
 * record), safe from any thread.
 */
public interface QuoteModel {

    /** A depth or price of a side the model does not quote. */
    double NO_QUOTE = Double.NaN;

    /**
     * The model's reservation (indifference) price: the mid of its unrounded bid and ask,
     * {@code s + (askDepth - bidDepth) / 2}; for a side not quoted, the depth of the other side's formula is used,
     * so the value is always defined for finite inputs.
     */
    double reservationPrice(double s, double q, double sigma, double tauSeconds, double k, double a);

    /** {@code s - bid}: how far below {@code s} to bid, price units; {@link #NO_QUOTE} when no bid. */
    double bidDepth(double q, double sigma, double tauSeconds, double k, double a);

    /** {@code ask - s}: how far above {@code s} to offer, price units; {@link #NO_QUOTE} when no ask. */
    double askDepth(double q, double sigma, double tauSeconds, double k, double a);

    /** The unrounded quote at mid {@code s}: reservation price, bid and ask ({@link #NO_QUOTE} for a side off). */
    default Quote quote(double s, double q, double sigma, double tauSeconds, double k, double a) {
        double bidDepth = bidDepth(q, sigma, tauSeconds, k, a);
        double askDepth = askDepth(q, sigma, tauSeconds, k, a);
        return new Quote(s, reservationPrice(s, q, sigma, tauSeconds, k, a), s - bidDepth, s + askDepth);
    }
}
