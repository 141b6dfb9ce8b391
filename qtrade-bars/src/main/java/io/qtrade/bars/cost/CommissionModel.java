package io.qtrade.bars.cost;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;

/**
 * The commission and charges of one order, as a function of what the order has executed in total.
 *
 * <p>Schedules with a minimum or maximum per order, or with tiers, are not additive over partial fills, so the
 * engine asks for the commission of the order's cumulative execution and charges each fill the increment:
 * <pre>{@code
 * fee(fill k) = commission(instrument, side, cumQty_k, cumNotional_k) - commission(instrument, side, cumQty_k-1, cumNotional_k-1)
 * }</pre>
 * with {@code commission(.., 0, 0) = 0}. An order filled at once pays {@code commission(qty, notional)}.
 * Implementations are immutable and allocation-free.
 */
public interface CommissionModel {

    /** No commission. */
    CommissionModel NONE = new CommissionModel() {
        @Override
        public double commission(Instrument instrument, Side side, double qty, double notional) {
            return 0.0;
        }

        @Override
        public String toString() {
            return "CommissionModel.NONE";
        }
    };

    /**
     * The total commission and charges of an order that has executed {@code qty} units for {@code notional}
     * ({@code sum price * qty * multiplier}, quote currency, {@code > 0}); 0 when {@code qty == 0}.
     */
    double commission(Instrument instrument, Side side, double qty, double notional);
}
