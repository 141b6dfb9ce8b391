package io.qtrade.backtest.fee;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.Liquidity;

/**
 * A fixed fee per contract (unit of quantity), as futures and options venues charge:
 * <pre>{@code
 * fee = qty * feePerContract        feePerContract = makerFeePerContract or takerFeePerContract
 * }</pre>
 * A negative maker fee is a rebate.
 */
public final class PerContractFees implements FeeModel {

    private final double makerFeePerContract;
    private final double takerFeePerContract;

    /**
     * @param makerFeePerContract quote currency per contract for maker fills, finite
     * @param takerFeePerContract quote currency per contract for taker fills, finite
     */
    public PerContractFees(double makerFeePerContract, double takerFeePerContract) {
        if (!Double.isFinite(makerFeePerContract)) {
            throw new IllegalArgumentException("PerContractFees: makerFeePerContract must be finite, was "
                    + makerFeePerContract);
        }
        if (!Double.isFinite(takerFeePerContract)) {
            throw new IllegalArgumentException("PerContractFees: takerFeePerContract must be finite, was "
                    + takerFeePerContract);
        }
        this.makerFeePerContract = makerFeePerContract;
        this.takerFeePerContract = takerFeePerContract;
    }

    @Override
    public double fee(Instrument instrument, Liquidity liquidity, double price, double qty) {
        return qty * (liquidity == Liquidity.MAKER ? makerFeePerContract : takerFeePerContract);
    }

    @Override
    public String toString() {
        return "PerContractFees[makerFeePerContract=" + makerFeePerContract + ", takerFeePerContract="
                + takerFeePerContract + "]";
    }
}
