package io.qtrade.backtest.marketmaking;

import java.util.List;

/**
 * The time-weighted distribution of one strategy's position in one instrument over the instrument's tape window: the
 * position is a step function of the fills (applied at their strategy time, as the portfolio does), starting at 0.
 * <pre>{@code
 * timeFraction(bin) = |{t in window : position(t) in bin}| / window
 * meanPosition      = (1/window) integral position(t) dt
 * }</pre>
 * With at most {@link MarketMakingDiagnostics#MAX_EXACT_BINS} distinct positions each gets its own bin; otherwise 20
 * equal-width bins from the smallest to the largest position.
 */
public record InventoryHistogram(String strategyId, int instrument, String symbol, List<InventoryBin> bins,
                                 double meanPosition, double maxAbsPosition) {

    public InventoryHistogram {
        bins = List.copyOf(bins);
    }
}
