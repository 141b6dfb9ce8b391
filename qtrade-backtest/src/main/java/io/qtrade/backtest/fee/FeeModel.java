package io.qtrade.backtest.fee;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.Liquidity;

/** The fee of one fill in quote currency; negative is a rebate paid to the account. Immutable, allocation-free. */
public interface FeeModel {

    /** No fees. */
    FeeModel NONE = new BpsFees(0, 0);

    /**
     * @param instrument what traded (its contract multiplier scales the notional)
     * @param liquidity  maker or taker
     * @param price      fill price, quote currency per unit
     * @param qty        fill quantity, instrument units, {@code > 0}
     * @return the fee, quote currency
     */
    double fee(Instrument instrument, Liquidity liquidity, double price, double qty);
}
