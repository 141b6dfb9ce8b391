package io.qtrade.strategies.marketmaking;

/**
 * The Avellaneda-Stoikov (2008) market-making quotes: a reservation price skewed against the inventory and a
 * symmetric optimal spread around it.
 *
 * <pre>{@code
 * r      = s - q * gamma * sigma^2 * tau                                  reservation price
 * spread = gamma * sigma^2 * tau + (2 / gamma) * ln(1 + gamma / k)         optimal total spread, ask - bid
 * bid    = r - spread / 2        ask = r + spread / 2
 * bidDepth = s - bid = q * gamma * sigma^2 * tau + spread / 2
 * askDepth = ask - s = spread / 2 - q * gamma * sigma^2 * tau
 * }</pre>
 * with {@code s} the mid, {@code q} the inventory in orders, {@code gamma > 0} the risk aversion (per price unit, with
 * inventory counted in orders), {@code sigma} the volatility of {@code s} in price units per sqrt(second),
 * {@code tau = T - t} in seconds and {@code k > 0} (per price unit) the decay of the fill intensity
 * {@code lambda(delta) = A exp(-k delta)}. {@code A} does not enter the quotes. These are the closed-form
 * approximations of [1] (the value function expanded to second order in the inventory {@code q}); the spread tends to
 * {@code 2/k} as {@code gamma -> 0}. A depth may be negative (a quote through the mid): the controls of
 * {@link MarketMaker} keep the rounded quote off the opposite touch.
 *
 * <p>Horizon: {@code tau} is supplied by the caller. A finite horizon passes {@code T - t} ({@link FiniteHorizon});
 * the infinite-horizon (rolling) mode passes a constant {@code tau} ({@link RollingHorizon}), i.e. it always quotes as
 * if {@code tau} seconds were left, the stationary approximation used by practitioners (e.g. the Hummingbot
 * implementation) rather than the infinite-horizon objective with a discount rate {@code omega} that [1] also considers, whose
 * reservation prices are defined only while {@code omega > gamma^2 sigma^2 q^2 / 2}. {@link GueantLehalleFernandezTapia}
 * is the principled stationary alternative.
 *
 * <p>[1] M. Avellaneda, S. Stoikov (2008), "High-frequency trading in a limit order book", Quantitative Finance 8(3),
 * 217-224.
 *
 * <p>Immutable and stateless: every method is a pure function, allocation-free (except {@link #quote}).
 */
public final class AvellanedaStoikov implements QuoteModel {

    private final double gamma;

    /**
     * @param gamma risk aversion, finite and {@code > 0}, per price unit (inventory in orders)
     * @throws IllegalArgumentException naming the value when {@code gamma} is not finite and positive
     */
    public AvellanedaStoikov(double gamma) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("AvellanedaStoikov gamma must be finite and > 0, was " + gamma);
        }
        this.gamma = gamma;
    }

    /** The risk aversion {@code gamma}. */
    public double gamma() {
        return gamma;
    }

    /** {@code r = s - q * gamma * sigma^2 * tau}. */
    public static double reservationPrice(double s, double q, double gamma, double sigma, double tauSeconds) {
        return s - q * gamma * sigma * sigma * tauSeconds;
    }

    /** {@code gamma * sigma^2 * tau + (2 / gamma) * ln(1 + gamma / k)}, price units. */
    public static double optimalSpread(double gamma, double sigma, double tauSeconds, double k) {
        return gamma * sigma * sigma * tauSeconds + 2.0 / gamma * Math.log1p(gamma / k);
    }

    /** {@inheritDoc} Here exactly {@code s - q * gamma * sigma^2 * tau}; {@code k} and {@code a} are unused. */
    @Override
    public double reservationPrice(double s, double q, double sigma, double tauSeconds, double k, double a) {
        return reservationPrice(s, q, gamma, sigma, tauSeconds);
    }

    /** {@code q * gamma * sigma^2 * tau + spread / 2}; {@code a} is unused. */
    @Override
    public double bidDepth(double q, double sigma, double tauSeconds, double k, double a) {
        return q * gamma * sigma * sigma * tauSeconds + 0.5 * optimalSpread(gamma, sigma, tauSeconds, k);
    }

    /** {@code spread / 2 - q * gamma * sigma^2 * tau}; {@code a} is unused. */
    @Override
    public double askDepth(double q, double sigma, double tauSeconds, double k, double a) {
        return 0.5 * optimalSpread(gamma, sigma, tauSeconds, k) - q * gamma * sigma * sigma * tauSeconds;
    }

    @Override
    public String toString() {
        return "AvellanedaStoikov[gamma=" + gamma + "]";
    }
}
