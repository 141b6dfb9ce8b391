package io.qtrade.backtest.fee;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.Liquidity;

/**
 * Fees proportional to the traded notional, in basis points, as most crypto and equity venues charge:
 * <pre>{@code
 * fee = |price * qty * contractMultiplier| * feeBps / 10_000     feeBps = makerFeeBps or takerFeeBps
 * }</pre>
 * For an inverse (coin-margined) contract the notional is {@code qty * contractMultiplier / price}, in the base coin
 * ({@code Instrument.settlementNotional}), so the fee is in the coin the contract settles in, as Binance COIN-M charges it.
 * A negative {@code makerFeeBps} is a maker rebate (e.g. -0.5 bps on some futures venues).
 */
public final class BpsFees implements FeeModel {

    private final double makerFeeBps;
    private final double takerFeeBps;

    /**
     * @param makerFeeBps fee for resting (maker) fills, bps, finite, negative for a rebate
     * @param takerFeeBps fee for crossing (taker) fills, bps, finite
     */
    public BpsFees(double makerFeeBps, double takerFeeBps) {
        if (!Double.isFinite(makerFeeBps)) {
            throw new IllegalArgumentException("BpsFees: makerFeeBps must be finite, was " + makerFeeBps);
        }
        if (!Double.isFinite(takerFeeBps)) {
            throw new IllegalArgumentException("BpsFees: takerFeeBps must be finite, was " + takerFeeBps);
        }
        this.makerFeeBps = makerFeeBps;
        this.takerFeeBps = takerFeeBps;
    }

    @Override
    public double fee(Instrument instrument, Liquidity liquidity, double price, double qty) {
        double bps = liquidity == Liquidity.MAKER ? makerFeeBps : takerFeeBps;
        return Math.abs(instrument.settlementNotional(price, qty)) * bps / 10_000.0;
    }

    @Override
    public String toString() {
        return "BpsFees[makerFeeBps=" + makerFeeBps + ", takerFeeBps=" + takerFeeBps + "]";
    }
}
