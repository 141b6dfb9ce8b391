package io.qtrade.strategies.marketmaking;

/**
 * The Gueant-Lehalle-Fernandez-Tapia (2013) closed-form approximation of the optimal quotes of a market maker with
 * inventory bounds: the production-grade variant of {@link AvellanedaStoikov}, stationary (far from the horizon), with
 * quoting stopped on the side that would take the inventory past its bound.
 *
 * <pre>{@code
 * c1 = (1 / xi) * ln(1 + xi / k)
 * c2 = sqrt( gamma / (2 * A * k) * (1 + xi / k)^(1 + k / xi) )
 * bidDepth(q) = c1 + (2q + 1) / 2 * sigma * c2       (no bid when q >= Q)
 * askDepth(q) = c1 - (2q - 1) / 2 * sigma * c2       (no ask when q <= -Q)
 * spread      = bidDepth + askDepth = 2 c1 + sigma c2          (independent of q)
 * r           = s - (bidDepth - askDepth) / 2 = s - q * sigma * c2
 * }</pre>
 * with {@code s} the mid, {@code q} the inventory in orders, {@code Q} the inventory bound in orders,
 * {@code gamma > 0} the risk aversion, {@code sigma} in price units per sqrt(second), and the fill intensity
 * {@code lambda(delta) = A exp(-k delta)} ({@code A} per second, {@code k} per price unit). With {@code xi = gamma}
 * these are the closed-form asymptotic approximations of [1] ({@code delta^b_infinity}, {@code delta^a_infinity}); the
 * general {@code xi} (the model with a running inventory penalty) is the form of [2] with order size
 * {@code Delta = 1} (inventory counted in orders). For {@code xi = 0} the limit {@code c1 = 1/k},
 * {@code c2 = sqrt(gamma e / (2 A k))} is used. The horizon does not
 * enter: {@code tau} is ignored.
 *
 * <p>[1] O. Gueant, C.-A. Lehalle, J. Fernandez-Tapia (2013), "Dealing with the inventory risk: a solution to the
 * market making problem", Mathematics and Financial Economics 7(4), 477-507.<br>
 * [2] O. Gueant (2017), "Optimal market making", Applied Mathematical Finance 24(2), 112-154.
 *
 * <p>Immutable and stateless: every method is a pure function, allocation-free (except {@link #quote}).
 */
public final class GueantLehalleFernandezTapia implements QuoteModel {

    private final double gamma;
    private final double xi;
    private final double maxInventoryOrders;

    /**
     * The model with {@code xi = gamma}, as in [1].
     *
     * @param gamma              risk aversion, finite and {@code > 0}
     * @param maxInventoryOrders the bound {@code Q}, in orders, finite and {@code > 0}
     */
    public GueantLehalleFernandezTapia(double gamma, double maxInventoryOrders) {
        this(gamma, gamma, maxInventoryOrders);
    }

    /**
     * The model with a general {@code xi}, as in [2].
     *
     * @param gamma              risk aversion, finite and {@code > 0}
     * @param xi                 the exponent of the intensity term, finite and {@code >= 0}; {@code gamma} in [1]
     * @param maxInventoryOrders the bound {@code Q}, in orders, finite and {@code > 0}
     * @throws IllegalArgumentException naming the parameter and its value
     */
    public GueantLehalleFernandezTapia(double gamma, double xi, double maxInventoryOrders) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("GueantLehalleFernandezTapia gamma must be finite and > 0, was "
                    + gamma);
        }
        if (!(xi >= 0) || Double.isInfinite(xi)) {
            throw new IllegalArgumentException("GueantLehalleFernandezTapia xi must be finite and >= 0, was " + xi);
        }
        if (!(maxInventoryOrders > 0) || Double.isInfinite(maxInventoryOrders)) {
            throw new IllegalArgumentException("GueantLehalleFernandezTapia maxInventoryOrders (Q) must be finite and"
                    + " > 0, was " + maxInventoryOrders);
        }
        this.gamma = gamma;
        this.xi = xi;
        this.maxInventoryOrders = maxInventoryOrders;
    }

    /** The risk aversion {@code gamma}. */
    public double gamma() {
        return gamma;
    }

    /** The intensity exponent {@code xi}. */
    public double xi() {
        return xi;
    }

    /** The inventory bound {@code Q}, in orders. */
    public double maxInventoryOrders() {
        return maxInventoryOrders;
    }

    /** {@code c1 = (1 / xi) ln(1 + xi / k)}, price units; {@code 1 / k} for {@code xi = 0}. */
    public double c1(double k) {
        return xi == 0 ? 1.0 / k : Math.log1p(xi / k) / xi;
    }

    /**
     * {@code c2 = sqrt(gamma / (2 A k) * (1 + xi / k)^(1 + k / xi))}, in sqrt(seconds), so that {@code sigma * c2}
     * is in price units; {@code sqrt(gamma e / (2 A k))} for {@code xi = 0}.
     */
    public double c2(double k, double a) {
        double growth = xi == 0 ? Math.E : Math.pow(1.0 + xi / k, 1.0 + k / xi);
        return Math.sqrt(gamma / (2.0 * a * k) * growth);
    }

    /** {@inheritDoc} Here {@code s - q * sigma * c2}; {@code tau} is unused. */
    @Override
    public double reservationPrice(double s, double q, double sigma, double tauSeconds, double k, double a) {
        return s - q * sigma * c2(k, a);
    }

    /** {@code c1 + (2q + 1) / 2 * sigma * c2}, {@link #NO_QUOTE} when {@code q >= Q}; {@code tau} is unused. */
    @Override
    public double bidDepth(double q, double sigma, double tauSeconds, double k, double a) {
        if (q >= maxInventoryOrders) {
            return NO_QUOTE;
        }
        return c1(k) + (2.0 * q + 1.0) * 0.5 * sigma * c2(k, a);
    }

    /** {@code c1 - (2q - 1) / 2 * sigma * c2}, {@link #NO_QUOTE} when {@code q <= -Q}; {@code tau} is unused. */
    @Override
    public double askDepth(double q, double sigma, double tauSeconds, double k, double a) {
        if (q <= -maxInventoryOrders) {
            return NO_QUOTE;
        }
        return c1(k) - (2.0 * q - 1.0) * 0.5 * sigma * c2(k, a);
    }

    @Override
    public String toString() {
        return "GueantLehalleFernandezTapia[gamma=" + gamma + ", xi=" + xi + ", maxInventoryOrders="
                + maxInventoryOrders + "]";
    }
}
