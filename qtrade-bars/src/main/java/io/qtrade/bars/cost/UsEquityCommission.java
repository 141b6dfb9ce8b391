package io.qtrade.bars.cost;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;

/**
 * A US broker's stock schedule with the regulatory fees on sales, per order (USD):
 * <pre>{@code
 * broker = min( max(perShare * qty, minPerOrder), maxFractionOfNotional * N )
 * sec    = secFeeRate * N                                   on a sell only (SEC Section 31 fee)
 * taf    = min(finraTafPerShare * qty, finraTafMax)         on a sell only (FINRA trading activity fee)
 * c      = broker + sec + taf                                N = |notional|
 * }</pre>
 * {@link #IBKR_FIXED} holds Interactive Brokers' fixed pricing (USD 0.005 per share, minimum USD 1.00, maximum 1%
 * of trade value; interactivebrokers.com, 2024) with the SEC fee of USD 27.80 per million of sales (rate from
 * 2024-05-22) and the FINRA TAF of USD 0.000166 per share sold, at most USD 8.30 per trade. The fees are not
 * rounded to the cent here.
 *
 * @param perShare              broker commission per share
 * @param minPerOrder           broker minimum per order
 * @param maxFractionOfNotional broker maximum as a fraction of notional
 * @param secFeeRate            SEC fee as a fraction of the notional sold
 * @param finraTafPerShare      FINRA TAF per share sold
 * @param finraTafMax           FINRA TAF maximum per trade
 */
public record UsEquityCommission(double perShare, double minPerOrder, double maxFractionOfNotional,
                                 double secFeeRate, double finraTafPerShare, double finraTafMax)
        implements CommissionModel {

    /** Interactive Brokers fixed pricing with the SEC fee and FINRA TAF, as published in 2024. */
    public static final UsEquityCommission IBKR_FIXED =
            new UsEquityCommission(0.005, 1.00, 0.01, 27.80e-6, 0.000166, 8.30);

    public UsEquityCommission {
        Costs.requireNonNegative("US equity commission", "perShare", perShare);
        Costs.requireNonNegative("US equity commission", "minPerOrder", minPerOrder);
        Costs.requireNonNegativeOrInfinite("US equity commission", "maxFractionOfNotional", maxFractionOfNotional);
        Costs.requireNonNegative("US equity commission", "secFeeRate", secFeeRate);
        Costs.requireNonNegative("US equity commission", "finraTafPerShare", finraTafPerShare);
        Costs.requireNonNegativeOrInfinite("US equity commission", "finraTafMax", finraTafMax);
    }

    @Override
    public double commission(Instrument instrument, Side side, double qty, double notional) {
        if (qty <= 0) {
            return 0.0;
        }
        double n = Math.abs(notional);
        double broker = Math.min(Math.max(perShare * qty, minPerOrder), maxFractionOfNotional * n);
        if (side != Side.SELL) {
            return broker;
        }
        return broker + secFeeRate * n + Math.min(finraTafPerShare * qty, finraTafMax);
    }
}
