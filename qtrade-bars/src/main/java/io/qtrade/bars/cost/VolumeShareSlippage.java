package io.qtrade.bars.cost;

import io.qtrade.core.Side;
import io.qtrade.core.bar.Bar;

/**
 * Fills capped at a participation rate of the bar's volume, the remainder carried to the instrument's later bars,
 * and a price impact growing with the square root of the participation (the square-root law of market impact):
 * <pre>{@code
 * fillable     = min(remaining, maxParticipation * volume)         (0 on a bar without volume)
 * participation = qty / volume
 * price        = reference * (1 + side.sign() * impactCoefficient * sqrt(participation))
 * }</pre>
 * References: Almgren, Thum, Hauptmann and Li (2005), "Direct estimation of equity market impact", Risk 18(7);
 * Tóth et al. (2011), "Anomalous price impact and the critical nature of liquidity in financial markets", PRX 1.
 * zipline's {@code VolumeShareSlippage} caps the same way (with a quadratic impact instead).
 *
 * @param maxParticipation  largest fraction of a bar's volume one order may take, in {@code (0, 1]}
 * @param impactCoefficient impact at 100% participation, as a fraction of price, {@code >= 0}
 */
public record VolumeShareSlippage(double maxParticipation, double impactCoefficient) implements SlippageModel {

    public VolumeShareSlippage {
        Costs.requireFraction("volume share slippage", "maxParticipation", maxParticipation);
        Costs.requireNonNegative("volume share slippage", "impactCoefficient", impactCoefficient);
    }

    @Override
    public double fillableQty(double remainingQty, Bar bar) {
        return Math.min(remainingQty, maxParticipation * bar.volume());
    }

    @Override
    public double price(Side side, double referencePrice, double qty, Bar bar) {
        double volume = bar.volume();
        double participation = volume > 0 ? qty / volume : 0.0;
        return referencePrice * (1 + side.sign() * impactCoefficient * Math.sqrt(participation));
    }
}
