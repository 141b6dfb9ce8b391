package io.qtrade.bars.cost;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;

import java.util.List;
import java.util.Objects;

/**
 * A tiered (marginal) schedule over the order's size: each tier's rate applies to the part of the order that falls
 * in the tier, like an income-tax schedule, then a minimum per order:
 * <pre>{@code
 * size  = qty (Basis.SHARES) or |notional| (Basis.NOTIONAL)
 * c     = max( sum_t rate_t * unit * max(0, min(size, upTo_t) - upTo_{t-1}), minPerOrder )   upTo_{-1} = 0
 * unit  = 1 per share (SHARES), 1e-4 (NOTIONAL: rates in basis points)
 * }</pre>
 * The last tier's {@code upTo} must be {@link Double#POSITIVE_INFINITY}, so every size is covered.
 *
 * @param basis       what the tiers measure
 * @param tiers       tiers with increasing {@code upTo}, at least one
 * @param minPerOrder minimum per order, quote currency, {@code >= 0}
 */
public record TieredCommission(Basis basis, List<Tier> tiers, double minPerOrder) implements CommissionModel {

    /** What the tier bounds measure. */
    public enum Basis {
        /** Units traded; rates are quote currency per unit. */
        SHARES,
        /** Notional traded; rates are basis points. */
        NOTIONAL
    }

    /**
     * One tier.
     *
     * @param upTo upper bound of the tier (shares or notional), exclusive of the next tier
     * @param rate per share ({@link Basis#SHARES}) or basis points ({@link Basis#NOTIONAL}), {@code >= 0}
     */
    public record Tier(double upTo, double rate) {
        public Tier {
            if (!(upTo > 0)) {
                throw new IllegalArgumentException("commission tier: upTo must be > 0, was " + upTo);
            }
            Costs.requireNonNegative("commission tier", "rate", rate);
        }
    }

    public TieredCommission {
        Objects.requireNonNull(basis, "tiered commission: basis");
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("tiered commission: at least one tier is needed");
        }
        for (int t = 1; t < tiers.size(); t++) {
            if (!(tiers.get(t).upTo() > tiers.get(t - 1).upTo())) {
                throw new IllegalArgumentException("tiered commission: tier " + t + " upTo " + tiers.get(t).upTo()
                        + " must be above tier " + (t - 1) + "'s " + tiers.get(t - 1).upTo());
            }
        }
        if (tiers.get(tiers.size() - 1).upTo() != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("tiered commission: the last tier's upTo must be infinite, was "
                    + tiers.get(tiers.size() - 1).upTo());
        }
        Costs.requireNonNegative("tiered commission", "minPerOrder", minPerOrder);
    }

    @Override
    public double commission(Instrument instrument, Side side, double qty, double notional) {
        if (qty <= 0) {
            return 0.0;
        }
        double size = basis == Basis.SHARES ? qty : Math.abs(notional);
        double unit = basis == Basis.SHARES ? 1.0 : 1e-4;
        double c = 0.0;
        double lower = 0.0;
        for (int t = 0; t < tiers.size() && size > lower; t++) {
            Tier tier = tiers.get(t);
            c += tier.rate() * unit * (Math.min(size, tier.upTo()) - lower);
            lower = tier.upTo();
        }
        return Math.max(c, minPerOrder);
    }
}
