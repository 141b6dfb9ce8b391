/**
 * Position sizing a strategy or a report calls: {@link io.qtrade.risk.sizing.FixedFractional} (risk a fraction of
 * equity to the stop), {@link io.qtrade.risk.sizing.Kelly} (full and fractional Kelly from a win rate and payoff ratio
 * or from the mean and variance of returns) and {@link io.qtrade.risk.sizing.VolatilityTarget} (scale to a target
 * volatility). Equity and prices are quote currency; quantities instrument units, rounded down to the lot where an
 * {@link io.qtrade.core.Instrument} is given (never up: sizing never exceeds the risk it was asked for).
 */
package io.qtrade.risk.sizing;
