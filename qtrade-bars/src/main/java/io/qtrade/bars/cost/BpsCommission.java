package io.qtrade.bars.cost;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;

/**
 * A commission in basis points of the traded notional, with a minimum per order:
 * <pre>{@code
 * c = max(bps / 10_000 * |notional|, minPerOrder)      (qty > 0)
 * }</pre>
 *
 * @param bps         rate, basis points of notional, {@code >= 0}
 * @param minPerOrder minimum per order, quote currency, {@code >= 0}
 */
public record BpsCommission(double bps, double minPerOrder) implements CommissionModel {

    public BpsCommission {
        Costs.requireNonNegative("bps commission", "bps", bps);
        Costs.requireNonNegative("bps commission", "minPerOrder", minPerOrder);
    }

    /** {@code bps} of notional, no minimum. */
    public static BpsCommission of(double bps) {
        return new BpsCommission(bps, 0.0);
    }

    @Override
    public double commission(Instrument instrument, Side side, double qty, double notional) {
        if (qty <= 0) {
            return 0.0;
        }
        return Math.max(bps * 1e-4 * Math.abs(notional), minPerOrder);
    }
}
