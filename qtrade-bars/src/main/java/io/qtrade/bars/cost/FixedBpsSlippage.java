package io.qtrade.bars.cost;

import io.qtrade.core.Side;
import io.qtrade.core.bar.Bar;

/**
 * A fixed slippage in basis points of the reference price:
 * <pre>{@code
 * price = reference * (1 + side.sign() * bps / 10_000)
 * }</pre>
 *
 * @param bps slippage, basis points, {@code >= 0}
 */
public record FixedBpsSlippage(double bps) implements SlippageModel {

    public FixedBpsSlippage {
        Costs.requireNonNegative("fixed bps slippage", "bps", bps);
    }

    @Override
    public double price(Side side, double referencePrice, double qty, Bar bar) {
        return referencePrice * (1 + side.sign() * bps * 1e-4);
    }
}
