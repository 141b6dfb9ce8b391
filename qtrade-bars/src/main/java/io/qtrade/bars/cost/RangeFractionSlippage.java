package io.qtrade.bars.cost;

import io.qtrade.core.Side;
import io.qtrade.core.bar.Bar;

/**
 * Slippage as a fraction of the bar's range, a volatility-scaled spread proxy:
 * <pre>{@code
 * price = reference + side.sign() * fraction * (high - low)
 * }</pre>
 *
 * @param fraction of the range, in {@code [0, 1]}
 */
public record RangeFractionSlippage(double fraction) implements SlippageModel {

    public RangeFractionSlippage {
        if (!(fraction >= 0) || fraction > 1) {
            throw new IllegalArgumentException("range fraction slippage: fraction must be in [0, 1], was " + fraction);
        }
    }

    @Override
    public double price(Side side, double referencePrice, double qty, Bar bar) {
        return referencePrice + side.sign() * fraction * (bar.high() - bar.low());
    }
}
