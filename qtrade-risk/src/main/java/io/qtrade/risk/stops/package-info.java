/**
 * Stops: {@link io.qtrade.risk.stops.StopLoss} (per position and per strategy; the engine flattens and stops the
 * strategy), and the price stops a strategy places itself: {@link io.qtrade.risk.stops.AtrStop} (k times ta4j's ATR
 * away from a reference price) and {@link io.qtrade.risk.stops.TrailingStop} (a price or ATR distance behind the best
 * price since entry, ratcheting only). Prices are quote currency per unit.
 */
package io.qtrade.risk.stops;
