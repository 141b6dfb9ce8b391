/**
 * Trades: who initiated each trade ({@link io.qtrade.features.trades.TickRule},
 * {@link io.qtrade.features.trades.LeeReady}, and {@link io.qtrade.features.trades.TradeSignClassifier} which prefers
 * the venue's aggressor flag), the autocorrelation of trade signs at lags {@code 1..L}
 * ({@link io.qtrade.features.trades.SignAutocorrelation}), signed volume
 * ({@link io.qtrade.features.trades.SignedVolume}), and the arrival rates of trades, adds and cancels per price level
 * of an L2 book ({@link io.qtrade.features.trades.QueueDynamics}).
 *
 * <p>A trade sign is {@code +1} (buyer-initiated), {@code -1} (seller-initiated) or {@code 0} (not classifiable yet,
 * e.g. the tick rule before the first price change). Timestamps are epoch nanoseconds, UTC. Streaming forms are
 * {@code O(1)} (or {@code O(L)}) per trade and allocate nothing; batch forms over arrays give the same numbers.
 */
package io.qtrade.features.trades;
