package io.qtrade.bars.cost;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;

/**
 * A commission per share (unit) with a minimum and a maximum per order:
 * <pre>{@code
 * c = min( max(perShare * qty, minPerOrder), maxPerOrder, maxFractionOfNotional * notional )     (qty > 0)
 * }</pre>
 * e.g. Interactive Brokers' fixed US stock schedule: USD 0.005 per share, minimum USD 1.00, maximum 1% of the trade
 * value ({@code new PerShareCommission(0.005, 1.00, NO_MAX, 0.01)}). Note that a maximum below the minimum wins, as
 * at that broker (a tiny order pays at most 1% of its value).
 *
 * @param perShare              commission per unit, quote currency, {@code >= 0}
 * @param minPerOrder           minimum per order, {@code >= 0}
 * @param maxPerOrder           maximum per order, {@code >= 0}, or {@link #NO_MAX}
 * @param maxFractionOfNotional maximum as a fraction of the order's notional, {@code > 0}, or {@link #NO_MAX}
 */
public record PerShareCommission(double perShare, double minPerOrder, double maxPerOrder,
                                 double maxFractionOfNotional) implements CommissionModel {

    /** No maximum. */
    public static final double NO_MAX = Double.POSITIVE_INFINITY;

    public PerShareCommission {
        Costs.requireNonNegative("per-share commission", "perShare", perShare);
        Costs.requireNonNegative("per-share commission", "minPerOrder", minPerOrder);
        Costs.requireNonNegativeOrInfinite("per-share commission", "maxPerOrder", maxPerOrder);
        Costs.requireNonNegativeOrInfinite("per-share commission", "maxFractionOfNotional", maxFractionOfNotional);
    }

    /** {@code perShare} per unit with a minimum per order and no maximum. */
    public static PerShareCommission of(double perShare, double minPerOrder) {
        return new PerShareCommission(perShare, minPerOrder, NO_MAX, NO_MAX);
    }

    @Override
    public double commission(Instrument instrument, Side side, double qty, double notional) {
        if (qty <= 0) {
            return 0.0;
        }
        double c = Math.max(perShare * qty, minPerOrder);
        c = Math.min(c, maxPerOrder);
        return Math.min(c, maxFractionOfNotional * Math.abs(notional));
    }
}
