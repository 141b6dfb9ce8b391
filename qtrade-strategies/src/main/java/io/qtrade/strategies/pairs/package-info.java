/**
 * Kalman-filter pairs trading: {@link io.qtrade.strategies.pairs.KalmanPairsTrader} (a
 * {@link io.qtrade.core.strategy.Strategy}) samples the mids of two instruments {@code y} and {@code x} on a timer,
 * tracks the hedge ratio with the features module's {@link io.qtrade.features.filter.KalmanHedgeRatio}, trades the
 * standardised innovation through the pure rule {@link io.qtrade.strategies.pairs.PairSignal} (entry, exit and stop
 * thresholds), sizes the legs dollar- or beta-neutral ({@link io.qtrade.strategies.pairs.HedgeSizing}) and, if asked,
 * trades only while a rolling cointegration test accepts the pair
 * ({@link io.qtrade.strategies.pairs.RollingCointegrationGate} with
 * {@link io.qtrade.strategies.pairs.EngleGrangerTest} or {@link io.qtrade.strategies.pairs.JohansenTraceTest}).
 *
 * <p>Timestamps are epoch nanoseconds, UTC; quantities instrument units, prices quote currency.
 */
package io.qtrade.strategies.pairs;
