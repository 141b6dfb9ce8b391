package io.qtrade.backtest.marketmaking;

/**
 * One bin of an inventory histogram: positions in {@code [lower, upper]} ({@code lower == upper} for a bin of one
 * position value) and the fraction of the window the position spent there.
 */
public record InventoryBin(double lower, double upper, double timeFraction) {
}
